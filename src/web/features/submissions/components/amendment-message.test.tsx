// @vitest-environment jsdom
/**
 * While amending, the reviewer's message stays above the wizard with the documents it asked for,
 * so staff know exactly which ones to attach; the request's own page names them too.
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { evaluate } from "@/criteria";
import type { DecisionRecord, RequestDetail, RequestDocumentsAnswer } from "@/contract";
import { requestDetailQuery } from "@/web/api/request-detail";
import { requestDocumentsQuery } from "@/web/api/request-documents";
import { startAmending, stopAmending } from "@/web/lib/amending";
import { eligible } from "@fixtures";
import { AmendmentMessage } from "./amendment-message";
import { RequestStatusPage } from "./request-status-page";

const REFERENCE = "HGX-AMND-2222";

const asked: DecisionRecord = {
  kind: "request_info",
  criteria: [],
  message: "Two reports are needed.",
  documentsRequested: [
    { id: "liver-ultrasound", title: "Hepatic ultrasound report" },
    { id: "inhibitor-assay-2", title: "Inhibitor (Bethesda) assay lab report 2 of 2, 20 Oct 2026" },
  ],
  decidedBy: "Dr. Rita Reviewer",
  decidedAt: "2026-11-28T09:00:00.000Z",
  version: 1,
  authorizedFrom: null,
  authorizedThrough: null,
};

function sentBack(): RequestDetail {
  const document = eligible();
  const evaluation = evaluate(document);
  return {
    reference: REFERENCE,
    status: "more_info_requested",
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
    versions: [],
    decisions: [asked],
  };
}

const NO_DOCUMENTS: RequestDocumentsAnswer = { documents: [], versions: [], checklist: [], missing: [] };

function show(ui: React.ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  client.setQueryData(requestDetailQuery(REFERENCE).queryKey, sentBack());
  client.setQueryData(requestDocumentsQuery(REFERENCE).queryKey, NO_DOCUMENTS);
  render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
}

afterEach(() => {
  stopAmending();
  vi.unstubAllGlobals();
});

describe("the documents a reviewer asked for", () => {
  it("are named above the wizard while amending", () => {
    startAmending({ reference: REFERENCE, rowVersion: 3 });
    show(<AmendmentMessage />);
    const message = screen.getByRole("region", { name: /^Amending request HGX-AMND-2222/ });
    expect(within(message).getByRole("heading", { name: "Documents to add (missing or unreadable)" })).toBeTruthy();
    expect(
      within(message)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["Hepatic ultrasound report", "Inhibitor (Bethesda) assay lab report 2 of 2, 20 Oct 2026"]);
    expect(message).toHaveTextContent("and attach the documents named");
  });

  it("are named on the request's page with the message, beside its documents", () => {
    show(<RequestStatusPage reference={REFERENCE} onAmend={() => undefined} hasUnsavedAnswers={() => false} />);
    const section = screen.getByRole("region", { name: "More information requested" });
    expect(
      within(section)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["Hepatic ultrasound report", "Inhibitor (Bethesda) assay lab report 2 of 2, 20 Oct 2026"]);
    expect(screen.getByRole("region", { name: "Supporting documents" })).toHaveTextContent(
      "No document is attached to this request.",
    );
  });
});
