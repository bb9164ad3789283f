/**
 * The heavy part of inspection, run in a child process (inspect-child.ts) so that a hostile file can
 * only exhaust that process: a PDF must open with pdf-lib and give its page count (not encrypted,
 * not damaged), and a TIFF, which browsers cannot show, gets a PDF rendering of its pages. A TIFF's
 * size is checked before anything is decoded: pages, pixels per page and per file, tile size.
 * Refusals are sentences that name the file and say what is accepted.
 */
import { open, readFile, writeFile } from "node:fs/promises";
import { setImmediate as nextTurn } from "node:timers/promises";
import {
  concatTransformationMatrix,
  drawObject,
  EncryptedPDFError,
  PDFDocument,
  PDFName,
  popGraphicsState,
  pushGraphicsState,
} from "pdf-lib";
import UTIF from "utif2";
import { ACCEPTED_DOCUMENTS, type DocumentMediaType } from "@/contract";
import { quoted, Refused } from "./refused";
import { fsyncPath } from "./spool";

export interface Inspected {
  mediaType: DocumentMediaType;
  pages: number;
  /** A TIFF's rendering (a PDF, one page per TIFF page), spooled and fsynced. */
  rendition?: { path: string; size: number };
}

/** A TIFF page larger than this (a 300 dpi letter page is 8.4) is refused before it is decoded. */
const MAX_TIFF_MEGAPIXELS = 12;
const MAX_TIFF_PAGES = 200;
/** All the pages of one TIFF together (25 letter pages at 300 dpi fit easily). */
export const MAX_TIFF_FILE_MEGAPIXELS = 100;
/** All the TIFF pages of one upload together. */
export const MAX_UPLOAD_MEGAPIXELS = 200;
/** A tile is a piece of a page: never much larger than the page, and never more than this. */
const MAX_TIFF_TILE_MEGAPIXELS = 4;

const damaged = (fileName: string): Refused =>
  new Refused(
    fileName,
    `${quoted(fileName)} is a damaged PDF that cannot be opened. Save or scan it again, then attach ${ACCEPTED_DOCUMENTS}.`,
  );

/** A PDF's last 1,024 bytes hold its end-of-file marker; a cut-off file has none. */
async function hasEndMarker(path: string): Promise<boolean> {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, 1024);
    const tail = Buffer.alloc(length);
    await handle.read(tail, 0, length, size - length);
    return tail.includes("%%EOF");
  } finally {
    await handle.close();
  }
}

export async function pdfPages(path: string, fileName: string): Promise<number> {
  if (!(await hasEndMarker(path))) throw damaged(fileName);
  let pages: number;
  try {
    const pdf = await PDFDocument.load(await readFile(path), { updateMetadata: false, throwOnInvalidObject: true });
    // pdf-lib opens some encrypted files without complaint when their trailer is odd: ask again.
    if (pdf.isEncrypted || pdf.context.trailerInfo.Encrypt !== undefined) throw new EncryptedPDFError();
    pages = pdf.getPageCount();
    if (pdf.catalog.get(PDFName.of("Pages")) === undefined) pages = 0;
  } catch (error) {
    // Out of memory (the child's address-space limit) is not damage: the caller says "within the limits".
    if (error instanceof RangeError && /allocation|memory|Invalid array length/i.test(error.message)) throw error;
    // pdf-lib's errors are compiled to ES5, where `instanceof` an Error subclass fails: its words say it.
    if (error instanceof EncryptedPDFError || (error instanceof Error && /\bis encrypted\b/.test(error.message)))
      throw new Refused(
        fileName,
        `${quoted(fileName)} is protected by a password. Save it without the password (or print it to a new PDF), then attach ${ACCEPTED_DOCUMENTS}.`,
      );
    throw damaged(fileName);
  }
  if (pages < 1) throw damaged(fileName);
  return pages;
}

const tag = (ifd: UTIF.IFD, id: number): number | undefined => {
  const value = ifd[`t${id}`];
  return Array.isArray(value) && typeof value[0] === "number" ? value[0] : undefined;
};

/** Dots per inch from the TIFF's resolution tags (fax: 204 × 196); 200 when it does not say. */
function dpi(ifd: UTIF.IFD, id: number): number {
  const value = ifd[`t${id}`];
  const n = Array.isArray(value) && typeof value[0] === "number" ? value[0] : undefined;
  const unit = tag(ifd, 296) ?? 2;
  if (n === undefined || !Number.isFinite(n) || n <= 0) return 200;
  return unit === 3 ? n * 2.54 : n;
}

/**
 * Every page of a TIFF as a PDF page of the same physical size (DeviceGray when it has no colour),
 * written to `out`. `pixelBudget` is what the upload's earlier TIFFs left, in megapixels.
 */
