/**
 * The pages that need an account (lazy: not in the self-check wizard's bundle): sign-in, staff
 * requests, the review queue and requests, decision notices, administration. Each checks the role it needs.
 */
import type { ReactNode } from "react";
import type { RequestDocument } from "@/criteria";
import type { Role } from "@/contract";
import { useRequestDetail } from "@/web/api/request-detail";
import { useSession } from "@/web/api/session";
import { DecisionNotice } from "@/web/components/decision-notice";
import { LoadError, Loading } from "@/web/components/query-state";
import { adminPage } from "@/web/features/admin/components/admin-pages";
import { SignInPage } from "@/web/features/auth/components/sign-in-page";
import { hasUnsavedAnswers, loadDocumentIntoWizard } from "@/web/features/intake/load-document";
import { QueuePage } from "@/web/features/review/components/queue-page";
import { ReviewRequestPage } from "@/web/features/review/components/review-request-page";
import { MyRequestsPage } from "@/web/features/submissions/components/my-requests-page";
import { RequestStatusPage } from "@/web/features/submissions/components/request-status-page";
import { SubmittedSummaryPage } from "@/web/features/submissions/components/submitted-summary-page";
import { paths, type Route } from "@/web/lib/paths";
import { navigate } from "@/web/lib/router";
import { ServerState } from "./server-state";

function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const session = useSession();
  if (session.isPending) return <Loading what="your account" />;
  if (session.isError) return <LoadError error={session.error} retry={() => void session.refetch()} />;
  if (session.data === null) return <SignInPage />;
  if (!roles.includes(session.data.user.role)) {
    return (
      <div>
        <h1 className="text-3xl font-bold">This page is not for your role</h1>
        <p className="mt-4">
          You are signed in as {session.data.user.role}. Sign out and sign in with another account to use it.
        </p>
      </div>
    );
  }
  return <>{children}</>;
}

function Notice({ reference, back }: { reference: string; back: string }) {
  const detail = useRequestDetail(reference);
  if (detail.isPending) return <Loading what="the decision" />;
  if (detail.isError) return <LoadError error={detail.error} retry={() => void detail.refetch()} />;
  return <DecisionNotice request={detail.data} back={back} />;
}

/** Opens a request sent back for more information in the wizard (the page has asked before replacing answers). */
const amend = (document: RequestDocument): void => {
  loadDocumentIntoWizard(document);
  navigate(paths.check());
};

const REVIEWERS: readonly Role[] = ["reviewer", "admin"];

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case "signIn":
      return <SignInPage />;
    case "myRequests":
      return (
        <RequireRole roles={["staff"]}>
          <MyRequestsPage cursor={route.query.get("cursor") ?? undefined} />
        </RequireRole>
      );
    case "queue":
      return (
        <RequireRole roles={REVIEWERS}>
          <QueuePage query={route.query} />
        </RequireRole>
      );
    case "request":
      return (
        <RequireRole roles={["staff"]}>
          <RequestStatusPage reference={route.reference} onAmend={amend} hasUnsavedAnswers={hasUnsavedAnswers} />
        </RequireRole>
      );
    case "requestSummary":
      return (
        <RequireRole roles={["staff"]}>
          <SubmittedSummaryPage reference={route.reference} />
        </RequireRole>
      );
    case "requestNotice":
      return (
        <RequireRole roles={["staff"]}>
          <Notice reference={route.reference} back={paths.request(route.reference)} />
        </RequireRole>
      );
    case "review":
      return (
        <RequireRole roles={REVIEWERS}>
          <ReviewRequestPage reference={route.reference} />
        </RequireRole>
      );
    case "reviewNotice":
      return (
        <RequireRole roles={REVIEWERS}>
          <Notice reference={route.reference} back={paths.review(route.reference)} />
        </RequireRole>
      );
    default: {
      const admin = adminPage(route);
      if (admin !== undefined) return <RequireRole roles={["admin"]}>{admin}</RequireRole>;
      return (
        <div>
          <h1 className="text-3xl font-bold">Page not found</h1>
          <p className="mt-4">Check the address, or go to the start page.</p>
        </div>
      );
    }
  }
}

export default function SignedInPages({ route }: { route: Route }) {
  return (
    <ServerState>
      <Page route={route} />
    </ServerState>
  );
}
