// @vitest-environment node
/** Each checklist item is asked for on the page whose answers it documents (#11). */
import { describe, expect, it } from "vitest";
import { documentationChecklist, evaluate, validateRequestDocument } from "@/criteria";
import { eligible, fixtureNames, rawFixture } from "@fixtures";
import { itemsOfStep, stepOfItem } from "./step-documents";
import { STEP_IDS } from "./steps";

describe("itemsOfStep", () => {
  it("puts the eligible request's items on their pages", () => {
    const doc = eligible((d) => {
      if (d.prescriber !== undefined) d.prescriber.specialty = "other";
      const first = d.inhibitor?.assays?.[0];
      if (first !== undefined) d.inhibitor?.assays?.push({ ...first, date: "2026-10-20" });
    });
    const checklist = documentationChecklist(doc, evaluate(doc));
    const on = Object.fromEntries(STEP_IDS.map((step) => [step, itemsOfStep(checklist, step).map((i) => i.id)]));
    expect(on).toEqual({
      request: [],
      member: [],
      prescriber: ["hematology-consult"],
      diagnosis: ["diagnosis-factor-ix"],
      prophylaxis: ["prophylaxis-records", "bleed-records"],
      "exposure-days": ["exposure-days"],
      inhibitor: ["inhibitor-assay-1", "inhibitor-assay-2"],
      liver: ["liver-panel", "liver-ultrasound", "liver-elastography"],
      "gene-therapy": ["aav5-antibody"],
      dose: ["weight"],
    });
  });

  it("gives every item of every fixture a page with questions (never the first two)", () => {
    for (const name of fixtureNames()) {
      const valid = validateRequestDocument(rawFixture(name));
      if (!valid.ok) continue;
      for (const item of documentationChecklist(valid.document, evaluate(valid.document)))
        expect(["request", "member"], `${name}: ${item.id}`).not.toContain(stepOfItem(item));
    }
  });
});
