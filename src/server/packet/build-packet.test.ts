// @vitest-environment node
/**
 * The packet builder on real files made with pdf-lib (and a TIFF rendered as at upload), read back
 * with unpdf (PDF.js): the cover's text, the page count, image pages, the TIFF's rendering, page
 * numbers on every page, and names no standard font can print.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readFile } from "node:fs/promises";
import { PDFDocument, degrees } from "pdf-lib";
import { extractImages, extractText, getDocumentProxy } from "unpdf";
import { afterAll, describe, expect, it } from "vitest";
import { CRITERION_IDS } from "@/criteria";
import { renderTiff } from "../documents/content";
import { JPEG, PNG, pdf, pngFile, tiff } from "../documents/test-files";
import { buildPacket, type PacketDocument, type PacketFacts } from "./build-packet";

const dir = mkdtempSync(join(tmpdir(), "hemgenix-packet-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const facts = (change: Partial<PacketFacts> = {}): PacketFacts => ({
  reference: "HGX-2026-000123",
  details: [
    ["Member", "Jordan Q. Example"],
    ["Member ID", "M123456"],
    ["Date of birth", "4 Mar 1990"],
    ["Practice", "Riverside Hematology"],
    ["Received", "1 Dec 2026"],
    ["Version", "1"],
    ["Outcome", "Meets criteria — medical director review required"],
  ],
  criteria: CRITERION_IDS.map((id) => ({ id, title: `Title of ${id}`, status: "Met" })),
  missing: [],
  ...change,
});

const doc = (
  kind: PacketDocument["kind"],
  bytes: Uint8Array,
  pages: number,
  fileName = `file.${kind}`,
): PacketDocument => ({
  fileName,
  item: "Liver panel: ALT, AST, ALP and total bilirubin",
  pages,
  kind,
  read: async () => bytes,
});

async function build(documents: PacketDocument[], f = facts()) {
  const chunks: Uint8Array[] = [];
  const result = await buildPacket(f, documents, async (bytes) => {
    chunks.push(bytes);
  });
  const bytes = Buffer.concat(chunks);
  const proxy = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(proxy, { mergePages: false });
  return { result, bytes, pages: proxy.numPages, text: text.map((t) => t.replace(/\s+/g, " ")) };
}

/**
 * A PNG of `samples` (8 bits each) whose rows use every filter in turn (None, Sub, Up, Average,
 * Paeth), so a reader that undoes one wrongly shows other pixels.
 */
function pngOf(width: number, height: number, colorType: number, samples: number[], chunks: [string, Buffer][] = []) {
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[colorType] ?? 1;
  const stride = width * channels;
  const at = (y: number, x: number) => (y < 0 || x < 0 ? 0 : (samples[y * stride + x] ?? 0));
  const rows: number[] = [];
  for (let y = 0; y < height; y += 1) {
    const filter = y % 5;
    rows.push(filter);
    for (let x = 0; x < stride; x += 1) {
      const [a, b, c] = [at(y, x - channels), at(y - 1, x), at(y - 1, x - channels)];
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      rows.push((at(y, x) - ([0, a, b, (a + b) >> 1, paeth][filter] ?? 0)) & 0xff);
    }
  }
  return pngFile(width, height, colorType, Buffer.from(rows), chunks);
}

