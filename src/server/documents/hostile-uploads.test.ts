// @vitest-environment node
/**
 * Hostile uploads through the real app (a security review's reproductions, made in code): a TIFF of
 * gigapixels in 14 KB, a TIFF with a 1.6 GB tile, a PDF that inflates to 300 MB. Each is refused with
 * a message naming it, nothing is stored, and the server answers other requests meanwhile.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentsAnswer, DocumentsRefusal } from "@/contract";
import { pdfBomb, tiffBomb, tiledTiff } from "./bombs";
import { upload } from "./test-files";
import { STAFF_A, call, signIn, startServer, type Session, type TestServer } from "../test-support";

let server: TestServer;
let staff: Session;

beforeAll(async () => {
  server = await startServer();
  staff = await signIn(server.app, STAFF_A);
});
afterAll(() => server.close());

const documentsDir = () => `${server.file}-documents`;
const storedFiles = (): string[] => readdirSync(join(documentsDir(), "objects"));
const spooled = (): string[] => readdirSync(join(documentsDir(), "spool"));
const rows = (): number => Number(server.db.prepare("SELECT COUNT(*) AS n FROM documents").get()?.n);

/** Uploads `files` while asking /api/health every 100 ms; the longest health answer comes back too. */
async function uploadWhileAskingHealth(files: { name: string; data: Buffer }[]) {
  const { body, contentType } = upload(files);
  let done = false;
  const answer = call<DocumentsAnswer & DocumentsRefusal>(
    server.app,
    staff,
    "POST",
    "/api/draft/documents",
    undefined,
    {
      raw: body,
      contentType,
    },
  ).finally(() => (done = true));
  let slowest = 0;
  let asked = 0;
  while (!done) {
    const started = performance.now();
    const health = await call(server.app, undefined, "GET", "/api/health");
    expect(health.status).toBe(200);
    slowest = Math.max(slowest, performance.now() - started);
    asked += 1;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { res: await answer, slowest, asked };
}

describe("hostile uploads", () => {
  it.each([
    {
      name: "fax.tif",
      data: () => tiffBomb(),
      message: /“fax\.tif” has more than 100 megapixels in all its pages together.*attach PDF, PNG, JPEG or TIFF/,
    },
    {
      name: "tiles.tif",
      data: () => tiledTiff(),
      message: /“tiles\.tif” is a TIFF file whose tiles are larger than its pages.*attach PDF, PNG, JPEG or TIFF/,
    },
    {
      name: "labs.pdf",
      data: () => pdfBomb(300),
      message:
        /“labs\.pdf” (is a damaged PDF|could not be read as a PDF within the limits|could not be checked in time).*attach PDF, PNG, JPEG or TIFF/,
    },
  ])(
    "$name: refused with its name, nothing stored, /api/health answering meanwhile",
    { timeout: 60_000 },
    async (bomb) => {
      const before = { rows: rows(), files: storedFiles().length };
      const started = performance.now();
      const { res, slowest, asked } = await uploadWhileAskingHealth([{ name: bomb.name, data: bomb.data() }]);
      expect(performance.now() - started).toBeLessThan(40_000);
      expect(res.status, res.text).toBe(422);
      expect(res.body.error).toMatch(bomb.message);
      expect(asked).toBeGreaterThan(0);
      expect(slowest).toBeLessThan(2_000);
      expect(rows()).toBe(before.rows);
      expect(storedFiles()).toHaveLength(before.files);
      expect(spooled()).toEqual([]);
    },
  );
});
