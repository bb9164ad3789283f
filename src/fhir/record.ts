/**
 * Small readers shared by the mappings: references, dates, codes, sources, and the one rule for
 * choosing among several results (the latest on or before the request date wins).
 */
import type { CodeableConcept, Coding, Reference, Resource } from "@medplum/fhirtypes";
import { FIELD_LABELS, formatDate, isRealDate } from "@/criteria";
import type { CodeEntry } from "./codes";
import type { ProposedAnswer, RecordProblem, RecordSource } from "./types";

/** "Observation/abc" for a resource (its id, or "?" when it has none). */
export const referenceTo = (resource: Resource): string =>
  `${resource.resourceType}/${typeof resource.id === "string" ? resource.id : "?"}`;

/** "Patient/123" from "Patient/123", "https://ehr.example/fhir/Patient/123/_history/2"; else undefined. */
export function localReference(reference: Reference | undefined): string | undefined {
  const text = reference?.reference;
  if (typeof text !== "string") return undefined;
  const parts = text.split("?")[0]?.split("/") ?? [];
  const history = parts.indexOf("_history");
  const kept = history >= 0 ? parts.slice(0, history) : parts;
  const [type, id] = kept.slice(-2);
  return type !== undefined && id !== undefined && /^[A-Z]/.test(type) ? `${type}/${id}` : undefined;
}

/**
 * The calendar day of a FHIR date or dateTime as written ("2026-10-20T23:30:00-05:00" → "2026-10-20":
 * the day where the result was taken, not shifted to UTC); undefined when it is not a full day.
 */
export function dayOf(value: string | undefined): string | undefined {
  if (typeof value !== "string") return undefined;
  const day = value.slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && isRealDate(day) ? day : undefined;
}

export const codingsOf = (concept: CodeableConcept | undefined): Coding[] =>
  Array.isArray(concept?.coding) ? concept.coding : [];

export const matches = (coding: Coding, entry: Pick<CodeEntry, "system" | "code">): boolean =>
  coding.system === entry.system && coding.code === entry.code;

export const hasCode = (concept: CodeableConcept | undefined, entries: readonly Pick<CodeEntry, "system" | "code">[]) =>
  codingsOf(concept).some((coding) => entries.some((entry) => matches(coding, entry)));

/** The concept in words: its text, else its first display, else "system|code". */
export function conceptName(concept: CodeableConcept | undefined): string {
  if (typeof concept?.text === "string" && concept.text.trim() !== "") return concept.text;
  const codings = codingsOf(concept);
  const display = codings.find((c) => typeof c.display === "string")?.display;
  if (display !== undefined) return display;
  const first = codings[0];
  return first === undefined ? "no code" : `${first.system ?? "no system"}|${first.code ?? ""}`;
}

/** The codes of a concept for a message, "LOINC 718-7" style, without any value. */
export function codeWords(concept: CodeableConcept | undefined): string {
  const codings = codingsOf(concept);
  if (codings.length === 0) return "no code";
  return codings.map((c) => `${SYSTEM_NAMES[c.system ?? ""] ?? c.system ?? "no system"} ${c.code ?? ""}`).join(", ");
}

const SYSTEM_NAMES: Readonly<Record<string, string>> = {
  "http://loinc.org": "LOINC",
  "http://snomed.info/sct": "SNOMED CT",
  "http://hl7.org/fhir/sid/icd-10-cm": "ICD-10-CM",
  "http://hl7.org/fhir/sid/icd-10": "ICD-10",
  "http://www.nlm.nih.gov/research/umls/rxnorm": "RxNorm",
  "http://www.ama-assn.org/go/cpt": "CPT",
};

/** Whether every coding of the concept is in a system we do not read (a site's own codes), or there is none. */
export const onlyLocalCodes = (concept: CodeableConcept | undefined): boolean =>
  codingsOf(concept).every((c) => SYSTEM_NAMES[c.system ?? ""] === undefined);

/** Words that make an unread code worth reporting: it may be something the request needs. */
const RELEVANT =
  /factor\s*(ix|9)\b|\bf(ix|9)\b|bethesda|inhibitor|h(a)?emophilia|christmas disease|aav|adeno-associated|liver|hepat|elastograph|fibroscan|\balt\b|\bast\b|alkaline phosphatase|bilirubin|body weight|alprolix|benefix|idelvion|ixinity|rebinyn|rixubis|alphanine|mononine|profilnine/i;

export const looksRelevant = (concept: CodeableConcept | undefined): boolean =>
  RELEVANT.test([concept?.text ?? "", ...codingsOf(concept).map((c) => c.display ?? "")].join(" "));

/** The label of a document path, from the criteria library's field labels. */
export const labelOf = (path: string): string => FIELD_LABELS[path] ?? path;

/** "ALT 70 U/L, 20 Oct 2026" */
export const sourceDisplay = (what: string, date: string | undefined): string =>
  date === undefined ? what : `${what}, ${formatDate(date)}`;

/** A result found in the record, in the document's terms, before choosing. */
export interface Candidate<T> {
  date: string;
  /** The full dateTime when there is one, to order two results of one day. */
  instant: string;
  value: T;
  source: RecordSource;
}

export interface Choice<T> {
  chosen?: Candidate<T>;
  /** Not chosen: older results and results after the request date (marked so), newest first. */
  others: RecordSource[];
  future: Candidate<T>[];
}

/** The latest result on or before the request date wins; later ones are listed as such, never chosen. */
export function chooseLatest<T>(candidates: readonly Candidate<T>[], requestDate: string): Choice<T> {
  const newestFirst = [...candidates].sort((a, b) => compareDesc(a, b));
  const future = newestFirst.filter((c) => c.date > requestDate);
  const usable = newestFirst.filter((c) => c.date <= requestDate);
  const [chosen, ...older] = usable;
  return { chosen, others: [...future.map(markFuture), ...older.map((c) => c.source)], future };
}

const compareDesc = (a: Candidate<unknown>, b: Candidate<unknown>): number =>
  a.date === b.date ? b.instant.localeCompare(a.instant) : b.date.localeCompare(a.date);

export const markFuture = (candidate: Candidate<unknown>): RecordSource => ({
  ...candidate.source,
  display: `${candidate.source.display} (after the request date: not used)`,
});

/** The "future" problem of a result dated after the request date. */
export const futureProblem = (candidate: Candidate<unknown>, what: string): RecordProblem => ({
  code: "future",
  reference: candidate.source.reference,
  message: `${candidate.source.reference} (${what}) is dated after the request date, so it is not used. Check the request date, or leave this result out.`,
});

/** An answer for `path` from a choice, or nothing when nothing was chosen. */
export function answerFrom<T>(
  path: string,
  choice: Choice<T>,
  toValue: (value: T) => unknown,
  toDisplay: (value: T) => string,
): ProposedAnswer[] {
  const chosen = choice.chosen;
  if (chosen === undefined) return [];
  return [
    {
      path,
      value: toValue(chosen.value),
      label: labelOf(path),
      display: toDisplay(chosen.value),
      source: chosen.source,
      others: choice.others,
    },
  ];
}
