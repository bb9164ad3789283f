/** Each page's status for the step list: not started, in progress, complete, has a problem. */
import { get } from "react-hook-form";
import { CRITERION_IDS, type PartialEvaluation } from "@/criteria";
import { emptyDraft, toDocument, type Draft } from "./draft";
import { answeredErrors } from "./draft-messages";
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

/** For a referral the diagnosis page needs only the referral questions. */
const REFERRAL_REQUIRED = ["diagnosis.condition", "diagnosis.recentLabelChange"];

/** Fields that start with a value of their own: they do not make a page "started". */
const PREFILLED = new Set(["requestDate", "dose"]);

/** Each page's fields with their blank value, made once: the statuses are recomputed on every keystroke. */
const BLANK: Readonly<Record<StepId, readonly (readonly [path: string, blank: unknown])[]>> = (() => {
  const empty = emptyDraft("");
  const blank = {} as Record<StepId, (readonly [string, unknown])[]>;
  for (const step of STEP_IDS) {
    blank[step] = STEPS[step].paths
      .filter((path) => !PREFILLED.has(path))
      .map((path) => [path, get<unknown>(empty, path)] as const);
  }
  return blank;
})();

/** Whether an answer is its blank value: the same text, or lists and objects with the same keys and blank parts. */
function isBlank(value: unknown, blank: unknown): boolean {
  if (typeof blank !== "object" || blank === null || typeof value !== "object" || value === null)
    return value === blank;
  if (Array.isArray(blank) !== Array.isArray(value)) return false;
  const keys = Object.keys(blank);
  if (Object.keys(value).length !== keys.length) return false;
  return keys.every(
    (key) =>
      Object.hasOwn(value, key) &&
      isBlank((value as Record<string, unknown>)[key], (blank as Record<string, unknown>)[key]),
  );
}

function touched(draft: Draft, step: StepId): boolean {
  if (step === "dose" && draft.member.weight.value.trim() !== "") return true; // the calculator has something to show
  return BLANK[step].some(([path, blank]) => !isBlank(get(draft, path), blank));
}

/** `document` is `toDocument(draft)`, when the caller has it already. */
export function stepStatuses(
  draft: Draft,
  live: PartialEvaluation,
  document = toDocument(draft),
): Record<StepId, StepStatus> {
  // A required answer left blank is "not answered yet", not a problem; a wrong answer is.
  const problems = new Set(answeredErrors(live.errors, draft).map((e) => stepOfPath(e.path)));
  const open = new Set(
    CRITERION_IDS.filter((id) => live.evaluation?.criteria.find((c) => c.id === id)?.status === "missing").map(
      (id) => questionOf(id).step,
    ),
  );
  const refer = live.evaluation?.outcome === "refer";
  const required = (step: StepId): readonly string[] => {
    if (refer && step === "diagnosis") {
      return draft.diagnosis.recentLabelChange === "yes"
        ? [...REFERRAL_REQUIRED, "diagnosis.onFormulary"]
        : REFERRAL_REQUIRED;
    }
    return ALSO_REQUIRED[step] ?? [];
  };
  const statuses = {} as Record<StepId, StepStatus>;
  for (const step of STEP_IDS) {
    const criteriaDone = (refer && step === "diagnosis") || !open.has(step);
    if (problems.has(step)) statuses[step] = "has_problem";
    else if (refer && stepIndex(step) > stepIndex("diagnosis")) statuses[step] = "not_needed";
    else if (!touched(draft, step)) statuses[step] = "not_started";
    else if (criteriaDone && required(step).every((path) => get(document, path) !== undefined))
      statuses[step] = "complete";
    else statuses[step] = "in_progress";
  }
  return statuses;
}
