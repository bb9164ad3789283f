// @vitest-environment node
/**
 * Submitting without every required document (#11): the person confirms what is missing; the
 * server works it out from the draft's documents and refuses (409, naming them) a confirmation
 * that is not exactly that; the confirmed list is stored with the version and shown on the request.
 * And a draft that ends takes only its own documents, never those of the person's other draft.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentationChecklist, evaluate } from "@/criteria";
import type { DocumentsAnswer, MissingDocumentsConflict, RequestDetail, SubmitAnswer } from "@/contract";
import {
  REVIEWER,
  STAFF_A,
  call,
  rowVersionOf,
  signIn,
  submission,
  startServer,
  type Session,
  type TestServer,
} from "./test-support";
import { pdf, upload } from "./documents/test-files";

let server: TestServer;
let staff: Session;
let reviewer: Session;

beforeAll(async () => {
  server = await startServer();
  staff = await signIn(server.app, STAFF_A);
  reviewer = await signIn(server.app, REVIEWER);
});
afterAll(() => server.close());

async function attach(items: string, amends?: string): Promise<void> {
  const { body, contentType } = upload([{ name: `${items}.pdf`, data: await pdf({ text: items }) }], items);
  const url = `/api/draft/documents${amends === undefined ? "" : `?amends=${amends}`}`;
  const res = await call<DocumentsAnswer>(server.app, staff, "POST", url, undefined, { raw: body, contentType });
  expect(res.status, res.text).toBe(201);
}

const discard = async () => expect((await call(server.app, staff, "DELETE", "/api/draft")).status).toBe(204);
const draftDocuments = async () =>
  (await call<DocumentsAnswer>(server.app, staff, "GET", "/api/draft/documents")).body.documents;

/** The required items of a submission's document, in checklist order. */
function required(document: ReturnType<typeof submission>["document"]): string[] {
  return documentationChecklist(document, evaluate(document))
    .filter((item) => item.required)
    .map((item) => item.id);
}

describe("submitting with required documents missing", () => {
  it("refuses a confirmation that is not what is missing (409, naming them), files nothing, and stores the confirmed list", async () => {
    await discard();
    await attach("diagnosis-factor-ix,liver-panel");
    const body = submission();
    const missing = required(body.document).filter((id) => id !== "diagnosis-factor-ix" && id !== "liver-panel");
    expect(missing.length).toBeGreaterThan(3);

    // Nothing confirmed although documents are missing.
    const none = await call<MissingDocumentsConflict>(server.app, staff, "POST", "/api/requests", {
      ...body,
      confirmedMissingDocuments: [],
    });
    expect(none.status).toBe(409);
    expect(none.body.missingDocuments.map((item) => item.id)).toEqual(missing);
    expect(none.body.error).toMatch(
      /^Required documents are missing: .*Hepatic ultrasound report \(liver-ultrasound\)/,
    );
    // One too few, and one that is attached.
    for (const wrong of [missing.slice(1), [...missing, "liver-panel"]]) {
      const res = await call(server.app, staff, "POST", "/api/requests", { ...body, confirmedMissingDocuments: wrong });
      expect(res.status).toBe(409);
    }
    expect(
      Number(
        server.db.prepare("SELECT COUNT(*) AS n FROM requests WHERE idempotency_key = ?").get(body.idempotencyKey)?.n,
      ),
    ).toBe(0);
    expect(await draftDocuments()).toHaveLength(1);

    // Exactly what is missing, in any order: filed, and the list is kept with version 1.
    const filed = await call<{ reference: string }>(server.app, staff, "POST", "/api/requests", {
      ...body,
      confirmedMissingDocuments: [...missing].reverse(),
    });
    expect(filed.status, filed.text).toBe(201);
    const detail = await call<RequestDetail>(server.app, reviewer, "GET", `/api/requests/${filed.body.reference}`);
    const [version] = detail.body.versions;
    expect(version?.missingDocuments?.map((item) => item.id)).toEqual(missing);
    expect(version?.missingDocuments?.[0]?.title).toMatch(/\w/);
  });

  it("a retry of a filing whose answer was lost gets the first filing (200), though its documents have moved to it", async () => {
    await discard();
    await attach("diagnosis-factor-ix,liver-panel");
    const body = submission();
    const missing = required(body.document).filter((id) => id !== "diagnosis-factor-ix" && id !== "liver-panel");
    const first = await call<SubmitAnswer>(server.app, staff, "POST", "/api/requests", {
      ...body,
      confirmedMissingDocuments: missing,
    });
    expect(first.status, first.text).toBe(201);
    expect(await draftDocuments()).toEqual([]);
    const again = await call<SubmitAnswer>(server.app, staff, "POST", "/api/requests", {
      ...body,
      confirmedMissingDocuments: missing,
    });
    expect(again.status, again.text).toBe(200);
    expect(again.body).toEqual(first.body);
    // A new key with the same stale confirmation is still refused: nothing is attached any more.
    const fresh = await call<MissingDocumentsConflict>(server.app, staff, "POST", "/api/requests", {
      ...submission(),
      confirmedMissingDocuments: missing,
    });
    expect(fresh.status).toBe(409);
    expect(fresh.body.missingDocuments.map((item) => item.id)).toEqual(required(body.document));
  });

  it("with everything attached, an empty confirmation files and records that nothing was missing", async () => {
    await discard();
    const body = submission();
    await attach(required(body.document).join(","));
    const filed = await call<{ reference: string }>(server.app, staff, "POST", "/api/requests", {
      ...body,
      confirmedMissingDocuments: [],
    });
    expect(filed.status, filed.text).toBe(201);
    const detail = await call<RequestDetail>(server.app, staff, "GET", `/api/requests/${filed.body.reference}`);
    expect(detail.body.versions[0]?.missingDocuments).toEqual([]);
  });

  it("a submit that states no confirmation (an API client from before #11) is not checked, and records nothing", async () => {
    await discard();
    const filed = await call<{ reference: string }>(server.app, staff, "POST", "/api/requests", submission());
    expect(filed.status).toBe(201);
    const detail = await call<RequestDetail>(server.app, staff, "GET", `/api/requests/${filed.body.reference}`);
    expect(detail.body.versions[0]).not.toHaveProperty("missingDocuments");
  });

  it("an amendment counts the request's filed documents and its own; a wrong confirmation is refused", async () => {
    await discard();
    const body = submission();
    const all = required(body.document);
    await attach("diagnosis-factor-ix");
    const filed = await call<{ reference: string }>(server.app, staff, "POST", "/api/requests", {
      ...body,
      confirmedMissingDocuments: all.filter((id) => id !== "diagnosis-factor-ix"),
    });
    expect(filed.status, filed.text).toBe(201);
    const { reference } = filed.body;
    const sentBack = await call(server.app, reviewer, "POST", `/api/requests/${reference}/decision`, {
      kind: "request_info",
      message: "Please attach the liver panel.",
      expectedRowVersion: await rowVersionOf(server.app, reviewer, reference),
    });
    expect(sentBack.status, sentBack.text).toBe(200);
    await attach("liver-panel", reference);
    const stillMissing = all.filter((id) => id !== "diagnosis-factor-ix" && id !== "liver-panel");
    const expectedRowVersion = await rowVersionOf(server.app, staff, reference);
    const wrong = await call<MissingDocumentsConflict>(
      server.app,
      staff,
      "POST",
      `/api/requests/${reference}/versions`,
      {
        document: body.document,
        expectedRowVersion,
        confirmedMissingDocuments: [...stillMissing, "liver-panel"],
      },
    );
    expect(wrong.status).toBe(409);
    expect(wrong.body.missingDocuments.map((item) => item.id)).toEqual(stillMissing);
    const amended = await call(server.app, staff, "POST", `/api/requests/${reference}/versions`, {
      document: body.document,
      expectedRowVersion,
      confirmedMissingDocuments: stillMissing,
    });
    expect(amended.status, amended.text).toBe(200);
    const detail = await call<RequestDetail>(server.app, staff, "GET", `/api/requests/${reference}`);
    expect(detail.body.versions.map((v) => v.missingDocuments?.length)).toEqual([all.length - 1, stillMissing.length]);
  });
});

