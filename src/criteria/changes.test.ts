/** What changed between two versions of a request, field by field. */
import { describe, expect, it } from "vitest";
import { eligible } from "@fixtures";
import { documentChanges } from "@/criteria";

const lines = (before = eligible(), after = eligible()) =>
  documentChanges(before, after).map((c) => `${c.label}: ${c.before} → ${c.after}`);

describe("documentChanges", () => {
  it("finds nothing between equal documents", () => {
    expect(documentChanges(eligible(), eligible())).toEqual([]);
  });

  it("names each changed field by its label, old → new, in form order, dates and units as people read them", () => {
    const after = eligible((d) => {
      d.aav5 = { result: "detected", titer: 500 };
      d.liver = { ...d.liver, enzymes: { ...d.liver?.enzymes, alt: { value: 25, upperLimit: 40 } } };
      d.member = { ...d.member, weight: { value: 82, unit: "kg" } };
      d.liver = { ...d.liver, ultrasound: { ...d.liver?.ultrasound, date: "2026-11-02" } };
      d.lineOfBusiness = "medicaid";
    });
    expect(lines(eligible(), after)).toEqual([
      "Line of business: Commercial → Medicaid",
      "Weight: 80 kg → 82 kg",
      "ALT: 30 U/L → 25 U/L",
      "ALT upper limit of normal: 56 U/L → 40 U/L",
      "Ultrasound date: 21 Oct 2026 → 2 Nov 2026",
      "AAV5 titer: 1:300 → 1:500",
    ]);
    expect(documentChanges(eligible(), after)[0]?.path).toBe("lineOfBusiness");
  });

  it("says which entry of a list changed, and that an answer was added or removed", () => {
    const after = eligible((d) => {
      d.inhibitor = {
        ...d.inhibitor,
        assays: [...(d.inhibitor?.assays ?? []), { date: "2026-11-20", bethesdaUnits: 0.1 }],
      };
      delete d.exposureDays;
      d.prescriber = { ...d.prescriber, hematologistConsulted: true };
    });
    expect(lines(eligible(), after)).toEqual([
      "Hematologist consulted: Not answered → Yes",
      "Exposure days: 220 → Not answered",
      "Inhibitor assays: 1 entry → 2 entries",
      "Inhibitor assay 2: Assay date: Not answered → 20 Nov 2026",
      "Inhibitor assay 2: Bethesda units: Not answered → 0.1 BU",
    ]);
  });

  it("reads each weight in its own version's unit, and bilirubin in mg/dL", () => {
    const after = eligible((d) => {
      d.member = { ...d.member, weight: { value: 176, unit: "lb" } };
      d.liver = {
        ...d.liver,
        enzymes: { ...d.liver?.enzymes, totalBilirubin: { value: 0.9, upperLimit: 1.3 } },
      };
    });
    expect(lines(eligible(), after)).toEqual([
      "Weight: 80 kg → 176 lb",
      "Weight unit: kg → lb",
      "Total bilirubin: 0.8 mg/dL → 0.9 mg/dL",
      "Total bilirubin upper limit of normal: 1.2 mg/dL → 1.3 mg/dL",
    ]);
  });

  it("reads an emptied list as None and a changed dose in genome copies", () => {
    const after = eligible((d) => {
      d.bleeds = [];
      d.dose = { requestedGcPerKg: 1.5e13 };
    });
    expect(lines(eligible(), after)).toEqual([
      "Bleeding episodes: 1 entry → None",
      "Bleeding episode 1: Bleed date: 14 Sep 2025 → Not answered",
      "Bleeding episode 1: Bleed site: joint (hemarthrosis) → Not answered",
      "Bleeding episode 1: Spontaneous bleed: Yes → Not answered",
      "Requested dose: 2 × 10^13 gc/kg → 1.5 × 10^13 gc/kg",
    ]);
  });
});
