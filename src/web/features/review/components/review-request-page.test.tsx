// @vitest-environment jsdom
/**
 * The reviewer's request page: its link to the decision notice is an in-app link; each criterion
 * row says how many documents support it.
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { documentationChecklist, evaluate } from "@/criteria";
import type { DocumentInfo, RequestDetail, RequestDocumentsAnswer, SessionInfo } from "@/contract";
import { requestDetailQuery } from "@/web/api/request-detail";
import { requestDocumentsQuery } from "@/web/api/request-documents";
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

/** The page for an admin, with `request` (and its documents, when given) already loaded. */
function renderPage(request: RequestDetail, documents?: RequestDocumentsAnswer): void {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  client.setQueryData(sessionQuery.queryKey, ADMIN);
  client.setQueryData(requestDetailQuery(request.reference).queryKey, request);
  if (documents !== undefined) client.setQueryData(requestDocumentsQuery(request.reference).queryKey, documents);
  render(
    <QueryClientProvider client={client}>
      <ReviewRequestPage reference={request.reference} />
    </QueryClientProvider>,
  );
}

describe("ReviewRequestPage", () => {
  it("leads back to the queue with a real link (it can open in a new tab), not a button", () => {
    renderPage(approved());
    expect(screen.queryByRole("button", { name: /Back to the queue/ })).not.toBeInTheDocument();
    expectInAppLink(screen.getByRole("link", { name: /Back to the queue/ }), "/review");
  });

  it("links to the printable decision notice in the app, and leaves Ctrl/⌘-click to the browser", () => {
    renderPage(approved());
    expectInAppLink(screen.getByRole("link", { name: "Printable decision notice" }), "/review/HGX-REVI-0001/notice");
  });

  it("shows each criterion's documents (I.A.7.b: 2 documents, or no document) and lists them by item", () => {
    const request = approved();
    const file = (id: string, items: string[]): DocumentInfo => ({
      id: id.padEnd(22, "A"),
      fileName: `${id}.pdf`,
      mediaType: "application/pdf",
      viewType: "application/pdf",
      size: 2048,
      sha256: "0".repeat(64),
      pages: 1,
      items,
      uploadedAt: "2026-11-20T09:00:00.000Z",
      state: "filed",
      amends: null,
      version: 1,
    });
    const documents = [file("assay-a", ["inhibitor-assay-1"]), file("assay-b", ["inhibitor-assay-1", "weight"])];
    const checklist = documentationChecklist(request.document, request.evaluation).map((item) => ({
      ...item,
      documents: documents.filter((d) => d.items.includes(item.id)).map((d) => d.id),
    }));
    const answer: RequestDocumentsAnswer = {
      documents,
      versions: [{ version: 1, documents: documents.map((d) => d.id) }],
      checklist,
      missing: checklist.filter((i) => i.required && i.documents.length === 0).map((i) => i.id),
    };
    renderPage(request, answer);
    const row = (id: string) => screen.getByRole("rowheader", { name: id }).closest("tr") as HTMLElement;
    expect(within(row("I.A.7.b")).getByText("I.A.7.b: 2 documents")).toBeInTheDocument();
    expect(within(row("I.A.11")).getByText("I.A.11: 1 document")).toBeInTheDocument();
    expect(row("I.A.1")).toHaveTextContent("I.A.1: no document");
    // A criterion no checklist item supports says so.
    expect(row("I.A.3")).toHaveTextContent("I.A.3: no document (none on the documentation checklist)");
    const list = screen.getByRole("region", { name: "Supporting documents" });
    expect(within(list).getAllByRole("button", { name: "Open assay-b.pdf" })).toHaveLength(2);
    expect(within(list).getByRole("heading", { name: "Required documents missing" })).toBeInTheDocument();
  });
});
