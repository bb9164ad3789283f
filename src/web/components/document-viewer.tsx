/**
 * One document, read on the request's page: a PDF's pages drawn by PDF.js (a TIFF arrives as its
 * PDF rendering), a PNG or JPEG as an image. Keyboard first: focus moves to the viewer's heading
 * when it opens; Previous and Next page, Zoom out and in, Download and Close are buttons and a
 * link; Escape anywhere inside closes it (the opener takes focus back). "Page N of M" and the zoom
 * are spoken politely when they change.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { DOCUMENT_TYPE_LABELS, type DocumentInfo } from "@/contract";
import { reportSessionEnded } from "@/web/lib/api-client";
import { documentDownloadUrl, documentViewUrl, formatSize, pagesText } from "./document-evidence";
import { loadPdfWithPdfJs, type LoadPdf, type PdfPages } from "./pdf-pages";

/** The zoom steps, as fractions of the page's printed size (or the image's own pixels). */
export const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;
const DEFAULT_ZOOM_STEP = 2;

export type FetchBytes = (url: string) => Promise<ArrayBuffer>;

/** The viewable form's bytes, with the session's cookie; a refusal in words. */
export const fetchDocumentBytes: FetchBytes = async (url) => {
  const response = await fetch(url, { credentials: "same-origin" });
  if (response.status === 401) reportSessionEnded();
  if (!response.ok)
    throw new Error(response.status === 404 ? "the document was not found" : `the server answered ${response.status}`);
  return response.arrayBuffer();
};

type Pdf = { kind: "loading" } | { kind: "ready"; pages: PdfPages } | { kind: "failed"; message: string };

export function DocumentViewer({
  document: doc,
  onClose,
  loadPdf = loadPdfWithPdfJs,
  fetchBytes = fetchDocumentBytes,
}: {
  document: DocumentInfo;
  onClose: () => void;
  /** Seams for tests: how a PDF's bytes become pages, and how the bytes are fetched. */
  loadPdf?: LoadPdf;
  fetchBytes?: FetchBytes;
}) {
  const isPdf = doc.viewType === "application/pdf";
  const heading = useRef<HTMLHeadingElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [pdf, setPdf] = useState<Pdf>({ kind: "loading" });
  const [page, setPage] = useState(1);
  const [zoomStep, setZoomStep] = useState(DEFAULT_ZOOM_STEP);
  const [imageWidth, setImageWidth] = useState<number>();
  /** Which page and zoom the canvas shows (for people: the status line; for tests: a data attribute). */
  const [drawn, setDrawn] = useState<string>();
  const zoom = ZOOM_STEPS[zoomStep] ?? 1;
  const pageCount = isPdf ? (pdf.kind === "ready" ? pdf.pages.pageCount : doc.pages) : 1;

  useEffect(() => heading.current?.focus(), []);

  useEffect(() => {
    if (!isPdf) return;
    let live = true;
    let loaded: PdfPages | undefined;
    fetchBytes(documentViewUrl(doc.id))
      .then(loadPdf)
      .then(
        (pages) => {
          if (!live) {
            pages.destroy();
            return;
          }
          loaded = pages;
          setPdf({ kind: "ready", pages });
        },
        (error: unknown) => {
          if (live) setPdf({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
        },
      );
    return () => {
      live = false;
      loaded?.destroy();
    };
  }, [doc.id, isPdf, loadPdf, fetchBytes]);

  useEffect(() => {
    if (pdf.kind !== "ready" || canvas.current === null) return;
    let live = true;
    pdf.pages.render(page, zoom, canvas.current).then(
      () => live && setDrawn(`${page}@${zoom}`),
      (error: unknown) =>
        live && setPdf({ kind: "failed", message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [pdf, page, zoom]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape") return;
    event.stopPropagation();
    onClose();
  };

  const title = `${doc.fileName}, page ${page} of ${pageCount}`;
  let body: ReactNode;
  if (!isPdf)
    body = (
      <img
        src={documentViewUrl(doc.id)}
        alt={title}
        onLoad={(event) => setImageWidth(event.currentTarget.naturalWidth)}
        style={imageWidth === undefined ? { maxWidth: "100%" } : { width: `${Math.round(imageWidth * zoom)}px` }}
        className="max-w-none bg-white"
      />
    );
  else if (pdf.kind === "failed")
    body = (
      <p role="alert" className="p-4">
        This document could not be shown here ({pdf.message}). Download it to open it on this computer.
      </p>
    );
  else
    body = (
      <>
        {pdf.kind === "loading" && (
          <p role="status" className="p-4">
            Loading the document…
          </p>
        )}
        <canvas ref={canvas} role="img" aria-label={title} data-drawn={drawn} className="bg-white shadow" />
      </>
    );

  return (
    <section
      aria-labelledby="document-viewer-title"
      onKeyDown={onKeyDown}
      className="mb-6 border-4 border-slate-900 bg-white p-4 print:hidden"
    >
      <h3
        id="document-viewer-title"
        ref={heading}
        tabIndex={-1}
        className="text-xl font-bold break-all focus:outline-4 focus:outline-offset-2 focus:outline-amber-400"
      >
        {doc.fileName}
      </h3>
      <p className="text-slate-700">
        {DOCUMENT_TYPE_LABELS[doc.mediaType]} · {pagesText(doc.pages)} · {formatSize(doc.size)}
        {doc.mediaType === "image/tiff" && " · shown as its PDF rendering"}
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <ViewerButton label="Previous page" enabled={page > 1} onClick={() => setPage((n) => n - 1)} />
        <ViewerButton label="Next page" enabled={page < pageCount} onClick={() => setPage((n) => n + 1)} />
        <ViewerButton label="Zoom out" enabled={zoomStep > 0} onClick={() => setZoomStep((n) => n - 1)} />
        <ViewerButton
          label="Zoom in"
          enabled={zoomStep < ZOOM_STEPS.length - 1}
          onClick={() => setZoomStep((n) => n + 1)}
        />
        <a href={documentDownloadUrl(doc.id)} download={doc.fileName} className="px-3 py-2 text-lg font-bold underline">
          Download <span className="sr-only">{doc.fileName}</span>
        </a>
        <ViewerButton label="Close" enabled onClick={onClose} />
      </div>
      <p aria-live="polite" className="mt-2 text-lg font-bold">
        Page {page} of {pageCount} · Zoom {Math.round(zoom * 100)}%
      </p>
      <div
        role="group"
        aria-label={`Pages of ${doc.fileName}`}
        // Scrolled with the arrow keys once focused (a zoomed page is larger than the frame).
        tabIndex={0}
        className="mt-2 max-h-[75vh] overflow-auto border-2 border-slate-300 bg-slate-100 p-2 focus:outline-4 focus:outline-amber-400"
      >
        {body}
      </div>
    </section>
  );
}

/**
 * A control that stays focusable at the end of its range (`aria-disabled`, not `disabled`): on the
 * last page, Next keeps the focus instead of dropping it to the page.
 */
function ViewerButton({ label, enabled, onClick }: { label: string; enabled: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      aria-disabled={!enabled || undefined}
      onClick={() => enabled && onClick()}
      className={`border-b-4 border-slate-900/40 bg-slate-200 px-3 py-2 text-lg font-bold hover:bg-slate-300 ${
        enabled ? "" : "cursor-not-allowed text-slate-600"
      }`}
    >
      {label}
    </button>
  );
}
