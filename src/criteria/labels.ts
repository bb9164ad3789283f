/** Words for statuses and outcomes, shared by screens, the printed summary and notices. Never "approved". */
import type { CriterionStatus, Outcome } from "./evaluation";
import { APPROVAL } from "./policy";

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
