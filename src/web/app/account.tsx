/** Lazy pieces of the intake that use server state: the header's account bar, the submit panel, the server draft. */
import type { Evaluation, RequestDocument } from "@/criteria";
import type { ProvenanceEntry } from "@/contract";
import { CheckDocuments, SummaryDocuments } from "@/web/features/intake/components/documents/check-documents";
import { StepDocuments } from "@/web/features/intake/components/documents/step-documents";
import type { StepId } from "@/web/features/intake/steps";
import { AccountBar } from "@/web/features/auth/components/account-bar";
import { ServerDraftSync } from "@/web/features/intake/components/server-draft-sync";
import { AmendmentMessage } from "@/web/features/submissions/components/amendment-message";
import { SubmitPanel } from "@/web/features/submissions/components/submit-panel";
import { ServerState } from "./server-state";
import { forgetSignedInData } from "./session-end";

export function LazyAccountBar() {
  return (
    <ServerState>
      <AccountBar forgetLocalData={forgetSignedInData} />
    </ServerState>
  );
}

export function LazyServerDraftSync() {
  return (
    <ServerState>
      <ServerDraftSync />
    </ServerState>
  );
}

export function LazySubmitPanel(props: {
  document: RequestDocument;
  evaluation: Evaluation;
  provenance: readonly ProvenanceEntry[];
}) {
  return (
    <ServerState>
      <SubmitPanel {...props} onSubmitted={() => undefined} />
    </ServerState>
  );
}

export function LazyAmendmentMessage() {
  return (
    <ServerState>
      <AmendmentMessage />
    </ServerState>
  );
}

/** The supporting documents of a wizard page, or of "Check your answers" (#11). */
export function LazyDocuments({ place }: { place: StepId | "check" }) {
  return <ServerState>{place === "check" ? <CheckDocuments /> : <StepDocuments step={place} />}</ServerState>;
}

export function LazySummaryDocuments(props: { document: RequestDocument; evaluation: Evaluation }) {
  return (
    <ServerState>
      <SummaryDocuments {...props} />
    </ServerState>
  );
}
