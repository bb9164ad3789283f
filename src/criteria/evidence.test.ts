/** The values behind each criterion, as the reviewer reads them. */
import { describe, expect, it } from "vitest";
import { document, eligible } from "@fixtures";
import { CRITERION_IDS, criterionEvidence, evaluate, formatDate, type RequestDocument } from "@/criteria";

const evidenceOf = (doc: RequestDocument) => criterionEvidence(doc, evaluate(doc));
const text = (doc: RequestDocument, id: keyof ReturnType<typeof evidenceOf>) =>
  evidenceOf(doc)[id].map((item) => `${item.label}: ${item.value}`);

describe("formatDate", () => {
  it("writes a calendar date as people read it, without shifting it through a time zone", () => {
    expect(formatDate("2026-11-10")).toBe("10 Nov 2026");
    expect(formatDate("2027-02-28")).toBe("28 Feb 2027");
    expect(formatDate("2026-01-01T23:59:59.000Z")).toBe("1 Jan 2026");
    expect(formatDate("not a date")).toBe("not a date");
  });
});

describe("criterionEvidence", () => {
  it("gives every criterion of I.A at least one value", () => {
    const evidence = evidenceOf(eligible());
    for (const id of CRITERION_IDS) expect(evidence[id].length, id).toBeGreaterThan(0);
  });

  it("shows each liver enzyme against its upper limit, with the date drawn", () => {
    expect(text(eligible(), "I.A.8.a")).toEqual([
      "Drawn: 20 Oct 2026",
      "ALT: 30 / upper limit 56",
      "AST: 25 / upper limit 40",
      "ALP: 80 / upper limit 129",
      "Total bilirubin: 0.8 / upper limit 1.2",
    ]);
  });

  it("lists each inhibitor assay with its Bethesda units and date, for 7.b and 7.c", () => {
    const doc = document("positive-inhibitor-with-retest");
    const assays = doc.inhibitor?.assays ?? [];
    const expected = assays.map((a, i) => `Assay ${i + 1}: ${a.bethesdaUnits} BU, ${formatDate(a.date ?? "")}`);
    expect(expected.length).toBeGreaterThan(1);
    expect(text(doc, "I.A.7.b")).toEqual(expected);
    expect(text(doc, "I.A.7.c")).toEqual(expected);
  });

  it("shows the AAV5 titer, the weight and the dose with volume and vials", () => {
    expect(text(eligible(), "I.A.10")[0]).toBe("AAV5 antibodies: Detected, titer 1:300");
    expect(text(eligible(), "I.A.11")).toEqual([
      "Weight: 80 kg",
      "Requested dose: 2 × 10^13 gc/kg",
      "Total: 1.6 × 10^15 genome copies = 160 mL, 16 vials",
    ]);
    expect(text(document("non-hematologist-consulted-weight-lb"), "I.A.11")[0]).toMatch(
      /^Weight: [\d.]+ lb \([\d.]+ kg\)$/,
    );
  });

  it("shows the age on the request date beside the date of birth, and the bleeds with site and kind", () => {
    expect(text(eligible(), "I.A.3")).toEqual(["Date of birth: 12 Apr 1985 (age 41 on 27 Nov 2026)"]);
    expect(text(eligible(), "I.A.5.b")).toEqual([
      "Bleed 1: 14 Sep 2025, joint (hemarthrosis), spontaneous",
      "Prophylaxis start: 1 Jun 2023",
    ]);
  });

  it("says 'Not answered' where the request is silent, and 'None on record' for an empty list", () => {
    const doc = eligible((d) => {
      delete d.liver;
      delete d.exposureDays;
      d.inhibitor = { historyOfInhibitor: false, assays: [] };
    });
    expect(text(doc, "I.A.6")).toEqual(["Exposure days: Not answered"]);
    expect(text(doc, "I.A.8.a")[1]).toBe("ALT: Not answered");
    expect(text(doc, "I.A.7.b")).toEqual(["Inhibitor assays: None on record"]);
  });
});
