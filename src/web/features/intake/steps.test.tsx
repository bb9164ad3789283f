// @vitest-environment jsdom
import type { ComponentType } from "react";
import { describe, expect, it } from "vitest";
import { CRITERIA, CRITERION_IDS, FIELD_LABELS } from "@/criteria";
import { eligible } from "@/web/test-support/eligible";
import { renderInForm } from "@/web/test-support/render-in-form";
import { fromDocument, type Draft } from "./draft";
import { DiagnosisStep } from "./components/steps/diagnosis-step";
import { DoseStep } from "./components/steps/dose-step";
import { ExposureDaysStep } from "./components/steps/exposure-days-step";
import { GeneTherapyStep } from "./components/steps/gene-therapy-step";
import { InhibitorStep } from "./components/steps/inhibitor-step";
import { LiverStep } from "./components/steps/liver-step";
import { MemberStep } from "./components/steps/member-step";
import { PrescriberStep } from "./components/steps/prescriber-step";
import { ProphylaxisStep } from "./components/steps/prophylaxis-step";
import { RequestStep } from "./components/steps/request-step";
import { STEPS, STEP_IDS, isStepId, questionOf, stepIndex, stepOfPath, type StepId } from "./steps";
import { datePartsFromIso } from "@/web/lib/date-parts";

const PAGES: Record<StepId, ComponentType> = {
  request: RequestStep,
  member: MemberStep,
  prescriber: PrescriberStep,
  diagnosis: DiagnosisStep,
  prophylaxis: ProphylaxisStep,
  "exposure-days": ExposureDaysStep,
  inhibitor: InhibitorStep,
  liver: LiverStep,
  "gene-therapy": GeneTherapyStep,
  dose: DoseStep,
};

/** Every conditional question visible: another specialty, a recent abnormal ultrasound, lists on record. */
function everyQuestionDraft(): Draft {
  const draft = fromDocument(eligible());
  draft.prescriber.specialty = "other";
  draft.prescriber.hematologistConsulted = "yes";
  draft.liver.ultrasound = { date: datePartsFromIso("2026-10-21"), result: "abnormal" };
  draft.liver.hepatologistAttestation = "";
  draft.aav5 = { result: "detected", titer: "300" };
  return draft;
}

function renderStep(step: StepId, draft = everyQuestionDraft()) {
  const Page = PAGES[step];
  renderInForm(<Page />, draft);
}

describe("questionOf", () => {
  it.each([...CRITERION_IDS])("names a page whose questions include the input of %s", (id) => {
    const { step, fieldId } = questionOf(id);
    expect(isStepId(step)).toBe(true);
    renderStep(step);
    const input = document.getElementById(fieldId);
    expect(input, `${id} → #${fieldId} on ${step}`).not.toBeNull();
    expect(input?.tagName === "INPUT" || input?.tagName === "SELECT", `${fieldId} is a form control`).toBe(true);
    expect(input).toHaveAccessibleName();
  });

  it.each([...CRITERION_IDS])("names the page that asks for the first field of %s", (id) => {
    const first = CRITERIA[id].fields[0] ?? "";
    const { step } = questionOf(id);
    expect(STEPS[step].paths.some((path) => first === path || first.startsWith(`${path}.`))).toBe(true);
  });

  it("gives the expected page for each criterion", () => {
    expect(Object.fromEntries(CRITERION_IDS.map((id) => [id, questionOf(id)]))).toEqual({
      "I.A.1": { step: "diagnosis", fieldId: "f-diagnosis-condition" },
      "I.A.2": { step: "prescriber", fieldId: "f-prescriber-specialty" },
      "I.A.3": { step: "member", fieldId: "f-member-dateOfBirth" },
      "I.A.4": { step: "diagnosis", fieldId: "f-diagnosis-factorIxActivityPercent" },
      "I.A.5.a": { step: "prophylaxis", fieldId: "f-prophylaxis-product" },
      "I.A.5.b": { step: "prophylaxis", fieldId: "f-bleedsOnRecord" },
      "I.A.6": { step: "exposure-days", fieldId: "f-exposureDays" },
      "I.A.7.a": { step: "inhibitor", fieldId: "f-inhibitor-historyOfInhibitor" },
      "I.A.7.b": { step: "inhibitor", fieldId: "f-inhibitor-assaysOnRecord" },
      "I.A.7.c": { step: "inhibitor", fieldId: "f-inhibitor-assaysOnRecord" },
      "I.A.8.a": { step: "liver", fieldId: "f-liver-enzymes-date" },
      "I.A.8.b": { step: "liver", fieldId: "f-liver-ultrasound-result" },
      "I.A.8.c": { step: "liver", fieldId: "f-liver-hepatologistAttestation" },
      "I.A.9": { step: "gene-therapy", fieldId: "f-priorGeneTherapy" },
      "I.A.10": { step: "gene-therapy", fieldId: "f-aav5-result" },
      "I.A.11": { step: "dose", fieldId: "f-dose-requestedGcPerKg" },
    });
  });
});

