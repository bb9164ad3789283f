// @vitest-environment jsdom
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { commercialDraft, renderInForm } from "@/web/test-support/render-in-form";
import type { Draft } from "../../draft";
import { DoseStep } from "./dose-step";

const renderStep = (change?: (draft: Draft) => void) => renderInForm(<DoseStep />, commercialDraft(change));

function row(term: string): string | null | undefined {
  const calc = document.querySelector<HTMLElement>('dl[aria-label="Dose calculation"]');
  if (calc === null) throw new Error("no dose calculation");
  return within(calc).getByText(term, { selector: "dt" }).nextElementSibling?.textContent;
}

describe("DoseStep", () => {
  it("prefills the maximum dose, in units of 10^13 gc/kg", () => {
    renderStep();
    expect(screen.getByLabelText("Requested dose")).toHaveValue("2");
  });

  it("asks for the weight before it can calculate", () => {
    renderStep();
    expect(screen.getByText("Enter the member's weight to calculate the dose.")).toBeInTheDocument();
  });

  it("calculates volume, vials and kit from the weight and the requested dose", async () => {
    const { user } = renderStep((d) => (d.member.weight = { value: "80", unit: "kg" }));
    expect(row("Weight")).toBe("80 kg");
    expect(row("Infusion volume")).toBe("160 mL (at 1 × 10^13 gc/mL)");
    expect(row("Vials needed")).toBe("16 (at least 10 mL each)");
    expect(row("Kit")).toBe("16-vial kit");
    const dose = screen.getByLabelText("Requested dose");
    await user.clear(dose);
    await user.type(dose, "1.5");
    expect(row("Infusion volume")).toBe("120 mL (at 1 × 10^13 gc/mL)");
    expect(row("Vials needed")).toBe("12 (at least 10 mL each)");
    await user.clear(dose);
    expect(row("Requested total dose")).toBe("Not requested yet");
  });
});
