/**
 * Live feedback while a request is being typed: evaluate whatever is valid and report the rest.
 * A field with invalid input is left out (as if not answered yet), so one typo never blanks the
 * whole eligibility picture. The required top-level fields must be valid for any evaluation.
 */
import { evaluate } from "./evaluate";
import type { Evaluation } from "./evaluation";
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
  return partially(input, validateRequestDocument(input));
}

/** The evaluation of `input`, given its validation (`first`). */
function partially(input: unknown, first: ValidationResult): PartialEvaluation {
  if (first.ok) return { errors: [], evaluation: evaluate(first.document) };
  let candidate = input;
  let errors = first.errors;
  // Each round removes the offending fields; a parent left invalid by the removal goes next round.
  for (let round = 0; round < 4; round++) {
    if (errors.some((e) => REQUIRED.has(e.path))) return { errors: first.errors };
    for (const error of errors) candidate = withoutPath(candidate, error.path.split("."));
    const next = validateRequestDocument(candidate);
    if (next.ok) return { errors: first.errors, evaluation: evaluate(next.document) };
    errors = next.errors;
  }
  return { errors: first.errors };
}

/**
 * `evaluatePartial` for a document that changes a field at a time, as the wizard's live panel
 * does: each top-level field's check is kept while the same value (the same object, for a
 * section) comes back, so a keystroke re-checks only the section it changed. A section object
 * must not be changed in place once given: build a new one (the wizard's drafts are frozen).
 */
export function liveEvaluator(): (input: unknown) => PartialEvaluation {
  const last = new Map<string, { value: unknown; check: TopLevelCheck }>();
  const check: TopLevelChecker = (key, value) => {
    const kept = last.get(key);
    if (kept !== undefined && Object.is(kept.value, value)) return kept.check;
    const fresh = checkTopLevel(key, value);
    last.set(key, { value, check: fresh });
    return fresh;
  };
  // Only the input as given is checked through the kept checks: the rounds that leave invalid
  // fields out make new objects, which would only push out what the next keystroke can reuse.
  return (input) => partially(input, validateRequestDocument(input, check));
}
