import { describe, expect, it } from "vitest";
import { formatDate } from "@/criteria";

describe("formatDate", () => {
  it.each([
    ["2026-11-10", "10 Nov 2026"],
    ["2007-03-27", "27 Mar 2007"],
    ["2024-02-29", "29 Feb 2024"],
    ["1990-12-01", "1 Dec 1990"],
  ])("writes %s as %s", (iso, shown) => {
    expect(formatDate(iso)).toBe(shown);
  });

  it("gives back text that is not a YYYY-MM-DD date unchanged", () => {
    expect(formatDate("")).toBe("");
    expect(formatDate("1990-13-01")).toBe("1990-13-01");
    expect(formatDate("tomorrow")).toBe("tomorrow");
  });
});
