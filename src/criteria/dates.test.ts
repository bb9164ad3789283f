import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  ageInFullYears,
  birthday,
  daysBetween,
  firstDayMonthsAfter,
  isRealDate,
  isWithinLastMonths,
  lastDayWithinMonths,
  windowStart,
} from "@/criteria";

/** Every calendar day from `from` to `to` inclusive. */
function eachDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

describe("isRealDate", () => {
  it.each([
    ["2026-11-27", true],
    ["2026-02-28", true],
    ["2026-02-30", false],
    ["2026-02-29", false],
    ["2024-02-29", true],
    ["2025-02-29", false],
    ["2100-02-29", false],
    ["2000-02-29", true],
    ["2026-04-30", true],
    ["2026-04-31", false],
    ["2026-12-31", true],
    ["2026-13-01", false],
    ["2026-00-10", false],
    ["2026-01-00", false],
    ["2026-01-32", false],
    ["0000-01-01", false],
  ])("%s is %s", (value, expected) => {
    expect(isRealDate(value)).toBe(expected);
  });

  it.each([
    "2026-1-5",
    "2026-01-5",
    "26-01-05",
    "2026/01/05",
    "20260105",
    "2026-01-05T00:00",
    " 2026-01-05",
    "2026-01-05 ",
    "",
    "abcd-ef-gh",
  ])("rejects the wrong shape %j", (value) => {
    expect(isRealDate(value)).toBe(false);
  });
});

