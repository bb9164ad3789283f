// @vitest-environment jsdom
/** The submit panel's words: asked for the kind (nothing sent), and the confirmation's due sentence. */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { documentationChecklist, evaluate } from "@/criteria";
import { type DocumentInfo, type SessionInfo } from "@/contract";
import { sessionQuery } from "@/web/api/session";
import { recordSubmitted } from "@/web/lib/submission";
import { expectInAppLink } from "@/web/test-support/link-clicks";
import { stubScrollIntoView } from "@/web/test-support/scroll-into-view";
import { eligible } from "@fixtures";
import { dueSentence, SubmitPanel } from "./submit-panel";

stubScrollIntoView();

const STAFF: SessionInfo = {
  user: {
    id: 1,
    email: "staff@demo.test",
    name: "Sam Staff",
    role: "staff",
    practiceId: 1,
    practiceName: "Demo Hematology Clinic",
  },
  csrfToken: "token",
};

const sent: string[] = [];
/** What GET /api/draft/documents answers (the documents attached so far). */
let attached: DocumentInfo[] = [];
const documentsAnswer = (url: string): Response | undefined =>
  url === "/api/draft/documents" ? new Response(JSON.stringify({ documents: attached }), { status: 200 }) : undefined;

beforeEach(() => {
  localStorage.clear();
  sent.length = 0;
  attached = [];
  // Nothing may reach the network in these tests but the list of documents: record any attempt and refuse it.
  vi.stubGlobal("fetch", (url: string) => {
    const documents = documentsAnswer(url);
    if (documents !== undefined) return Promise.resolve(documents);
    sent.push(url);
    return Promise.reject(new Error("no network in this test"));
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

function renderPanel(session: SessionInfo | null = STAFF) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  client.setQueryData(sessionQuery.queryKey, session);
  const document = eligible();
  return render(
    <QueryClientProvider client={client}>
      <SubmitPanel document={document} evaluation={evaluate(document)} onSubmitted={() => undefined} />
    </QueryClientProvider>,
  );
}

describe("SubmitPanel", () => {
  it("asks whether the request is standard or expedited and sends nothing until it is chosen", async () => {
    attached = [documentFor(requiredIds())];
    renderPanel();
    await waitFor(() => expect(screen.getByRole("button", { name: "Submit request" })).toBeEnabled());
    await userEvent.click(screen.getByRole("button", { name: "Submit request" }));
    const summary = screen.getByRole("alert");
    expect(summary).toHaveTextContent("There is a problem");
    expect(summary).toHaveFocus();
    const link = screen.getByRole("link", { name: "Select whether the request is standard or expedited" });
    expect(link).toHaveAttribute("href", "#expedited-standard");
    expect(screen.getByRole("group", { name: "Is this request standard or expedited?" })).toHaveAccessibleDescription(
      "Error: Select whether the request is standard or expedited",
    );
    expect(screen.getByRole("radio", { name: "Standard" })).not.toBeChecked();
    expect(screen.getByRole("radio", { name: "Expedited" })).not.toBeChecked();
    expect(sent).toEqual([]);

    await userEvent.click(link);
    expect(screen.getByRole("radio", { name: "Standard" })).toHaveFocus();
    await userEvent.click(screen.getByRole("radio", { name: "Expedited" }));
    expect(screen.queryByText("There is a problem")).not.toBeInTheDocument();
  });

  it("after filing, says which kind was filed and when a decision is due", () => {
    recordSubmitted({ reference: "HGX-ABCD-EFGH", expedited: true, dueAt: "2026-12-04T14:30:00.000Z" });
    renderPanel();
    const confirmation = screen.getByRole("status");
    expect(confirmation).toHaveTextContent("HGX-ABCD-EFGH");
    expect(confirmation).toHaveTextContent(`${dueSentence(true, "2026-12-04T14:30:00.000Z")}.`);
  });

  it("words the due time as a person reads it", () => {
    const at = new Date(2026, 11, 4, 14, 30).toISOString();
    expect(dueSentence(true, at)).toBe("Expedited: a decision is due by 4 Dec 2026, 14:30");
    expect(dueSentence(false, at)).toBe("Standard: a decision is due by 4 Dec 2026, 14:30");
  });

  it("shows a filed request as submitted only while the answers are the ones filed", () => {
    const filedDocument = eligible((d) => d.dose && (d.dose.requestedGcPerKg = 1.5));
    recordSubmitted({
      reference: "HGX-AAAA-BBBB",
      expedited: false,
      dueAt: "2026-12-08T10:00:00.000Z",
      document: JSON.stringify(filedDocument),
    });
    renderPanel();
    // The answers here (dose 2) are not the ones filed (dose 1.5): never "Request submitted".
    expect(screen.queryByRole("heading", { name: "Request submitted" })).not.toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Changed since HGX-AAAA-BBBB was submitted" })).toBeVisible();
    expect(screen.getByRole("link", { name: "See HGX-AAAA-BBBB as submitted" })).toHaveAttribute(
      "href",
      "/requests/HGX-AAAA-BBBB/summary",
    );
    expect(sent).toEqual([]);
  });

  it("shows the confirmation again after a reload when nothing changed", () => {
    recordSubmitted({
      reference: "HGX-AAAA-CCCC",
      expedited: true,
      dueAt: "2026-12-04T10:00:00.000Z",
      document: JSON.stringify(eligible()),
    });
    renderPanel();
    expect(screen.getByRole("heading", { name: "Request submitted" })).toBeVisible();
    expect(screen.getByText("HGX-AAAA-CCCC")).toBeVisible();
  });
});

/** Its links are in-app links: Ctrl/⌘-click opens a new tab, a plain click stays in the app. */
describe("SubmitPanel's links", () => {
  beforeEach(() => {
    window.history.replaceState(null, "", "/summary");
    vi.spyOn(window, "scrollTo").mockImplementation(() => undefined);
  });
  afterEach(() => {
    window.history.replaceState(null, "", "/");
  });

  it("signed out: 'Sign in as office staff'", () => {
    renderPanel(null);
    expectInAppLink(screen.getByRole("link", { name: "Sign in as office staff" }), "/sign-in");
  });

  it("filed: 'See its status'", () => {
    recordSubmitted({ reference: "HGX-AAAA-CCCC", document: JSON.stringify(eligible()) });
    renderPanel();
    expectInAppLink(screen.getByRole("link", { name: "See its status" }), "/requests/HGX-AAAA-CCCC");
  });

  it("changed after filing: 'See … as submitted'", () => {
    recordSubmitted({ reference: "HGX-AAAA-BBBB", document: "{}" });
    renderPanel();
    expectInAppLink(
      screen.getByRole("link", { name: "See HGX-AAAA-BBBB as submitted" }),
      "/requests/HGX-AAAA-BBBB/summary",
    );
  });

  it("the member's open request, named when the server refuses a second one", async () => {
    vi.stubGlobal("fetch", (url: string) => {
      const documents = documentsAnswer(url);
      if (documents !== undefined) return Promise.resolve(documents);
      sent.push(url);
      const body = {
        error: "This member already has an open request",
        openRequest: { reference: "HGX-OPEN-0001", receivedAt: "2026-11-30T09:00:00.000Z" },
      };
      return Promise.resolve(new Response(JSON.stringify(body), { status: 409 }));
    });
    renderPanel();
    await userEvent.click(screen.getByRole("radio", { name: "Standard" }));
    await userEvent.click(await screen.findByRole("checkbox", { name: /I confirm I am submitting without/ }));
    await userEvent.click(screen.getByRole("button", { name: "Submit request" }));
    expectInAppLink(await screen.findByRole("link", { name: "HGX-OPEN-0001" }), "/requests/HGX-OPEN-0001");
  });
});

/** A draft document supporting `items`. */
function documentFor(items: string[], id = "a".repeat(22)): DocumentInfo {
  return {
    id,
    fileName: "report.pdf",
    mediaType: "application/pdf",
    viewType: "application/pdf",
    size: 1000,
    sha256: "0".repeat(64),
    pages: 1,
    items,
    uploadedAt: "2026-12-01T10:00:00.000Z",
    state: "draft",
    amends: null,
    version: null,
  };
}

function requiredIds(): string[] {
  const document = eligible();
  return documentationChecklist(document, evaluate(document))
    .filter((item) => item.required)
    .map((item) => item.id);
}

describe("SubmitPanel: required documents not attached (#11)", () => {
  /** Answers the documents list, and records the submit's body (answering it filed). */
  function serverFiling(bodies: unknown[]) {
    vi.stubGlobal("fetch", (url: string, init?: RequestInit) => {
      const documents = documentsAnswer(url);
      if (documents !== undefined) return Promise.resolve(documents);
      sent.push(url);
      bodies.push(JSON.parse(typeof init?.body === "string" ? init.body : "null"));
      const answer = { reference: "HGX-DOCS-0001", expedited: false, dueAt: "2026-12-08T10:00:00.000Z" };
      return Promise.resolve(new Response(JSON.stringify(answer), { status: 201 }));
    });
  }

  it("lists what is missing and submits only once the person confirms that list, which it sends", async () => {
    attached = [documentFor(["diagnosis-factor-ix", "liver-panel"])];
    const bodies: unknown[] = [];
    serverFiling(bodies);
    renderPanel();
    const warning = await screen.findByTestId("missing-documents");
    const missing = requiredIds().filter((id) => id !== "diagnosis-factor-ix" && id !== "liver-panel");
    expect(warning).toHaveTextContent(`${missing.length} required documents are not attached`);
    expect(warning).toHaveTextContent("Hepatic ultrasound report");
    expect(warning).not.toHaveTextContent("Liver panel");
    expect(warning).not.toHaveTextContent("Diagnosis and baseline factor IX activity report");

    await userEvent.click(screen.getByRole("radio", { name: "Standard" }));
    await userEvent.click(screen.getByRole("button", { name: "Submit request" }));
    const summary = screen.getByRole("alert");
    expect(summary).toHaveFocus();
    const link = screen.getByRole("link", {
      name: "Confirm that you are submitting without the missing documents, or attach them first",
    });
    expect(link).toHaveAttribute("href", "#confirm-missing-documents");
    const checkbox = screen.getByRole("checkbox", { name: "I confirm I am submitting without these documents" });
    expect(checkbox).toHaveAccessibleDescription(
      "Error: Confirm that you are submitting without the missing documents, or attach them first",
    );
    expect(sent).toEqual([]);

    await userEvent.click(checkbox);
    await userEvent.click(screen.getByRole("button", { name: "Submit request" }));
    expect(await screen.findByRole("heading", { name: "Request submitted" })).toBeVisible();
    expect(sent).toEqual(["/api/requests"]);
    expect(bodies).toEqual([expect.objectContaining({ confirmedMissingDocuments: missing, expedited: false })]);
  });

  it("with every required document attached, asks nothing and confirms an empty list", async () => {
    attached = [documentFor(requiredIds())];
    const bodies: unknown[] = [];
    serverFiling(bodies);
    renderPanel();
    await userEvent.click(screen.getByRole("radio", { name: "Standard" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Submit request" })).toBeEnabled());
    expect(screen.queryByTestId("missing-documents")).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Submit request" }));
    expect(await screen.findByRole("heading", { name: "Request submitted" })).toBeVisible();
    expect(bodies).toEqual([expect.objectContaining({ confirmedMissingDocuments: [] })]);
  });

  it("shows the server's refusal when what is missing changed meanwhile, and files nothing", async () => {
    const refusal = {
      error:
        "Required documents are missing: Liver panel: ALT, AST, ALP and total bilirubin (liver-panel). Attach them, or confirm submitting without exactly these; nothing was filed.",
      missingDocuments: [{ id: "liver-panel", title: "Liver panel: ALT, AST, ALP and total bilirubin" }],
    };
    attached = [documentFor(requiredIds())];
    vi.stubGlobal("fetch", (url: string) => {
      const documents = documentsAnswer(url);
      if (documents !== undefined) return Promise.resolve(documents);
      sent.push(url);
      return Promise.resolve(new Response(JSON.stringify(refusal), { status: 409 }));
    });
    renderPanel();
    await userEvent.click(screen.getByRole("radio", { name: "Standard" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Submit request" })).toBeEnabled());
    await userEvent.click(screen.getByRole("button", { name: "Submit request" }));
    expect(await screen.findByText(refusal.error)).toBeVisible();
    expect(screen.queryByRole("heading", { name: "Request submitted" })).not.toBeInTheDocument();
  });
});
