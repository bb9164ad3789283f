import { describe, expect, it } from "vitest";
import { emptyDraft, toDocument } from "./draft";
import { fillDraft } from "./record-answers";

describe("filling the draft from answers given by document path", () => {
  it("puts each answer at its path as the wizard shows it, and nothing else", () => {
    const before = emptyDraft("2026-11-27");
    before.member.firstName = "Typed";
    before.liver.enzymes.alt.upperLimit = "56";
    const { draft, applied } = fillDraft(before, [
      { path: "member.dateOfBirth", value: "1990-01-10" },
      { path: "member.weight", value: { value: 81.6, unit: "kg" } },
      { path: "liver.enzymes.alt.value", value: 70 },
      { path: "inhibitor.assays", value: [{ date: "2026-10-01", bethesdaUnits: 0.3 }] },
      { path: "diagnosis.condition", value: "congenital_hemophilia_b" },
      { path: "priorGeneTherapy", value: false },
    ]);
    expect(draft.member.dateOfBirth).toEqual({ day: "10", month: "1", year: "1990" });
    expect(draft.member.weight).toEqual({ value: "81.6", unit: "kg" });
    expect(draft.liver.enzymes.alt).toEqual({ value: "70", upperLimit: "56" });
    expect(draft.inhibitor.assaysOnRecord).toBe("yes");
    expect(draft.inhibitor.assays).toEqual([{ date: { day: "1", month: "10", year: "2026" }, bethesdaUnits: "0.3" }]);
    expect(draft.priorGeneTherapy).toBe("no");
    expect(draft.member.firstName).toBe("Typed");
    expect(applied["liver.enzymes.alt.value"]).toBe('"70"');
    expect(applied["member.weight"]).toBe('{"value":"81.6","unit":"kg"}');
    // The document the wizard now describes carries exactly the record's values.
    const doc = toDocument(draft) as { liver: { enzymes: { alt: unknown } }; member: { weight: unknown } };
    expect(doc.liver.enzymes.alt).toEqual({ value: 70, upperLimit: 56 });
    expect(doc.member.weight).toEqual({ value: 81.6, unit: "kg" });
    expect(before.member.dateOfBirth.year).toBe("");
  });
});
