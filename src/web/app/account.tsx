/** Lazy pieces of the intake that use server state: the header's account bar, the submit panel, the server draft. */
import type { Evaluation, RequestDocument } from "@/criteria";
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

export function LazySubmitPanel(props: { document: RequestDocument; evaluation: Evaluation }) {
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