describe("the submission packet", () => {
  it("is a cover holding the reference and every criterion, then every document's pages, each numbered", async () => {
    const documents = [
      doc("pdf", await pdf({ pages: 3, text: "Factor IX" }), 3),
      doc("pdf", await pdf({ pages: 2 }), 2),
    ];
    const { result, pages, text, bytes } = await build(documents);
    expect(pages).toBe(1 + 3 + 2);
    expect(result.pages).toBe(6);
    const cover = text[0] ?? "";
    expect(cover).toContain("HGX-2026-000123");
    for (const id of CRITERION_IDS) expect(cover).toContain(id);
    expect(cover).toContain("Jordan Q. Example");
    expect(cover).toContain("None: every required document is attached.");
    text.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of 6`));
    expect(text[1]).toContain("Factor IX page 1");
    expect(text[3]).toContain("Factor IX page 3");
    // The index: each document with its pages and the page it starts on.
    expect(cover).toMatch(/file\.pdf 3 2 .*file\.pdf 2 5/);
    // pdf-lib (strict) opens it too: a well-formed cross-reference table.
    const strict = await PDFDocument.load(bytes, { throwOnInvalidObject: true });
    expect(strict.getPageCount()).toBe(6);
    expect(strict.getTitle()).toBe("Submission packet HGX-2026-000123");
  });

  it("places PNG and JPEG images as one page each, within a Letter page", async () => {
    const { pages, bytes, text } = await build([doc("png", PNG, 1), doc("jpeg", JPEG, 1), doc("pdf", await pdf(), 1)]);
    expect(pages).toBe(4);
    const loaded = await PDFDocument.load(bytes);
    for (const index of [1, 2]) {
      const { width, height } = loaded.getPage(index).getSize();
      expect([width, height].sort()).toEqual([612, 792]);
    }
    expect(text[2]).toContain("Page 3 of 4");
  });

  it("places a PNG's pixels exactly: RGB and palette copied as they are, RGBA with its alpha, tRNS through pdf-lib", async () => {
    const [w, h] = [7, 6];
    const rgb = Array.from({ length: w * h * 3 }, (_, i) => (i * 37) % 256);
    const rgba = Array.from({ length: w * h * 4 }, (_, i) => (i * 53) % 256);
    const indices = Array.from({ length: w * h }, (_, i) => i % 3);
    const palette = Buffer.from([255, 0, 0, 0, 255, 0, 0, 0, 255]);
    const cases: [Buffer, number[]][] = [
      [pngOf(w, h, 2, rgb), rgb],
      [pngOf(w, h, 6, rgba), rgba],
      [pngOf(w, h, 3, indices, [["PLTE", palette]]), indices.flatMap((i) => [...palette.subarray(i * 3, i * 3 + 3)])],
      [pngOf(w, h, 2, rgb, [["tRNS", Buffer.from([0, 1, 0, 2, 0, 3])]]), rgb],
    ];
    for (const [bytes, expected] of cases) {
      const { bytes: packet } = await build([doc("png", bytes, 1)]);
      const [image] = await extractImages(new Uint8Array(packet), 2);
      expect(image).toMatchObject({ width: w, height: h });
      expect([...(image?.data ?? [])]).toEqual(expected);
    }
  });

  it("encloses a TIFF through its PDF rendering, every page", async () => {
    const out = join(dir, "rendition.pdf");
    const source = join(dir, "fax.tif");
    await import("node:fs/promises").then((fs) => fs.writeFile(source, tiff(600, 800)));
    const rendered = await renderTiff(source, "fax.tif", out);
    const { pages, text } = await build([doc("pdf", await readFile(out), rendered.pages, "fax.tif")]);
    expect(pages).toBe(2);
    expect(text[0]).toContain("fax.tif");
    expect(text[1]).toContain("Page 2 of 2");
  });

  it("prints names no standard font encodes, and lists missing documents", async () => {
    const { text } = await build(
      [doc("pdf", await pdf(), 1, "Ωmega résumé 検査 \u202Efdp.exe \u0007.pdf")],
      facts({
        details: [["Member", "Nguyễn Thị Łucja Ørsted"]],
        missing: ["Hepatic ultrasound report → needed"],
      }),
    );
    const cover = text[0] ?? "";
    expect(cover).toContain("Nguyen Thi Lucja Ørsted");
    expect(cover).toContain("?mega résumé ?? fdp.exe");
    expect(cover).toContain("- Hepatic ultrasound report -> needed");
  });

  it("numbers a rotated scan along its shown bottom, and a long index continues on a second cover page", async () => {
    const rotated = await PDFDocument.create();
    rotated.addPage([612, 792]).setRotation(degrees(90));
    const bytes = await rotated.save();
    const documents = Array.from({ length: 40 }, (_, i) => doc("pdf", bytes, 1, `scan-${i + 1}.pdf`));
    const { pages, text } = await build(documents);
    const coverPages = pages - 40;
    expect(coverPages).toBe(2);
    expect(text[1]).toContain("scan-40.pdf");
    expect(text[2]).toContain(`Page 3 of ${pages}`);
    expect(text.at(-1)).toContain(`Page ${pages} of ${pages}`);
  });
});
