// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { emptyDraft } from "./draft";
import { clearDraft, draftWriter, flushDraft, forgetDraft, loadDraft, saveDraft } from "./draft-storage";
import { datePartsFromIso } from "@/web/lib/date-parts";

const KEY = "hemgenix-pa:draft:v1";
const empty = emptyDraft("2026-11-27");

beforeEach(() => {
  localStorage.clear();
});

afterEach(() => {
  flushDraft();
  vi.useRealTimers();
  vi.restoreAllMocks();
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

describe("writing the draft after the frame", () => {
  const stored = () => localStorage.getItem(KEY);
  const withName = (firstName: string) => {
    const draft = emptyDraft("2026-11-27");
    draft.member.firstName = firstName;
    return draft;
  };

  it("writes nothing during the keystroke, then the latest answers once, when the browser has time", () => {
    vi.useFakeTimers();
    const setItem = vi.spyOn(Storage.prototype, "setItem");
    const write = draftWriter();
    write(withName("A"));
    write(withName("Ad"));
    write(withName("Ada"));
    expect(stored()).toBeNull();
    vi.runAllTimers();
    expect(setItem).toHaveBeenCalledTimes(1);
    expect(loadDraft(empty)?.member.firstName).toBe("Ada");
  });

  it("uses requestIdleCallback where the browser has it", () => {
    const tasks: (() => void)[] = [];
    vi.stubGlobal("requestIdleCallback", (task: () => void) => tasks.push(task));
    vi.stubGlobal("cancelIdleCallback", () => undefined);
    try {
      draftWriter()(withName("Ada"));
      expect(stored()).toBeNull();
      expect(tasks).toHaveLength(1);
      tasks[0]?.();
      expect(loadDraft(empty)?.member.firstName).toBe("Ada");
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("writes what is waiting when the page is left (pagehide)", () => {
    vi.useFakeTimers();
    draftWriter()(withName("Ada"));
    window.dispatchEvent(new Event("pagehide"));
    expect(JSON.parse(stored() ?? "null")).toMatchObject({ member: { firstName: "Ada" } });
  });

  it("writes what is waiting when the page is hidden (visibilitychange), not when it is shown", () => {
    vi.useFakeTimers();
    const visibility = vi.spyOn(document, "visibilityState", "get").mockReturnValue("visible");
    draftWriter()(withName("Ada"));
    document.dispatchEvent(new Event("visibilitychange"));
    expect(stored()).toBeNull();
    visibility.mockReturnValue("hidden");
    document.dispatchEvent(new Event("visibilitychange"));
    expect(JSON.parse(stored() ?? "null")).toMatchObject({ member: { firstName: "Ada" } });
  });

  it("writes what is waiting before the stored draft is read, and on flushDraft", () => {
    vi.useFakeTimers();
    const write = draftWriter();
    write(withName("Ada"));
    expect(loadDraft(empty)?.member.firstName).toBe("Ada");
    write(withName("Grace"));
    flushDraft();
    expect(JSON.parse(stored() ?? "null")).toMatchObject({ member: { firstName: "Grace" } });
  });

  it("drops what is waiting when the draft is cleared (start a new request, import)", () => {
    vi.useFakeTimers();
    const write = draftWriter();
    write(withName("Ada"));
    clearDraft();
    vi.runAllTimers();
    window.dispatchEvent(new Event("pagehide"));
    expect(stored()).toBeNull();
    // The same form goes on being saved after such a clear.
    write(withName("Grace"));
    vi.runAllTimers();
    expect(loadDraft(empty)?.member.firstName).toBe("Grace");
  });

  it("after the session ends, a writer opened before never writes again; a new one does", () => {
    vi.useFakeTimers();
    const before = draftWriter();
    before(withName("Ada"));
    forgetDraft();
    vi.runAllTimers();
    expect(stored()).toBeNull();
    // A late change from the page that was open (an input event, a reset while unmounting).
    before(withName("Ada L"));
    vi.runAllTimers();
    window.dispatchEvent(new Event("pagehide"));
    expect(stored()).toBeNull();
    expect(loadDraft(empty)).toBeUndefined();

    const after = draftWriter();
    after(withName("Grace"));
    vi.runAllTimers();
    expect(loadDraft(empty)?.member.firstName).toBe("Grace");
  });
});
