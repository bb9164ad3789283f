/**
 * The submission packet (#11, item 5): one PDF an office can fax or upload to a payer portal that
 * takes no API. A cover (cover.ts), then every document of the current version in checklist order:
 * PDFs copied page by page, PNG and JPEG placed on Letter pages scaled to fit, a TIFF through its
 * stored PDF rendering; "Page N of M" on every page. Built one document at a time into an
 * IncrementalPdf, so only the document being copied is held in memory.
 */
import {
  PDFDocument,
  ParseSpeeds,
  StandardFonts,
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
  type PDFFont,
  type PDFPage,
} from "pdf-lib";
import { LETTER, layoutCover, type CoverFacts } from "./cover";
import { IncrementalPdf, type PdfSink } from "./incremental-pdf";
import { drawPageFooter } from "./page-footer";
import { embedPng, type PlacedImage } from "./png-image";
import { winAnsiText } from "./win-ansi";

export interface PacketDocument {
  fileName: string;
  /** The checklist item(s) it supports, in words. */
  item: string;
  /** Pages of its viewable form (as counted at upload). */
  pages: number;
  /** Its viewable form: a PDF (a TIFF's rendering too), or an image to place on a page. */
  kind: "pdf" | "png" | "jpeg";
  /** Its viewable bytes, read when its turn comes. */
  read(): Promise<Uint8Array>;
}

export type PacketFacts = Omit<CoverFacts, "index">;

/** A PNG larger than this is not decoded in the server (a small file can describe a huge image). */
export const MAX_PLACED_MEGAPIXELS = 40;
const IMAGE_MARGIN = 36;
/** Room at the foot of an image page for its page number. */
const IMAGE_BOTTOM = 40;

/** Width and height from a PNG's header (IHDR), read before anything is decoded. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  if (bytes.length < 24) return { width: 0, height: 0 };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * The bytes in an ArrayBuffer of their own: pdf-lib's JPEG reader ignores a view's offset, and small
 * Node buffers are slices of a shared pool.
 */
const ownBuffer = (bytes: Uint8Array): Uint8Array =>
  bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);

/** The image as an XObject: a PNG copied (png-image.ts) where it can be, else through pdf-lib; a JPEG as it is. */
async function embedImage(pdf: IncrementalPdf, kind: "png" | "jpeg", bytes: Uint8Array): Promise<PlacedImage> {
  const direct = kind === "png" ? embedPng(pdf.doc.context, bytes) : undefined;
  if (direct !== undefined) return direct;
  const image = kind === "png" ? await pdf.doc.embedPng(bytes) : await pdf.doc.embedJpg(bytes);
  await image.embed();
  return { ref: image.ref, width: image.width, height: image.height };
}

/** A document's PDF, parsed; its file's bytes are let go as soon as it is (the parse copies what it keeps). */
async function loadPdf(document: PacketDocument): Promise<PDFDocument> {
  // 1,500 objects between yields to the event loop (pdf-lib's default, 100, waits a timer turn per
  // 100 objects: seconds on a busy machine for a long scan).
  return PDFDocument.load(ownBuffer(await document.read()), { updateMetadata: false, parseSpeed: ParseSpeeds.Fast });
}

/** An image on a Letter page (landscape when the image is), scaled down to fit, centred; never enlarged. */
async function placeImage(
  pdf: IncrementalPdf,
  kind: "png" | "jpeg",
  bytes: Uint8Array,
  font: PDFFont,
): Promise<PDFPage> {
  if (kind === "png") {
    const { width, height } = pngSize(bytes);
    if (width * height > MAX_PLACED_MEGAPIXELS * 1_000_000) {
      const page = pdf.newPage(LETTER);
      page.drawText(
        `This image (${width} x ${height} pixels) is too large to place in the packet. Download it from the request.`,
        { x: IMAGE_MARGIN, y: LETTER[1] - 72, size: 10, font, maxWidth: LETTER[0] - 2 * IMAGE_MARGIN },
      );
      return page;
    }
  }
  const image = await embedImage(pdf, kind, bytes);
  const size: [number, number] = image.width > image.height ? [LETTER[1], LETTER[0]] : LETTER;
  const page = pdf.newPage(size);
  const room = { width: size[0] - 2 * IMAGE_MARGIN, height: size[1] - IMAGE_MARGIN - IMAGE_BOTTOM };
  const scale = Math.min(1, room.width / image.width, room.height / image.height);
  const [w, h] = [image.width * scale, image.height * scale];
  const name = page.node.newXObject("Image", image.ref);
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(w, 0, 0, h, (size[0] - w) / 2, IMAGE_BOTTOM + (room.height - h) / 2),
    drawObject(name),
    popGraphicsState(),
  );
  return page;
}

export async function buildPacket(
  facts: PacketFacts,
  documents: readonly PacketDocument[],
  sink: PdfSink,
): Promise<{ pages: number }> {
  const pdf = await IncrementalPdf.create(sink, `Submission packet ${facts.reference}`);
  const regular = await pdf.doc.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.doc.embedFont(StandardFonts.HelveticaBold);
  const supported = new Set(regular.getCharacterSet());
  const safe = (text: string) => winAnsiText(text, supported);
  const fonts = { regular, bold };

  const cover: CoverFacts = {
    reference: safe(facts.reference),
    details: facts.details.map(([label, value]) => [safe(label), safe(value)]),
    criteria: facts.criteria.map((c) => ({ id: safe(c.id), title: safe(c.title), status: safe(c.status) })),
    missing: facts.missing.map(safe),
    index: documents.map((d) => ({ item: safe(d.item), fileName: safe(d.fileName), pages: d.pages, startsOn: 0 })),
  };
  // First how many pages the cover takes (the page numbers in its index never change its lines),
  // then where each document starts, so every page can say "of M" as it is made.
  const coverPages = layoutCover(cover, fonts, null);
  let next = coverPages + 1;
  for (const entry of cover.index) {
    entry.startsOn = next;
    next += entry.pages;
  }
  const total = next - 1;
  const number = (page: PDFPage, n: number) => drawPageFooter(page, `Page ${n} of ${total}`, regular);

  const coverSheets: PDFPage[] = [];
  layoutCover(cover, fonts, () => {
    const page = pdf.newPage(LETTER);
    coverSheets.push(page);
    return page;
  });
  if (coverSheets.length !== coverPages) throw new Error("the cover took another number of pages the second time");
  coverSheets.forEach((page, i) => number(page, i + 1));
  await regular.embed();
  await bold.embed();
  await pdf.flush();

  for (const document of documents) {
    const first = pdf.pages + 1;
    if (document.kind === "pdf")
      (await pdf.copyPages(await loadPdf(document))).forEach((page, i) => number(page, first + i));
    else number(await placeImage(pdf, document.kind, ownBuffer(await document.read()), regular), first);
    if (pdf.pages - first + 1 !== document.pages)
      throw new Error("a document gave another number of pages than it had at upload");
    await pdf.flush();
  }
  await pdf.finish();
  return { pages: pdf.pages };
}
