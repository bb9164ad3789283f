/**
 * The evaluation of a valid request document: every criterion of section I.A in policy order,
 * the outcome by the spec's first-rule-that-applies order, the dose block and the dates on which
 * labs and studies go stale. Pure: the request date is the only "today".
 */
import { calculateDose } from "./dose";
import type { CriterionResult, Evaluation, Outcome, RuleResult } from "./evaluation";
import { APPROVAL, CRITERION_IDS, POLICY_ID, type CriterionId } from "./policy";
import { referral } from "./referral";
import { noInhibitorHistory, negativeRetestAfterPositive, recentNegativeAssay } from "./rules/inhibitor";
import { hepatologistAttestation, liverEnzymes, liverImaging } from "./rules/liver";
import { adult, diagnosis, hematologist, severity } from "./rules/patient";
import { aav5Titer, doseWithinMaximum, noPriorGeneTherapy } from "./rules/therapy";
import { exposureDays, prophylaxisAdherence, seriousSpontaneousBleed } from "./rules/treatment-history";
import type { RequestDocument } from "./schema";

function applyRules(doc: RequestDocument): Record<CriterionId, RuleResult> {
  const attestation = hepatologistAttestation(doc);
  return {
    "I.A.1": diagnosis(doc),
    "I.A.2": hematologist(doc),
    "I.A.3": adult(doc),
    "I.A.4": severity(doc),
    "I.A.5.a": prophylaxisAdherence(doc),
    "I.A.5.b": seriousSpontaneousBleed(doc),
    "I.A.6": exposureDays(doc),
    "I.A.7.a": noInhibitorHistory(doc),
    "I.A.7.b": recentNegativeAssay(doc),
    "I.A.7.c": negativeRetestAfterPositive(doc),
    "I.A.8.a": liverEnzymes(doc, attestation),
    "I.A.8.b": liverImaging(doc, attestation),
    "I.A.8.c": attestation,
    "I.A.9": noPriorGeneTherapy(doc),
    "I.A.10": aav5Titer(doc),
    "I.A.11": doseWithinMaximum(doc),
  };
}

function decideOutcome(doc: RequestDocument, criteria: readonly CriterionResult[]): Outcome {
  if (doc.diagnosis?.condition === "other") return "refer";
  if (doc.requestType === "continuation") return "not_authorized";
  if (criteria.some((c) => c.status === "not_met")) return "does_not_meet";
  if (criteria.some((c) => c.status === "missing")) return "incomplete";
  return "meets_criteria";
}

export function evaluate(doc: RequestDocument): Evaluation {
  const results = applyRules(doc);
  const criteria = CRITERION_IDS.map((id): CriterionResult => ({
    id,
    status: results[id].status,
    reason: results[id].reason,
  }));
  const outcome = decideOutcome(doc, criteria);
  const dose = calculateDose(doc);

  const validThroughByCriterion: Partial<Record<CriterionId, string>> = {};
  let validThrough: string | undefined;
  for (const id of CRITERION_IDS) {
    const { status, validThrough: date } = results[id];
    if (status !== "met" || date === undefined) continue;
    validThroughByCriterion[id] = date;
    if (validThrough === undefined || date < validThrough) validThrough = date;
  }

  return {
    policy: POLICY_ID,
    outcome,
    criteria,
    ...(outcome === "meets_criteria" && { approval: { ...APPROVAL } }),
    ...(outcome === "refer" && { referral: referral(doc) }),
    ...(dose !== undefined && { dose }),
    medicalDirectorReview: true,
    ...(validThrough !== undefined && { validThrough, validThroughByCriterion }),
  };
}
