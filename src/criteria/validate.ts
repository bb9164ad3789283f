/**
 * The one gate into the library: unknown input in, either a typed request document or every
 * problem with its path and a plain-English message that says what would be accepted.
 * Nothing invalid reaches `evaluate`.
 */
import type { $ZodIssue } from "zod/v4/core";
import { isRealDate } from "./dates";
import { fieldLabel, formatPath } from "./field-labels";
import { MAX_WEIGHT_KG, KG_PER_LB } from "./policy";
import { requestDocumentSchema, type CustomIssueKind, type RequestDocument } from "./schema";

export interface FieldError {
  /** Dotted path into the document, list indices as numbers: `inhibitor.assays.0.date`; `""` is the whole document. */
  path: string;
  message: string;
}

export type ValidationResult = { ok: true; document: RequestDocument } | { ok: false; errors: FieldError[] };

/** The date fields other than `requestDate`; each must be on or before the request date. */
const DATE_PATHS: readonly (readonly string[])[] = [
  ["member", "dateOfBirth"],
  ["prophylaxis", "startDate"],
  ["bleeds", "[]", "date"],
  ["inhibitor", "assays", "[]", "date"],
  ["liver", "enzymes", "date"],
  ["liver", "ultrasound", "date"],
  ["liver", "elastography", "date"],
];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

interface DateAt {
  path: readonly (string | number)[];
  date: string;
}

/** Every real date found at `pattern` in an untrusted value, with its concrete path. */
function datesAt(
  value: unknown,
  pattern: readonly string[],
  path: readonly (string | number)[],
  found: DateAt[] = [],
): DateAt[] {
  const [head, ...rest] = pattern;
  if (head === undefined) {
    if (typeof value === "string" && isRealDate(value)) found.push({ path, date: value });
  } else if (head === "[]") {
    if (Array.isArray(value)) value.forEach((item: unknown, i) => datesAt(item, rest, [...path, i], found));
  } else if (isRecord(value) && head in value) datesAt(value[head], rest, [...path, head], found);
  return found;
}

function datesAfter(requestDate: unknown, dates: readonly DateAt[]): FieldError[] {
  if (typeof requestDate !== "string" || !isRealDate(requestDate)) return [];
  return dates
    .filter(({ date }) => date > requestDate)
    .map(({ path, date }) => ({
      path: formatPath(path),
      message: `${fieldLabel(path)} ${date} is after the request date ${requestDate}; enter a date on or before ${requestDate}`,
    }));
}

/**
 * What kind of value was sent: never the value itself, which may be patient data and which the
 * sender already has ("got text", "got a list").
 */
function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  switch (typeof value) {
    case "string":
      return "text";
    case "number":
    case "bigint":
      return "a number";
    case "boolean":
      return "true or false";
    case "object":
      return "an object";
    default:
      return typeof value;
  }
}

const EXPECTED: Readonly<Record<string, string>> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "an object",
};

// Messages name the field and say what is accepted; they never quote what was sent (it may be
// patient data, and it ends up in error summaries, API answers and the evaluator's output).
function customMessage(label: string, kind: CustomIssueKind): string {
  switch (kind) {
    case "date_shape":
      return `${label} must be a date written YYYY-MM-DD`;
    case "unreal_date":
      return `${label} must be a real date (written YYYY-MM-DD)`;
    case "npi":
      return `${label} must be 10 digits with a valid NPI check digit`;
    case "too_heavy": {
      const maxLb = Math.floor((MAX_WEIGHT_KG / KG_PER_LB) * 10) / 10;
      return `${label} must be at most ${MAX_WEIGHT_KG} kg (${maxLb} lb)`;
    }
    case "blank":
      return `${label} must not be blank; leave it out until it is known`;
    case "after_request_date":
      return `${label} is after the request date`;
  }
}

function bound(value: unknown): string {
  return typeof value === "number" || typeof value === "bigint" ? String(value) : describeValue(value);
}

/** One zod issue → the sentence a person reads. */
export function issueMessage(issue: $ZodIssue): string {
  const label = fieldLabel(issue.path);
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case "invalid_type":
      if (input === undefined) return `${label} is required`;
      return `${label} must be ${EXPECTED[issue.expected] ?? issue.expected}; got ${describeValue(input)}`;
    case "invalid_value":
      if (input === undefined)
        return `${label} is required: ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}`;
      if (issue.values.length === 1) return `${label} must be ${JSON.stringify(issue.values[0])}`;
      return `${label} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "too_small":
      if (issue.origin === "array") return `${label} must have at least ${bound(issue.minimum)} items`;
      if (issue.origin === "string") return `${label} must not be empty`;
      return `${label} must be ${issue.inclusive ? "at least" : "more than"} ${bound(issue.minimum)}`;
    case "too_big":
      if (issue.origin === "array") return `${label} can have at most ${bound(issue.maximum)} items`;
      if (issue.origin === "string") return `${label} must be at most ${bound(issue.maximum)} characters long`;
      return `${label} must be ${issue.inclusive ? "at most" : "less than"} ${bound(issue.maximum)}`;
    case "invalid_format":
      return `${label} is not in the expected format`;
    case "custom": {
      const kind = issue.params?.kind as CustomIssueKind | undefined;
      return kind === undefined ? issue.message : customMessage(label, kind);
    }
    case "unrecognized_keys":
    case "invalid_union":
    case "invalid_key":
    case "invalid_element":
    case "not_multiple_of":
      return `${label}: ${issue.message}`;
  }
}

/**
 * One top-level field of a document, checked on its own: its problems, its value as parsed, and
 * the dates in it (held against the request date once all fields are checked). The document's
 * schema is an object of independent fields, so checking them one by one finds exactly what
 * checking the whole finds, in the same order (a test holds this against the whole schema).
 */
export interface TopLevelCheck {
  errors: readonly FieldError[];
  value: unknown;
  dates: readonly DateAt[];
}

const SHAPE = requestDocumentSchema.shape;
type TopLevelKey = keyof typeof SHAPE;
const TOP_LEVEL_KEYS = Object.keys(SHAPE) as TopLevelKey[];

export function checkTopLevel(key: TopLevelKey, value: unknown): TopLevelCheck {
  const parsed = SHAPE[key].safeParse(value, { reportInput: true });
  const errors = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const whole = { ...issue, path: [key, ...issue.path] };
        return { path: formatPath(whole.path), message: issueMessage(whole) };
      });
  const dates = DATE_PATHS.filter((pattern) => pattern[0] === key).flatMap((pattern) =>
    datesAt(value, pattern.slice(1), [key]),
  );
  return { errors, value: parsed.success ? parsed.data : undefined, dates };
}

export type TopLevelChecker = (key: TopLevelKey, value: unknown) => TopLevelCheck;

export function validateRequestDocument(input: unknown, check: TopLevelChecker = checkTopLevel): ValidationResult {
  if (!isRecord(input)) {
    return {
      ok: false,
      errors: [{ path: "", message: `The request document must be a JSON object; got ${describeValue(input)}` }],
    };
  }
  const errors: FieldError[] = [];
  const dates: DateAt[] = [];
  const document: Record<string, unknown> = {};
  for (const key of TOP_LEVEL_KEYS) {
    const value = input[key];
    const result = check(key, value);
    errors.push(...result.errors);
    dates.push(...result.dates);
    if (result.value !== undefined || key in input) document[key] = result.value;
  }
  errors.push(...datesAfter(input.requestDate, dates));
  // Every field passed its schema, so the document is what the schema describes.
  return errors.length > 0 ? { ok: false, errors } : { ok: true, document: document as RequestDocument };
}
