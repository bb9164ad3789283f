// @vitest-environment jsdom
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { commercialDraft, renderInForm } from "@/web/test-support/render-in-form";
import type { Draft } from "../../draft";
import { LiverStep } from "./liver-step";
import { datePartsFromIso } from "@/web/lib/date-parts";

const renderStep = (change?: (draft: Draft) => void) => renderInForm(<LiverStep />, commercialDraft(change));

const ATTESTATION = "Does a hepatologist attest that the member is eligible for Hemgenix?";
const attestation = () => screen.queryByRole("group", { name: ATTESTATION });
const resultOf = (study: "Hepatic ultrasound result" | "Elastography result", value: "Normal" | "Abnormal") =>
  within(screen.getByRole("group", { name: study })).getByRole("radio", { name: value });
const analyte = (name: string, field: "Result" | "Upper limit of normal") =>
  within(screen.getByRole("group", { name: name })).getByLabelText(field);

const NORMAL_ENZYMES = (d: Draft) => {
  d.liver.enzymes = {
    date: datePartsFromIso("2026-10-20"),
    alt: { value: "30", upperLimit: "56" },
    ast: { value: "25", upperLimit: "40" },
    alp: { value: "80", upperLimit: "129" },
    totalBilirubin: { value: "0.8", upperLimit: "1.2" },
  };
};

describe("LiverStep", () => {
  it("asks for the enzymes, each with its upper limit, and both studies", () => {
    renderStep();
    const drawn = screen.getByRole("group", { name: "Date drawn" });
    expect(within(drawn).getByLabelText("Day")).toHaveAttribute("id", "f-liver-enzymes-date");
    for (const study of ["Hepatic ultrasound date", "Elastography date"])
      expect(screen.getByRole("group", { name: study })).toBeInTheDocument();
    for (const name of [
      "ALT (alanine aminotransferase)",
      "AST (aspartate aminotransferase)",
      "ALP (alkaline phosphatase)",
      "Total bilirubin",
    ]) {
      expect(analyte(name, "Result")).toBeInTheDocument();
      expect(analyte(name, "Upper limit of normal")).toBeInTheDocument();
    }
  });

  it("does not ask for the hepatologist's attestation with nothing entered or all results normal", async () => {
    const { user } = renderStep((d) => {
      NORMAL_ENZYMES(d);
      d.liver.ultrasound.date = datePartsFromIso("2026-10-21");
      d.liver.elastography.date = datePartsFromIso("2026-10-21");
    });
    expect(attestation()).not.toBeInTheDocument();
    await user.click(resultOf("Hepatic ultrasound result", "Normal"));
    await user.click(resultOf("Elastography result", "Normal"));
    expect(attestation()).not.toBeInTheDocument();
  });

  it("asks for the attestation while a recent imaging result is abnormal, and not after it is corrected", async () => {
    const { user } = renderStep((d) => {
      d.liver.ultrasound.date = datePartsFromIso("2026-10-21");
    });
    await user.click(resultOf("Hepatic ultrasound result", "Abnormal"));
    expect(attestation()).toBeInTheDocument();
    expect(attestation()).toHaveAccessibleDescription("Needed because a recent liver result is abnormal (I.A.8.c)");
    await user.click(resultOf("Hepatic ultrasound result", "Normal"));
    expect(attestation()).not.toBeInTheDocument();
  });

  it("asks for the attestation when a recent enzyme is above its upper limit", async () => {
    const { user } = renderStep(NORMAL_ENZYMES);
    expect(attestation()).not.toBeInTheDocument();
    const alt = analyte("ALT (alanine aminotransferase)", "Result");
    await user.clear(alt);
    await user.type(alt, "90");
    expect(attestation()).toBeInTheDocument();
  });

  it("does not ask for the attestation for an abnormal result older than 3 months", async () => {
    const { user } = renderStep((d) => {
      d.liver.elastography.date = datePartsFromIso("2026-08-26");
    });
    await user.click(resultOf("Elastography result", "Abnormal"));
    expect(attestation()).not.toBeInTheDocument();
  });

  it("does not ask for the attestation before the line of business allows an evaluation", async () => {
    const { user } = renderStep((d) => {
      d.lineOfBusiness = "";
      d.liver.ultrasound.date = datePartsFromIso("2026-10-21");
    });
    await user.click(resultOf("Hepatic ultrasound result", "Abnormal"));
    expect(attestation()).not.toBeInTheDocument();
  });
});
