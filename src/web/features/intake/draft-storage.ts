/**
 * The draft lives in this browser's localStorage, saved on every change, so a reload, a crash or
 * a closed tab loses nothing. Nothing is sent anywhere from here.
 */
import { forgetSubmission } from "@/web/lib/submission";
import { stopAmending } from "@/web/lib/amending";
import { storage } from "@/web/lib/storage";
import { clearRecordMarks } from "@/web/lib/record-provenance";
import { restoreDraft, type Draft } from "./draft";

const KEY = "hemgenix-pa:draft:v1";

export function loadDraft(empty: Draft): Draft | undefined {
  const stored = storage.local.getJson(KEY);
  return stored === undefined ? undefined : restoreDraft(stored, empty);
}

/** Storage full or disabled (private mode): the form still works, it just is not kept. */
export const saveDraft = (draft: Draft): void => storage.local.setJson(KEY, draft);

/** Forgets the request in this browser: its answers, what came from a patient's record, any amendment in progress and its submission. */
export function clearDraft(): void {
  storage.local.remove(KEY);
  clearRecordMarks();
  stopAmending();
  forgetSubmission();
}
