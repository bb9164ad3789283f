// @vitest-environment jsdom
/**
 * The upload control of one checklist item (#11): a progress bar per file from the upload's own
 * progress events, Cancel (the upload aborted), a refused file named with its message, removal of a
 * document not yet filed, and an amended request's filed documents kept. The browser's
 * XMLHttpRequest is replaced by one the test drives (jsdom sends nothing); the list is read through
 * the real query and fetcher from a stubbed fetch.
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DocumentInfo } from "@/contract";
import type { ChecklistItem } from "@/criteria";
import { useDraftDocuments } from "@/web/api/draft-documents";
import { setCsrfToken } from "@/web/lib/api-client";
import { ItemDocuments } from "./item-documents";

const LIVER: ChecklistItem = {
  id: "liver-panel",
  title: "Liver panel: ALT, AST, ALP and total bilirubin",
  criteria: ["I.A.8.a"],
  required: true,
};
const WEIGHT: ChecklistItem = { id: "weight", title: "Dated body weight", criteria: ["I.A.11"], required: true };

/** An XMLHttpRequest the test answers: progress, a status and body, or nothing (then aborted). */
class FakeXhr {
  static sent: FakeXhr[] = [];
  upload: { onprogress: ((event: { loaded: number; total: number; lengthComputable: boolean }) => void) | null } = {
    onprogress: null,
  };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  withCredentials = false;
  status = 0;
  responseText = "";
  method = "";
  url = "";
  headers: Record<string, string> = {};
  body: FormData | undefined;
  aborted = false;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: FormData) {
    this.body = body;
    FakeXhr.sent.push(this);
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ loaded, total, lengthComputable: true });
  }
  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

let server: DocumentInfo[] = [];
const calls: { method: string; url: string; csrf: string | undefined }[] = [];

function doc(change: Partial<DocumentInfo> = {}): DocumentInfo {
  return {
    id: `doc${String(server.length).padStart(19, "0")}`,
    fileName: "liver.pdf",
    mediaType: "application/pdf",
    viewType: "application/pdf",
    size: 2048,
    sha256: "0".repeat(64),
    pages: 2,
    items: ["liver-panel"],
    uploadedAt: "2026-12-01T10:00:00.000Z",
    state: "draft",
    amends: null,
    version: null,
    ...change,
  };
}

beforeEach(() => {
  server = [];
  calls.length = 0;
  FakeXhr.sent = [];
  setCsrfToken("csrf-token");
  vi.stubGlobal("XMLHttpRequest", FakeXhr);
  vi.stubGlobal("fetch", (url: string, init: RequestInit = {}) => {
    const method = init.method ?? "GET";
    calls.push({ method, url, csrf: (init.headers as Record<string, string>)["x-csrf-token"] });
    if (method === "GET" && url === "/api/draft/documents")
      return Promise.resolve(new Response(JSON.stringify({ documents: server }), { status: 200 }));
    if (method === "PATCH") {
      const { items } = JSON.parse(typeof init.body === "string" ? init.body : "{}") as { items: string[] };
      server = server.map((d) => (url === `/api/draft/documents/${d.id}` ? { ...d, items } : d));
      const changed = server.find((d) => url === `/api/draft/documents/${d.id}`);
      return Promise.resolve(new Response(JSON.stringify(changed), { status: 200 }));
    }
    if (method === "DELETE") {
      server = server.filter((d) => url !== `/api/draft/documents/${d.id}`);
      return Promise.resolve(new Response(null, { status: 204 }));
    }
    return Promise.reject(new Error(`unexpected ${method} ${url}`));
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(undefined);
});

function Harness({ kept = [] }: { kept?: DocumentInfo[] }) {
  const documents = useDraftDocuments();
  return (
    <ItemDocuments
      item={LIVER}
      checklist={[LIVER, WEIGHT]}
      documents={documents.data?.documents ?? []}
      kept={kept}
      amends={undefined}
    />
  );
}

function renderControl(kept?: DocumentInfo[]) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <Harness kept={kept} />
    </QueryClientProvider>,
  );
}

const pdfFile = (name: string) => new File(["%PDF-1.7 test"], name, { type: "application/pdf" });
const input = () => screen.getByLabelText(`Attach files for ${LIVER.title}`);

