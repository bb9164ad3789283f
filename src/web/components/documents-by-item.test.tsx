// @vitest-environment jsdom
/** Check your answers' and the summary's documents: every one by item, the missing required items named. */
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { DocumentInfo } from "@/contract";
import type { ChecklistItem } from "@/criteria";
import { DocumentsByItem } from "./documents-by-item";

const CHECKLIST: ChecklistItem[] = [
  { id: "liver-panel", title: "Liver panel", criteria: ["I.A.8.a"], required: true },
  { id: "weight", title: "Dated body weight", criteria: ["I.A.11"], required: true },
  { id: "hematology-consult", title: "Hematologist's consultation note", criteria: ["I.A.2"], required: false },
];

const doc = (id: string, fileName: string, items: string[], change: Partial<DocumentInfo> = {}): DocumentInfo => ({
  id: id.padEnd(22, "0"),
  fileName,
  mediaType: "application/pdf",
  viewType: "application/pdf",
  size: 1_572_864,
  sha256: "0".repeat(64),
  pages: 3,
  items,
  uploadedAt: "2026-12-01T10:00:00.000Z",
  state: "draft",
  amends: null,
  version: null,
  ...change,
});

describe("DocumentsByItem", () => {
  it("lists each document under each item it supports, names what is missing, and keeps the ones no item lists", () => {
    render(
      <DocumentsByItem
        checklist={CHECKLIST}
        documents={[
          doc("a", "<script>alert(1)</script>.pdf", ["liver-panel"]),
          doc("b", "photo.jpg", ["liver-panel", "old-item"], { mediaType: "image/jpeg", pages: 1, size: 2048 }),
          doc("c", "left over.pdf", ["old-item"]),
        ]}
      />,
    );
    const section = screen.getByRole("region", { name: "Supporting documents" });
    expect(section).toHaveTextContent(
      "Liver panel (I.A.8.a)<script>alert(1)</script>.pdf (PDF, 3 pages, 1.5 MB)photo.jpg (JPEG, 1 page, 2 KB)",
    );
    expect(section.querySelector("script")).toBeNull();
    expect(section).toHaveTextContent("1 required document is not attached:Dated body weight");
    expect(section).toHaveTextContent("Dated body weight (I.A.11)Missing: none attached");
    expect(section).toHaveTextContent(
      "Hematologist's consultation note (I.A.2)None attached (needed only if it applies)",
    );
    expect(section).toHaveTextContent("Attached to items no longer on the checklist");
    expect(section).toHaveTextContent("left over.pdf (PDF, 3 pages, 1.5 MB)");
  });
});
