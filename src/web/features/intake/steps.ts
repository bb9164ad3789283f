/** The wizard's question pages, in order, and which document fields each one asks for. */
import { CRITERIA, type CriterionId } from "@/criteria";
import { inputId } from "@/web/components/form-fields";

export const STEP_IDS = [
  "request",
  "member",
  "prescriber",
  "diagnosis",
  "prophylaxis",
  "exposure-days",
  "inhibitor",
  "liver",
  "gene-therapy",
  "dose",
] as const;

export type StepId = (typeof STEP_IDS)[number];

interface StepInfo {
  id: StepId;
  title: string;
  /** Document path prefixes this page asks for. */
  paths: readonly string[];
}

export const STEPS: Readonly<Record<StepId, StepInfo>> = {
  request: { id: "request", title: "Request", paths: ["requestType", "requestDate", "lineOfBusiness"] },
  member: { id: "member", title: "Member", paths: ["member"] },
  prescriber: { id: "prescriber", title: "Prescriber", paths: ["prescriber"] },
  diagnosis: { id: "diagnosis", title: "Diagnosis", paths: ["diagnosis"] },
  prophylaxis: {
    id: "prophylaxis",
    title: "Prophylaxis and bleeds",
    paths: ["prophylaxis", "bleeds", "bleedsOnRecord"],
  },
  "exposure-days": { id: "exposure-days", title: "Exposure days", paths: ["exposureDays"] },
  inhibitor: { id: "inhibitor", title: "Inhibitor", paths: ["inhibitor"] },
  liver: { id: "liver", title: "Liver workup", paths: ["liver"] },
  "gene-therapy": { id: "gene-therapy", title: "Gene therapy and AAV5", paths: ["priorGeneTherapy", "aav5"] },
  dose: { id: "dose", title: "Dose", paths: ["dose"] },
};

const belongs = (path: string, prefix: string): boolean =>
  path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);

export function stepOfPath(path: string): StepId {
  return STEP_IDS.find((id) => STEPS[id].paths.some((prefix) => belongs(path, prefix))) ?? "request";
}

export const stepIndex = (id: StepId): number => STEP_IDS.indexOf(id);

export const isStepId = (value: string): value is StepId => (STEP_IDS as readonly string[]).includes(value);

/** Document paths whose question is a differently named input of the draft. */
const QUESTION_OF_PATH: Readonly<Record<string, string>> = {
  bleeds: "bleedsOnRecord",
  "inhibitor.assays": "inhibitor.assaysOnRecord",
  "liver.ultrasound": "liver.ultrasound.result",
  "liver.elastography": "liver.elastography.result",
  "member.weight": "member.weight.value",
};

/** The question that feeds a criterion (its first field): the page and the input's id. */
export function questionOf(id: CriterionId): { step: StepId; fieldId: string } {
  const first = CRITERIA[id].fields[0] ?? "requestDate";
  return { step: stepOfPath(first), fieldId: inputId(QUESTION_OF_PATH[first] ?? first) };
}
