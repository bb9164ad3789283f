/**
 * react-hook-form's resolver over the shared schema: the draft becomes a candidate request
 * document, the criteria library validates it, and each error lands on the input of its path.
 */
import type { FieldErrors, Resolver } from "react-hook-form";
import { validateRequestDocument, type FieldError } from "@/criteria";
import { toDocument, type Draft } from "./draft";

function nest(errors: readonly FieldError[]): FieldErrors<Draft> {
  const root: Record<string, unknown> = {};
  for (const { path, message } of errors) {
    const keys = path === "" ? ["root"] : path.split(".");
    let node = root;
    keys.forEach((key, i) => {
      if (i === keys.length - 1) {
        node[key] ??= { type: "schema", message };
        return;
      }
      const child = node[key];
      node = typeof child === "object" && child !== null ? (child as Record<string, unknown>) : (node[key] = {});
    });
  }
  return root;
}

export const draftResolver: Resolver<Draft> = (values) => {
  const result = validateRequestDocument(toDocument(values));
  return result.ok ? { values, errors: {} } : { values: {}, errors: nest(result.errors) };
};
