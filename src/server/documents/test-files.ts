/**
 * Sample files for the documents tests and benchmark, made in code (nothing to keep in sync):
 * PDFs with pdf-lib (plain, several pages, padded to a size, password-protected, cut off), PNGs,
 * a JPEG, a TIFF, an executable dressed as a PDF, and multipart bodies to carry them.
 */
import { randomBytes } from "node:crypto";
import { crc32, deflateSync } from "node:zlib";
import { PDFDocument, PDFHexString, StandardFonts } from "pdf-lib";
import UTIF from "utif2";

/** A PDF of `pages` pages saying `text`; `padTo` bytes adds an incompressible stream (a scan's weight). */
export async function pdf(options: { pages?: number; text?: string; padTo?: number } = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < (options.pages ?? 1); i += 1) {
    const page = doc.addPage([612, 792]);
    page.drawText(`${options.text ?? "Lab report"} page ${i + 1} ${randomBytes(6).toString("hex")}`, {
      x: 72,
      y: 700,
      size: 12,
      font,
    });
  }
  if (options.padTo !== undefined) {
    const base = await doc.save();
    const extra = Math.max(0, options.padTo - base.length - 200);
    if (extra > 0) doc.context.register(doc.context.stream(randomBytes(extra), {}));
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** A PDF whose trailer says it is encrypted (a password-protected file, as far as any reader is concerned). */
export async function encryptedPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([612, 792]);
  const encrypt = doc.context.obj({
    Filter: "Standard",
    V: 1,
    R: 2,
    Length: 40,
    P: -44,
    O: PDFHexString.of("00".repeat(32)),
    U: PDFHexString.of("00".repeat(32)),
  });
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of("ab".repeat(16)), PDFHexString.of("ab".repeat(16))]);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** The first half of a real PDF: what a cut-off download or a failed scan leaves. */
export async function truncatedPdf(): Promise<Buffer> {
  const whole = await pdf({ pages: 3 });
  return whole.subarray(0, Math.floor(whole.length / 2));
}

/** A 1×1 PNG. */
export const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/**
 * A PNG file of the given header fields, extra chunks (PLTE, tRNS…) and raw filtered rows (each
 * row's filter byte first), deflated as one IDAT.
 */
export function pngFile(
  width: number,
  height: number,
  colorType: number,
  rows: Buffer,
  chunks: readonly [string, Buffer][] = [],
): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, colorType, 0, 0, 0], 8); // 8 bits a sample
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    ...chunks.map(([type, data]) => chunk(type, data)),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** An RGB PNG of random pixels (a photo's weight; a different file each call). */
export function png(width: number, height: number): Buffer {
  const rows = Buffer.concat(
    Array.from({ length: height }, () => Buffer.concat([Buffer.alloc(1), randomBytes(width * 3)])),
  );
  return pngFile(width, height, 2, rows);
}

/** A 1×1 JPEG. */
export const JPEG = Buffer.from(
  "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=",
  "base64",
);

/** A small uncompressed TIFF (a grey gradient), as a scanner might write one page. */
export function tiff(width = 64, height = 48): Buffer {
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i += 1) {
    const v = (i * 7) % 256;
    rgba.set([v, v, v, 255], i * 4);
  }
  return Buffer.from(UTIF.encodeImage(rgba, width, height));
}

/** A Windows executable's first bytes, named like a PDF by whoever sends it. */
export const EXE = Buffer.concat([
  Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00", "latin1"),
  Buffer.alloc(200, 0),
]);

export interface Part {
  name: string;
  /** A file part when set. */
  fileName?: string;
  contentType?: string;
  data: Buffer | string;
}

/** A multipart/form-data body and its content type. */
export function multipartBody(parts: readonly Part[], boundary = `----hgx${randomBytes(8).toString("hex")}`) {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition =
      part.fileName === undefined
        ? `form-data; name="${part.name}"`
        : `form-data; name="${part.name}"; filename="${part.fileName}"`;
    const type = part.fileName === undefined ? "" : `Content-Type: ${part.contentType ?? "application/pdf"}\r\n`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`));
    chunks.push(typeof part.data === "string" ? Buffer.from(part.data) : part.data);
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** An upload of `files` supporting `items`. */
export function upload(files: readonly { name: string; data: Buffer; type?: string }[], items = "diagnosis-factor-ix") {
  return multipartBody([
    { name: "items", data: items },
    ...files.map((f) => ({ name: "file", fileName: f.name, contentType: f.type ?? "application/pdf", data: f.data })),
  ]);
}
