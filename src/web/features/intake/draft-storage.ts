/**
 * The draft lives in this browser's localStorage, so a reload, a crash or a closed tab loses
 * nothing. Nothing is sent anywhere from here.
 *
 * Typing does not write it on every key: `draftWriter()` keeps the latest answers and writes them
 * once the browser is idle after the frame (several keys, one write), and at once when the page
 * is hidden or left (`pagehide`, `visibilitychange`), before anything reads the stored draft
 * (`loadDraft`), and when the wizard moves (`flushDraft`). Clearing drops what is waiting; the end
 * of a session (`forgetDraft`) also revokes every writer opened before it, so a late write from the
 * page that was open cannot bring the cleared answers back.
 */
import { forgetSubmission } from "@/web/lib/submission";
import { stopAmending } from "@/web/lib/amending";
import { storage } from "@/web/lib/storage";
import { clearRecordMarks } from "@/web/lib/record-provenance";
import { restoreDraft, type Draft } from "./draft";

const KEY = "hemgenix-pa:draft:v1";
/** The longest a waiting draft stays unwritten while the browser is busy. */
const IDLE_TIMEOUT_MS = 1000;
/** Without requestIdleCallback (Safari): a short timer, which still groups a burst of keys. */
const FALLBACK_DELAY_MS = 150;

/** Bumped when a session ends: writers opened before it write nothing more. */
let generation = 0;
let pending: Draft | undefined;
let cancelScheduled: (() => void) | undefined;

export function loadDraft(empty: Draft): Draft | undefined {
  flushDraft();
  const stored = storage.local.getJson(KEY);
  return stored === undefined ? undefined : restoreDraft(stored, empty);
}

/** Writes now. Storage full or disabled (private mode): the form still works, it just is not kept. */
export function saveDraft(draft: Draft): void {
  dropPending();
  storage.local.setJson(KEY, draft);
}

function whenIdle(task: () => void): () => void {
  if (typeof window.requestIdleCallback === "function") {
    const id = window.requestIdleCallback(task, { timeout: IDLE_TIMEOUT_MS });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(task, FALLBACK_DELAY_MS);
  return () => window.clearTimeout(id);
}

function dropPending(): void {
  pending = undefined;
  cancelScheduled?.();
  cancelScheduled = undefined;
}

/** Writes the waiting draft, if any, now. */
export function flushDraft(): void {
  const draft = pending;
  dropPending();
  if (draft !== undefined) storage.local.setJson(KEY, draft);
}

let listening = false;

/** A hidden page may be closed or frozen without another chance to run: it writes what is waiting. */
function flushWhenLeft(): void {
  if (listening) return;
  listening = true;
  window.addEventListener("pagehide", flushDraft);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flushDraft();
  });
}

/** Writes the form's answers soon, the latest of them only; nothing once the session has ended since it was opened. */
export function draftWriter(): (draft: Draft) => void {
  const opened = generation;
  return (draft) => {
    if (opened !== generation) return;
    flushWhenLeft();
    pending = draft;
    cancelScheduled ??= whenIdle(flushDraft);
  };
}

/** Forgets the request in this browser: its answers, what came from a patient's record, any amendment in progress and its submission. */
export function clearDraft(): void {
  dropPending();
  storage.local.remove(KEY);
  clearRecordMarks();
  stopAmending();
  forgetSubmission();
}

/** The session ended (sign-out or expiry): clear as `clearDraft`, and no writer opened until now writes again. */
export function forgetDraft(): void {
  generation += 1;
  clearDraft();
}
