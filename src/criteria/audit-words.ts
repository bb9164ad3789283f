/**
 * The audit trail in words. Decisions are recorded as "approved", "denied" and "requested more
 * information"; events stored before that as "decision: approve" and the like read the same.
 */
import type { DecisionKind } from "./decision-rules";

export const DECISION_AUDIT_ACTIONS: Readonly<Record<DecisionKind, string>> = {
  approve: "approved",
  deny: "denied",
  request_info: "requested more information",
};

const LEGACY = /^decision: (approve|deny|request_info)$/;

/** The action as a person reads it; actions already in words pass through. */
export function auditActionText(action: string): string {
  const legacy = LEGACY.exec(action)?.[1] as DecisionKind | undefined;
  return legacy === undefined ? action : DECISION_AUDIT_ACTIONS[legacy];
}
