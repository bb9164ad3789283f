// @vitest-environment jsdom
/** The reviewer's request page: its link to the decision notice is an in-app link. */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, it, vi } from "vitest";
import { evaluate } from "@/criteria";
import type { RequestDetail, SessionInfo } from "@/contract";
import { requestDetailQuery } from "@/web/api/request-detail";
import { sessionQuery } from "@/web/api/session";
import { expectInAppLink } from "@/web/test-support/link-clicks";
import { eligible } from "@fixtures";
import { ReviewRequestPage } from "./review-request-page";

const ADMIN: SessionInfo = {
  user: { id: 3, email: "admin@demo.test", name: "Ada Admin", role: "admin", practiceId: null, practiceName: null },
  csrfToken: "token",
};

function approved(): RequestDetail {
  const document = eligible();
  const evaluation = evaluate(document);
  return {
    reference: "HGX-REVI-0001",
    status: "approved",
    outcome: evaluation.outcome,
    memberId: "M1",
    memberName: "A Member",
    practiceName: "Demo Hematology Clinic",
    expedited: false,
    receivedAt: "2026-11-20T09:00:00.000Z",
    dueAt: "2026-11-27T09:00:00.000Z",
    overdue: false,
    version: 1,
    rowVersion: 3,
    sameMember: [],
    document,
    evaluationAtSubmission: evaluation,
    evaluation,
    evaluationChanged: false,
    versions: [
      { version: 1, submittedAt: "2026-11-20T09:00:00.000Z", submittedBy: "Sam Staff", outcome: evaluation.outcome },
    ],
    decisions: [
      {
        kind: "approve",
        criteria: [],
        message: "",
        documentsRequested: [],
        decidedBy: "Rita Reviewer",
        decidedAt: "2026-11-21T09:00:00.000Z",
        version: 1,
        authorizedFrom: "2026-11-21",
        authorizedThrough: "2027-02-20",
      },
    ],
    audit: [],
  };
}

beforeEach(() => {
  window.history.replaceState(null, "", "/review/HGX-REVI-0001");
  vi.spyOn(window, "scrollTo").mockImplementation(() => undefined);
  vi.stubGlobal("fetch", () => Promise.reject(new Error("no network in this test")));
});
afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, "", "/");
});

describe("ReviewRequestPage", () => {
  it("links to the printable decision notice in the app, and leaves Ctrl/⌘-click to the browser", () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    client.setQueryData(sessionQuery.queryKey, ADMIN);
    client.setQueryData(requestDetailQuery("HGX-REVI-0001").queryKey, approved());
    render(
      <QueryClientProvider client={client}>
        <ReviewRequestPage reference="HGX-REVI-0001" />
      </QueryClientProvider>,
    );
    expectInAppLink(screen.getByRole("link", { name: "Printable decision notice" }), "/review/HGX-REVI-0001/notice");
  });
});