describe("addMonths", () => {
  it.each([
    // clamped to the end of a shorter month (spec: 2026-05-31 minus 3 months is 2026-02-28)
    ["2026-05-31", -3, "2026-02-28"],
    ["2024-05-31", -3, "2024-02-29"],
    ["2026-03-31", 1, "2026-04-30"],
    ["2026-01-31", 1, "2026-02-28"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2026-03-31", -1, "2026-02-28"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2024-02-29", -12, "2023-02-28"],
    ["2024-02-29", 48, "2028-02-29"],
    // plain shifts, across years in both directions
    ["2026-11-27", -12, "2025-11-27"],
    ["2026-11-27", -3, "2026-08-27"],
    ["2026-11-15", 3, "2027-02-15"],
    ["2026-02-15", -3, "2025-11-15"],
    ["2026-01-10", -1, "2025-12-10"],
    ["2025-12-10", 1, "2026-01-10"],
    ["2026-12-31", 2, "2027-02-28"],
    ["2027-01-31", -2, "2026-11-30"],
    ["2026-06-15", 0, "2026-06-15"],
    ["2026-06-15", -30, "2023-12-15"],
  ])("%s plus %i months is %s", (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe("windowStart and isWithinLastMonths", () => {
  it.each([
    ["2026-11-27", 12, "2025-11-27"],
    ["2026-11-27", 3, "2026-08-27"],
    ["2026-05-31", 3, "2026-02-28"],
    ["2024-05-31", 3, "2024-02-29"],
    ["2027-02-28", 12, "2026-02-28"],
    ["2028-02-29", 12, "2027-02-28"],
    ["2026-12-31", 3, "2026-09-30"],
  ])("the %i-month window as of %s starts on %s", (asOf, months, first) => {
    expect(windowStart(asOf, months)).toBe(first);
    expect(isWithinLastMonths(first, asOf, months)).toBe(true);
    expect(isWithinLastMonths(addDays(first, -1), asOf, months)).toBe(false);
  });

  it("includes the as-of date itself and excludes any later date", () => {
    expect(isWithinLastMonths("2026-11-27", "2026-11-27", 3)).toBe(true);
    expect(isWithinLastMonths("2026-11-28", "2026-11-27", 3)).toBe(false);
    expect(isWithinLastMonths("2027-01-01", "2026-11-27", 12)).toBe(false);
  });

  it("is not N × 30 days", () => {
    // 3 × 30 = 90 days before 2026-11-27 is 2026-08-29; the calendar window reaches back to 08-27
    expect(daysBetween("2026-08-27", "2026-11-27")).toBe(92);
    expect(isWithinLastMonths("2026-08-27", "2026-11-27", 3)).toBe(true);
    expect(isWithinLastMonths("2026-08-28", "2026-11-27", 3)).toBe(true);
    // and 12 × 30 = 360 days would wrongly exclude 2025-12-01
    expect(isWithinLastMonths("2025-12-01", "2026-11-27", 12)).toBe(true);
  });
});

describe("addDays and daysBetween", () => {
  it.each([
    ["2026-01-31", 1, "2026-02-01"],
    ["2026-02-28", 1, "2026-03-01"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2024-02-29", 1, "2024-03-01"],
    ["2100-02-28", 1, "2100-03-01"],
    ["2000-02-28", 1, "2000-02-29"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2027-01-01", -1, "2026-12-31"],
    ["2026-03-01", -1, "2026-02-28"],
    ["2024-03-01", -1, "2024-02-29"],
    ["2026-11-13", 14, "2026-11-27"],
    ["2026-12-20", 14, "2027-01-03"],
    ["2026-06-15", 0, "2026-06-15"],
    ["2024-01-01", 366, "2025-01-01"],
    ["2025-01-01", 365, "2026-01-01"],
    ["1970-01-01", -1, "1969-12-31"],
  ])("%s plus %i days is %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
    expect(daysBetween(expected, date)).toBe(days === 0 ? 0 : -days);
  });

  it.each([
    ["2024-01-01", "2025-01-01", 366],
    ["2025-01-01", "2026-01-01", 365],
    ["2100-01-01", "2101-01-01", 365],
    ["2000-01-01", "2001-01-01", 366],
    ["2026-02-01", "2026-03-01", 28],
    ["2024-02-01", "2024-03-01", 29],
    ["2026-11-27", "2026-11-27", 0],
    ["2025-11-27", "2026-11-27", 365],
  ])("from %s to %s is %i days", (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it("round-trips every day of 2023–2028 one day at a time", () => {
    const days = eachDay("2023-01-01", "2028-12-31");
    expect(days).toHaveLength(365 * 4 + 366 * 2);
    for (const [i, day] of days.entries()) {
      expect(isRealDate(day)).toBe(true);
      expect(daysBetween("2023-01-01", day)).toBe(i);
    }
  });
});

describe("lastDayWithinMonths", () => {
  it.each([
    // clamping: as of 2026-05-31 the 3-month window starts 2026-02-28, so a 02-28 study still counts
    ["2026-02-28", 3, "2026-05-31"],
    ["2025-11-20", 12, "2026-11-20"],
    ["2026-10-02", 12, "2027-10-02"],
    ["2026-10-20", 3, "2027-01-20"],
    ["2026-08-31", 3, "2026-11-30"],
    ["2023-02-28", 12, "2024-02-29"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2026-11-30", 3, "2027-02-28"],
    ["2026-11-28", 3, "2027-02-28"],
  ])("%s stays within the last %i months through %s", (date, months, last) => {
    expect(lastDayWithinMonths(date, months)).toBe(last);
    expect(isWithinLastMonths(date, last, months)).toBe(true);
    expect(isWithinLastMonths(date, addDays(last, 1), months)).toBe(false);
  });

  it.each([3, 12])("windowStart(last, %i) <= date < windowStart(last + 1 day) for every day of 2023–2027", (months) => {
    for (const date of eachDay("2023-01-01", "2027-12-31")) {
      const last = lastDayWithinMonths(date, months);
      expect(windowStart(last, months) <= date, `${date} as of ${last}`).toBe(true);
      expect(date < windowStart(addDays(last, 1), months), `${date} as of ${addDays(last, 1)}`).toBe(true);
    }
  });
});

describe("firstDayMonthsAfter", () => {
  it.each([
    ["2025-11-27", 12, "2026-11-27"],
    ["2023-06-01", 12, "2024-06-01"],
    ["2025-02-28", 12, "2026-02-28"],
    // a 29 February start is only 12 months back once the window starts on or after it
    ["2024-02-29", 12, "2025-03-01"],
    ["2025-11-30", 3, "2026-03-01"],
    ["2026-01-31", 1, "2026-03-01"],
    ["2026-01-15", 1, "2026-02-15"],
  ])("%s is %i months back from %s on", (date, months, first) => {
    expect(firstDayMonthsAfter(date, months)).toBe(first);
    expect(windowStart(first, months) >= date).toBe(true);
    expect(windowStart(addDays(first, -1), months) < date).toBe(true);
  });

  it.each([3, 12])(
    "is the first as-of date whose %i-month window starts on or after the date, for every day of 2023–2027",
    (months) => {
      for (const date of eachDay("2023-01-01", "2027-12-31")) {
        const first = firstDayMonthsAfter(date, months);
        expect(windowStart(first, months) >= date, `${date} as of ${first}`).toBe(true);
        expect(windowStart(addDays(first, -1), months) < date, `${date} as of ${addDays(first, -1)}`).toBe(true);
      }
    },
  );
});

describe("ageInFullYears and birthday", () => {
  it.each([
    ["1985-04-12", "2026-11-27", 41],
    ["2008-11-27", "2026-11-27", 18],
    ["2008-11-28", "2026-11-27", 17],
    ["2008-12-31", "2026-11-27", 17],
    ["2008-01-01", "2026-01-01", 18],
    ["2008-01-01", "2025-12-31", 17],
  ])("born %s is %i on %s", (dateOfBirth, asOf, age) => {
    expect(ageInFullYears(dateOfBirth, asOf)).toBe(age);
  });

  it.each([
    // born 29 February: the birthday falls on 1 March in common years
    ["2008-02-29", "2026-02-28", 17],
    ["2008-02-29", "2026-03-01", 18],
    ["2008-02-29", "2028-02-28", 19],
    ["2008-02-29", "2028-02-29", 20],
    ["2008-02-29", "2008-02-29", 0],
    ["2008-02-29", "2009-02-28", 0],
    ["2008-02-29", "2009-03-01", 1],
  ])("born %s is %i on %s", (dateOfBirth, asOf, age) => {
    expect(ageInFullYears(dateOfBirth, asOf)).toBe(age);
  });

  it.each([
    ["2008-02-29", 18, "2026-03-01"],
    ["2008-02-29", 20, "2028-02-29"],
    ["2008-02-29", 1, "2009-03-01"],
    ["2008-11-28", 18, "2026-11-28"],
    ["1985-04-12", 18, "2003-04-12"],
  ])("born %s turns %i on %s", (dateOfBirth, years, date) => {
    expect(birthday(dateOfBirth, years)).toBe(date);
    expect(ageInFullYears(dateOfBirth, date)).toBe(years);
    expect(ageInFullYears(dateOfBirth, addDays(date, -1))).toBe(years - 1);
  });
});
