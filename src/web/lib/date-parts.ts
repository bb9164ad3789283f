/**
 * A date as a person types it: day, month and year in three boxes (the GOV.UK date input). The
 * parts are kept exactly as typed, so an impossible date (30 February) stays on screen and in the
 * saved draft until it is corrected; the request document gets `YYYY-MM-DD` only for a real date.
 */
import { formatDate, isRealDate } from "@/criteria";

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export type DatePart = keyof DateParts;

export const DATE_PART_NAMES: readonly DatePart[] = ["day", "month", "year"];

export const emptyDateParts = (): DateParts => ({ day: "", month: "", year: "" });

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2007-03-27" → 27, 3, 2007 (as a person writes them); anything else → empty boxes. */
export function datePartsFromIso(iso: string): DateParts {
  const match = ISO.exec(iso.trim());
  if (match === null) return emptyDateParts();
  return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1] ?? "" };
}

export const isBlankDate = (parts: DateParts): boolean => DATE_PART_NAMES.every((p) => parts[p].trim() === "");

/** What is wrong with typed parts: nothing (blank or a real date), missing parts, or not a real date. */
type DateProblem =
  | { kind: "missing"; parts: readonly DatePart[] }
  | { kind: "year_digits" }
  | { kind: "not_real"; parts: readonly DatePart[] };

const NUMBER = /^\d{1,2}$/;

function candidateIso(parts: DateParts): string {
  const pad = (value: string) => value.trim().padStart(2, "0");
  return `${parts.year.trim()}-${pad(parts.month)}-${pad(parts.day)}`;
}

export function dateProblem(parts: DateParts): DateProblem | undefined {
  if (isBlankDate(parts)) return undefined;
  const missing = DATE_PART_NAMES.filter((p) => parts[p].trim() === "");
  if (missing.length > 0) return { kind: "missing", parts: missing };
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  const badParts = [
    ...(NUMBER.test(day) && Number(day) >= 1 && Number(day) <= 31 ? [] : (["day"] as const)),
    ...(NUMBER.test(month) && Number(month) >= 1 && Number(month) <= 12 ? [] : (["month"] as const)),
  ];
  if (badParts.length === 0 && /^\d+$/.test(year) && year.length !== 4) return { kind: "year_digits" };
  const yearBad = !/^\d{4}$/.test(year);
  if (badParts.length > 0 || yearBad) return { kind: "not_real", parts: yearBad ? [...badParts, "year"] : badParts };
  if (!isRealDate(candidateIso(parts))) return { kind: "not_real", parts: ["day"] };
  return undefined;
}

/**
 * The document's value for typed parts: absent when blank, `YYYY-MM-DD` for a real date. Parts
 * that make no real date give text the schema refuses ("1990-02-30", "1990-02-00" for a missing
 * day), so the field counts as needing correction, never as unanswered; the wizard words that
 * problem itself (`dateProblemMessage`).
 */
export function isoFromDateParts(parts: DateParts): string | undefined {
  if (isBlankDate(parts)) return undefined;
  return candidateIso(parts);
}

const listOf = (parts: readonly string[]): string =>
  parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1] ?? ""}`;

/** GOV.UK's words for the problem, naming the question ("Date of birth must be a real date"). */
export function dateProblemMessage(label: string, problem: DateProblem): string {
  switch (problem.kind) {
    case "missing":
      return `${label} must include a ${listOf(problem.parts)}`;
    case "year_digits":
      return `${label} must include a year of 4 numbers, like 2007`;
    case "not_real":
      return `${label} must be a real date`;
  }
}

/** Typed parts as a person reads them: "27 Mar 2007" for a real date, "" when blank. */
export function formatDateParts(parts: DateParts): string {
  const iso = isoFromDateParts(parts);
  return iso === undefined || dateProblem(parts) !== undefined ? "" : formatDate(iso);
}
