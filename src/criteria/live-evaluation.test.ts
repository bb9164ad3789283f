/**
 * The section-by-section validation and the live evaluator against what they replace: the whole
 * schema parsed at once (zod) with the dates after the request date found over the whole input,
 * and `evaluatePartial` on every document of a sequence of edits.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eligible } from "@fixtures";
import { docArb } from "../../fixtures/document-arbitrary";
import { evaluatePartial, liveEvaluator, requestDocumentSchema, validateRequestDocument } from "@/criteria";
import { isRealDate } from "./dates";
import { fieldLabel, formatPath } from "./field-labels";
import { issueMessage } from "./validate";

const TOP_LEVEL = Object.keys(requestDocumentSchema.shape);

/** Anything JSON can hold, a few levels deep: what a broken or hostile document might put in a field. */
const jsonValue = fc.jsonValue({ maxDepth: 3 });

/** One change: a top-level field (or a field inside it) replaced by anything. */
const edit = fc.tuple(
  fc.constantFrom(...TOP_LEVEL, "unknownField"),
  fc.option(fc.string({ maxLength: 12 })),
  jsonValue,
);
type Edit = [key: string, inner: string | null, value: unknown];

/** `doc` with `edit` made, every untouched field the same object as before. */
function edited(doc: Record<string, unknown>, [key, inner, value]: Edit): Record<string, unknown> {
  const section = doc[key];
  if (inner !== null && typeof section === "object" && section !== null && !Array.isArray(section))
    return { ...doc, [key]: { ...section, [inner]: value } };
  return { ...doc, [key]: value };
}

/** A document, valid or not: a valid one with some fields replaced by anything. */
const anyDocument = fc
  .tuple(docArb, fc.array(edit, { maxLength: 4 }))
  .map(([doc, edits]) => edits.reduce<Record<string, unknown>>(edited, structuredClone(doc)));

const DATE_PATHS = [
  ["member", "dateOfBirth"],
  ["prophylaxis", "startDate"],
  ["bleeds", "[]", "date"],
  ["inhibitor", "assays", "[]", "date"],
  ["liver", "enzymes", "date"],
  ["liver", "ultrasound", "date"],
  ["liver", "elastography", "date"],
];

/** The dates after the request date, found over the whole input as validation did before it went field by field. */
function datesAfterRequestDate(input: Record<string, unknown>) {
  const requestDate = input.requestDate;
  if (typeof requestDate !== "string" || !isRealDate(requestDate)) return [];
  const found: { path: (string | number)[]; date: string }[] = [];
  const walk = (value: unknown, pattern: string[], path: (string | number)[]) => {
    const [head, ...rest] = pattern;
    if (head === undefined) {
      if (typeof value === "string" && isRealDate(value)) found.push({ path, date: value });
    } else if (head === "[]") {
      if (Array.isArray(value)) value.forEach((item: unknown, i) => walk(item, rest, [...path, i]));
    } else if (typeof value === "object" && value !== null && !Array.isArray(value) && head in value)
      walk((value as Record<string, unknown>)[head], rest, [...path, head]);
  };
  for (const pattern of DATE_PATHS) walk(input, pattern, []);
  return found
    .filter(({ date }) => date > requestDate)
    .map(({ path, date }) => ({
      path: formatPath(path),
      message: `${fieldLabel(path)} ${date} is after the request date ${requestDate}; enter a date on or before ${requestDate}`,
    }));
}

/** The whole schema's problems, then the dates after the request date. */
function wholeDocumentErrors(input: Record<string, unknown>) {
  const parsed = requestDocumentSchema.safeParse(input, { reportInput: true });
  const schema = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issueMessage(issue) }));
  return [...schema, ...datesAfterRequestDate(input)];
}

const deepFreeze = <T>(value: T): T => {
  if (typeof value === "object" && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
};

describe("validation one top-level field at a time", () => {
  it("is sound only while the document's schema is an object of independent fields", () => {
    const def = requestDocumentSchema._zod.def;
    expect(def.type).toBe("object");
    expect(def.checks ?? []).toEqual([]);
    expect(def.catchall).toBeUndefined();
  });

  it("finds the whole schema's problems and the dates after the request date, in that order, and parses as it parses", () => {
    fc.assert(
      fc.property(anyDocument, (input) => {
        const result = validateRequestDocument(input);
        const expected = wholeDocumentErrors(input);
        if (result.ok) {
          expect(expected).toEqual([]);
          const parsed = requestDocumentSchema.safeParse(input);
          expect(parsed.success).toBe(true);
          expect(result.document).toStrictEqual(parsed.data);
        } else expect(result.errors).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it("keeps a field given as undefined and drops one that is absent, as the schema does", () => {
    const withUndefined = validateRequestDocument({ ...eligible(), exposureDays: undefined });
    expect(withUndefined.ok).toBe(true);
    expect(withUndefined.ok && Object.hasOwn(withUndefined.document, "exposureDays")).toBe(true);
    const { exposureDays: _, ...without } = eligible();
    const absent = validateRequestDocument(without);
    expect(absent.ok).toBe(true);
    expect(absent.ok && Object.hasOwn(absent.document, "exposureDays")).toBe(false);
  });
});

describe("liveEvaluator", () => {
  it("answers as evaluatePartial through a sequence of edits, untouched fields kept as the same frozen objects", () => {
    fc.assert(
      fc.property(docArb, fc.array(edit, { minLength: 1, maxLength: 8 }), (start, edits) => {
        const live = liveEvaluator();
        let doc = deepFreeze(structuredClone(start) as Record<string, unknown>);
        expect(live(doc)).toEqual(evaluatePartial(doc));
        for (const change of edits) {
          doc = deepFreeze(edited(doc, change));
          expect(live(doc)).toEqual(evaluatePartial(doc));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("re-checks a field given as a new object equal to one checked before", () => {
    const live = liveEvaluator();
    const doc = deepFreeze(eligible() as Record<string, unknown>);
    const member = doc.member as Record<string, unknown>;
    expect(live(doc).errors).toEqual([]);
    const broken = deepFreeze({ ...doc, member: { ...member, dateOfBirth: "1990-02-30" } });
    expect(live(broken).errors.map((e) => e.path)).toEqual(["member.dateOfBirth"]);
    expect(live(deepFreeze({ ...broken, member: { ...member } })).errors).toEqual([]);
  });

  it("re-checks an object that is not frozen, even the same one changed in place", () => {
    const live = liveEvaluator();
    const doc = eligible() as Record<string, unknown> & { member: Record<string, unknown> };
    expect(live(doc).errors).toEqual([]);
    doc.member.dateOfBirth = "1990-02-30";
    expect(live(doc).errors.map((e) => e.path)).toEqual(["member.dateOfBirth"]);
  });

  it("holds a kept section's dates against a changed request date", () => {
    const live = liveEvaluator();
    const doc = deepFreeze(eligible() as Record<string, unknown>);
    expect(live(doc).errors).toEqual([]);
    const earlier = deepFreeze({ ...doc, requestDate: "2000-01-01" });
    expect(live(earlier).errors.map((e) => e.path)).toContain("prophylaxis.startDate");
    expect(live(earlier)).toEqual(evaluatePartial(earlier));
  });
});
