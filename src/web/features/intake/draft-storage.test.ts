// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { emptyDraft } from "./draft";
import { clearDraft, loadDraft, saveDraft } from "./draft-storage";
import { datePartsFromIso } from "@/web/lib/date-parts";

const KEY = "hemgenix-pa:draft:v1";
const empty = emptyDraft("2026-11-27");

beforeEach(() => {
  localStorage.clear();
});

afterEach(() => {
  localStorage.clear();
});

describe("draft storage", () => {
  it("has nothing to load at first", () => {
    expect(loadDraft(empty)).toBeUndefined();
  });

  it("saves a draft and loads it back", () => {
    const draft = emptyDraft("2026-11-27");
    draft.member.firstName = "Ada";
    draft.bleedsOnRecord = "yes";
    draft.bleeds = [{ date: datePartsFromIso("2025-09-14"), site: "joint", spontaneous: "yes" }];
    saveDraft(draft);
    expect(JSON.parse(localStorage.getItem(KEY) ?? "null")).toEqual(draft);
    expect(loadDraft(empty)).toEqual(draft);
  });

  it("keeps an impossible date as typed across a reload (the raw day, month and year are stored)", () => {
    const draft = emptyDraft("2026-11-27");
    draft.member.dateOfBirth = { day: "30", month: "2", year: "1990" };
    saveDraft(draft);
    expect(loadDraft(empty)?.member.dateOfBirth).toEqual({ day: "30", month: "2", year: "1990" });
  });

  it("lays a stored draft over the empty one, ignoring what does not fit", () => {
    localStorage.setItem(KEY, JSON.stringify({ member: { firstName: "Ada", lastName: 3 }, extra: true }));
    const loaded = loadDraft(empty);
    expect(loaded?.member.firstName).toBe("Ada");
    expect(loaded?.member.lastName).toBe("");
    expect(loaded?.requestDate).toEqual({ day: "27", month: "11", year: "2026" });
    expect(loaded).not.toHaveProperty("extra");
  });

  it("checks a stored draft by its schema: a choice not on its list is not taken as an answer", () => {
    localStorage.setItem(KEY, JSON.stringify({ prescriber: { name: "Dr. Example", specialty: "Other specialty" } }));
    const loaded = loadDraft(empty);
    expect(loaded?.prescriber).toEqual({ ...empty.prescriber, name: "Dr. Example" });
  });

  it("loads nothing from a stored value that is not JSON", () => {
    localStorage.setItem(KEY, "{not json");
    expect(loadDraft(empty)).toBeUndefined();
  });

  it("clears the stored draft", () => {
    saveDraft(empty);
    clearDraft();
    expect(localStorage.getItem(KEY)).toBeNull();
    expect(loadDraft(empty)).toBeUndefined();
  });

  it("keeps saving and loading without throwing when storage is full or refused", () => {
    vi.spyOn(Storage.prototype, "setItem").mockImplementation(() => {
      throw new DOMException("full", "QuotaExceededError");
    });
    vi.spyOn(Storage.prototype, "getItem").mockImplementation(() => {
      throw new DOMException("refused", "SecurityError");
    });
    expect(() => saveDraft(empty)).not.toThrow();
    expect(loadDraft(empty)).toBeUndefined();
  });

  it("clears without throwing when storage is refused (as saving and loading do)", () => {
    // "Start a new request" clears the stored draft before it resets the form: a refused storage must not stop it.
    vi.spyOn(Storage.prototype, "removeItem").mockImplementation(() => {
      throw new DOMException("refused", "SecurityError");
    });
    expect(() => clearDraft()).not.toThrow();
  });
});
