/** Puts a request document into the wizard (used to amend a request sent back for more information). */
import type { RequestDocument } from "@/criteria";
import { emptyDraft, fromDocument, hasAnswers } from "./draft";
import { clearDraft, loadDraft, saveDraft } from "./draft-storage";

/** True when this browser holds answers that loading another document would replace. */
export function hasUnsavedAnswers(): boolean {
  const stored = loadDraft(emptyDraft(""));
  return stored !== undefined && hasAnswers(stored);
}

export function loadDocumentIntoWizard(document: RequestDocument): void {
  clearDraft();
  saveDraft(fromDocument(document));
}

/** True when this browser holds a request at all (even one with no answers yet). */
export function hasSavedDraft(): boolean {
  return loadDraft(emptyDraft("")) !== undefined;
}
