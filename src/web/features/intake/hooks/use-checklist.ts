/** The documentation checklist of the answers as they stand (live: a second assay adds a report). */
import { documentationChecklist, type ChecklistItem, type RequestDocument } from "@/criteria";
import { useLiveSelector } from "./live-evaluation";

const NONE: readonly ChecklistItem[] = [];

const sameItem = (a: ChecklistItem, b: ChecklistItem): boolean =>
  a.id === b.id &&
  a.title === b.title &&
  a.required === b.required &&
  a.criteria.length === b.criteria.length &&
  a.criteria.every((id, index) => id === b.criteria[index]);

/** Item by item: most keys change no item, and then nobody showing the checklist re-renders. */
export const sameChecklist = (a: readonly ChecklistItem[], b: readonly ChecklistItem[]): boolean =>
  a === b || (a.length === b.length && a.every((item, index) => sameItem(item, b[index] as ChecklistItem)));

/** Empty until the request page's answers allow an evaluation. */
export function useChecklist(): readonly ChecklistItem[] {
  return useLiveSelector(
    // The answers as typed (the evaluated document): the checklist reads only the prescriber's
    // specialty and the assays entered.
    ({ document, live }) =>
      live.evaluation === undefined ? NONE : documentationChecklist(document as RequestDocument, live.evaluation),
    sameChecklist,
  );
}
