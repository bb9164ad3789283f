/**
 * A PDF's pages drawn on a canvas by PDF.js (`pdfjs-dist`). PDF.js and its worker are loaded only
 * when the first PDF is opened (dynamic import: about 400 kB that no other screen needs), and the
 * PDF's bytes are handed over as data: the app's origin serves documents with a sandboxing CSP
 * that Chrome's own viewer refuses, and PDF.js never runs a document's scripts.
 *
 * `PdfPages` is the seam the viewer renders through, so its controls can be tested without PDF.js
 * (which needs a real canvas); Playwright proves the real rendering.
 */

export interface PdfPages {
  pageCount: number;
  /** Draws page `page` (1-based) at `zoom` (1 is the page's printed size) into `canvas`. */
  render(page: number, zoom: number, canvas: HTMLCanvasElement): Promise<void>;
  destroy(): void;
}

export type LoadPdf = (bytes: ArrayBuffer) => Promise<PdfPages>;

export const loadPdfWithPdfJs: LoadPdf = async (bytes) => {
  const [pdfjs, worker] = await Promise.all([
    import("pdfjs-dist"),
    // Its own file, started as a module worker from this origin (the CSP's script-src 'self').
    import("pdfjs-dist/build/pdf.worker.min.mjs?url"),
  ]);
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  const loading = pdfjs.getDocument({ data: new Uint8Array(bytes), enableXfa: false });
  const doc = await loading.promise;
  // One drawing at a time on the canvas: a new page or zoom cancels the one under way first.
  let drawing: { cancel(): void; done: Promise<unknown> } | undefined;
  return {
    pageCount: doc.numPages,
    async render(pageNumber, zoom, canvas) {
      if (drawing !== undefined) {
        drawing.cancel();
        await drawing.done.catch(() => undefined);
      }
      const page = await doc.getPage(pageNumber);
      const viewport = page.getViewport({ scale: zoom * pdfjs.PixelsPerInch.PDF_TO_CSS_UNITS });
      // Sharp on high-density screens: the canvas has the device's pixels, the page its CSS size.
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.width = `${Math.floor(viewport.width)}px`;
      canvas.style.height = `${Math.floor(viewport.height)}px`;
      const task = page.render({
        canvas,
        viewport,
        ...(ratio !== 1 && { transform: [ratio, 0, 0, ratio, 0, 0] }),
      });
      const current = { cancel: () => task.cancel(), done: task.promise };
      drawing = current;
      try {
        await task.promise;
      } catch (error) {
        // Replaced by a newer drawing: not a failure.
        if (error instanceof pdfjs.RenderingCancelledException) return;
        throw error;
      } finally {
        if (drawing === current) drawing = undefined;
      }
    },
    // The loading task owns the worker's side of the document.
    destroy: () => void loading.destroy(),
  };
};
