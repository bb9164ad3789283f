/**
 * Live feedback while a request is being typed: evaluate whatever is valid and report the rest.
 * A field with invalid input is left out (as if not answered yet), so one typo never blanks the
 * whole eligibility picture. The required top-level fields must be valid for any evaluation.
 */
import { evaluate, evaluateWith, keptRules } from "./evaluate";
import type { Evaluation } from "./evaluation";
import type { RequestDocument } from "./schema";
import {
  checkTopLevel,
  validateRequestDocument,
  type FieldError,
  type TopLevelCheck,
  type TopLevelChecker,
  type ValidationResult,
} from "./validate";

export interface PartialEvaluation {
  /** The problems of the input as given. */
  errors: FieldError[];
  /** The evaluation of the input without its invalid fields; absent when a required field is invalid. */
  evaluation?: Evaluation;
}

const REQUIRED = new Set(["", "schemaVersion", "requestType", "requestDate", "lineOfBusiness"]);

function withoutPath(value: unknown, path: readonly string[]): unknown {
  const [head, ...rest] = path;
  if (head === undefined || typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    const index = Number(head);
    return value.map((item: unknown, i) => (i !== index ? item : rest.length === 0 ? {} : withoutPath(item, rest)));
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (rest.length === 0) return Object.fromEntries(entries.filter(([key]) => key !== head));
  return Object.fromEntries(entries.map(([key, item]) => [key, key === head ? withoutPath(item, rest) : item]));
}

export function evaluatePartial(input: unknown): PartialEvaluation {
  return partially(input, validateRequestDocument);
}

/** The evaluation of `input`: validated with `validate`, again after each round that leaves out invalid fields. */
function partially(
  input: unknown,
  validate: (input: unknown) => ValidationResult,
  evaluateValid: (document: RequestDocument) => Evaluation = evaluate,
): PartialEvaluation {
  const first = validate(input);
  if (first.ok) return { errors: [], evaluation: evaluateValid(first.document) };
  let candidate = input;
  let errors = first.errors;
  // Each round removes the offending fields; a parent left invalid by the removal goes next round.
  for (let round = 0; round < 4; round++) {
    if (errors.some((e) => REQUIRED.has(e.path))) return { errors: first.errors };
    for (const error of errors) candidate = withoutPath(candidate, error.path.split("."));
    const next = validate(candidate);
    if (next.ok) return { errors: first.errors, evaluation: evaluateValid(next.document) };
    errors = next.errors;
  }
  return { errors: first.errors };
}

/**
 * `evaluatePartial` for a document that changes a field at a time, as the wizard's live panel
 * does: each top-level field's check is kept while the same value comes back, so a keystroke
 * re-checks only the section it changed, and re-runs only the criteria's rules that read it. A
 * section is the same only as the same frozen object (Object.freeze, all the way down: the
 * wizard's are); any other object is checked, and its rules run, every time.
 */
export function liveEvaluator(): (input: unknown) => PartialEvaluation {
  const last = new Map<string, { value: unknown; check: TopLevelCheck }>();
  const kept = (key: string, value: unknown): TopLevelCheck | undefined => {
    const entry = last.get(key);
    const reusable = typeof value !== "object" || value === null || Object.isFrozen(value);
    return entry !== undefined && reusable && Object.is(entry.value, value) ? entry.check : undefined;
  };
  const checkAndKeep: TopLevelChecker = (key, value) => {
    const known = kept(key, value);
    if (known !== undefined) return known;
    const fresh = checkTopLevel(key, value);
    last.set(key, { value, check: fresh });
    return fresh;
  };
  // The rounds that leave invalid fields out read the kept checks (the sections they do not touch
  // are the input's own) but keep nothing: what they make is not what the next keystroke sends.
  const checkOnly: TopLevelChecker = (key, value) => kept(key, value) ?? checkTopLevel(key, value);
  // Rules are kept by the parsed sections they read: a kept check hands back the same parsed object.
  const rules = keptRules();
  const evaluateKept = (document: RequestDocument) => evaluateWith(document, rules);
  return (input) => {
    let first = true;
    const validate = (candidate: unknown) => {
      const check = first ? checkAndKeep : checkOnly;
      first = false;
      return validateRequestDocument(candidate, check);
    };
    return partially(input, validate, evaluateKept);
  };
}
