/**
 * Which answers were filled from the patient's record, and from what: kept beside the draft (its
 * own key in this browser's storage), never in the request document, which stays as the spec
 * defines it. A mark holds the draft's value at its path as it was filled in (`applied`, JSON):
 * once the answer there is anything else (edited, replaced by an import or a resumed draft), the
 * mark no longer holds and is dropped. Small on purpose: the fields' marks read it in the first bundle.
 */
import { useSyncExternalStore } from "react";
import { get } from "react-hook-form";
import { storage } from "./storage";

export interface RecordMark {
  /** The request document's path of the answer ("liver.enzymes.alt.value"). */
  path: string;
  /** The question in words ("ALT") and the value as the record gave it ("70 U/L"). */
  label: string;
  display: string;
  source: { reference: string; date?: string; display: string };
  /** The draft's value at `path` when it was filled, as JSON. */
  applied: string;
}

const KEY = "hemgenix-pa:record-provenance:v1";
const listeners = new Set<() => void>();
let marks: readonly RecordMark[] | undefined;

const isMark = (value: unknown): value is RecordMark =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as RecordMark).path === "string" &&
  typeof (value as RecordMark).applied === "string" &&
  typeof (value as RecordMark).source?.reference === "string";

export function recordMarks(): readonly RecordMark[] {
  if (marks === undefined) {
    const stored = storage.local.getJson(KEY);
    marks = Array.isArray(stored) ? stored.filter(isMark) : [];
  }
  return marks;
}

function save(next: readonly RecordMark[]): void {
  marks = next;
  if (next.length === 0) storage.local.remove(KEY);
  else storage.local.setJson(KEY, next);
  for (const listener of listeners) listener();
}

/** Adds marks for answers just filled from the record (replacing any earlier mark at the same path). */
export function addRecordMarks(added: readonly RecordMark[]): void {
  const paths = new Set(added.map((m) => m.path));
  save([...recordMarks().filter((m) => !paths.has(m.path)), ...added]);
}

export const clearRecordMarks = (): void => save([]);

/** True when the answer at the mark's path is still the one filled from the record. */
export const stillHolds = (mark: RecordMark, values: unknown): boolean =>
  JSON.stringify(get(values, mark.path)) === mark.applied;

/** Drops the marks whose answers were changed since; returns those that hold. */
export function currentRecordMarks(values: unknown): readonly RecordMark[] {
  const all = recordMarks();
  const holding = all.filter((m) => stillHolds(m, values));
  if (holding.length !== all.length) save(holding);
  return holding;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const useRecordMarks = (): readonly RecordMark[] => useSyncExternalStore(subscribe, recordMarks, recordMarks);

/**
 * The mark a field shows: the one for its own path, for the answer it is the value of
 * (`member.weight` on `member.weight.value`), or for the list it says is on record or not.
 */
export function markForField(all: readonly RecordMark[], name: string): RecordMark | undefined {
  return all.find(
    (m) => m.path === name || `${m.path}.value` === name || name === m.path.replace(/(assays|bleeds)$/, "$1OnRecord"),
  );
}

/**
 * What the record import needs of the wizard, handed to it by the wizard (features do not import
 * each other): the answers as a candidate request document, and filling answers given by
 * document path (returning each filled answer's draft value as JSON, by path, for its mark).
 */
export interface RecordTarget {
  currentDocument(): Record<string, unknown>;
  fill(answers: readonly { path: string; value: unknown }[]): Record<string, string>;
}
