/** Sections I.B / II.B: which policy a request for another diagnosis goes to. */
import { LINE_OF_BUSINESS_LABELS, REFERRAL_POLICIES, type ReferralKind } from "./policy";
import type { RequestDocument } from "./schema";

function referralKind(doc: RequestDocument): ReferralKind {
  if (doc.diagnosis?.recentLabelChange === true) {
    if (doc.diagnosis.onFormulary === true) return "formulary_no_coverage_criteria";
    if (doc.diagnosis.onFormulary === false) return "non_formulary";
  }
  return "off_label";
}

const REASONS: Readonly<Record<ReferralKind, string>> = {
  formulary_no_coverage_criteria:
    "Another diagnosis after a recent label change, drug on the formulary or preferred drug list: the no-coverage-criteria policy applies (I.B.1.a)",
  non_formulary:
    "Another diagnosis after a recent label change, drug not on the formulary or preferred drug list: the non-formulary policy applies (I.B.1.b)",
  off_label: "Another diagnosis or use not covered by this policy: the off-label use policy applies (I.B.2)",
};

export function referral(doc: RequestDocument): { policy: string; reason: string } {
  const kind = referralKind(doc);
  const unanswered =
    doc.diagnosis?.recentLabelChange === undefined
      ? "; whether the label changed recently is not answered"
      : doc.diagnosis.recentLabelChange && doc.diagnosis.onFormulary === undefined
        ? "; formulary status is not answered, so the off-label policy is named"
        : "";
  return {
    policy: REFERRAL_POLICIES[kind][doc.lineOfBusiness],
    reason: `${REASONS[kind]} for ${LINE_OF_BUSINESS_LABELS[doc.lineOfBusiness]}${unanswered}`,
  };
}
