/** The evaluation of a request document (spec "The evaluation"), plus the fields this product adds. */
import type { CriterionId } from "./policy";
import type { IsoDate } from "./dates";

export type CriterionStatus = "met" | "not_met" | "missing" | "not_applicable";

/** Every outcome an evaluation can give, in the order the reviewers' filter lists them. */
export const OUTCOMES = ["meets_criteria", "does_not_meet", "incomplete", "not_authorized", "refer"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface CriterionResult {
  id: CriterionId;
  status: CriterionStatus;
  /** What was found and, when not met or missing, what would satisfy the criterion. */
  reason: string;
}

export interface DoseBlock {
  weightKg: number;
  maxGcPerKg: number;
  maxTotalGc: number;
  requestedTotalGc?: number;
  volumeMl: number;
  vials: number;
  /** Addition: vials in the kit to order (10 to 48); absent when more than 48 vials are needed. */
  kitVials?: number;
}

export interface Evaluation {
  policy: string;
  outcome: Outcome;
  criteria: CriterionResult[];
  approval?: { durationMonths: number; doses: number };
  referral?: { policy: string; reason: string };
  dose?: DoseBlock;
  medicalDirectorReview: true;
  /**
   * Addition: the last request date on which every dated criterion that is met now would still
   * be met (labs and studies go stale); absent when no dated criterion is met.
   */
  validThrough?: IsoDate;
  /** Addition: the same date for each dated criterion that is met. */
  validThroughByCriterion?: Partial<Record<CriterionId, IsoDate>>;
}

/** What one rule decides; `validThrough` only for met criteria with a time window. */
export interface RuleResult {
  status: CriterionStatus;
  reason: string;
  validThrough?: IsoDate;
}

const SEVERITY: Readonly<Record<CriterionStatus, number>> = { not_applicable: 0, met: 1, missing: 2, not_met: 3 };

/** The status of a criterion made of parts: any part not met fails it, else any missing part leaves it open. */
export function worstStatus(statuses: readonly CriterionStatus[]): CriterionStatus {
  let worst: CriterionStatus = "met";
  for (const status of statuses) if (SEVERITY[status] > SEVERITY[worst]) worst = status;
  return worst;
}

/**
 * Whether `now` finds otherwise than `before`: another outcome, or a criterion with another status
 * (or one added or gone). A reason worded differently, with the same status, is no change.
 */
export function evaluationChanged(before: Evaluation, now: Evaluation): boolean {
  if (before.outcome !== now.outcome || before.criteria.length !== now.criteria.length) return true;
  const statuses = new Map(before.criteria.map((c) => [c.id, c.status]));
  return now.criteria.some((c) => statuses.get(c.id) !== c.status);
}
