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
import { inspect, Refused } from "./inspect";
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
