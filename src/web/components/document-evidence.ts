/**
 * What the documents of a request say about each criterion and checklist item, in words: "2
 * documents", "no document", "1.2 MB". Pure: the list and the viewer read it, and so do their tests.
 */
import type { CriterionId } from "@/criteria";
import type { DocumentInfo, RequestDocumentsAnswer } from "@/contract";

/** For each criterion the checklist names, how many distinct documents support it. */
export function documentCountsByCriterion(
  answer: Pick<RequestDocumentsAnswer, "checklist">,
): Partial<Record<CriterionId, number>> {
  const ids = new Map<CriterionId, Set<string>>();
  for (const item of answer.checklist)
    for (const criterion of item.criteria) {
      const set = ids.get(criterion) ?? new Set<string>();
      for (const id of item.documents) set.add(id);
      ids.set(criterion, set);
    }
  return Object.fromEntries([...ids].map(([criterion, set]) => [criterion, set.size]));
}

/** "no document", "1 document", "2 documents". */
export function documentCount(n: number): string {
  return n === 0 ? "no document" : n === 1 ? "1 document" : `${n} documents`;
}

/** A byte count as people read it: 812 bytes, 14 KB, 1.2 MB (powers of 1024, as the limits are stated). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export const pagesText = (pages: number): string => (pages === 1 ? "1 page" : `${pages} pages`);

/** The documents attached to none of the checklist's items (answers changed since they were attached). */
export function documentsOffChecklist(answer: RequestDocumentsAnswer): DocumentInfo[] {
  const listed = new Set(answer.checklist.flatMap((item) => item.documents));
  return answer.documents.filter((doc) => !listed.has(doc.id));
}

export const documentViewUrl = (id: string): string => `/api/documents/${encodeURIComponent(id)}/view`;
export const documentDownloadUrl = (id: string): string => `/api/documents/${encodeURIComponent(id)}/download`;
