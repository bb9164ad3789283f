/** Words and sums for supporting documents (#11), shared by the wizard, its summary and the submit panel. */
import { DOCUMENT_TYPE_LABELS, type DocumentInfo } from "@/contract";
import type { ChecklistItem } from "@/criteria";

/** "830 bytes", "14 KB", "1.2 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "PDF, 3 pages, 1.2 MB". */
export const documentFacts = (doc: DocumentInfo): string =>
  `${DOCUMENT_TYPE_LABELS[doc.mediaType]}, ${doc.pages} ${doc.pages === 1 ? "page" : "pages"}, ${formatSize(doc.size)}`;

export const documentsOf = (item: ChecklistItem, documents: readonly DocumentInfo[]): DocumentInfo[] =>
  documents.filter((doc) => doc.items.includes(item.id));

/** The required items no document supports (what the submit must confirm, and the server checks). */
export const missingRequired = (checklist: readonly ChecklistItem[], documents: readonly DocumentInfo[]) =>
  checklist.filter((item) => item.required && documentsOf(item, documents).length === 0);
