// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { emptyDraft } from "@/web/features/intake/draft";
import { draftWriter, loadDraft } from "@/web/features/intake/draft-storage";
import { markSignedInHere, wasSignedInHere } from "@/web/lib/signed-in-here";
import { endSignedInSession, forgetSignedInData } from "./session-end";

const KEY = "hemgenix-pa:draft:v1";
const empty = emptyDraft("2026-11-27");
const patient = () => {
  const draft = emptyDraft("2026-11-27");
  draft.member.firstName = "Example";
  draft.member.memberId = "U1234567";
  return draft;
};

beforeEach(() => {
  localStorage.clear();
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  localStorage.clear();
});

describe("the end of a session and the draft written after the frame", () => {
  it("sign-out clears the answers waiting to be written, and the open page cannot write them back", () => {
    markSignedInHere();
    const write = draftWriter(); // the wizard's form, open while signed in
    write(patient());
    forgetSignedInData();
    write(patient()); // a change that arrives after sign-out
    vi.runAllTimers();
    window.dispatchEvent(new Event("pagehide"));
    expect(localStorage.getItem(KEY)).toBeNull();
    expect(loadDraft(empty)).toBeUndefined();
    expect(wasSignedInHere()).toBe(false);
  });

  it("a session that ended by itself does the same", () => {
    markSignedInHere();
    const write = draftWriter();
    write(patient());
    expect(endSignedInSession()).toBe(true);
    write(patient());
    window.dispatchEvent(new Event("pagehide"));
    expect(JSON.stringify(Object.entries(localStorage))).not.toContain("U1234567");
  });
});