/** Every document path with its page, written out from the spec's document. */
const PAGE_OF_PATH: Record<string, StepId> = {
  schemaVersion: "request",
  requestType: "request",
  requestDate: "request",
  lineOfBusiness: "request",
  member: "member",
  "member.firstName": "member",
  "member.lastName": "member",
  "member.memberId": "member",
  "member.dateOfBirth": "member",
  "member.weight": "member",
  "member.weight.value": "member",
  "member.weight.unit": "member",
  prescriber: "prescriber",
  "prescriber.name": "prescriber",
  "prescriber.npi": "prescriber",
  "prescriber.specialty": "prescriber",
  "prescriber.hematologistConsulted": "prescriber",
  diagnosis: "diagnosis",
  "diagnosis.condition": "diagnosis",
  "diagnosis.icd10": "diagnosis",
  "diagnosis.factorIxActivityPercent": "diagnosis",
  "diagnosis.otherDescription": "diagnosis",
  "diagnosis.recentLabelChange": "diagnosis",
  "diagnosis.onFormulary": "diagnosis",
  prophylaxis: "prophylaxis",
  "prophylaxis.product": "prophylaxis",
  "prophylaxis.startDate": "prophylaxis",
  "prophylaxis.adherenceDocumented": "prophylaxis",
  bleeds: "prophylaxis",
  "bleeds.0": "prophylaxis",
  "bleeds.3.date": "prophylaxis",
  "bleeds.0.site": "prophylaxis",
  "bleeds.12.spontaneous": "prophylaxis",
  bleedsOnRecord: "prophylaxis",
  exposureDays: "exposure-days",
  inhibitor: "inhibitor",
  "inhibitor.historyOfInhibitor": "inhibitor",
  "inhibitor.assays": "inhibitor",
  "inhibitor.assays.0": "inhibitor",
  "inhibitor.assays.1.date": "inhibitor",
  "inhibitor.assays.1.bethesdaUnits": "inhibitor",
  "inhibitor.assaysOnRecord": "inhibitor",
  liver: "liver",
  "liver.enzymes": "liver",
  "liver.enzymes.date": "liver",
  "liver.enzymes.alt.value": "liver",
  "liver.enzymes.ast.upperLimit": "liver",
  "liver.enzymes.alp": "liver",
  "liver.enzymes.totalBilirubin.value": "liver",
  "liver.ultrasound": "liver",
  "liver.ultrasound.date": "liver",
  "liver.elastography.result": "liver",
  "liver.hepatologistAttestation": "liver",
  priorGeneTherapy: "gene-therapy",
  aav5: "gene-therapy",
  "aav5.result": "gene-therapy",
  "aav5.titer": "gene-therapy",
  dose: "dose",
  "dose.requestedGcPerKg": "dose",
  "": "request",
};

describe("stepOfPath", () => {
  it.each(Object.entries(PAGE_OF_PATH))("puts %j on the %s page", (path, step) => {
    expect(stepOfPath(path)).toBe(step);
  });

  it("puts every field the library names on the page of its top-level field", () => {
    const keys = Object.keys(FIELD_LABELS);
    expect(keys.length).toBeGreaterThan(50);
    for (const key of keys) {
      const path = key.replace(/\[\]/g, ".0");
      const top = path.split(".")[0] ?? "";
      expect(stepOfPath(path), path).toBe(PAGE_OF_PATH[top]);
    }
  });

  it("does not take a path for another that merely starts with the same letters", () => {
    expect(stepOfPath("doseNotes")).toBe("request");
    expect(stepOfPath("liverX.date")).toBe("request");
    expect(stepOfPath("aav5x")).toBe("request");
  });
});

describe("the page list", () => {
  it("numbers the pages in order", () => {
    STEP_IDS.forEach((id, index) => {
      expect(stepIndex(id)).toBe(index);
      expect(STEPS[id].id).toBe(id);
      expect(STEPS[id].title.length).toBeGreaterThan(0);
    });
  });

  it("tells page ids from other text", () => {
    expect(isStepId("liver")).toBe(true);
    expect(isStepId("check")).toBe(false);
    expect(isStepId("")).toBe(false);
  });
});
