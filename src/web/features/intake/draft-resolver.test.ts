import { get, type FieldErrors } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { eligible } from "@fixtures";
import { validateRequestDocument } from "@/criteria";
import { fromDocument, toDocument, type Draft } from "./draft";
import { draftResolver } from "./draft-resolver";

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
        d.member.dateOfBirth = "";
        d.exposureDays = "";
        d.bleeds = [{ date: "", site: "", spontaneous: "" }];
      }),
    );
    expect(result.errors).toEqual({});
  });

  it("puts each error at the draft path of its input, with the library's message", async () => {
    const draft = eligibleDraft((d) => {
      d.member.dateOfBirth = "2026-02-30";
      d.bleeds = [{ date: "14/09/2025", site: "joint", spontaneous: "yes" }];
      d.inhibitor.assays = [
        { date: "2026-10-02", bethesdaUnits: "0.2" },
        { date: "2026-10-09", bethesdaUnits: "-0.1" },
      ];
      d.prescriber.npi = "1234567890";
      d.member.weight = { value: "1200", unit: "lb" };
      d.liver.enzymes.ast.upperLimit = "0";
      d.aav5.titer = "1:lots";
      d.exposureDays = "150.5";
    });
    const expected = libraryErrors(draft);
    expect([...expected.keys()].sort()).toEqual(
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
    for (const [path, message] of expected) {
      expect(message.length, path).toBeGreaterThan(0);
      expect(errorAt(errors, path), path).toEqual({ type: "schema", message });
    }
  });

  it("gives the library's message, which names the field and never quotes the value typed", async () => {
    const { errors } = await resolve(eligibleDraft((d) => (d.member.dateOfBirth = "2026-02-30")));
    expect(errorAt(errors, "member.dateOfBirth")).toEqual({
      type: "schema",
      message: "Date of birth must be a real date (written YYYY-MM-DD)",
    });
  });

  it("reports a date after the request date at its list entry", async () => {
    const draft = eligibleDraft((d) => {
      d.inhibitor.assays = [
        { date: "2026-10-02", bethesdaUnits: "0.2" },
        { date: "2026-11-28", bethesdaUnits: "0.1" },
      ];
    });
    const { errors } = await resolve(draft);
    expect(errorAt(errors, "inhibitor.assays.1.date")).toEqual({
      type: "schema",
      message: libraryErrors(draft).get("inhibitor.assays.1.date"),
    });
    expect(errorAt(errors, "inhibitor.assays.0.date")).toBeUndefined();
    expect(libraryErrors(draft).get("inhibitor.assays.1.date")).toContain("after the request date");
  });

  it("reports a missing required answer at its input", async () => {
    const { errors } = await resolve(eligibleDraft((d) => (d.lineOfBusiness = "")));
    const message = libraryErrors(eligibleDraft((d) => (d.lineOfBusiness = ""))).get("lineOfBusiness");
    expect(message).toMatch(/^Line of business is required/);
    expect(errorAt(errors, "lineOfBusiness")).toEqual({ type: "schema", message });
  });
});
