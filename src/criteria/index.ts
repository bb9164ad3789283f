/** The criteria library's public entry: schema, validation, evaluation, dose, dates, policy metadata. */
export { requestDocumentSchema, bleedSchema, assaySchema } from "./schema";
export type { RequestDocument, Bleed, InhibitorAssay, LabResult, LiverStudy } from "./schema";
export { validateRequestDocument, issueMessage } from "./validate";
export type { FieldError, ValidationResult } from "./validate";
export { evaluate } from "./evaluate";
export { OUTCOMES, evaluationChanged } from "./evaluation";
export type { Evaluation, CriterionResult, CriterionStatus, Outcome, DoseBlock } from "./evaluation";
export { calculateDose, weightInKg, kitVials } from "./dose";
export { referral } from "./referral";
export { FIELD_LABELS, fieldLabel, formatPath } from "./field-labels";
export { formatDate, formatDatesIn, formatGenomeCopies, formatTiter, roundTo } from "./format";
export { isValidNpi } from "./npi";
export * from "./dates";
export { calendarDateIn } from "./calendar-date";
export * from "./policy";

import { evaluate } from "./evaluate";
import type { Evaluation } from "./evaluation";
import { validateRequestDocument, type FieldError } from "./validate";

/** Validate then evaluate: what the command-line evaluator and the API answer for one document. */
export function checkRequest(input: unknown): Evaluation | { errors: FieldError[] } {
  const result = validateRequestDocument(input);
  return result.ok ? evaluate(result.document) : { errors: result.errors };
}
export { evaluatePartial, liveEvaluator } from "./partial";
export type { PartialEvaluation } from "./partial";
export {
  STATUS_LABELS,
  OUTCOME_LABELS,
  REQUEST_TYPE_LABELS,
  SPECIALTY_LABELS,
  CONDITION_LABELS,
  FACTOR_IX_PRODUCT_LABELS,
  STUDY_RESULT_LABELS,
  AAV5_RESULT_LABELS,
  BLEED_CAUSE_LABELS,
  LIVER_TEST_UNITS,
} from "./labels";
export { documentationChecklist, isChecklistItemId } from "./documentation";
export type { ChecklistItem } from "./documentation";
export { criterionEvidence, NOT_ANSWERED } from "./evidence";
export type { EvidenceItem } from "./evidence";
export { documentChanges } from "./changes";
export type { FieldChange } from "./changes";
export { authorizationPeriod, approvalSentence, doseInWords, formatPeriod } from "./approval";
export type { AuthorizationPeriod } from "./approval";
export { auditActionText, DECISION_AUDIT_ACTIONS } from "./audit-words";
export { approvable, decisionProblems, deniableCriteria, DECISION_KINDS } from "./decision-rules";
export type { DecisionDraft, DecisionKind, DecisionProblem } from "./decision-rules";
export { STEP_IDS, STEPS, stepOfPath } from "./steps";
export type { StepId, StepInfo } from "./steps";
