import { describe, expect, it } from "vitest";
import { eligible } from "@fixtures";
import { emptyDraft, fromDocument, type Draft } from "./draft";
import { answeredErrors, draftErrors } from "./draft-messages";

const eligibleDraft = (change: (draft: Draft) => void): Draft => {
  const draft = fromDocument(eligible());
  change(draft);
  return draft;
};

const messageAt = (draft: Draft, path: string): string | undefined =>
  draftErrors(draft).find((e) => e.path === path)?.message;

describe("the wizard's messages", () => {
  it.each<[string, (d: Draft) => void, string, string]>([
    ["line of business", (d) => (d.lineOfBusiness = ""), "lineOfBusiness", "Select the line of business"],
    [
      "request date left blank",
      (d) => (d.requestDate = { day: "", month: "", year: "" }),
      "requestDate",
      "Enter the request date",
    ],
    [
      "weight as words",
      (d) => (d.member.weight.value = "eighty"),
      "member.weight.value",
      "Enter the weight as a number, like 80",
    ],
    [
      "weight with a decimal comma",
      (d) => (d.member.weight.value = "80,5"),
      "member.weight.value",
      "Enter the weight as a number, like 80",
    ],
    [
      "dose 2e13",
      (d) => (d.dose.requestedGcPerKg = "2e13"),
      "dose.requestedGcPerKg",
      "Enter the dose as a number of 10^13 genome copies per kg, like 2",
    ],
    [
      "dose 2E+0",
      (d) => (d.dose.requestedGcPerKg = "2E+0"),
      "dose.requestedGcPerKg",
      "Enter the dose as a number of 10^13 genome copies per kg, like 2",
    ],
    [
      "bleed date 30 Feb",
      (d) => d.bleeds[0] !== undefined && (d.bleeds[0].date = { day: "30", month: "2", year: "2025" }),
      "bleeds.0.date",
      "Bleed date must be a real date",
    ],
    [
      "assay date without a day",
      (d) =>
        d.inhibitor.assays[0] !== undefined && (d.inhibitor.assays[0].date = { day: "", month: "10", year: "2026" }),
      "inhibitor.assays.0.date",
      "Assay date must include a day",
    ],
    [
      "lab date 31 Sep",
      (d) => (d.liver.enzymes.date = { day: "31", month: "9", year: "2026" }),
      "liver.enzymes.date",
      "Liver enzymes date must be a real date",
    ],
    [
      "imaging date after the request",
      (d) => (d.liver.ultrasound.date = { day: "28", month: "11", year: "2026" }),
      "liver.ultrasound.date",
      "Ultrasound date must be the same as or before the request date, 27 Nov 2026",
    ],
    [
      "prophylaxis start 31 Jun",
      (d) => (d.prophylaxis.startDate = { day: "31", month: "6", year: "2023" }),
      "prophylaxis.startDate",
      "Prophylaxis start date must be a real date",
    ],
    [
      "ALT as text",
      (d) => (d.liver.enzymes.alt.value = "high"),
      "liver.enzymes.alt.value",
      "Enter the ALT result as a number, like 25",
    ],
    [
      "factor IX above 200%",
      (d) => (d.diagnosis.factorIxActivityPercent = "250"),
      "diagnosis.factorIxActivityPercent",
      "Baseline factor IX activity must be between 0% and 200%",
    ],
    [
      "a first name too long",
      (d) => (d.member.firstName = "A".repeat(101)),
      "member.firstName",
      "Member's first name must be 100 characters or fewer",
    ],
  ])("%s", (_, change, path, message) => {
    expect(messageAt(eligibleDraft(change), path)).toBe(message);
  });

  it("never quotes the value typed, nor shows YYYY-MM-DD", () => {
    const draft = eligibleDraft((d) => {
      d.member.firstName = "Zelda".repeat(30);
      d.member.dateOfBirth = { day: "30", month: "2", year: "1990" };
      d.member.weight.value = "eighty";
      d.prescriber.npi = "1234567890";
      d.exposureDays = "150.5";
      d.aav5.titer = "1:lots";
    });
    const messages = draftErrors(draft).map((e) => e.message);
    expect(messages).toHaveLength(6);
    for (const message of messages) expect(message).not.toMatch(/Zelda|1990|eighty|1234567890|150\.5|lots|YYYY|got/);
  });

  it("counts nothing as needing correction on a fresh request (blank answers are not answered yet)", () => {
    const fresh = emptyDraft("2026-11-27");
    expect(draftErrors(fresh).map((e) => e.path)).toEqual(["lineOfBusiness"]);
    expect(answeredErrors(draftErrors(fresh), fresh)).toEqual([]);
  });

  it("counts a partly typed date as needing correction, not as unanswered", () => {
    const draft = eligibleDraft((d) => (d.member.dateOfBirth = { day: "12", month: "", year: "" }));
    expect(answeredErrors(draftErrors(draft), draft).map((e) => e.path)).toEqual(["member.dateOfBirth"]);
  });
});
