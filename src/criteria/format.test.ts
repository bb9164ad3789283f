import { describe, expect, it } from "vitest";
import { formatDate, formatDatesIn } from "@/criteria";

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

describe("formatDatesIn", () => {
  it("writes every date of a sentence readably and leaves the rest alone", () => {
    expect(formatDatesIn("Spontaneous joint bleed on 2025-09-14, on prophylaxis since 2023-06-01")).toBe(
      "Spontaneous joint bleed on 14 Sep 2025, on prophylaxis since 1 Jun 2023",
    );
    expect(formatDatesIn("ALT 25 (upper limit 40)")).toBe("ALT 25 (upper limit 40)");
  });
});
