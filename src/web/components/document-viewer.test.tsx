// @vitest-environment jsdom
/**
 * The document viewer's controls, by keyboard: focus moves in, "Page N of M" and the zoom follow
 * the buttons, the ends of the range keep focus, Escape closes. PDF.js needs a real canvas, so here
 * the pages come through the viewer's seam (`loadPdf`); e2e/documents-review.spec.ts renders real
 * PDFs with PDF.js in Chromium.
 */
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { DocumentInfo } from "@/contract";
import { DocumentViewer, type FetchBytes } from "./document-viewer";
import type { LoadPdf } from "./pdf-pages";

const PDF: DocumentInfo = {
  id: "AAAAAAAAAAAAAAAAAAAAAA",
  fileName: "factor <b>IX</b> report.pdf",
  mediaType: "application/pdf",
  viewType: "application/pdf",
  size: 2048,
  sha256: "0".repeat(64),
  pages: 3,
  items: ["diagnosis-factor-ix"],
  uploadedAt: "2026-11-20T09:00:00.000Z",
  state: "filed",
  amends: null,
  version: 1,
};

const PNG: DocumentInfo = {
  ...PDF,
  id: "BBBBBBBBBBBBBBBBBBBBBB",
  fileName: "weight.png",
  mediaType: "image/png",
  viewType: "image/png",
  pages: 1,
};

/** Pages that record what they were asked to draw. */
function fakePdf(pageCount: number) {
  const drawn: [number, number][] = [];
  const destroy = vi.fn();
  const loadPdf: LoadPdf = (bytes) => {
    expect(new TextDecoder().decode(bytes)).toBe("%PDF-bytes");
    return Promise.resolve({
      pageCount,
      render: (page, zoom) => {
        drawn.push([page, zoom]);
        return Promise.resolve();
      },
      destroy,
    });
  };
  const fetchBytes = vi.fn<FetchBytes>(() => Promise.resolve(new TextEncoder().encode("%PDF-bytes").buffer));
  return { drawn, destroy, loadPdf, fetchBytes };
}

const status = () => screen.getByText(/^Page \d+ of \d+ · Zoom \d+%$/);

