// @vitest-environment node
/** Recognition by content and the TIFF rendering, on files in a temporary folder. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import UTIF from "utif2";
import { afterAll, describe, expect, it } from "vitest";
import { cleanFileName, contentDisposition } from "./names";
import { pdfBomb, tiffBomb, tiledTiff } from "./bombs";
import { inspect, inspectionLimits, Refused } from "./inspect";
import { EXE, JPEG, PNG, pdf, tiff } from "./test-files";

const dir = mkdtempSync(join(tmpdir(), "hemgenix-inspect-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (data: Uint8Array): string => {
  n += 1;
  const path = join(dir, `f${n}`);
  writeFileSync(path, data);
  return path;
};

describe("inspect", () => {
  it("knows each accepted type by its bytes, whatever the name", async () => {
    expect(await inspect(file(await pdf({ pages: 2 })), "x.png", dir)).toEqual({
      mediaType: "application/pdf",
      pages: 2,
    });
    expect(await inspect(file(PNG), "x.pdf", dir)).toEqual({ mediaType: "image/png", pages: 1 });
    expect(await inspect(file(JPEG), "x.tif", dir)).toEqual({ mediaType: "image/jpeg", pages: 1 });
    await expect(inspect(file(EXE), "x.pdf", dir)).rejects.toBeInstanceOf(Refused);
    await expect(inspect(file(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>")), "x.png", dir)).rejects.toThrow(
      /is not a PDF, PNG, JPEG or TIFF file/,
    );
  });

  it("renders a TIFF to a PDF page of its physical size, grey when it has no colour", async () => {
    const result = await inspect(file(tiff(64, 48)), "scan.tif", dir);
    expect(result).toMatchObject({ mediaType: "image/tiff", pages: 1 });
    const rendered = await PDFDocument.load(await readFile(result.rendition?.path ?? ""));
    expect(rendered.getPageCount()).toBe(1);
    // No resolution in the file: 200 dpi, so 64 pixels are 23.04 points.
    const { width, height } = rendered.getPage(0).getSize();
    expect(width).toBeCloseTo((64 / 200) * 72, 2);
    expect(height).toBeCloseTo((48 / 200) * 72, 2);
  });

  it("refuses a TIFF page over 12 megapixels before decoding it, and an unreadable TIFF", async () => {
    const huge = Buffer.from(UTIF.encodeImage(new Uint8Array(3500 * 3500 * 4), 3500, 3500));
    await expect(inspect(file(huge), "big.tif", dir)).rejects.toThrow(
      /“big\.tif” has a page larger than 12 megapixels/,
    );
    const broken = Buffer.concat([tiff().subarray(0, 8), Buffer.alloc(100, 0xff)]);
    await expect(inspect(file(broken), "bad.tif", dir)).rejects.toThrow(
      /“bad\.tif” is a TIFF file that cannot be read/,
    );
  });
});

describe("hostile files: refused in bounded time, inspected in a child process", () => {
  /** Refused with `message`, in less than `seconds` (generous: the work is bounded, the machine may be slow). */
  async function refusedIn(seconds: number, path: string, fileName: string, message: RegExp): Promise<void> {
    const started = performance.now();
    await expect(inspect(path, fileName, dir)).rejects.toThrow(message);
    expect(performance.now() - started).toBeLessThan(seconds * 1000);
  }

  it("a 14 KB TIFF of twenty 12-megapixel pages sharing one strip, before any page is decoded", async () => {
    await refusedIn(
      10,
      file(tiffBomb()),
      "fax.tif",
      /“fax\.tif” has more than 100 megapixels in all its pages together/,
    );
  });

  it("a TIFF whose tiles are larger than its page (a 1.6 GB buffer for a 164-byte file)", async () => {
    await refusedIn(
      10,
      file(tiledTiff()),
      "tiles.tif",
      /“tiles\.tif” is a TIFF file whose tiles are larger than its pages/,
    );
  });

  it("a TIFF that would take the upload over its megapixels, told how much the earlier files used", async () => {
    await expect(inspect(file(tiffBomb(1)), "third.tif", dir, { megapixels: 5 })).rejects.toThrow(
      /“third\.tif” would take this upload's TIFF files over 200 megapixels together/,
    );
  });

  // The check allows 25 s (refusedIn below), so the test must too: vitest's default 5 s fails it on a busy machine.
  it(
    "a 300 KB PDF whose object stream inflates to 300 MB, without this process growing",
    { timeout: 30_000 },
    async () => {
      const path = file(pdfBomb(300));
      const before = process.memoryUsage().rss;
      await refusedIn(
        25,
        path,
        "bomb.pdf",
        /“bomb\.pdf” (is a damaged PDF|could not be read as a PDF within the limits|could not be checked in time)/,
      );
      expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    },
  );

  it("a file not checked within the time limit, killed and refused", async () => {
    const { timeoutMs } = inspectionLimits;
    inspectionLimits.timeoutMs = 1;
    try {
      await expect(inspect(file(await pdf({ pages: 2 })), "slow.pdf", dir)).rejects.toThrow(
        /“slow\.pdf” could not be checked in time/,
      );
    } finally {
      inspectionLimits.timeoutMs = timeoutMs;
    }
    // The next file gets a fresh child.
    expect(await inspect(file(await pdf({ pages: 3 })), "next.pdf", dir)).toEqual({
      mediaType: "application/pdf",
      pages: 3,
    });
  });
});

describe("file names", () => {
  it("are text: the last path segment, no control or direction-override characters, never empty", () => {
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("C:\\Users\\ann\\labs.pdf")).toBe("labs.pdf");
    expect(cleanFileName("report\u202Efdp.exe")).toBe("reportfdp.exe");
    expect(cleanFileName("  ")).toBe("document");
    expect(cleanFileName("..")).toBe("document");
    expect(cleanFileName(undefined)).toBe("document");
    expect(cleanFileName("a".repeat(300))).toHaveLength(200);
  });

  it("go into Content-Disposition as an ASCII fallback and RFC 5987 filename*", () => {
    expect(contentDisposition("inline", 'Zoë\'s "labs"; 50%.pdf')).toBe(
      `inline; filename="Zo_'s _labs__ 50_.pdf"; filename*=UTF-8''Zo%C3%AB%27s%20%22labs%22%3B%2050%25.pdf`,
    );
    expect(contentDisposition("attachment", "a\r\nb.pdf")).not.toMatch(/[\r\n]/);
  });
});