export async function renderTiff(
  path: string,
  fileName: string,
  out: string,
  pixelBudget = MAX_UPLOAD_MEGAPIXELS,
): Promise<Inspected & { megapixels: number }> {
  const unreadable = new Refused(
    fileName,
    `${quoted(fileName)} is a TIFF file that cannot be read (damaged, or compressed in a way we cannot show). Scan it again or save it as PDF, then attach ${ACCEPTED_DOCUMENTS}.`,
  );
  const bytes = await readFile(path);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  let ifds: UTIF.IFD[];
  try {
    ifds = UTIF.decode(buffer).filter((ifd) => tag(ifd, 256) !== undefined && tag(ifd, 257) !== undefined);
  } catch {
    throw unreadable;
  }
  if (ifds.length === 0) throw unreadable;
  if (ifds.length > MAX_TIFF_PAGES)
    throw new Refused(
      fileName,
      `${quoted(fileName)} has more than ${MAX_TIFF_PAGES} pages. Split it, then attach ${ACCEPTED_DOCUMENTS}.`,
    );
  // Every size is checked before any page is decoded: a few kilobytes can describe gigapixels.
  let total = 0;
  for (const ifd of ifds) {
    const width = tag(ifd, 256) ?? 0;
    const height = tag(ifd, 257) ?? 0;
    if (width * height > MAX_TIFF_MEGAPIXELS * 1_000_000)
      throw new Refused(
        fileName,
        `${quoted(fileName)} has a page larger than ${MAX_TIFF_MEGAPIXELS} megapixels. Scan it at 300 dpi or less, then attach ${ACCEPTED_DOCUMENTS}.`,
      );
    const tileWidth = tag(ifd, 322) ?? 0;
    const tileHeight = tag(ifd, 323) ?? 0;
    if (
      tileWidth > Math.max(width, 16) * 2 ||
      tileHeight > Math.max(height, 16) * 2 ||
      tileWidth * tileHeight > MAX_TIFF_TILE_MEGAPIXELS * 1_000_000
    )
      throw new Refused(
        fileName,
        `${quoted(fileName)} is a TIFF file whose tiles are larger than its pages, which we do not read. Scan it again or save it as PDF, then attach ${ACCEPTED_DOCUMENTS}.`,
      );
    total += width * height;
  }
  if (total > MAX_TIFF_FILE_MEGAPIXELS * 1_000_000)
    throw new Refused(
      fileName,
      `${quoted(fileName)} has more than ${MAX_TIFF_FILE_MEGAPIXELS} megapixels in all its pages together. Scan it at 300 dpi or less, or split it, then attach ${ACCEPTED_DOCUMENTS}.`,
    );
  if (total > pixelBudget * 1_000_000)
    throw new Refused(
      fileName,
      `${quoted(fileName)} would take this upload's TIFF files over ${MAX_UPLOAD_MEGAPIXELS} megapixels together. Attach it in another upload, then attach ${ACCEPTED_DOCUMENTS}.`,
    );
  const pdf = await PDFDocument.create({ updateMetadata: false });
  for (const ifd of ifds) {
    await nextTurn(); // a long file never holds the event loop through all its pages
    const width = tag(ifd, 256) ?? 0;
    const height = tag(ifd, 257) ?? 0;
    let rgba: Uint8Array;
    try {
      UTIF.decodeImage(buffer, ifd);
      rgba = UTIF.toRGBA8(ifd);
    } catch {
      throw unreadable;
    }
    if (width === 0 || height === 0 || rgba.length < width * height * 4) throw unreadable;
    let gray = true;
    for (let i = 0; i < width * height * 4 && gray; i += 4) gray = rgba[i] === rgba[i + 1] && rgba[i] === rgba[i + 2];
    const channels = gray ? 1 : 3;
    const pixels = new Uint8Array(width * height * channels);
    for (let p = 0, o = 0; p < width * height; p += 1) {
      pixels[o++] = rgba[p * 4] ?? 0;
      if (!gray) {
        pixels[o++] = rgba[p * 4 + 1] ?? 0;
        pixels[o++] = rgba[p * 4 + 2] ?? 0;
      }
    }
    ifd.data = new Uint8Array(0); // let the decoded page go before the next one
    const image = pdf.context.register(
      pdf.context.flateStream(pixels, {
        Type: "XObject",
        Subtype: "Image",
        Width: width,
        Height: height,
        ColorSpace: gray ? "DeviceGray" : "DeviceRGB",
        BitsPerComponent: 8,
      }),
    );
    const w = (width / dpi(ifd, 282)) * 72;
    const h = (height / dpi(ifd, 283)) * 72;
    const page = pdf.addPage([w, h]);
    const name = page.node.newXObject("Scan", image);
    page.pushOperators(
      pushGraphicsState(),
      concatTransformationMatrix(w, 0, 0, h, 0, 0),
      drawObject(name),
      popGraphicsState(),
    );
  }
  const rendered = await pdf.save({ useObjectStreams: false });
  await writeFile(out, rendered, { flag: "wx" });
  await fsyncPath(out);
  return {
    mediaType: "image/tiff",
    pages: ifds.length,
    rendition: { path: out, size: rendered.length },
    megapixels: total / 1_000_000,
  };
}
