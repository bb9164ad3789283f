import { describe, expect, it } from "vitest";
import { validateRequestDocument } from "@/criteria";
import {
  dateProblem,
  dateProblemMessage,
  datePartsFromIso,
  formatDateParts,
  isoFromDateParts,
  type DateParts,
} from "./date-parts";

const parts = (day: string, month: string, year: string): DateParts => ({ day, month, year });

describe("date parts ↔ YYYY-MM-DD", () => {
  it.each([
    [parts("27", "3", "2007"), "2007-03-27"],
    [parts("01", "02", "1990"), "1990-02-01"],
    [parts(" 9 ", " 11 ", " 2026 "), "2026-11-09"],
    [parts("29", "2", "2024"), "2024-02-29"],
  ])("a real date %j is %s in the request document", (typed, iso) => {
    expect(isoFromDateParts(typed)).toBe(iso);
    expect(dateProblem(typed)).toBeUndefined();
  });

  it("leaves a blank date out of the document (not answered yet)", () => {
    expect(isoFromDateParts(parts("", " ", ""))).toBeUndefined();
    expect(dateProblem(parts("", "", ""))).toBeUndefined();
  });

  it.each([
    parts("30", "2", "1990"),
    parts("29", "2", "2023"),
    parts("31", "4", "2026"),
    parts("0", "1", "2026"),
    parts("12", "13", "1985"),
    parts("1", "1", "0000"),
    parts("a", "1", "2026"),
    parts("1", "1", "26"),
    parts("1", "", "2026"),
    parts("", "", "2026"),
  ])("never turns %j into a real date: the schema refuses what the document gets", (typed) => {
    const iso = isoFromDateParts(typed);
    expect(iso).toBeDefined();
    const result = validateRequestDocument({
      schemaVersion: 1,
      requestType: "initial",
      requestDate: "2026-11-27",
      lineOfBusiness: "commercial",
      member: { dateOfBirth: iso },
    });
    expect(result.ok).toBe(false);
    expect(dateProblem(typed)).toBeDefined();
  });

  it("fills the three boxes from an imported YYYY-MM-DD, as a person writes them", () => {
    expect(datePartsFromIso("2007-03-27")).toEqual(parts("27", "3", "2007"));
    expect(datePartsFromIso("")).toEqual(parts("", "", ""));
    expect(datePartsFromIso("27/03/2007")).toEqual(parts("", "", ""));
  });

  it("shows a real date readably and a blank or impossible one as nothing", () => {
    expect(formatDateParts(parts("10", "11", "2026"))).toBe("10 Nov 2026");
    expect(formatDateParts(parts("30", "2", "1990"))).toBe("");
    expect(formatDateParts(parts("", "", ""))).toBe("");
  });
});

describe("dateProblemMessage", () => {
  it.each([
    [parts("30", "2", "1990"), "Date of birth must be a real date"],
    [parts("30", "2", ""), "Date of birth must include a year"],
    [parts("30", "", ""), "Date of birth must include a month and year"],
    [parts("", "", "1990"), "Date of birth must include a day and month"],
    [parts("30", "2", "90"), "Date of birth must include a year of 4 numbers, like 2007"],
  ])("%j → %s", (typed, message) => {
    const problem = dateProblem(typed);
    if (problem === undefined) throw new Error("expected a problem");
    expect(dateProblemMessage("Date of birth", problem)).toBe(message);
  });
});
