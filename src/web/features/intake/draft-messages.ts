/**
 * The wizard's words for a problem, GOV.UK style: they say what to enter and how ("Enter the
 * weight as a number, like 80", "Date of birth must be a real date"), never repeat what was typed
 * and never show the document's `YYYY-MM-DD` beside boxes that take a day, month and year. The
 * criteria library finds the problems (one gate for every caller); this module only words them
 * for the inputs of the draft, which it knows and the library does not.
 */
import { get } from "react-hook-form";
import {
  FIELD_LABELS,
  KG_PER_LB,
  MAX_WEIGHT_KG,
  formatDate,
  validateRequestDocument,
  type FieldError,
} from "@/criteria";
import { dateProblem, dateProblemMessage, isBlankDate, type DateParts } from "@/web/lib/date-parts";
import { toDocument, type Draft } from "./draft";

/** `bleeds.0.date` → `bleeds[].date`, the key of FIELD_LABELS and of the tables below. */
const keyOf = (path: string): string => path.replace(/\.\d+(?=\.|$)/g, "[]");

const labelOf = (path: string): string => FIELD_LABELS[keyOf(path)] ?? path;

const DATE_KEYS: ReadonlySet<string> = new Set([
  "requestDate",
  "member.dateOfBirth",
  "prophylaxis.startDate",
  "bleeds[].date",
  "inhibitor.assays[].date",
  "liver.enzymes.date",
  "liver.ultrasound.date",
  "liver.elastography.date",
]);

const MAX_WEIGHT_LB = Math.floor((MAX_WEIGHT_KG / KG_PER_LB) * 10) / 10;

interface NumberWords {
  /** "Enter …": what to type, with an example of the accepted form. */
  enter: string;
  /** The accepted range, for a number outside it. */
  range: string;
}

/** A liver test's result and upper limit ("ALT", 25, 40: "Enter the ALT result as a number, like 25"). */
function lab(key: string, name: string, result: string, limit: string): Record<string, NumberWords> {
  const label = FIELD_LABELS[`liver.enzymes.${key}`] ?? name;
  return {
    [`liver.enzymes.${key}.value`]: {
      enter: `Enter the ${name} result as a number, like ${result}`,
      range: `${label} must be 0 or more`,
    },
    [`liver.enzymes.${key}.upperLimit`]: {
      enter: `Enter the ${name} upper limit of normal as a number, like ${limit}`,
      range: `${label} upper limit of normal must be more than 0`,
    },
  };
}

const NUMBERS: Readonly<Record<string, NumberWords>> = {
  "member.weight.value": {
    enter: "Enter the weight as a number, like 80",
    range: `Weight must be more than 0 and at most ${MAX_WEIGHT_KG} kg (${MAX_WEIGHT_LB} lb)`,
  },
  "diagnosis.factorIxActivityPercent": {
    enter: "Enter the baseline factor IX activity as a number, like 1.5",
    range: "Baseline factor IX activity must be between 0% and 200%",
  },
  exposureDays: {
    enter: "Enter the exposure days as a whole number, like 150",
    range: "Enter the exposure days as a whole number, like 150",
  },
  "inhibitor.assays[].bethesdaUnits": {
    enter: "Enter the Bethesda units as a number, like 0.4",
    range: "Bethesda units must be 0 or more",
  },
  ...lab("alt", "ALT", "25", "40"),
  ...lab("ast", "AST", "25", "40"),
  ...lab("alp", "ALP", "90", "120"),
  ...lab("totalBilirubin", "total bilirubin", "0.8", "1.2"),
  "aav5.titer": {
    enter: "Enter the AAV5 titer as a number, like 300 for 1:300",
    range: "AAV5 titer must be more than 0",
  },
  "dose.requestedGcPerKg": {
    enter: "Enter the dose as a number of 10^13 genome copies per kg, like 2",
    range: "Requested dose must be more than 0 (in 10^13 genome copies per kg; the maximum is 2)",
  },
};

