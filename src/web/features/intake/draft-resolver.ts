/**
 * react-hook-form's resolver over the shared schema: the draft becomes a candidate request
 * document, the criteria library validates it, and each error lands on the input of its path.
 */
import type { FieldErrors, Resolver } from "react-hook-form";
import { validateRequestDocument, type FieldError } from "@/criteria";
import { toDocument, type Draft } from "./draft";

/** Error messages worded for an input that differs from the document field (the dose is typed in 10^13 units). */
const DRAFT_MESSAGES: Readonly<Record<string, string>> = {
  "dose.requestedGcPerKg":
    "Requested dose must be a number more than 0, in units of 10^13 genome copies per kg (the maximum is 2)",
};

/**
 * Nests "a.0.b" errors the way react-hook-form expects: arrays for list indices (it drops an
 * error under a list whose container is a plain object).
 */
function nest(errors: readonly FieldError[]): FieldErrors<Draft> {
  const root: Record<string, unknown> = {};
  for (const { path, message } of errors) {
    const keys = path === "" ? ["root"] : path.split(".");
    let node: Record<string, unknown> = root;
    keys.forEach((key, i) => {
      if (i === keys.length - 1) {
        node[key] ??= { type: "schema", message: DRAFT_MESSAGES[path] ?? message };
        return;
      }
      const existing = node[key];
      const child =
        typeof existing === "object" && existing !== null ? existing : /^\d+$/.test(keys[i + 1] ?? "") ? [] : {};
      node[key] = child;
      node = child as Record<string, unknown>;
    });
  }
  const nested: FieldErrors<Draft> = root;
  return nested;
}

export const draftResolver: Resolver<Draft> = (values) => {
  const result = validateRequestDocument(toDocument(values));
  return result.ok ? { values, errors: {} } : { values: {}, errors: nest(result.errors) };
};