describe("DocumentViewer", () => {
  it("takes focus, shows the page count and zoom, and pages and zooms by keyboard", async () => {
    const user = userEvent.setup();
    const pdf = fakePdf(3);
    const onClose = vi.fn();
    render(<DocumentViewer document={PDF} onClose={onClose} loadPdf={pdf.loadPdf} fetchBytes={pdf.fetchBytes} />);
    // The file name is text, never markup.
    const heading = screen.getByRole("heading", { name: "factor <b>IX</b> report.pdf" });
    expect(heading).toHaveFocus();
    expect(pdf.fetchBytes).toHaveBeenCalledWith(`/api/documents/${PDF.id}/view`);
    await waitFor(() => expect(pdf.drawn).toEqual([[1, 1]]));
    expect(status()).toHaveTextContent("Page 1 of 3 · Zoom 100%");
    expect(screen.getByRole("img", { name: "factor <b>IX</b> report.pdf, page 1 of 3" })).toHaveAttribute(
      "data-drawn",
      "1@1",
    );

    // Tab to the controls: Previous is at its end, stays focusable and does nothing.
    await user.tab();
    const previous = screen.getByRole("button", { name: "Previous page" });
    expect(previous).toHaveFocus();
    expect(previous).toHaveAttribute("aria-disabled", "true");
    await user.keyboard("{Enter}");
    expect(status()).toHaveTextContent("Page 1 of 3");

    await user.tab();
    expect(screen.getByRole("button", { name: "Next page" })).toHaveFocus();
    await user.keyboard("{Enter}");
    await user.keyboard(" ");
    expect(status()).toHaveTextContent("Page 3 of 3 · Zoom 100%");
    // At the last page Next keeps focus and goes no further.
    expect(screen.getByRole("button", { name: "Next page" })).toHaveAttribute("aria-disabled", "true");
    await user.keyboard("{Enter}");
    expect(status()).toHaveTextContent("Page 3 of 3");
    expect(screen.getByRole("button", { name: "Next page" })).toHaveFocus();

    await user.tab();
    await user.keyboard("{Enter}"); // Zoom out
    expect(status()).toHaveTextContent("Zoom 75%");
    await user.tab();
    await user.keyboard("{Enter}{Enter}{Enter}"); // Zoom in ×3
    expect(status()).toHaveTextContent("Page 3 of 3 · Zoom 150%");
    await waitFor(() => expect(pdf.drawn.at(-1)).toEqual([3, 1.5]));
    expect(pdf.drawn).toContainEqual([2, 1]);

    await user.tab();
    const download = screen.getByRole("link", { name: "Download factor <b>IX</b> report.pdf" });
    expect(download).toHaveFocus();
    expect(download).toHaveAttribute("href", `/api/documents/${PDF.id}/download`);

    await user.tab();
    expect(screen.getByRole("button", { name: "Close" })).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it("zooms between 50% and 300% and no further", async () => {
    const user = userEvent.setup();
    const pdf = fakePdf(1);
    render(
      <DocumentViewer document={PDF} onClose={() => undefined} loadPdf={pdf.loadPdf} fetchBytes={pdf.fetchBytes} />,
    );
    await waitFor(() => expect(status()).toHaveTextContent("Page 1 of 1"));
    const zoomOut = screen.getByRole("button", { name: "Zoom out" });
    for (let i = 0; i < 5; i++) await user.click(zoomOut);
    expect(status()).toHaveTextContent("Zoom 50%");
    expect(zoomOut).toHaveAttribute("aria-disabled", "true");
    const zoomIn = screen.getByRole("button", { name: "Zoom in" });
    for (let i = 0; i < 9; i++) await user.click(zoomIn);
    expect(status()).toHaveTextContent("Zoom 300%");
    expect(zoomIn).toHaveAttribute("aria-disabled", "true");
  });

  it("closes on Escape from anywhere inside it, and lets go of the PDF", async () => {
    const user = userEvent.setup();
    const pdf = fakePdf(2);
    const onClose = vi.fn();
    const { unmount } = render(
      <DocumentViewer document={PDF} onClose={onClose} loadPdf={pdf.loadPdf} fetchBytes={pdf.fetchBytes} />,
    );
    await waitFor(() => expect(pdf.drawn).toHaveLength(1));
    await user.click(screen.getByRole("button", { name: "Next page" }));
    await user.keyboard("{Escape}");
    expect(onClose).toHaveBeenCalledTimes(1);
    unmount();
    expect(pdf.destroy).toHaveBeenCalled();
  });

  it("shows an image inline from /view, as one page, without PDF.js", async () => {
    const user = userEvent.setup();
    const pdf = fakePdf(1);
    render(
      <DocumentViewer document={PNG} onClose={() => undefined} loadPdf={pdf.loadPdf} fetchBytes={pdf.fetchBytes} />,
    );
    const image = screen.getByRole("img", { name: "weight.png, page 1 of 1" });
    expect(image.tagName).toBe("IMG");
    expect(image).toHaveAttribute("src", `/api/documents/${PNG.id}/view`);
    expect(status()).toHaveTextContent("Page 1 of 1 · Zoom 100%");
    await user.click(screen.getByRole("button", { name: "Zoom in" }));
    expect(status()).toHaveTextContent("Zoom 125%");
    expect(pdf.fetchBytes).not.toHaveBeenCalled();
  });

  it("says when a document cannot be shown, and offers the download", async () => {
    const failing: FetchBytes = () => Promise.reject(new Error("the document was not found"));
    render(<DocumentViewer document={PDF} onClose={() => undefined} fetchBytes={failing} />);
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "This document could not be shown here (the document was not found). Download it to open it on this computer.",
    );
    expect(screen.getByRole("link", { name: /^Download/ })).toBeInTheDocument();
  });
});
