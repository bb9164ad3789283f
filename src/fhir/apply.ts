/**
 * Putting accepted answers into a request document: each answer's value at its path, objects made
 * on the way. Whether to accept an answer over one already typed is the person's choice, made
 * before this is called.
 */
import type { RequestDocument } from "@/criteria";
import type { ProposedAnswer } from "./types";

/** A copy of `document` with every answer's value set at its path ("liver.enzymes.alt.value"). */
export function applyAnswers(
  document: RequestDocument,
  answers: readonly Pick<ProposedAnswer, "path" | "value">[],
): RequestDocument {
  const copy = JSON.parse(JSON.stringify(document)) as Record<string, unknown>;
  for (const { path, value } of answers) {
    const keys = path.split(".");
    const last = keys.pop();
    if (last === undefined) continue;
    let node = copy;
    for (const key of keys) {
      const next = node[key];
      if (typeof next !== "object" || next === null || Array.isArray(next)) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    node[last] = value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown); // JSON values: a plain copy
  }
  return copy as unknown as RequestDocument;
}
