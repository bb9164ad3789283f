// @vitest-environment jsdom
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderInForm } from "@/web/test-support/render-in-form";
import { toDocument } from "../../draft";
import { PrescriberStep } from "./prescriber-step";

const renderStep = () => renderInForm(<PrescriberStep />);

const CONSULTED = "Was a hematologist consulted?";
const consulted = () => screen.queryByRole("group", { name: CONSULTED });

describe("PrescriberStep", () => {
  it("asks for name, NPI and specialty", () => {
    renderStep();
    expect(screen.getByLabelText("Prescriber's name")).toBeInTheDocument();
    expect(screen.getByLabelText("Prescriber's NPI")).toHaveAccessibleDescription("10 digits");
    expect(screen.getByRole("group", { name: "Prescriber's specialty" })).toBeInTheDocument();
  });

  it("asks whether a hematologist was consulted only for another specialty", async () => {
    const { user } = renderStep();
    expect(consulted()).not.toBeInTheDocument();
    await user.click(screen.getByRole("radio", { name: "Hematology" }));
    expect(consulted()).not.toBeInTheDocument();
    await user.click(screen.getByRole("radio", { name: "Another specialty" }));
    expect(consulted()).toBeInTheDocument();
    await user.click(screen.getByRole("radio", { name: "Hematology" }));
    expect(consulted()).not.toBeInTheDocument();
  });

  it("keeps the consulted answer while the question is hidden, and sends it only for another specialty", async () => {
    const { user, form } = renderStep();
    await user.click(screen.getByRole("radio", { name: "Another specialty" }));
    await user.click(screen.getByRole("radio", { name: "No" }));
    expect(toDocument(form.getValues()).prescriber).toEqual({ specialty: "other", hematologistConsulted: false });

    await user.click(screen.getByRole("radio", { name: "Hematology" }));
    expect(form.getValues("prescriber.hematologistConsulted")).toBe("no");
    expect(toDocument(form.getValues()).prescriber).toEqual({ specialty: "hematology" });

    await user.click(screen.getByRole("radio", { name: "Another specialty" }));
    expect(screen.getByRole("radio", { name: "No" })).toBeChecked();
  });

  it("checks the NPI's check digit as it is typed, once it has 10 digits", async () => {
    const { user } = renderStep();
    const npi = screen.getByLabelText("Prescriber's NPI");
    await user.type(npi, "123456789");
    expect(screen.queryByText(/NPI/, { selector: "p" })).not.toBeInTheDocument();
    await user.type(npi, "3");
    expect(screen.getByText("✓ This NPI's check digit is correct.")).toBeInTheDocument();
    await user.clear(npi);
    await user.type(npi, "1234567890");
    expect(
      screen.getByText("This is not a valid NPI: it must be 10 digits with a correct check digit."),
    ).toBeInTheDocument();
  });
});
