// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useEffect } from "react";
import { FormProvider, useForm, type UseFormReturn } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { emptyDraft, toDocument, type Draft } from "../../draft";
import { draftResolver } from "../../draft-resolver";
import { GeneTherapyStep } from "./gene-therapy-step";

function renderStep(draft: Draft = emptyDraft("2026-11-27")) {
  const holder: { form?: UseFormReturn<Draft> } = {};
  function Harness() {
    const form = useForm<Draft>({ defaultValues: draft, resolver: draftResolver });
    useEffect(() => {
      holder.form = form;
    }, [form]);
    return (
      <FormProvider {...form}>
        <GeneTherapyStep />
      </FormProvider>
    );
  }
  render(<Harness />);
  const form = holder.form;
  if (form === undefined) throw new Error("the form did not render");
  return { form, user: userEvent.setup() };
}

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
