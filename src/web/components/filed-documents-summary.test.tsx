// @vitest-environment jsdom
/** The printed summary of a submitted request: its current version's documents by item; what it was filed without. */
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { DocumentInfo, RequestDocumentsAnswer, VersionRecord } from "@/contract";
import { FiledDocumentsList } from "./filed-documents-summary";
import { SubmittedWithout } from "./submitted-without";

const doc = (id: string, fileName: string, items: string[], version: number): DocumentInfo => ({
  id: id.padEnd(22, "0"),
  fileName,
  mediaType: "application/pdf",
  viewType: "application/pdf",
  size: 2048,
  sha256: id.padEnd(64, "0"),
  pages: 2,
  items,
  uploadedAt: "2026-12-01T10:00:00.000Z",
  state: "filed",
  amends: null,
  version,
});

const answer = (versions: string[][]): RequestDocumentsAnswer => ({
  documents: [doc("a", "liver panel.pdf", ["liver-panel"], 1), doc("b", "weight.pdf", ["weight"], 2)],
  versions: versions.map((documents, i) => ({ version: i + 1, documents: documents.map((d) => d.padEnd(22, "0")) })),
  checklist: [
    {
      id: "liver-panel",
      title: "Liver panel",
      criteria: ["I.A.8.a"],
      required: true,
      documents: ["a".padEnd(22, "0")],
    },
    { id: "weight", title: "Dated body weight", criteria: ["I.A.11"], required: true, documents: [] },
  ],
  missing: ["weight"],
});

describe("FiledDocumentsList", () => {
  it("lists the documents the current version carried under their checklist items", () => {
    render(<FiledDocumentsList answer={answer([["a"], ["a", "b"]])} />);
    const section = screen.getByRole("region", { name: "Supporting documents filed" });
    expect(within(section).getByText("liver panel.pdf")).toBeTruthy();
    expect(within(section).getByText("weight.pdf")).toBeTruthy();
    expect(section.textContent).toContain("(PDF, 2 pages, 2 KB)");
    expect(section.textContent).not.toContain("required document is not attached");
  });

  it("leaves out a document the current version no longer carries, and names what is missing", () => {
    render(<FiledDocumentsList answer={answer([["a", "b"], ["a"]])} />);
    const section = screen.getByRole("region", { name: "Supporting documents filed" });
    expect(within(section).queryByText("weight.pdf")).toBeNull();
    expect(section.textContent).toContain("1 required document is not attached:");
    expect(section.textContent).toContain("Missing: none attached");
  });
});

describe("SubmittedWithout", () => {
  const version = (missingDocuments?: VersionRecord["missingDocuments"]): VersionRecord => ({
    version: 2,
    submittedAt: "2026-12-01T10:00:00.000Z",
    submittedBy: "Sam Staff",
    outcome: "meets_criteria",
    ...(missingDocuments !== undefined && { missingDocuments }),
  });
  const missing = [
    { id: "weight", title: "Dated body weight" },
    { id: "liver-panel", title: "Liver panel" },
  ];

  it("names what the submitter confirmed missing, as a note or inline", () => {
    const { unmount } = render(<SubmittedWithout version={version(missing)} />);
    const note = screen.getByRole("note", { name: "Submitted without: Dated body weight; Liver panel" });
    expect(note.textContent).toContain("these required documents were missing when filing version 2");
    unmount();
    render(<SubmittedWithout version={version(missing)} inline />);
    expect(screen.getByText("Submitted without: Dated body weight; Liver panel")).toBeTruthy();
  });

  it("says nothing when nothing was missing or the submit did not say", () => {
    const { container } = render(
      <>
        <SubmittedWithout version={version([])} />
        <SubmittedWithout version={version()} inline />
        <SubmittedWithout version={undefined} />
      </>,
    );
    expect(container.textContent).toBe("");
  });
});
