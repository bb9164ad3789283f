/**
 * The request's question pages, in order, and which document fields each one asks for: read by
 * the wizard (its pages) and by the FHIR Questionnaire (one group per page), so both ask the same
 * questions in the same order. `bleedsOnRecord` and `inhibitor.assaysOnRecord` are the yes/no
 * questions that come before each list (absent = not answered, "no" = the empty list).
 */
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

export interface StepInfo {
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

/** The page that asks for a document path (the first page for a path no page names). */
export function stepOfPath(path: string): StepId {
  return STEP_IDS.find((id) => STEPS[id].paths.some((prefix) => belongs(path, prefix))) ?? "request";
}
