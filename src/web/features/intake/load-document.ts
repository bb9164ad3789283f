/** Puts a request document into the wizard (used to amend a request sent back for more information). */
import type { RequestDocument } from "@/criteria";
import { fromDocument } from "./draft";
import { saveDraft } from "./draft-storage";

export function loadDocumentIntoWizard(document: RequestDocument): void {
  saveDraft(fromDocument(document));
}
