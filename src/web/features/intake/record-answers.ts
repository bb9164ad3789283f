/**
 * Answers given by request-document path and value (as the record import proposes them) put into
 * the wizard's draft. The draft's fields follow the document's paths, so each answer lands at its
 * own path, converted the way an imported document is (`fromDocument`: numbers to text, dates to
 * day/month/year, yes/no); a list also answers its "on record?" question. Nothing else changes.
 */
import { get, set } from "react-hook-form";
import type { RequestDocument } from "@/criteria";
import { fromDocument, type Draft } from "./draft";

export interface DocumentAnswer {
  path: string;
  value: unknown;
}

/** The question that says whether a list has entries, beside the list (`inhibitor.assays` → `inhibitor.assaysOnRecord`). */
const LIST_FLAGS: Readonly<Record<string, string>> = {
  bleeds: "bleedsOnRecord",
  "inhibitor.assays": "inhibitor.assaysOnRecord",
};

/** The draft with `answers` filled in, and each answer's draft value (JSON) as filled, by path. */
export function fillDraft(
  draft: Draft,
  answers: readonly DocumentAnswer[],
): { draft: Draft; applied: Record<string, string> } {
  const next = structuredClone(draft);
  const applied: Record<string, string> = {};
  for (const { path, value } of answers) {
    const partial: Record<string, unknown> = { schemaVersion: 1, requestType: "initial", requestDate: "" };
    set(partial, path, value);
    const shown = fromDocument(partial as unknown as RequestDocument);
    const field: unknown = get(shown, path);
    if (field === undefined) continue;
    set(next, path, field);
    const flag = LIST_FLAGS[path];
    if (flag !== undefined) set(next, flag, get(shown, flag));
    applied[path] = JSON.stringify(field);
  }
  return { draft: next, applied };
}