describe("a draft that ends takes only its own documents", () => {
  it("filing an amendment leaves the new request's draft documents; discarding the new request's leaves an amendment's", async () => {
    await discard();
    const filed = await call<{ reference: string }>(server.app, staff, "POST", "/api/requests", submission());
    const { reference } = filed.body;
    await call(server.app, reviewer, "POST", `/api/requests/${reference}/decision`, {
      kind: "request_info",
      message: "More, please.",
      expectedRowVersion: await rowVersionOf(server.app, reviewer, reference),
    });
    const rowVersion = await rowVersionOf(server.app, staff, reference);
    // A new request's document, then the amendment's draft (which replaces the draft row) and its document.
    await attach("weight");
    const put = await call(server.app, staff, "PUT", "/api/draft", { draft: {}, amends: { reference, rowVersion } });
    expect(put.status, put.text).toBe(204);
    await attach("liver-panel", reference);
    const amended = await call(server.app, staff, "POST", `/api/requests/${reference}/versions`, {
      document: submission().document,
      expectedRowVersion: rowVersion,
    });
    expect(amended.status, amended.text).toBe(200);
    // The amendment's draft ended (its row deleted by the filing); the new request's document stays.
    expect((await draftDocuments()).map((d) => [d.amends, d.items])).toEqual([[null, ["weight"]]]);

    // The other way: an amendment's document outlives the discarding of a new request's draft.
    const second = await call<{ reference: string }>(server.app, staff, "POST", "/api/requests", submission());
    await call(server.app, reviewer, "POST", `/api/requests/${second.body.reference}/decision`, {
      kind: "request_info",
      message: "More, please.",
      expectedRowVersion: await rowVersionOf(server.app, reviewer, second.body.reference),
    });
    await attach("exposure-days", second.body.reference);
    await call(server.app, staff, "PUT", "/api/draft", { draft: {}, amends: null });
    await attach("weight");
    await discard();
    expect((await draftDocuments()).map((d) => [d.amends, d.items])).toEqual([
      [second.body.reference, ["exposure-days"]],
    ]);
  });
});
