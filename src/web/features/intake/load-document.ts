/** Puts a request document into the wizard (used to amend a request sent back for more information). */
import type { RequestDocument } from "@/criteria";
import { emptyDraft, fromDocument } from "./draft";
import { clearDraft, loadDraft, saveDraft } from "./draft-storage";

/** True when this browser holds answers that loading another document would replace. */
export function hasUnsavedAnswers(): boolean {
  const empty = emptyDraft("");
  const stored = loadDraft(empty);
  return stored !== undefined && JSON.stringify({ ...stored, requestDate: "" }) !== JSON.stringify(empty);
}

export function loadDocumentIntoWizard(document: RequestDocument): void {
  clearDraft();
  saveDraft(fromDocument(document));
}
