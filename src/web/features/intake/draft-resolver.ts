/**
 * react-hook-form's resolver over the shared schema: the draft becomes a candidate request
 * document, the criteria library validates it, and each error lands on the input of its path,
 * in the wizard's words (`draft-messages.ts`).
 */
import type { FieldErrors, Resolver } from "react-hook-form";
import type { FieldError } from "@/criteria";
import type { Draft } from "./draft";
import { draftErrors } from "./draft-messages";

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
        node[key] ??= { type: "schema", message };
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
  const errors = draftErrors(values);
  return errors.length === 0 ? { values, errors: {} } : { values: {}, errors: nest(errors) };
};
