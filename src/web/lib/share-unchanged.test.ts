import { describe, expect, it } from "vitest";
import { shareUnchanged } from "./share-unchanged";

const answers = () => ({
  exposureDays: "150",
  member: { firstName: "Ada", weight: { value: "80", unit: "kg" } },
  bleeds: [{ site: "joint", date: { day: "1", month: "2", year: "2026" } }],
});

describe("shareUnchanged", () => {
  it("copies the first value and freezes every list and object in it", () => {
    const given = answers();
    const shared = shareUnchanged(undefined, given);
    expect(shared).toEqual(given);
    expect(shared).not.toBe(given);
    expect(shared.member).not.toBe(given.member);
    expect(Object.isFrozen(shared)).toBe(true);
    expect(Object.isFrozen(shared.member.weight)).toBe(true);
    expect(Object.isFrozen(shared.bleeds)).toBe(true);
    expect(Object.isFrozen(shared.bleeds[0]?.date)).toBe(true);
    expect(Object.isFrozen(given.member)).toBe(false);
  });

  it("keeps every unchanged part, and the whole when nothing changed", () => {
    const first = shareUnchanged(undefined, answers());
    expect(shareUnchanged(first, answers())).toBe(first);
    const next = answers();
    next.member.weight.value = "81";
    const second = shareUnchanged(first, next);
    expect(second).toEqual(next);
    expect(second).not.toBe(first);
    expect(second.member).not.toBe(first.member);
    expect(second.member.weight).not.toBe(first.member.weight);
    expect(second.bleeds).toBe(first.bleeds);
    expect(second.bleeds[0]).toBe(first.bleeds[0]);
  });

  it("sees a change inside a list entry, keeping the entries around it", () => {
    const first = shareUnchanged(undefined, { list: [{ site: "joint" }, { site: "muscle" }, { site: "head" }] });
    const second = shareUnchanged(first, { list: [{ site: "joint" }, { site: "other" }, { site: "head" }] });
    expect(second.list.map((b) => b.site)).toEqual(["joint", "other", "head"]);
    expect(second.list[0]).toBe(first.list[0]);
    expect(second.list[2]).toBe(first.list[2]);
    expect(second.list[1]).not.toBe(first.list[1]);
  });

  it("sees added and removed keys and list items", () => {
    const first = shareUnchanged(undefined, answers());
    const longer = answers();
    longer.bleeds.push({ site: "muscle", date: { day: "", month: "", year: "" } });
    const withBleed = shareUnchanged(first, longer);
    expect(withBleed.bleeds).toHaveLength(2);
    expect(withBleed.bleeds[0]).toBe(first.bleeds[0]);
    const fewer: Record<string, unknown> = { ...answers(), exposureDays: undefined };
    delete fewer.exposureDays;
    const without = shareUnchanged(first, fewer);
    expect(Object.keys(without)).not.toContain("exposureDays");
    const renamed = shareUnchanged(first, { ...answers(), member: { firstName: "Ada", weight2: first.member.weight } });
    expect(renamed.member).not.toBe(first.member);
    expect(renamed.member.weight2).toEqual(first.member.weight);
  });

  it("never shares a part it did not freeze itself", () => {
    const unfrozen = answers();
    const shared = shareUnchanged(unfrozen, answers());
    expect(shared).not.toBe(unfrozen);
    expect(shared.member).not.toBe(unfrozen.member);
    expect(Object.isFrozen(shared.member)).toBe(true);
  });

  it("treats a change of kind (text to list, list to object) as a change", () => {
    const first = shareUnchanged(undefined, { a: ["1"], b: { c: "1" }, d: "x" });
    const second = shareUnchanged(first, { a: { 0: "1" }, b: ["1"], d: ["x"] });
    expect(second).toEqual({ a: { 0: "1" }, b: ["1"], d: ["x"] });
    expect(Array.isArray(second.a)).toBe(false);
    expect(Array.isArray(second.b)).toBe(true);
  });
});
