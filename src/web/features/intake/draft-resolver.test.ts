import { get, type FieldErrors } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { eligible } from "@fixtures";
import { validateRequestDocument } from "@/criteria";
import { fromDocument, toDocument, type Draft } from "./draft";
import { draftResolver } from "./draft-resolver";
import { datePartsFromIso } from "@/web/lib/date-parts";

const OPTIONS = { fields: {}, shouldUseNativeValidation: false };

async function resolve(draft: Draft) {
  return draftResolver(draft, undefined, OPTIONS);
}

const eligibleDraft = (change: (draft: Draft) => void = () => undefined): Draft => {
  const draft = fromDocument(eligible());
  change(draft);
  return draft;
};

/** The library's own errors for the draft, path → message. */
function libraryErrors(draft: Draft): Map<string, string> {
  const result = validateRequestDocument(toDocument(draft));
  return new Map(result.ok ? [] : result.errors.map((e) => [e.path, e.message]));
}

const errorAt = (errors: FieldErrors<Draft>, path: string): unknown => get(errors, path);

describe("draftResolver", () => {
  it("passes a valid draft through unchanged, with no errors", async () => {
    const draft = eligibleDraft();
    const result = await resolve(draft);
    expect(result.errors).toEqual({});
    expect(result.values).toBe(draft);
  });

  it("passes blanks (an unfinished request) without errors", async () => {
    const result = await resolve(
      eligibleDraft((d) => {
        d.member.dateOfBirth = datePartsFromIso("");
        d.exposureDays = "";
        d.bleeds = [{ date: datePartsFromIso(""), site: "", spontaneous: "" }];
      }),
    );
    expect(result.errors).toEqual({});
  });

  it("puts each error at the draft path of its input, in the wizard's words (never the typed value)", async () => {
    const draft = eligibleDraft((d) => {
      d.member.dateOfBirth = { day: "30", month: "2", year: "1990" };
      d.bleeds = [{ date: { day: "14", month: "9", year: "" }, site: "joint", spontaneous: "yes" }];
      d.inhibitor.assays = [
        { date: datePartsFromIso("2026-10-02"), bethesdaUnits: "0.2" },
        { date: datePartsFromIso("2026-10-09"), bethesdaUnits: "-0.1" },
      ];
      d.prescriber.npi = "1234567890";
      d.member.weight = { value: "1200", unit: "lb" };
      d.liver.enzymes.ast.upperLimit = "0";
      d.aav5.titer = "1:lots";
      d.exposureDays = "150.5";
    });
    expect([...libraryErrors(draft).keys()].sort()).toEqual(
      [
        "aav5.titer",
        "bleeds.0.date",
        "exposureDays",
        "inhibitor.assays.1.bethesdaUnits",
        "liver.enzymes.ast.upperLimit",
        "member.dateOfBirth",
        "member.weight.value",
        "prescriber.npi",
      ].sort(),
    );
    const { errors, values } = await resolve(draft);
    expect(values).toEqual({});
    const expected: Record<string, string> = {
      "aav5.titer": "Enter the AAV5 titer as a number, like 300 for 1:300",
      "bleeds.0.date": "Bleed date must include a year",
      exposureDays: "Enter the exposure days as a whole number, like 150",
      "inhibitor.assays.1.bethesdaUnits": "Bethesda units must be 0 or more",
      "liver.enzymes.ast.upperLimit": "AST upper limit of normal must be more than 0",
      "member.dateOfBirth": "Date of birth must be a real date",
      "member.weight.value": "Weight must be more than 0 and at most 500 kg (1102.3 lb)",
      "prescriber.npi": "Prescriber's NPI must be 10 digits with a correct check digit",
    };
    for (const [path, message] of Object.entries(expected)) {
      expect(errorAt(errors, path), path).toEqual({ type: "schema", message });
    }
  });

  it("never quotes what was typed, nor shows YYYY-MM-DD beside the day, month and year boxes", async () => {
    const { errors } = await resolve(
      eligibleDraft((d) => {
        d.member.dateOfBirth = { day: "30", month: "2", year: "1990" };
        d.member.weight.value = "eighty";
      }),
    );
    const messageAt = (path: string): unknown => get<typeof errors, { message?: unknown }>(errors, path).message;
    const messages = [messageAt("member.dateOfBirth"), messageAt("member.weight.value")].map(String);
    expect(messages).toEqual(["Date of birth must be a real date", "Enter the weight as a number, like 80"]);
    for (const message of messages) expect(message).not.toMatch(/eighty|1990|30|YYYY|got/);
  });

  it("reports a date after the request date at its list entry, with the request date written for people", async () => {
    const draft = eligibleDraft((d) => {
      d.inhibitor.assays = [
        { date: datePartsFromIso("2026-10-02"), bethesdaUnits: "0.2" },
        { date: datePartsFromIso("2026-11-28"), bethesdaUnits: "0.1" },
      ];
    });
    const { errors } = await resolve(draft);
    expect(libraryErrors(draft).get("inhibitor.assays.1.date")).toContain("after the request date");
    expect(errorAt(errors, "inhibitor.assays.1.date")).toEqual({
      type: "schema",
      message: "Assay date must be the same as or before the request date, 27 Nov 2026",
    });
    expect(errorAt(errors, "inhibitor.assays.0.date")).toBeUndefined();
  });

  it("asks for a missing required answer at its input, GOV.UK style", async () => {
    const { errors } = await resolve(eligibleDraft((d) => (d.lineOfBusiness = "")));
    expect(errorAt(errors, "lineOfBusiness")).toEqual({ type: "schema", message: "Select the line of business" });
  });
});
