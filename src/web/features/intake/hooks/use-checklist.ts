/** The documentation checklist of the answers as they stand (live: a second assay adds a report). */
import { documentationChecklist, type ChecklistItem, type RequestDocument } from "@/criteria";
import { toDocument } from "../draft";
import { useLive } from "./live-evaluation";

const NONE: readonly ChecklistItem[] = [];

/** Empty until the request page's answers allow an evaluation. */
export function useChecklist(): readonly ChecklistItem[] {
  const { draft, live } = useLive();
  if (live.evaluation === undefined) return NONE;
  // The answers as typed: the checklist reads only the prescriber's specialty and the assays entered.
  return documentationChecklist(toDocument(draft) as RequestDocument, live.evaluation);
}
