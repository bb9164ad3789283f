import { describe, expect, it } from "vitest";
import { emptyDraft, fromDocument } from "./draft";
import { draftDifferences } from "./draft-differences";
import { isoFromDateParts } from "@/web/lib/date-parts";
import { document } from "@fixtures";

describe("draftDifferences", () => {
  it("is empty for equal drafts", () => {
    const draft = fromDocument(document("eligible"));
    expect(draftDifferences(draft, structuredClone(draft))).toEqual([]);
  });

  it("names each differing answer under its page, in wizard order", () => {
    const current = fromDocument(document("eligible"));
    const other = structuredClone(current);
    other.member.firstName = "Bea";
    other.member.dateOfBirth = { day: "1", month: "1", year: "1980" };
    other.diagnosis.condition = "other";
    other.liver.enzymes.alt.value = "99";
    expect(draftDifferences(current, other)).toEqual([
      { step: "member", title: "Member", answers: ["Member's first name", "Date of birth"] },
      { step: "diagnosis", title: "Diagnosis", answers: ["Diagnosis"] },
      { step: "liver", title: "Liver workup", answers: ["ALT"] },
    ]);
  });

  it("lists what an empty draft would blank, including list items and the questions behind them", () => {
    const current = fromDocument(document("eligible"));
    const blank = emptyDraft(isoFromDateParts(current.requestDate) ?? "2026-11-27");
    const differences = draftDifferences(current, blank);
    expect(differences.map((d) => d.step)).toContain("prophylaxis");
    const prophylaxis = differences.find((d) => d.step === "prophylaxis")?.answers ?? [];
    expect(prophylaxis).toEqual(expect.arrayContaining(["Bleeding episodes", "Bleed date 1", "Bleed site 1"]));
  });

  it("compares dates kept as parts (day, month, year) by part, named as the date", () => {
    const current = { member: { dateOfBirth: { day: "1", month: "2", year: "1990" } } };
    const other = { member: { dateOfBirth: { day: "30", month: "2", year: "1990" } } };
    expect(draftDifferences(current, other)).toEqual([{ step: "member", title: "Member", answers: ["Date of birth"] }]);
  });
});
