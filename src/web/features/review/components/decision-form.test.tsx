// @vitest-environment jsdom
/** The decision form applies the library's rules and confirms an approval before anything is sent. */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { evaluate, type RequestDocument } from "@/criteria";
import { type RequestDetail, type RequestDocumentsAnswer } from "@/contract";
import { documentationChecklist } from "@/criteria";
import { requestDocumentsQuery } from "@/web/api/request-documents";
import { eligible } from "@fixtures";
import { stubScrollIntoView } from "@/web/test-support/scroll-into-view";
import { DecisionForm } from "./decision-form";

stubScrollIntoView();

function detail(document: RequestDocument): RequestDetail {
  const evaluation = evaluate(document);
  return {
    reference: "HGX-AAAA-BBBB",
    status: "in_review",
    outcome: evaluation.outcome,
    memberId: "U1234567",
    memberName: "Ada Example",
    practiceName: "Demo Hematology Clinic",
    expedited: false,
    receivedAt: "2026-11-27T10:00:00.000Z",
    dueAt: "2026-12-04T10:00:00.000Z",
    overdue: false,
    version: 1,
    rowVersion: 2,
    document,
    evaluationAtSubmission: evaluation,
    evaluation,
    evaluationChanged: false,
    versions: [],
    decisions: [],
    sameMember: [],
    approvalPeriod: { from: "2026-12-01", through: "2027-02-28" },
  };
}

function show(request: RequestDetail, documents?: RequestDocumentsAnswer) {
  // Seeded data stays: the only call a test sees is the decision.
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } },
  });
  if (documents !== undefined) client.setQueryData(requestDocumentsQuery(request.reference).queryKey, documents);
  render(
    <QueryClientProvider client={client}>
      <DecisionForm request={request} />
    </QueryClientProvider>,
  );
}

const fetchSpy = () => vi.spyOn(globalThis, "fetch");
afterEach(() => {
  vi.restoreAllMocks();
});

describe("the decision form", () => {
  it("asks for the reason to approve a request that misses a criterion, in the library's words", async () => {
    const user = userEvent.setup();
    const spy = fetchSpy();
    show(detail(eligible((d) => (d.exposureDays = 149))));
    await user.click(screen.getByLabelText(/^Approve/));
    await user.click(screen.getByRole("button", { name: "Record decision" }));
    const summary = screen.getByRole("alert");
    expect(
      within(summary).getByRole("link", {
        name: "Write why the request is approved although not every criterion is met",
      }),
    ).toBeTruthy();
    expect(spy).not.toHaveBeenCalled();
  });

  it("shows the approval written out, with the note, and sends nothing until it is confirmed", async () => {
    const user = userEvent.setup();
    const spy = fetchSpy();
    show(detail(eligible()));
    await user.click(screen.getByLabelText(/^Approve/));
    await user.type(screen.getByLabelText("Note for the record (optional)"), "Checked the lab report.");
    await user.click(screen.getByRole("button", { name: "Record decision" }));
    const confirm = screen.getByRole("region", { name: "Confirm the approval" });
    expect(confirm.textContent).toContain(
      "Approve Hemgenix for Ada Example: authorized 1 Dec 2026 to 28 Feb 2027, one dose of 2 × 10^13 gc/kg for 80 kg = 160 mL, 16 vials.",
    );
    expect(confirm.textContent).toContain("Note: Checked the lab report.");
    expect(document.activeElement).toBe(within(confirm).getByRole("heading", { name: "Confirm the approval" }));
    expect(spy).not.toHaveBeenCalled();
    await user.click(within(confirm).getByRole("button", { name: "Change the decision" }));
    expect(screen.getByLabelText("Note for the record (optional)")).toHaveProperty("value", "Checked the lab report.");
  });

  it("offers no approval for continued therapy (II.A)", () => {
    show(detail(eligible((d) => (d.requestType = "continuation"))));
    expect(screen.queryByLabelText(/^Approve/)).toBeNull();
    expect(screen.getByLabelText(/^Deny/)).toBeTruthy();
  });

  it("asks for more information ticking the missing or unreadable documents, from the request's checklist", async () => {
    const user = userEvent.setup();
    const request = detail(eligible());
    const checklist = documentationChecklist(request.document, request.evaluation).map((item) => ({
      ...item,
      documents: item.id === "liver-panel" ? ["LLLLLLLLLLLLLLLLLLLLLL"] : [],
    }));
    const spy = fetchSpy().mockResolvedValue(
      new Response(JSON.stringify({ rowVersion: 3, status: "more_info_requested" }), {
        status: 200,
        headers: { "content-type": "application/json" },
      }),
    );
    show(request, {
      documents: [],
      versions: [],
      checklist,
      missing: checklist.filter((i) => i.required && i.documents.length === 0).map((i) => i.id),
    });
    await user.click(screen.getByLabelText(/^Request more information/));
    const box = screen.getByRole("group", { name: "Documents to add (optional)" });
    expect(within(box).getByLabelText(/^Liver panel: ALT, AST, ALP and total bilirubin/)).toBeTruthy();
    expect(within(box).getByText(/I\.A\.8\.a; 1 document/)).toBeTruthy();
    await user.click(within(box).getByLabelText(/^Hepatic ultrasound report/));
    await user.click(within(box).getByLabelText(/^Liver panel/));
    await user.click(within(box).getByLabelText(/^Hepatic ultrasound report/));
    await user.click(within(box).getByLabelText(/^Liver elastography report/));
    await user.type(screen.getByLabelText("Message to the practice"), "The liver panel is unreadable.");
    await user.click(screen.getByRole("button", { name: "Record decision" }));
    expect(spy).toHaveBeenCalledTimes(1);
    const [url, init] = spy.mock.calls[0] ?? [];
    expect(url).toBe("/api/requests/HGX-AAAA-BBBB/decision");
    expect(JSON.parse(init?.body as string)).toEqual({
      kind: "request_info",
      criteria: [],
      message: "The liver panel is unreadable.",
      documents: ["liver-panel", "liver-elastography"],
      expectedRowVersion: 2,
    });
  });
});
