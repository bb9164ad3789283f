/**
 * What an approval authorizes, in numbers and in words: the period (3 months from the decision
 * date, the last day included) and the one dose. The server stores the period; the reviewer's
 * confirmation and the decision notice say the same sentence.
 */
import { addDays, addMonths, type IsoDate } from "./dates";
import type { Evaluation } from "./evaluation";
import { formatDate, formatGenomeCopies } from "./format";
import { APPROVAL, MAX_GC_PER_KG } from "./policy";
import type { RequestDocument } from "./schema";

export interface AuthorizationPeriod {
  from: IsoDate;
  through: IsoDate;
}

/** An approval decided on `decisionDate` (the plan's calendar date) runs 3 months, the last day included. */
export const authorizationPeriod = (decisionDate: IsoDate): AuthorizationPeriod => ({
  from: decisionDate,
  through: addDays(addMonths(decisionDate, APPROVAL.durationMonths), -1),
});

export const formatPeriod = (period: AuthorizationPeriod): string =>
  `${formatDate(period.from)} to ${formatDate(period.through)}`;

/** "one dose of 2 × 10^13 gc/kg = 160 mL, 16 vials" (or what is known of it when the weight is missing). */
export function doseInWords(doc: RequestDocument, evaluation: Evaluation): string {
  const perKg = `${formatGenomeCopies(doc.dose?.requestedGcPerKg ?? MAX_GC_PER_KG)} gc/kg`;
  const dose = evaluation.dose;
  if (dose === undefined) return `one dose of ${perKg} (no weight recorded: volume and vials not calculated)`;
  return `one dose of ${perKg} for ${dose.weightKg} kg = ${dose.volumeMl} mL, ${dose.vials} vial${dose.vials === 1 ? "" : "s"}`;
}

const memberName = (doc: RequestDocument): string =>
  [doc.member?.firstName, doc.member?.lastName].filter(Boolean).join(" ") || "this member";

/** The sentence a reviewer confirms: "Approve Hemgenix for Ada Example: authorized 1 Dec 2026 to 28 Feb 2027, one dose of …". */
export const approvalSentence = (doc: RequestDocument, evaluation: Evaluation, period: AuthorizationPeriod): string =>
  `Approve Hemgenix for ${memberName(doc)}: authorized ${formatPeriod(period)}, ${doseInWords(doc, evaluation)}`;
