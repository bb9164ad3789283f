// @vitest-environment node
/**
 * Broken uploads never get further than a 4xx, and leave nothing: multipart bodies cut off at any
 * byte, with the wrong boundary, huge part headers, hundreds of parts, bytes flipped, random
 * bytes, and content types that lie (fast-check). After each: no new row, no stored file, an
 * empty spool.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STAFF_A, call, signIn, startServer, type Session, type TestServer } from "./test-support";
import { PNG, multipartBody, pdf, upload } from "./documents/test-files";

const RUNS = 60;

let server: TestServer;
let staff: Session;
let valid: { body: Buffer; contentType: string };

beforeAll(async () => {
  server = await startServer();
  staff = await signIn(server.app, STAFF_A);
  valid = upload([
    { name: "report.pdf", data: await pdf({ pages: 2 }) },
    { name: "photo.png", data: PNG, type: "image/png" },
  ]);
});
afterAll(() => server.close());

const rows = (): number => Number(server.db.prepare("SELECT COUNT(*) AS n FROM documents").get()?.n);
const dir = (name: string): string[] => readdirSync(join(`${server.file}-documents`, name));

/** Sends a body; anything but a whole, valid upload is a 4xx that stores nothing. */
async function send(body: Buffer, contentType: string): Promise<number> {
  const res = await call(server.app, staff, "POST", "/api/draft/documents", undefined, { raw: body, contentType });
  expect(res.status, res.text).toBeLessThan(500);
  if (res.status === 201) {
    // A cut that kept every part whole: stored properly; take it away again.
    expect((await call(server.app, staff, "DELETE", "/api/draft")).status).toBe(204);
  } else {
    expect(res.status).toBeGreaterThanOrEqual(400);
    // In words: one message, or each field's.
    const answer = res.body as { error?: unknown; errors?: unknown[] } | undefined;
    expect(typeof answer?.error === "string" || (answer?.errors?.length ?? 0) > 0, res.text).toBe(true);
  }
  expect(rows()).toBe(0);
  expect(dir("objects")).toEqual([]);
  expect(dir("spool")).toEqual([]);
  return res.status;
}

describe("fuzzed multipart uploads", () => {
  it("cut off at any byte", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: valid.body.length - 1 }), async (cut) => {
        await send(valid.body.subarray(0, cut), valid.contentType);
      }),
      { numRuns: RUNS },
    );
  });

  it("with the wrong boundary, or none", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constant("multipart/form-data"),
          fc.constant("multipart/form-data; boundary="),
          fc.stringMatching(/^[A-Za-z0-9'()+_,./:=?-]{1,70}$/).map((b) => `multipart/form-data; boundary=${b}`),
          fc.string({ maxLength: 100 }).map((b) => `multipart/form-data; boundary="${b}"`),
        ),
        async (contentType) => {
          await send(valid.body, contentType);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("with huge part headers", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1_000, max: 300_000 }), fc.boolean(), async (size, inName) => {
        const long = "x".repeat(size);
        const { body, contentType } = multipartBody([
          { name: inName ? long : "items", data: "diagnosis-factor-ix" },
          { name: "file", fileName: inName ? "a.pdf" : `${long}.pdf`, data: PNG },
        ]);
        const status = await send(body, contentType);
        // A long file name is only text (kept, cut to 200 characters); a long field name is refused.
        if (inName) expect(status).not.toBe(201);
      }),
      { numRuns: 20 },
    );
  });

  it("with many parts", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 45, max: 400 }), fc.boolean(), async (count, files) => {
        const parts = Array.from({ length: count }, (_, i) =>
          files
            ? { name: "file", fileName: `p${i}.png`, data: Buffer.concat([PNG, Buffer.from(String(i))]) }
            : { name: `field${i}`, data: "x" },
        );
        const { body, contentType } = multipartBody([{ name: "items", data: "liver-panel" }, ...parts]);
        const status = await send(body, contentType);
        expect(status).not.toBe(201);
      }),
      { numRuns: 15 },
    );
  });

  it("with bytes flipped, inserted or random", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc
            .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 })
            .map((edits) => {
              const body = Buffer.from(valid.body);
              for (const [at, byte] of edits) body[at % body.length] = byte;
              return body;
            }),
          fc.uint8Array({ maxLength: 4096 }).map((bytes) => Buffer.from(bytes)),
          fc.string({ maxLength: 2000 }).map((text) => Buffer.concat([valid.body.subarray(0, 300), Buffer.from(text)])),
        ),
        async (body) => {
          await send(body, valid.contentType);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
