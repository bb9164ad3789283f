/**
 * The public shapes of the record import (issue 12). Other modules build on them (the import
 * screen, the FHIR server tests, the export), so they change only by agreement.
 */

/** Where a value came from: the resource, its date and the result in words, in the record's own unit. */
export interface RecordSource {
  /** "Observation/abc" */
  reference: string;
  /** YYYY-MM-DD */
  date?: string;
  /** "ALT 70 U/L, 20 Oct 2026" */
  display: string;
}

/** One answer the record would fill, with its provenance. */
export interface ProposedAnswer {
  /** A request-document path in the spec's spelling: "liver.enzymes.alt.value", "member.dateOfBirth", "inhibitor.assays". */
  path: string;
  /** Already in the document's type and unit (a list such as inhibitor.assays is one answer holding the whole array). */
  value: unknown;
  /** The question in words (the criteria library's field labels). */
  label: string;
  /** The value in words with its unit. */
  display: string;
  /** Where the chosen value came from (for lists: the first; see `sources`). */
  source: RecordSource;
  /** Lists, and answers drawn from several resources: every resource used. */
  sources?: RecordSource[];
  /** Other candidate results not chosen (older, or after the request date), listed. */
  others: RecordSource[];
}

export type RecordProblemCode =
  | "not-json"
  | "not-bundle"
  | "not-r4"
  | "bundle-type"
  | "no-patient"
  | "several-patients"
  | "unknown-code"
  | "unit"
  | "future"
  | "invalid";

/** What could not be used, in words that say what to do. Never carries a value from the record. */
export interface RecordProblem {
  code: RecordProblemCode;
  message: string;
  /** The resource concerned ("Observation/abc"), when there is one. */
  reference?: string;
}

export interface RecordImport {
  patient: { reference: string; name?: string; birthDate?: string } | null;
  answers: ProposedAnswer[];
  problems: RecordProblem[];
}

/** A code a site configures in addition to the standard table (e.g. its lab's code for the AAV5 antibody test). */
export interface LocalCode {
  system: string;
  code: string;
}

/** Configured extra codes, by what they identify. */
export interface LocalCodes {
  /** Observations that report the AAV5 neutralizing (total) antibody test: no LOINC code exists for it. */
  aav5Antibody?: readonly LocalCode[];
}
