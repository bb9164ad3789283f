/**
 * The section-by-section validation and the live evaluator against what they replace: the whole
 * schema parsed at once (zod), and `evaluatePartial` on every document of a sequence of edits.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eligible } from "@fixtures";
import { docArb } from "../../fixtures/document-arbitrary";
import { evaluatePartial, liveEvaluator, requestDocumentSchema, validateRequestDocument } from "@/criteria";
import { formatPath } from "./field-labels";
import { issueMessage } from "./validate";

const TOP_LEVEL = Object.keys(requestDocumentSchema.shape);

/** Anything JSON can hold, a few levels deep: what a broken or hostile document might put in a field. */
const jsonValue = fc.jsonValue({ maxDepth: 3 });

/** A document, valid or not: a valid one with some fields (top-level or inside a section) replaced by anything. */
const anyDocument = fc
  .tuple(
    docArb,
    fc.array(
      fc.tuple(fc.constantFrom(...TOP_LEVEL, "unknownField"), fc.option(fc.string({ maxLength: 12 })), jsonValue),
      { maxLength: 4 },
    ),
  )
  .map(([doc, edits]) => {
    const copy = structuredClone(doc) as Record<string, unknown>;
    for (const [key, inner, value] of edits) {
      const section = copy[key];
      if (inner !== null && typeof section === "object" && section !== null && !Array.isArray(section))
        (section as Record<string, unknown>)[inner] = value;
      else copy[key] = value;
    }
    return copy;
  });

/** What validation said before it went section by section: the whole schema's issues, then dates after the request date. */
function wholeSchemaErrors(input: Record<string, unknown>) {
  const parsed = requestDocumentSchema.safeParse(input, { reportInput: true });
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issueMessage(issue) }));
}

describe("validation one top-level field at a time", () => {
  it("finds the whole schema's problems, in its order, and parses valid documents to what it parses", () => {
    fc.assert(
      fc.property(anyDocument, (input) => {
        const result = validateRequestDocument(input);
        const whole = wholeSchemaErrors(input);
        const parsed = requestDocumentSchema.safeParse(input);
        if (result.ok) {
          expect(whole).toEqual([]);
          expect(parsed.success && result.document).toEqual(parsed.data);
        } else {
          // The section check adds only the dates after the request date, after the schema's problems.
          expect(result.errors.slice(0, whole.length)).toEqual(whole);
          expect(result.errors.slice(whole.length).every((e) => e.message.includes("after the request date"))).toBe(
            true,
          );
        }
      }),
      { numRuns: 400 },
    );
  });

  it("keeps a field given as undefined and drops one that is absent, as the schema does", () => {
    const withUndefined = { ...eligible(), exposureDays: undefined };
    const result = validateRequestDocument(withUndefined);
    expect(result.ok && Object.hasOwn(result.document, "exposureDays")).toBe(true);
    const { exposureDays: _, ...without } = eligible();
    const absent = validateRequestDocument(without);
    expect(absent.ok && Object.hasOwn(absent.document, "exposureDays")).toBe(false);
  });
});

describe("liveEvaluator", () => {
  it("answers as evaluatePartial for every document of a sequence of edits, sections reused or new", () => {
    fc.assert(
      fc.property(
        fc.array(anyDocument, { minLength: 1, maxLength: 6 }),
        fc.array(fc.boolean(), { maxLength: 6 }),
        (docs, reuse) => {
          const live = liveEvaluator();
          let previous: Record<string, unknown> | undefined;
          docs.forEach((doc, i) => {
            // Reuse the previous document's section objects for the fields an edit did not touch,
            // as the wizard's frozen drafts do.
            const current =
              previous !== undefined && reuse[i] === true
                ? Object.fromEntries(
                    Object.entries(doc).map(([key, value]) => [
                      key,
                      JSON.stringify(value) === JSON.stringify(previous?.[key]) ? previous?.[key] : value,
                    ]),
                  )
                : doc;
            expect(live(current)).toEqual(evaluatePartial(current));
            previous = current;
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it("re-checks a field given as a new object, even one equal to the last", () => {
    const live = liveEvaluator();
    const doc = eligible() as Record<string, unknown>;
    expect(live(doc).errors).toEqual([]);
    const member = doc.member as Record<string, unknown>;
    const broken = { ...doc, member: { ...member, dateOfBirth: "1990-02-30" } };
    expect(live(broken).errors.map((e) => e.path)).toEqual(["member.dateOfBirth"]);
    expect(live({ ...broken, member: { ...member } }).errors).toEqual([]);
  });

  it("holds a kept section's dates against a changed request date", () => {
    const live = liveEvaluator();
    const doc = eligible() as Record<string, unknown> & { requestDate: string };
    expect(live(doc).errors).toEqual([]);
    const earlier = { ...doc, requestDate: "2000-01-01" };
    expect(live(earlier).errors.map((e) => e.path)).toContain("prophylaxis.startDate");
    expect(live(earlier)).toEqual(evaluatePartial(earlier));
  });
});
