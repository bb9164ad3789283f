/**
 * What a decision must satisfy, in one place for the reviewer's form and the server: continued
 * therapy (II.A) and other diagnoses (I.B) cannot be approved under this policy; approving a
 * request that misses a criterion needs the reason written down (otherwise a note is optional); a
 * denial cites at least one criterion, only ones not met or not documented, and gives reasons; a
 * request for more information says what is needed.
 */
import type { Evaluation } from "./evaluation";
import type { CriterionId } from "./policy";

/** What a medical-director reviewer can decide on a request. */
export const DECISION_KINDS = ["approve", "deny", "request_info"] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export interface DecisionDraft {
  kind: DecisionKind | "";
  criteria: readonly CriterionId[];
  message: string;
}

export interface DecisionProblem {
  /** The field of the decision it concerns. */
  path: "kind" | "criteria" | "message";
  message: string;
  /** Not a missing answer but a decision this policy does not allow (the server answers 422). */
  notAllowed?: true;
}

/** Criteria a denial may cite: those not met or not documented. */
export const deniableCriteria = (evaluation: Evaluation) =>
  evaluation.criteria.filter((c) => c.status === "not_met" || c.status === "missing");

/** Whether approval is possible at all under CP.PHAR.580. */
export const approvable = (evaluation: Evaluation): boolean =>
  evaluation.outcome !== "not_authorized" && evaluation.outcome !== "refer";

/** Every problem with the decision, in the order of the form; none means it may be recorded. */
export function decisionProblems(decision: DecisionDraft, evaluation: Evaluation): DecisionProblem[] {
  const message = decision.message.trim();
  switch (decision.kind) {
    case "":
      return [{ path: "kind", message: "Choose a decision" }];
    case "approve":
      if (!approvable(evaluation))
        return [
          {
            path: "kind",
            notAllowed: true,
            message:
              evaluation.outcome === "refer"
                ? `This request belongs under policy ${evaluation.referral?.policy ?? "another policy"}: it cannot be approved under CP.PHAR.580`
                : "Continued therapy is not authorized (II.A): Hemgenix is given once",
          },
        ];
      return evaluation.outcome !== "meets_criteria" && message === ""
        ? [{ path: "message", message: "Write why the request is approved although not every criterion is met" }]
        : [];
    case "deny": {
      const problems: DecisionProblem[] = [];
      const allowed = new Set(deniableCriteria(evaluation).map((c) => c.id));
      const wrongly = decision.criteria.filter((id) => !allowed.has(id));
      if (decision.criteria.length === 0)
        problems.push({ path: "criteria", message: "Choose at least one criterion the denial rests on" });
      else if (wrongly.length > 0)
        problems.push({
          path: "criteria",
          message: `A denial cites only criteria that are not met or not documented; ${wrongly.join(", ")} ${wrongly.length === 1 ? "is" : "are"} met or not applicable`,
        });
      if (message === "") problems.push({ path: "message", message: "Write the reasons for the denial" });
      return problems;
    }
    case "request_info":
      return message === "" ? [{ path: "message", message: "Write what the practice needs to send" }] : [];
  }
}
