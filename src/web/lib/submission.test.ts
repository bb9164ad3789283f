// @vitest-environment jsdom
/** A request's submission state lives beside its draft and goes with it. */
import { beforeEach, describe, expect, it } from "vitest";
import { clearDraft, loadDraft, saveDraft } from "@/web/features/intake/draft-storage";
import { emptyDraft } from "@/web/features/intake/draft";
import { readAmending, startAmending } from "./amending";
import { currentSubmission, isFiled, recordSubmitted } from "./submission";

beforeEach(() => {
  localStorage.clear();
});

describe("the submission of the current request", () => {
  it("keeps one idempotency key across reloads until the request is cleared", () => {
    const first = currentSubmission();
    expect(first.idempotencyKey).toMatch(/^[0-9a-f]{32}$/);
    expect(currentSubmission()).toEqual(first);
    expect(isFiled()).toBe(false);
    recordSubmitted({ reference: "HGX-ABCD-EFGH", expedited: true, dueAt: "2026-12-04T14:30:00.000Z" });
    expect(currentSubmission()).toEqual({
      idempotencyKey: first.idempotencyKey,
      reference: "HGX-ABCD-EFGH",
      expedited: true,
      dueAt: "2026-12-04T14:30:00.000Z",
    });
    expect(isFiled()).toBe(true);
    clearDraft();
    const next = currentSubmission();
    expect(next.idempotencyKey).not.toBe(first.idempotencyKey);
    expect(next.reference).toBeUndefined();
    expect(isFiled()).toBe(false);
  });

  it("clearing the request (sign-out, start a new request, import) also forgets an amendment in progress", () => {
    saveDraft({ ...emptyDraft("2026-11-27"), exposureDays: "220" });
    startAmending({ reference: "HGX-ABCD-EFGH", rowVersion: 3 });
    expect(readAmending()).toEqual({ reference: "HGX-ABCD-EFGH", rowVersion: 3 });
    clearDraft();
    expect(readAmending()).toBeUndefined();
    expect(loadDraft(emptyDraft("2026-11-27"))).toBeUndefined();
  });
});
