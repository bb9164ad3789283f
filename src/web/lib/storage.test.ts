// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import { storage } from "./storage";

afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
});

describe("storage", () => {
  it("keeps text and JSON", () => {
    storage.local.set("a", "1");
    storage.local.setJson("b", { list: [1, "two"] });
    expect(storage.local.get("a")).toBe("1");
    expect(storage.local.getJson("b")).toEqual({ list: [1, "two"] });
    storage.local.remove("b");
    expect(storage.local.get("b")).toBeNull();
  });

  it("reads nothing where nothing is stored, or what is stored is not JSON", () => {
    expect(storage.local.getJson("absent")).toBeUndefined();
    localStorage.setItem("broken", "{not json");
    expect(storage.local.getJson("broken")).toBeUndefined();
  });

  it("never throws when the browser refuses (private mode, storage full or disabled)", () => {
    for (const method of ["getItem", "setItem", "removeItem"] as const) {
      vi.spyOn(Storage.prototype, method).mockImplementation(() => {
        throw new DOMException("refused", "SecurityError");
      });
    }
    expect(storage.local.get("a")).toBeNull();
    expect(storage.local.getJson("a")).toBeUndefined();
    expect(() => storage.local.set("a", "1")).not.toThrow();
    expect(() => storage.local.setJson("a", {})).not.toThrow();
    expect(() => storage.session.remove("a")).not.toThrow();
  });

  it("does not keep a value that cannot be written as JSON, and does not throw", () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => storage.local.setJson("c", circular)).not.toThrow();
    expect(storage.local.get("c")).toBeNull();
  });
});
