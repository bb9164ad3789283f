// @vitest-environment jsdom
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { commercialDraft, renderInForm } from "@/web/test-support/render-in-form";
import { toDocument, type Draft } from "../../draft";
import { DiagnosisStep } from "./diagnosis-step";

const renderStep = (change?: (draft: Draft) => void) => renderInForm(<DiagnosisStep />, commercialDraft(change));

const LABEL_CHANGE = /^Has Hemgenix had a label change in the last 6 months/;
const FORMULARY = /^Is Hemgenix on the formulary/;

const factorIx = () => screen.queryByLabelText("Baseline factor IX activity");
const description = () => screen.queryByLabelText("Describe the diagnosis or use");
const labelChange = () => screen.queryByRole("group", { name: LABEL_CHANGE });
const formulary = () => screen.queryByRole("group", { name: FORMULARY });
const referral = () => screen.queryByRole("heading", { name: /^This request goes to policy/ });

describe("DiagnosisStep", () => {
  it("asks only for the diagnosis until it is answered", () => {
    renderStep();
    expect(screen.getByRole("group", { name: "Diagnosis" })).toBeInTheDocument();
    expect(factorIx()).not.toBeInTheDocument();
    expect(description()).not.toBeInTheDocument();
    expect(labelChange()).not.toBeInTheDocument();
    expect(formulary()).not.toBeInTheDocument();
    expect(referral()).not.toBeInTheDocument();
  });

  it("asks for the factor IX activity and ICD-10 code once a diagnosis is chosen, whichever it is", async () => {
    const { user } = renderStep();
    await user.click(screen.getByRole("radio", { name: /^Congenital hemophilia B/ }));
    expect(factorIx()).toBeInTheDocument();
    expect(factorIx()).toHaveAccessibleDescription("Percent of normal (1 IU/dL = 1%). 2% or less is needed (I.A.4).");
    expect(screen.getByLabelText("ICD-10 code (optional)")).toHaveAccessibleDescription(/D67/);
    expect(description()).not.toBeInTheDocument();
    expect(labelChange()).not.toBeInTheDocument();
    await user.click(screen.getByRole("radio", { name: "Another diagnosis or use" }));
    expect(factorIx()).toBeInTheDocument();
    expect(screen.getByLabelText("ICD-10 code (optional)")).toHaveAccessibleDescription("The code of the diagnosis");
  });

  it("asks about another diagnosis, the label change, then the formulary only after a label change", async () => {
    const { user } = renderStep();
    await user.click(screen.getByRole("radio", { name: "Another diagnosis or use" }));
    expect(description()).toBeInTheDocument();
    expect(labelChange()).toBeInTheDocument();
    expect(formulary()).not.toBeInTheDocument();

    const yesLabelChange = labelChange()?.querySelector<HTMLInputElement>('input[value="yes"]');
    const noLabelChange = labelChange()?.querySelector<HTMLInputElement>('input[value="no"]');
    if (yesLabelChange == null || noLabelChange == null) throw new Error("no label-change options");
    await user.click(yesLabelChange);
    expect(formulary()).toBeInTheDocument();
    await user.click(noLabelChange);
    expect(formulary()).not.toBeInTheDocument();

    await user.click(screen.getByRole("radio", { name: /^Congenital hemophilia B/ }));
    expect(description()).not.toBeInTheDocument();
    expect(labelChange()).not.toBeInTheDocument();
  });

  it("shows where another diagnosis is referred, following the answers", async () => {
    const { user } = renderStep();
    await user.click(screen.getByRole("radio", { name: "Another diagnosis or use" }));
    expect(referral()).toHaveTextContent("This request goes to policy CP.CPA.09");

    const yes = (group: HTMLElement | null) => group?.querySelector<HTMLInputElement>('input[value="yes"]');
    const no = (group: HTMLElement | null) => group?.querySelector<HTMLInputElement>('input[value="no"]');
    const labelYes = yes(labelChange());
    if (labelYes == null) throw new Error("no label-change option");
    await user.click(labelYes);
    expect(referral()).toHaveTextContent("This request goes to policy CP.CPA.09");
    const formularyNo = no(formulary());
    if (formularyNo == null) throw new Error("no formulary option");
    await user.click(formularyNo);
    expect(referral()).toHaveTextContent("This request goes to policy CP.CPA.190");
    expect(screen.getByText(/The remaining questions of this request are not needed/)).toBeInTheDocument();

    await user.click(screen.getByRole("radio", { name: /^Congenital hemophilia B/ }));
    expect(referral()).not.toBeInTheDocument();
  });

  it("keeps hidden answers in the form but sends only those its diagnosis asks for", async () => {
    const { user, form } = renderStep();
    await user.click(screen.getByRole("radio", { name: "Another diagnosis or use" }));
    const text = description();
    if (text === null) throw new Error("no description input");
    await user.type(text, "Acquired");
    await user.click(screen.getByRole("radio", { name: /^Congenital hemophilia B/ }));
    expect(description()).not.toBeInTheDocument();
    expect(form.getValues("diagnosis.otherDescription")).toBe("Acquired");
    expect(toDocument(form.getValues()).diagnosis).toEqual({ condition: "congenital_hemophilia_b", icd10: "D67" });
    await user.click(screen.getByRole("radio", { name: "Another diagnosis or use" }));
    expect(description()).toHaveValue("Acquired");
    expect(toDocument(form.getValues()).diagnosis).toEqual({ condition: "other", otherDescription: "Acquired" });
  });
});
