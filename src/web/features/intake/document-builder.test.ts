/** `documentBuilder`: the same document as `toDocument` for frozen drafts edited an answer at a time, its unchanged fields kept. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixtureNames, document } from "@fixtures";
import { docArb } from "../../../../fixtures/document-arbitrary";
import type { RequestDocument } from "@/criteria";
import { shareUnchanged } from "@/web/lib/share-unchanged";
import { documentBuilder, emptyDraft, fromDocument, toDocument, type Draft } from "./draft";

const frozen = (draft: Draft, before?: Draft): Draft => shareUnchanged(before, draft);

describe("documentBuilder", () => {
  it("builds what toDocument builds, through any sequence of drafts", () => {
    fc.assert(
      fc.property(fc.array(docArb, { minLength: 1, maxLength: 5 }), (docs) => {
        const build = documentBuilder();
        let before: Draft | undefined;
        for (const doc of docs) {
          const draft = frozen(fromDocument(doc as RequestDocument), before);
          expect(build(draft)).toEqual(toDocument(draft));
          before = draft;
        }
      }),
      { numRuns: 100 },
    );
  });

  it("keeps each field whose answers did not change, and rebuilds the one that did", () => {
    const build = documentBuilder();
    const first = frozen(fromDocument(document("eligible")));
    const before = build(first);
    const edited = structuredClone<Draft>(first);
    edited.exposureDays = "151";
    edited.member.weight.value = "81";
    const after = build(frozen(edited, first));
    expect(after.exposureDays).toBe(151);
    expect(after.member).not.toBe(before.member);
    expect(after.member).toEqual({ ...(before.member as object), weight: { value: 81, unit: "kg" } });
    for (const field of ["prescriber", "diagnosis", "prophylaxis", "bleeds", "inhibitor", "liver", "aav5", "dose"])
      expect(after[field], field).toBe(before[field]);
  });

  it("rebuilds the bleeds when only whether any are on record changed", () => {
    const build = documentBuilder();
    const first = frozen(fromDocument(document("eligible")));
    expect(Array.isArray(build(first).bleeds) && (build(first).bleeds as unknown[]).length).toBeGreaterThan(0);
    const none = frozen({ ...structuredClone(first), bleedsOnRecord: "no" }, first);
    expect(none.bleeds).toBe(first.bleeds);
    expect(build(none).bleeds).toEqual([]);
  });

  it("matches toDocument for every fixture and a blank draft", () => {
    const build = documentBuilder();
    for (const name of fixtureNames().filter((n) => !n.startsWith("invalid-"))) {
      const draft = frozen(fromDocument(document(name)));
      expect(build(draft), name).toEqual(toDocument(draft));
    }
    const blank = frozen(emptyDraft("2026-12-02"));
    expect(build(blank)).toEqual(toDocument(blank));
  });
});
