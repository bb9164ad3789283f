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

/** A criterion's rule and the request document's fields it reads (`rule-reads.test.ts` proves it reads no other). */
interface Rule {
  reads: readonly (keyof RequestDocument)[];
  apply: (doc: RequestDocument) => RuleResult;
}

const rule = (reads: Rule["reads"], apply: Rule["apply"]): Rule => ({ reads, apply });

export const RULES: Readonly<Record<CriterionId, Rule>> = {
  "I.A.1": rule(["diagnosis"], diagnosis),
  "I.A.2": rule(["prescriber"], hematologist),
  "I.A.3": rule(["member", "requestDate"], adult),
  "I.A.4": rule(["diagnosis"], severity),
  "I.A.5.a": rule(["prophylaxis", "requestDate"], prophylaxisAdherence),
  "I.A.5.b": rule(["bleeds", "prophylaxis"], seriousSpontaneousBleed),
  "I.A.6": rule(["exposureDays"], exposureDays),
  "I.A.7.a": rule(["inhibitor"], noInhibitorHistory),
  "I.A.7.b": rule(["inhibitor", "requestDate"], recentNegativeAssay),
  "I.A.7.c": rule(["inhibitor", "requestDate"], negativeRetestAfterPositive),
  "I.A.8.a": rule(["liver", "requestDate"], (doc) => liverEnzymes(doc, hepatologistAttestation(doc))),
  "I.A.8.b": rule(["liver", "requestDate"], (doc) => liverImaging(doc, hepatologistAttestation(doc))),
  "I.A.8.c": rule(["liver", "requestDate"], hepatologistAttestation),
  "I.A.9": rule(["priorGeneTherapy"], noPriorGeneTherapy),
  "I.A.10": rule(["aav5"], aav5Titer),
  "I.A.11": rule(["dose"], doseWithinMaximum),
};

/** Runs criterion `id`'s rule on `doc`: `evaluate` runs each afresh, the live evaluator keeps results (`keptRules`). */
export type RuleRunner = (id: CriterionId, doc: RequestDocument) => RuleResult;

const runRule: RuleRunner = (id, doc) => RULES[id].apply(doc);

/**
 * A runner that keeps each criterion's result while the fields its rule reads are the same values
 * (`Object.is`): a keystroke re-runs only the rules that read what it changed. The documents it is
 * given must never change in place (the live evaluator's are built from kept, parsed sections).
 */
export function keptRules(): RuleRunner {
  const last = new Map<CriterionId, { values: unknown[]; result: RuleResult }>();
  return (id, doc) => {
    const values = RULES[id].reads.map((key) => doc[key]);
    const kept = last.get(id);
    if (kept !== undefined && kept.values.every((value, i) => Object.is(value, values[i]))) return kept.result;
    const result = RULES[id].apply(doc);
    last.set(id, { values, result });
    return result;
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
  return evaluateWith(doc, runRule);
}

/** `evaluate`, running each criterion's rule through `run`. */
export function evaluateWith(doc: RequestDocument, run: RuleRunner): Evaluation {
  const results = {} as Record<CriterionId, RuleResult>;
  for (const id of CRITERION_IDS) results[id] = run(id, doc);
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
