/**
 * Which wizard page asks for which supporting documents (#11): each checklist item goes on the
 * page whose answers it documents, by its first criterion. Weight is asked on the Dose page.
 */
import type { ChecklistItem, CriterionId } from "@/criteria";
import { questionOf, type StepId } from "./steps";

const STEP_OF_CRITERION: Partial<Record<CriterionId, StepId>> = {
  "I.A.1": "diagnosis",
  "I.A.4": "diagnosis",
  "I.A.2": "prescriber",
  "I.A.5.a": "prophylaxis",
  "I.A.5.b": "prophylaxis",
  "I.A.6": "exposure-days",
  "I.A.7.b": "inhibitor",
  "I.A.7.c": "inhibitor",
  "I.A.8.a": "liver",
  "I.A.8.b": "liver",
  "I.A.8.c": "liver",
  "I.A.10": "gene-therapy",
  "I.A.11": "dose",
};

export function stepOfItem(item: ChecklistItem): StepId {
  const first = item.criteria[0];
  if (first === undefined) return "request";
  return STEP_OF_CRITERION[first] ?? questionOf(first).step;
}

export const itemsOfStep = (checklist: readonly ChecklistItem[], step: StepId): ChecklistItem[] =>
  checklist.filter((item) => stepOfItem(item) === step);