const TEXT_LENGTHS: Readonly<Record<string, number>> = {
  "member.firstName": 100,
  "member.lastName": 100,
  "member.memberId": 40,
  "prescriber.name": 200,
  "diagnosis.icd10": 16,
  "diagnosis.otherDescription": 1000,
};

const CHOICES: Readonly<Record<string, string>> = {
  requestType: "Select whether this is an initial request or a request to continue therapy",
  lineOfBusiness: "Select the line of business",
};

function dateMessage(path: string, draft: Draft, document: Record<string, unknown>): string {
  const label = labelOf(path);
  const parts = get<Draft, DateParts | undefined>(draft, path);
  if (parts === undefined || isBlankDate(parts)) return `Enter the ${label.toLowerCase()}`;
  const problem = dateProblem(parts);
  if (problem !== undefined) return dateProblemMessage(label, problem);
  // A real date the library still refuses is after the request date (the only other rule for dates).
  const requestDate = document.requestDate;
  return typeof requestDate === "string"
    ? `${label} must be the same as or before the request date, ${formatDate(requestDate)}`
    : `${label} must be the same as or before the request date`;
}

/**
 * One problem in the wizard's words (`libraryMessage` is the fallback for anything unforeseen);
 * `document` is the draft's request document, when the caller already has it.
 */
function wizardMessage(
  path: string,
  draft: Draft,
  libraryMessage: string,
  document: Record<string, unknown> = toDocument(draft),
): string {
  const key = keyOf(path);
  if (DATE_KEYS.has(key)) return dateMessage(path, draft, document);
  const numberWords = NUMBERS[key];
  if (numberWords !== undefined) return typeof get(document, path) === "string" ? numberWords.enter : numberWords.range;
  const maxLength = TEXT_LENGTHS[key];
  if (maxLength !== undefined) return `${labelOf(path)} must be ${maxLength} characters or fewer`;
  if (key === "prescriber.npi") return "Prescriber's NPI must be 10 digits with a correct check digit";
  const choice = CHOICES[key];
  if (choice !== undefined) return choice;
  return libraryMessage.replace(/; got .*$/, "");
}

/** `document` is `toDocument(draft)`, when the caller has it already. */
export function rewordErrors(
  errors: readonly FieldError[],
  draft: Draft,
  document?: Record<string, unknown>,
): FieldError[] {
  if (errors.length === 0) return [];
  document ??= toDocument(draft);
  return errors.map((error) => ({
    path: error.path,
    message: wizardMessage(error.path, draft, error.message, document),
  }));
}

/** Every problem of the draft, in the wizard's words. */
export function draftErrors(draft: Draft): FieldError[] {
  const result = validateRequestDocument(toDocument(draft));
  return result.ok ? [] : rewordErrors(result.errors, draft);
}

/** True when the answer at `path` is blank: a blank is "not answered yet", never "needs correcting". */
function isBlankAnswer(draft: Draft, path: string): boolean {
  const value: unknown = get(draft, path);
  if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return true;
  return DATE_KEYS.has(keyOf(path)) && isBlankDate(value as DateParts);
}

/** The problems with something typed (blanks left out): what "needs correcting" counts. */
export const answeredErrors = (errors: readonly FieldError[], draft: Draft): FieldError[] =>
  errors.filter((error) => !isBlankAnswer(draft, error.path));

/**
 * The problems with what was typed for a criterion's fields (`fields` as in CRITERIA, list entries
 * as `[]`): while there are any, the criterion is not "not answered", its answer needs correcting.
 */
export function problemsOf(fields: readonly string[], errors: readonly FieldError[]): FieldError[] {
  return errors.filter((error) => {
    const key = keyOf(error.path);
    return fields.some((field) => key === field || key.startsWith(`${field}.`) || key.startsWith(`${field}[]`));
  });
}
