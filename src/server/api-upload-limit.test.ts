// @vitest-environment node
/**
 * One person's uploads in progress at once (#11, speed): four at a time; a fifth while four are
 * still arriving is refused at once with 429 and a message saying why, storing nothing; another
 * person is not held back; once one finishes the next is taken.
 */
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentsRefusal } from "@/contract";
import { MAX_UPLOADS_PER_USER } from "./documents/upload-slots";
import { pdf, upload } from "./documents/test-files";
import { STAFF_A, STAFF_B, call, signIn, startServer, type Session, type TestServer } from "./test-support";

let server: TestServer;
let staff: Session;
let otherStaff: Session;

beforeAll(async () => {
  server = await startServer();
  staff = await signIn(server.app, STAFF_A);
  otherStaff = await signIn(server.app, STAFF_B);
});
afterAll(() => server.close());

/** An upload whose body arrives in two halves: the second only when `finish` is called. */
async function slowUpload(who: Session) {
  const { body, contentType } = upload([{ name: "slow.pdf", data: await pdf({ pages: 1 }) }]);
  const stream = new PassThrough();
  stream.write(body.subarray(0, body.length >> 1));
  const answer = server.app.inject({
    method: "POST",
    url: "/api/draft/documents",
    headers: {
      cookie: who.cookie,
      "x-csrf-token": who.csrf,
      "content-type": contentType,
      "content-length": String(body.length),
    },
    payload: stream,
  });
  return { answer, finish: () => stream.end(body.subarray(body.length >> 1)) };
}

async function quickUpload(who: Session) {
  const { body, contentType } = upload([{ name: "quick.pdf", data: await pdf({ pages: 1 }) }]);
  return call<DocumentsRefusal>(server.app, who, "POST", "/api/draft/documents", undefined, { raw: body, contentType });
}

const documentRows = () => Number(server.db.prepare("SELECT COUNT(*) AS n FROM documents").get()?.n);

describe("uploads in progress per person", () => {
  it(`takes ${MAX_UPLOADS_PER_USER} at a time; the next gets 429 with a clear message and stores nothing`, async () => {
    const slow = await Promise.all(Array.from({ length: MAX_UPLOADS_PER_USER }, () => slowUpload(staff)));
    // Each of them has reached the route (its half body is being read) before the next is sent.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const before = documentRows();

    const refused = await quickUpload(staff);
    expect(refused.status).toBe(429);
    expect(refused.body.error).toBe(
      `You have ${MAX_UPLOADS_PER_USER} uploads in progress already. Wait for one of them to finish, then attach the next.`,
    );
    expect(documentRows()).toBe(before);

    // Someone else's upload is not held back by this person's.
    expect((await quickUpload(otherStaff)).status).toBe(201);

    for (const upload of slow) upload.finish();
    const answers = await Promise.all(slow.map((upload) => upload.answer));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(MAX_UPLOADS_PER_USER).fill(201));

    // The slots are free again, refusals included.
    expect((await quickUpload(staff)).status).toBe(201);
  });
});