describe("ItemDocuments", () => {
  it("sends each chosen file on its own with a progress bar, the item and the CSRF header; a stored one is listed", async () => {
    renderControl();
    await userEvent.upload(input(), [pdfFile("labs.pdf"), pdfFile("more labs.pdf")]);
    expect(FakeXhr.sent).toHaveLength(2);
    const [first, second] = FakeXhr.sent as [FakeXhr, FakeXhr];
    expect(first.method).toBe("POST");
    expect(first.url).toBe("/api/draft/documents");
    expect(first.headers["x-csrf-token"]).toBe("csrf-token");
    expect(first.body?.get("items")).toBe("liver-panel");
    expect((first.body?.get("file") as File).name).toBe("labs.pdf");

    first.progress(30, 120);
    const bar = await screen.findByRole("progressbar", { name: "Uploading labs.pdf" });
    await waitFor(() => expect(bar).toHaveAttribute("aria-valuetext", "25%"));
    expect(screen.getByRole("progressbar", { name: "Uploading more labs.pdf" })).toHaveAttribute(
      "aria-valuetext",
      "0%",
    );

    const stored = doc({ fileName: "labs.pdf" });
    server = [stored];
    first.respond(201, { documents: [stored] });
    const list = await screen.findByRole("list", { name: `Attached: ${LIVER.title}` });
    expect(list).toHaveTextContent("labs.pdf (PDF, 2 pages, 2 KB)");
    expect(list).toHaveTextContent(`This file supports: ${LIVER.title}`);
    await waitFor(() =>
      expect(screen.queryByRole("progressbar", { name: "Uploading labs.pdf" })).not.toBeInTheDocument(),
    );
    expect(screen.getByRole("status")).toHaveTextContent("labs.pdf attached");
    // The other file is still on its way.
    expect(screen.getByRole("progressbar", { name: "Uploading more labs.pdf" })).toBeVisible();
    second.abort();
  });

  it("Cancel aborts that file's upload and its bar goes", async () => {
    renderControl();
    await userEvent.upload(input(), [pdfFile("big scan.pdf")]);
    const [upload] = FakeXhr.sent as [FakeXhr];
    upload.progress(10, 100);
    await userEvent.click(screen.getByRole("button", { name: "Cancel upload of big scan.pdf" }));
    expect(upload.aborted).toBe(true);
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("Upload of big scan.pdf cancelled");
    expect(screen.queryByRole("list", { name: `Attached: ${LIVER.title}` })).not.toBeInTheDocument();
  });

  it("a refused file is named with the server's message, in error style, and nothing is listed", async () => {
    renderControl();
    await userEvent.upload(input(), [pdfFile("setup.pdf")]);
    const message =
      "“setup.pdf” is not a PDF, PNG, JPEG or TIFF file (its content says so, whatever its name). Attach PDF, PNG, JPEG or TIFF files of up to 25 MB.";
    (FakeXhr.sent[0] as FakeXhr).respond(415, {
      error: "No file was attached",
      refused: [{ fileName: "setup.pdf", message }],
    });
    const refused = await screen.findByTestId("refused-file");
    expect(refused).toHaveTextContent(`Error: ${message}`);
    expect(within(refused).getByText(message, { exact: false })).toHaveClass("text-red-700");
    expect(refused.parentElement).toHaveClass("border-red-700");
    expect(screen.queryByRole("list", { name: `Attached: ${LIVER.title}` })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Dismiss the message about setup.pdf" }));
    expect(screen.queryByTestId("refused-file")).not.toBeInTheDocument();
  });

  it("removes a document not yet filed (DELETE with the CSRF header); an amended request's filed one is kept", async () => {
    const removable = doc({ fileName: "old labs.pdf" });
    server = [removable];
    const filed = doc({ id: "filed00000000000000001", fileName: "filed labs.pdf", state: "filed", version: 1 });
    renderControl([filed]);
    const list = await screen.findByRole("list", { name: `Attached: ${LIVER.title}` });
    await waitFor(() => expect(list).toHaveTextContent("old labs.pdf"));
    expect(list).toHaveTextContent("filed labs.pdf (PDF, 2 pages, 2 KB)Kept from version 1: cannot be removed");
    expect(screen.queryByRole("button", { name: "Remove filed labs.pdf" })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole("button", { name: "Remove old labs.pdf" }));
    await waitFor(() => expect(list).not.toHaveTextContent("old labs.pdf"));
    expect(calls).toContainEqual({
      method: "DELETE",
      url: `/api/draft/documents/${removable.id}`,
      csrf: "csrf-token",
    });
    expect(screen.getByRole("status")).toHaveTextContent("old labs.pdf removed");
    expect(list).toHaveTextContent("filed labs.pdf");
  });

  it("'This file supports' is changed in place (PATCH), and at least one item stays ticked", async () => {
    server = [doc({ fileName: "labs.pdf" })];
    renderControl();
    await userEvent.click(await screen.findByRole("button", { name: "Change what labs.pdf supports" }));
    const group = screen.getByRole("group", { name: "This file supports (labs.pdf)" });
    await userEvent.click(within(group).getByRole("checkbox", { name: LIVER.title }));
    await userEvent.click(screen.getByRole("button", { name: "Save what labs.pdf supports" }));
    expect(group).toHaveAccessibleDescription("Error: Select at least one item that labs.pdf supports");
    expect(calls.filter((c) => c.method === "PATCH")).toEqual([]);

    await userEvent.click(within(group).getByRole("checkbox", { name: WEIGHT.title }));
    await userEvent.click(within(group).getByRole("checkbox", { name: LIVER.title }));
    await userEvent.click(screen.getByRole("button", { name: "Save what labs.pdf supports" }));
    await waitFor(() =>
      expect(screen.getByRole("list", { name: `Attached: ${LIVER.title}` })).toHaveTextContent(
        `This file supports: ${WEIGHT.title}; ${LIVER.title}`,
      ),
    );
    expect(calls.filter((c) => c.method === "PATCH")).toEqual([
      { method: "PATCH", url: `/api/draft/documents/${server[0]?.id ?? ""}`, csrf: "csrf-token" },
    ]);
    expect(server[0]?.items).toEqual(["weight", "liver-panel"]);
  });

  it("the file control is reached and opened from the keyboard", async () => {
    renderControl();
    await userEvent.tab();
    expect(input()).toHaveFocus();
    expect(input()).toHaveAttribute("multiple");
    expect(input()).toHaveAccessibleDescription(/Supports I\.A\.8\.a\. Required for this request\. Attach PDF, PNG/);
  });
});
