// @vitest-environment jsdom
/** The server drafts this browser knows as its own: its recent saves, and those it chose about. */
import { beforeEach, describe, expect, it } from "vitest";
import { isKnownServerDraftStamp, newServerDraftStamp, rememberServerDraftStamp } from "./server-draft-stamp";

beforeEach(() => {
  localStorage.clear();
});

describe("server draft stamps", () => {
  it("knows a save still being answered by the server's copy of the one before", () => {
    const earlier = newServerDraftStamp();
    const latest = newServerDraftStamp();
    expect(latest).not.toBe(earlier);
    expect(latest).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(isKnownServerDraftStamp(earlier)).toBe(false);
    rememberServerDraftStamp(earlier);
    rememberServerDraftStamp(latest);
    expect(isKnownServerDraftStamp(earlier)).toBe(true);
    expect(isKnownServerDraftStamp(latest)).toBe(true);
    expect(isKnownServerDraftStamp("another-computer-1")).toBe(false);
  });

  it("keeps the ten latest only", () => {
    const stamps = Array.from({ length: 11 }, () => newServerDraftStamp());
    for (const stamp of stamps) rememberServerDraftStamp(stamp);
    expect(isKnownServerDraftStamp(stamps[0] ?? "")).toBe(false);
    expect(stamps.slice(1).every(isKnownServerDraftStamp)).toBe(true);
  });
});
