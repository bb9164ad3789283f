/**
 * What filling from the record would do to the request, answer by answer: fill a blank answer,
 * leave one that already says the same, or (a conflict) replace what was typed, which happens only
 * when the person chooses the record's value for it. Compared in the request document's terms (the
 * wizard's `toDocument`), so "80" typed and 80 from the record are the same answer.
 */
import { get } from "react-hook-form";
import { LIVER_TEST_UNITS, formatDate } from "@/criteria";
import type { ProposedAnswer } from "@/fhir";

export type ReviewItem =
  | { kind: "fill"; answer: ProposedAnswer }
  | { kind: "same"; answer: ProposedAnswer }
  | { kind: "conflict"; answer: ProposedAnswer; typed: unknown };

export type Choice = "typed" | "record";

/** JSON with object keys in order: the same answer however its fields were written. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "object" && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

export function reviewAnswers(answers: readonly ProposedAnswer[], current: Record<string, unknown>): ReviewItem[] {
  return answers.map((answer) => {
    const typed: unknown = get(current, answer.path);
    if (typed === undefined || (Array.isArray(typed) && typed.length === 0 && !Array.isArray(answer.value)))
      return { kind: "fill", answer };
    if (canonical(typed) === canonical(answer.value)) return { kind: "same", answer };
    return { kind: "conflict", answer, typed };
  });
}

/**
 * The answers to put into the request: every blank one, every one that already agrees (so it is
 * marked as from the record), and each conflict whose choice is the record. A conflict without a
 * choice is never filled (the screen asks for one first).
 */
export function chosenAnswers(
  items: readonly ReviewItem[],
  choices: Readonly<Record<string, Choice>>,
): ProposedAnswer[] {
  return items
    .filter((item) => item.kind !== "conflict" || choices[item.answer.path] === "record")
    .map((item) => item.answer);
}

/** Who the request is for: when the record says otherwise, it may be another patient's record. */
const IDENTITY_PATHS: ReadonlySet<string> = new Set([
  "member.firstName",
  "member.lastName",
  "member.dateOfBirth",
  "member.memberId",
]);

/** The identity answers typed that the record contradicts (none: the same patient, or nothing typed yet). */
export const identityConflicts = (items: readonly ReviewItem[]): ReviewItem[] =>
  items.filter((item) => item.kind === "conflict" && IDENTITY_PATHS.has(item.answer.path));

export const unresolved = (items: readonly ReviewItem[], choices: Readonly<Record<string, Choice>>): ReviewItem[] =>
  items.filter((item) => item.kind === "conflict" && choices[item.answer.path] === undefined);

/** A liver result as typed, in the unit the wizard asks it in, beside the record's value and unit. */
export function typedAnswerInWords(value: unknown, path: string): string {
  const liver = /^liver\.enzymes\.(alt|ast|alp|totalBilirubin)\.(value|upperLimit)$/.exec(path);
  const words = typedInWords(value);
  return liver === null || typeof value !== "number"
    ? words
    : `${words} ${LIVER_TEST_UNITS[liver[1] as keyof typeof LIVER_TEST_UNITS]}`;
}

/** An answer as typed, in words ("80 kg", "10 Jan 1990", "Yes", "0.3 BU on 1 Oct 2026"). */
export function typedInWords(value: unknown): string {
  if (value === undefined || value === null || value === "") return "(blank)";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number") return String(value);
  if (typeof value === "string")
    return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value.replaceAll("_", " ");
  if (Array.isArray(value)) return value.length === 0 ? "None" : value.map(typedInWords).join("; ");
  if (typeof value === "object") {
    const o = value as Record<string, unknown>;
    if ("bethesdaUnits" in o || "date" in o)
      return [
        o.bethesdaUnits === undefined ? undefined : `${typedInWords(o.bethesdaUnits)} BU`,
        o.date === undefined ? undefined : `on ${typedInWords(o.date)}`,
      ]
        .filter((part) => part !== undefined)
        .join(" ");
    if ("value" in o && "unit" in o) return `${typedInWords(o.value)} ${typedInWords(o.unit)}`;
    return Object.entries(o)
      .map(([key, v]) => `${key}: ${typedInWords(v)}`)
      .join(", ");
  }
  return JSON.stringify(value);
}
