/**
 * Supporting documents in browser tests (#11): files made here (PDFs with pdf-lib, PNG photos),
 * the wizard's upload controls, a slowed connection to watch progress, the server draft's
 * documents, and the submission packet downloaded from a request's page.
 */
import { createHash, randomBytes } from "node:crypto";
import { crc32, deflateSync } from "node:zlib";
import { expect, type Page } from "@playwright/test";
import { PDFDocument, StandardFonts } from "pdf-lib";
import type { DocumentsAnswer, SessionInfo } from "@/contract";

export const sha256 = (data: Buffer): string => createHash("sha256").update(data).digest("hex");

/** A small real PDF of `pages` pages (and, padded, of about `padTo` bytes: slow enough to watch). */
export async function makePdf(text: string, pages = 1, padTo = 0): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i += 1)
    doc.addPage([612, 792]).drawText(`${text}, page ${i + 1}`, { x: 72, y: 700, size: 14, font });
  if (padTo > 0) {
    // Noise in an unreferenced stream: still one valid PDF, just bigger.
    const noise = Buffer.alloc(padTo);
    for (let i = 0; i < noise.length; i += 1) noise[i] = (i * 7919 + 13) % 251;
    doc.context.register(doc.context.stream(noise, {}));
  }
  return Buffer.from(await doc.save());
}

/** A small PNG "photo" of random pixels (a different file each run: a file attached twice is refused). */
export function photo(width = 40, height = 30): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.concat(
    Array.from({ length: height }, () => Buffer.concat([Buffer.from([0]), randomBytes(width * 3)])),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A wizard page's file input for a checklist item, and the list of what is attached to it. */
export const attachInput = (page: Page, title: string) => page.getByLabel(`Attach files for ${title}`, { exact: true });
export const attachedList = (page: Page, title: string) => page.getByRole("list", { name: `Attached: ${title}` });

/** The signed-in staff member's draft documents, as the server has them. */
export async function draftDocuments(page: Page): Promise<DocumentsAnswer["documents"]> {
  const answer = await page.request.get("/api/draft/documents");
  expect(answer.status()).toBe(200);
  return ((await answer.json()) as DocumentsAnswer).documents;
}

/** Uploads one file to the signed-in staff member's draft through the API, for the given checklist items (comma-separated). */
export async function attachByApi(
  staff: Page,
  file: { name: string; mimeType: string; buffer: Buffer },
  items: string,
): Promise<DocumentsAnswer["documents"]> {
  const { csrfToken } = (await (await staff.request.get("/api/session")).json()) as SessionInfo;
  const res = await staff.request.post("/api/draft/documents", {
    headers: { "x-csrf-token": csrfToken },
    multipart: { items, file },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as DocumentsAnswer).documents;
}

/**
 * Slows this page's uploads to `bytesPerSecond` (Chromium's network emulation), so a progress bar
 * can be watched; returns what puts the connection back to full speed.
 */
export async function slowUploads(page: Page, bytesPerSecond = 256 * 1024): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  const emulate = (uploadThroughput: number, latency: number) =>
    cdp.send("Network.emulateNetworkConditions", { offline: false, latency, downloadThroughput: -1, uploadThroughput });
  await emulate(bytesPerSecond, 20);
  return async () => {
    await emulate(-1, 0);
  };
}

/** Presses "Download the submission packet" on a request's page; the PDF's bytes. */
export async function downloadPacket(page: Page): Promise<Buffer> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download the submission packet" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^HGX-[A-Z0-9-]+ submission packet\.pdf$/);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
