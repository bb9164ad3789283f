/**
 * The draft lives in this browser's localStorage, saved on every change, so a reload, a crash or
 * a closed tab loses nothing. Nothing is sent anywhere from here.
 */
import { forgetSubmission } from "@/web/lib/submission";
import { stopAmending } from "@/web/lib/amending";
import { restoreDraft, type Draft } from "./draft";

const KEY = "hemgenix-pa:draft:v1";

export function loadDraft(empty: Draft): Draft | undefined {
  try {
    const stored = localStorage.getItem(KEY);
    return stored === null ? undefined : restoreDraft(JSON.parse(stored), empty);
  } catch {
    return undefined;
  }
}

export function saveDraft(draft: Draft): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(draft));
  } catch {
    // Storage full or disabled (private mode): the form still works, it just is not kept.
  }
}

/** Forgets the request in this browser: its answers, any amendment in progress and its submission. */
export function clearDraft(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Storage refused: there is nothing stored to clear.
  }
  stopAmending();
  forgetSubmission();
}
