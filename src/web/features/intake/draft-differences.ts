/**
 * Which answers taking another draft would replace, by question page: what the server-draft offer
 * lists before anything is replaced. It walks both drafts' answers, whatever their shape (a date
 * typed as one text or as day, month and year compares the same way), and names each answer as the
 * document's field labels do.
 */
import { FIELD_LABELS, fieldLabel } from "@/criteria";
import { STEP_IDS, STEPS, stepOfPath, type StepId } from "./steps";

export interface StepDifference {
  step: StepId;
  title: string;
  /** The answers on that page that differ, named once each, in page order. */
  answers: string[];
}

/** Every answer (leaf) by its dotted path; empty lists and objects count as blank. */
function leaves(value: unknown, path: string, out: Map<string, string>): Map<string, string> {
  if (Array.isArray(value)) value.forEach((item, i) => leaves(item, path === "" ? String(i) : `${path}.${i}`, out));
  else if (typeof value === "object" && value !== null)
    for (const [key, child] of Object.entries(value)) leaves(child, path === "" ? key : `${path}.${key}`, out);
  else if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    if (value !== "") out.set(path, String(value));
  return out;
}

/** The draft's own inputs named for the document field they feed ("bleedsOnRecord" asks for bleeds). */
const documentPath = (path: string): string => path.replace(/OnRecord(?=\.|$)/, "");

/** The plain name of a draft path: the longest part of it the document's labels know. */
function answerName(path: string): string {
  const parts = documentPath(path)
    .split(".")
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  for (let length = parts.length; length > 0; length--) {
    const prefix = parts.slice(0, length);
    const key = prefix
      .map((p) => (typeof p === "number" ? "[]" : p))
      .join(".")
      .replace(/\.\[\]/g, "[]");
    if (FIELD_LABELS[key] !== undefined) {
      const index = prefix.findLast((p) => typeof p === "number");
      return index === undefined ? fieldLabel(prefix) : `${fieldLabel(prefix)} ${index + 1}`;
    }
  }
  return path;
}

/** The answers in `current` that `replacement` would change, grouped by page in wizard order. */
export function draftDifferences(current: unknown, replacement: unknown): StepDifference[] {
  const before = leaves(current, "", new Map());
  const after = leaves(replacement, "", new Map());
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter((p) => before.get(p) !== after.get(p));
  const byStep = new Map<StepId, Set<string>>();
  for (const path of changed) {
    const step = stepOfPath(documentPath(path));
    const names = byStep.get(step) ?? new Set<string>();
    names.add(answerName(path));
    byStep.set(step, names);
  }
  return STEP_IDS.filter((step) => byStep.has(step)).map((step) => ({
    step,
    title: STEPS[step].title,
    answers: [...(byStep.get(step) ?? [])],
  }));
}
