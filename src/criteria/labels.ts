/** Words for statuses and outcomes, shared by screens, the printed summary and notices. Never "approved". */
import type { CriterionStatus, Outcome } from "./evaluation";
import { APPROVAL, type FACTOR_IX_PRODUCTS } from "./policy";
import type { RequestDocument } from "./schema";

export const STATUS_LABELS: Readonly<Record<CriterionStatus, string>> = {
  met: "Met",
  not_met: "Not met",
  missing: "Not answered yet",
  not_applicable: "Not applicable",
};

export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  meets_criteria: `Meets criteria — medical director review required; approval would be for ${APPROVAL.durationMonths} months, one dose`,
  does_not_meet: "Does not meet criteria",
  incomplete: "Incomplete — some answers are still needed",
  not_authorized: "Not authorized — Hemgenix is given once; continued therapy is not covered (II.A)",
  refer: "Refer to another policy — this diagnosis is outside this policy's criteria (I.B)",
};

/**
 * The one name of every answer a person chooses, for the wizard's options, "Check your answers",
 * the summary and notices alike (so one answer is never "Another specialty" here and "Other
 * specialty" there). Policy names (lines of business, bleed sites) live in `policy.ts`.
 */
export const REQUEST_TYPE_LABELS: Readonly<Record<RequestDocument["requestType"], string>> = {
  initial: "Initial request",
  continuation: "Continuation",
};

export const SPECIALTY_LABELS: Readonly<Record<"hematology" | "other", string>> = {
  hematology: "Hematology",
  other: "Another specialty",
};

export const CONDITION_LABELS: Readonly<Record<"congenital_hemophilia_b" | "other", string>> = {
  congenital_hemophilia_b: "Congenital hemophilia B (factor IX deficiency)",
  other: "Another diagnosis or use",
};

export const FACTOR_IX_PRODUCT_LABELS: Readonly<Record<(typeof FACTOR_IX_PRODUCTS)[number], string>> = {
  Alprolix: "Alprolix",
  BeneFIX: "BeneFIX",
  Idelvion: "Idelvion",
  Ixinity: "Ixinity",
  Rebinyn: "Rebinyn",
  Rixubis: "Rixubis",
  other: "Another factor IX product",
};

export const STUDY_RESULT_LABELS: Readonly<Record<"normal" | "abnormal", string>> = {
  normal: "Normal",
  abnormal: "Abnormal",
};

export const AAV5_RESULT_LABELS: Readonly<Record<"not_detected" | "detected", string>> = {
  not_detected: "Not detected",
  detected: "Detected",
};

/** A bleed's cause: `spontaneous: true` or `false`. */
export const BLEED_CAUSE_LABELS: Readonly<Record<"spontaneous" | "traumatic", string>> = {
  spontaneous: "Spontaneous",
  traumatic: "Traumatic",
};

/** Units of the liver tests, as the wizard asks for them. */
export const LIVER_TEST_UNITS: Readonly<Record<"alt" | "ast" | "alp" | "totalBilirubin", string>> = {
  alt: "U/L",
  ast: "U/L",
  alp: "U/L",
  totalBilirubin: "mg/dL",
};
