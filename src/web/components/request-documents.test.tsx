// @vitest-environment jsdom
/**
 * A request's documents by checklist item: the evidence count per criterion, the missing required
 * items named, each document's facts with its name as text, and the viewer opened and closed by
 * keyboard with focus going back to the button that opened it.
 */
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { DocumentInfo, RequestDocumentsAnswer } from "@/contract";
import { documentCount, documentCountsByCriterion, formatSize } from "./document-evidence";
import { DocumentsByItem } from "./request-documents";

const doc = (id: string, change: Partial<DocumentInfo>): DocumentInfo => ({
  id: id.padEnd(22, "A"),
  fileName: `${id}.pdf`,
  mediaType: "application/pdf",
  viewType: "application/pdf",
  size: 1536,
  sha256: "0".repeat(64),
  pages: 2,
  items: [],
  uploadedAt: "2026-11-20T09:00:00.000Z",
  state: "filed",
  amends: null,
  version: 1,
  ...change,
});

const assay1 = doc("assay1", { fileName: "<img src=x onerror=alert(1)>.pdf", items: ["inhibitor-assay-1"] });
const assay2 = doc("assay2", { items: ["inhibitor-assay-2"], version: 2, pages: 1, size: 3 * 1024 * 1024 });
const scale = doc("scale", {
  fileName: "scale.png",
  mediaType: "image/png",
  viewType: "image/png",
  pages: 1,
  items: ["weight"],
});
const old = doc("old", { items: ["hematology-consult"] });

const ANSWER: RequestDocumentsAnswer = {
  documents: [assay1, assay2, scale, old],
  versions: [
    { version: 1, documents: [assay1.id, scale.id, old.id] },
    { version: 2, documents: [assay1.id, scale.id, old.id, assay2.id] },
  ],
  checklist: [
    {
      id: "diagnosis-factor-ix",
      title: "Diagnosis and baseline factor IX activity report",
      criteria: ["I.A.1", "I.A.4"],
      required: true,
      documents: [],
    },
    {
      id: "inhibitor-assay-1",
      title: "Inhibitor (Bethesda) assay lab report 1 of 2",
      criteria: ["I.A.7.b", "I.A.7.c"],
      required: true,
      documents: [assay1.id],
    },
    {
      id: "inhibitor-assay-2",
      title: "Inhibitor (Bethesda) assay lab report 2 of 2",
      criteria: ["I.A.7.b", "I.A.7.c"],
      required: true,
      documents: [assay2.id],
    },
    { id: "weight", title: "Dated body weight", criteria: ["I.A.11"], required: true, documents: [scale.id] },
  ],
  missing: ["diagnosis-factor-ix"],
};

describe("evidence per criterion", () => {
  it("counts the distinct documents behind each criterion the checklist names", () => {
    expect(documentCountsByCriterion(ANSWER)).toEqual({
      "I.A.1": 0,
      "I.A.4": 0,
      "I.A.7.b": 2,
      "I.A.7.c": 2,
      "I.A.11": 1,
    });
    // One document supporting two items of the same criterion counts once.
    const shared = {
      checklist: ANSWER.checklist.map((item) => ({ ...item, documents: [assay1.id] })),
    };
    expect(documentCountsByCriterion(shared)["I.A.7.b"]).toBe(1);
    expect([0, 1, 2].map(documentCount)).toEqual(["no document", "1 document", "2 documents"]);
    expect([812, 1536, 3 * 1024 * 1024].map(formatSize)).toEqual(["812 bytes", "2 KB", "3.0 MB"]);
  });
});

describe("DocumentsByItem", () => {
  it("lists the documents under their checklist items, names the missing ones, and shows names as text", () => {
    render(<DocumentsByItem answer={ANSWER} />);
    expect(screen.getByText("4 documents attached.")).toBeInTheDocument();
    const missing = screen.getByRole("heading", { name: "Required documents missing" }).parentElement;
    expect(missing).toHaveTextContent("Diagnosis and baseline factor IX activity report (I.A.1, I.A.4)");
    expect(screen.getByText("Missing: no document attached")).toBeInTheDocument();

    const first = screen.getByRole("heading", {
      name: "Inhibitor (Bethesda) assay lab report 1 of 2 (I.A.7.b, I.A.7.c)",
    }).parentElement as HTMLElement;
    // The markup in a file name is text: no image element is made of it.
    expect(within(first).getByRole("button", { name: "Open <img src=x onerror=alert(1)>.pdf" })).toBeInTheDocument();
    expect(first.querySelector("img")).toBeNull();
    expect(first).toHaveTextContent("PDF · 2 pages · 2 KB · added in version 1");
    const second = screen.getByRole("heading", { name: /lab report 2 of 2/ }).parentElement as HTMLElement;
    expect(second).toHaveTextContent("assay2.pdf");
    expect(second).toHaveTextContent("PDF · 1 page · 3.0 MB · added in version 2");
    expect(within(second).getByRole("link", { name: "Download assay2.pdf" })).toHaveAttribute(
      "href",
      `/api/documents/${assay2.id}/download`,
    );
    // Attached to an item the answers no longer call for: still listed.
    const other = screen.getByRole("heading", { name: /^Other documents/ }).parentElement as HTMLElement;
    expect(within(other).getByRole("button", { name: "Open old.pdf" })).toBeInTheDocument();
  });

  it("opens a document in the viewer on the page and gives focus back to its button on Escape", async () => {
    const user = userEvent.setup();
    render(<DocumentsByItem answer={ANSWER} />);
    const open = screen.getByRole("button", { name: "Open scale.png" });
    open.focus();
    await user.keyboard("{Enter}");
    const heading = await screen.findByRole("heading", { name: "scale.png" });
    expect(heading).toHaveFocus();
    expect(screen.getByRole("img", { name: "scale.png, page 1 of 1" })).toHaveAttribute(
      "src",
      `/api/documents/${scale.id}/view`,
    );
    expect(screen.getByText("Page 1 of 1 · Zoom 100%")).toBeInTheDocument();
    await user.tab();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("heading", { name: "scale.png" })).toBeNull();
    expect(open).toHaveFocus();
  });

  it("says when nothing is attached", () => {
    render(<DocumentsByItem answer={{ ...ANSWER, documents: [], checklist: [], missing: [] }} />);
    expect(screen.getByText("No document is attached to this request.")).toBeInTheDocument();
  });
});
