// @vitest-environment jsdom
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderInForm } from "@/web/test-support/render-in-form";
import { toDocument } from "../../draft";
import { GeneTherapyStep } from "./gene-therapy-step";

const renderStep = () => renderInForm(<GeneTherapyStep />);

const titer = () => screen.queryByLabelText("AAV5 neutralizing antibody titer");

describe("GeneTherapyStep", () => {
  it("asks about prior gene therapy and the AAV5 result", () => {
    renderStep();
    expect(screen.getByRole("group", { name: "Has the member received gene therapy before?" })).toBeInTheDocument();
    expect(screen.getByRole("group", { name: "AAV5 neutralizing antibody result" })).toBeInTheDocument();
  });

  it("asks for the titer only when antibodies were detected", async () => {
    const { user } = renderStep();
    expect(titer()).not.toBeInTheDocument();
    await user.click(screen.getByRole("radio", { name: "Not detected" }));
    expect(titer()).not.toBeInTheDocument();
    await user.click(screen.getByRole("radio", { name: "Detected" }));
    expect(titer()).toBeInTheDocument();
    expect(titer()).toHaveAccessibleDescription("Enter N of the titer 1:N. 1:678 or less is needed (I.A.10).");
    await user.click(screen.getByRole("radio", { name: "Not detected" }));
    expect(titer()).not.toBeInTheDocument();
  });

  it("keeps a typed titer while it is hidden and sends it only when detected", async () => {
    const { user, form } = renderStep();
    await user.click(screen.getByRole("radio", { name: "Detected" }));
    const input = titer();
    if (input === null) throw new Error("no titer input");
    await user.type(input, "1:300");
    expect(toDocument(form.getValues()).aav5).toEqual({ result: "detected", titer: 300 });
    await user.click(screen.getByRole("radio", { name: "Not detected" }));
    expect(toDocument(form.getValues()).aav5).toEqual({ result: "not_detected" });
    await user.click(screen.getByRole("radio", { name: "Detected" }));
    expect(titer()).toHaveValue("1:300");
  });
});
