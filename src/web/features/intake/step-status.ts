/** Each page's status for the step list: not started, in progress, complete, has a problem. */
import { get } from "react-hook-form";
import { CRITERION_IDS, type PartialEvaluation } from "@/criteria";
import { emptyDraft, toDocument, type Draft } from "./draft";
import { STEP_IDS, STEPS, questionOf, stepIndex, stepOfPath, type StepId } from "./steps";

export type StepStatus = "not_started" | "in_progress" | "complete" | "has_problem" | "not_needed";

export const STEP_STATUS_LABELS: Readonly<Record<StepStatus, string>> = {
  not_started: "Not started",
  in_progress: "In progress",
  complete: "Complete",
  has_problem: "Has a problem",
  not_needed: "Not needed",
};

/** Answers a page needs beyond those its criteria already ask for (who the member and prescriber are). */
const ALSO_REQUIRED: Partial<Record<StepId, readonly string[]>> = {
  request: ["requestType", "requestDate", "lineOfBusiness"],
  member: ["member.firstName", "member.lastName", "member.memberId", "member.dateOfBirth", "member.weight"],
  prescriber: ["prescriber.name", "prescriber.npi", "prescriber.specialty"],
  diagnosis: ["diagnosis.condition"],
};

const EMPTY = emptyDraft("");

function touched(draft: Draft, step: StepId): boolean {
  return STEPS[step].paths.some((path) => {
    if (path === "requestDate") return false; // filled in with today's date
    return JSON.stringify(get(draft, path)) !== JSON.stringify(get(EMPTY, path));
  });
}

export function stepStatuses(draft: Draft, live: PartialEvaluation): Record<StepId, StepStatus> {
  const document = toDocument(draft);
  const problems = new Set(live.errors.map((e) => stepOfPath(e.path)));
  const open = new Set(
    CRITERION_IDS.filter((id) => live.evaluation?.criteria.find((c) => c.id === id)?.status === "missing").map(
      (id) => questionOf(id).step,
    ),
  );
  const refer = live.evaluation?.outcome === "refer";
  const statuses = {} as Record<StepId, StepStatus>;
  for (const step of STEP_IDS) {
    if (problems.has(step)) statuses[step] = "has_problem";
    else if (refer && stepIndex(step) > stepIndex("diagnosis")) statuses[step] = "not_needed";
    else if (!touched(draft, step)) statuses[step] = "not_started";
    else if (!open.has(step) && (ALSO_REQUIRED[step] ?? []).every((path) => get(document, path) !== undefined))
      statuses[step] = "complete";
    else statuses[step] = "in_progress";
  }
  return statuses;
}
