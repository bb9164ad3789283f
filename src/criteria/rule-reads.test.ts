/**
 * Each criterion's rule declares the request document's fields it reads (`RULES` in evaluate.ts):
 * the live evaluator re-runs a rule only when one of them changed (`keptRules`), so a rule that
 * read an undeclared field would show a stale result. Every rule is run on a document that records
 * which fields are read, over every fixture and arbitrary valid documents.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eligible, fixtureNames, rawFixture } from "@fixtures";
import { docArb } from "../../fixtures/document-arbitrary";
import { CRITERION_IDS, evaluate, validateRequestDocument, type RequestDocument } from "@/criteria";
import { RULES, evaluateWith, keptRules } from "./evaluate";

/** Valid documents: every fixture that validates, and arbitrary ones. */
function validDocuments(): RequestDocument[] {
  const raw = [...fixtureNames().map(rawFixture), ...fc.sample(docArb, { numRuns: 600, seed: 580 })];
  return raw.flatMap((input) => {
    const result = validateRequestDocument(input);
    return result.ok ? [result.document] : [];
  });
}

/** The top-level fields `apply` reads from `doc`, by any means (property, `in`, listing its keys). */
function fieldsRead(doc: RequestDocument, apply: (doc: RequestDocument) => unknown): Set<string> {
  const read = new Set<string>();
  const recording = new Proxy(doc, {
    get: (target, key, receiver) => {
      read.add(String(key));
      return Reflect.get(target, key, receiver) as unknown;
    },
    has: (target, key) => {
      read.add(String(key));
      return Reflect.has(target, key);
    },
    ownKeys: (target) => {
      read.add("(all its keys)");
      return Reflect.ownKeys(target);
    },
  });
  apply(recording);
  return read;
}

describe("each criterion's rule reads only the fields it declares", () => {
  const documents = validDocuments();

  it("has documents enough to tell", () => {
    expect(documents.length).toBeGreaterThan(400);
  });

  it.each(CRITERION_IDS)("%s", (id) => {
    const { reads, apply } = RULES[id];
    const seen = new Set<string>();
    for (const doc of documents) {
      const read = fieldsRead(doc, apply);
      const undeclared = [...read].filter((field) => !(reads as readonly string[]).includes(field));
      expect(undeclared, `${id} read ${undeclared.join(", ")} in ${JSON.stringify(doc)}`).toEqual([]);
      for (const field of read) seen.add(field);
    }
    // And declares nothing it never reads: a needless field only costs re-runs, but says the wrong thing.
    expect([...reads].filter((field) => !seen.has(field))).toEqual([]);
  });
});

describe("keptRules", () => {
  const doc = eligible();

  it("keeps a result while the fields its rule reads are the same values, and re-runs it when one changes", () => {
    const run = keptRules();
    const first = run("I.A.6", doc);
    expect(run("I.A.6", { ...doc, member: { ...doc.member } })).toBe(first);
    const changed = run("I.A.6", { ...doc, exposureDays: 10 });
    expect(changed).not.toBe(first);
    expect(changed.status).toBe("not_met");
  });

  it("re-runs a rule that reads the request date when only the date changed", () => {
    const run = keptRules();
    const first = run("I.A.7.b", doc);
    expect(run("I.A.7.b", { ...doc, requestDate: "2031-01-01" })).not.toBe(first);
  });

  it("evaluates as evaluate does, over documents that change a few fields at a time", () => {
    const run = keptRules();
    const documents = validDocuments();
    let previous = documents[0] as RequestDocument;
    let kept = 0;
    documents.slice(1, 300).forEach((next, n) => {
      // The previous document's sections (the same objects), some replaced by the next one's:
      // each is schema-valid, which is all a rule needs.
      const mixed: Record<string, unknown> = { ...previous };
      for (const [i, key] of Object.keys(next).entries())
        if ((i + n) % 4 === 0) mixed[key] = next[key as keyof RequestDocument];
      const document = mixed as unknown as RequestDocument;
      const expected = evaluate(document);
      expect(evaluateWith(document, run)).toEqual(expected);
      kept += CRITERION_IDS.filter((id) => RULES[id].reads.every((key) => document[key] === previous[key])).length;
      previous = document;
    });
    // The sequence does keep results (else the comparison above proves nothing about keeping them).
    expect(kept).toBeGreaterThan(1000);
  });
});
