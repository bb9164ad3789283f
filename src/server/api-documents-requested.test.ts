// @vitest-environment node
/**
 * "Request more information" naming the documents to add (#11, the reviewer): through the real app
 * on a real SQLite file. The ids are checklist items of that request, stored with the decision with
 * their titles, and read back by the practice; anything else is refused naming `documents`, and
 * nothing is recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RequestDetail, RequestDocumentsAnswer } from "@/contract";
import {
  REVIEWER,
  STAFF_A,
  STAFF_B,
  call,
  rowVersionOf,
  signIn,
  startServer,
  submit,
  type Session,
  type TestServer,
} from "./test-support";

let server: TestServer;
let staff: Session;
let otherStaff: Session;
let reviewer: Session;

beforeAll(async () => {
  server = await startServer();
  staff = await signIn(server.app, STAFF_A);
  otherStaff = await signIn(server.app, STAFF_B);
  reviewer = await signIn(server.app, REVIEWER);
});
afterAll(() => server.close());

async function decide(reference: string, body: Record<string, unknown>) {
  return call<{ errors?: { path: string; message: string }[]; error?: string }>(
    server.app,
    reviewer,
    "POST",
    `/api/requests/${reference}/decision`,
    { expectedRowVersion: await rowVersionOf(server.app, reviewer, reference), ...body },
  );
}

const detailAs = (who: Session, reference: string) =>
  call<RequestDetail>(server.app, who, "GET", `/api/requests/${reference}`);

describe("a request for more information naming documents", () => {
  it("stores the ticked checklist items with their titles, in checklist order, and the practice reads them", async () => {
    const reference = await submit(server.app, staff);
    const res = await decide(reference, {
      kind: "request_info",
      message: "The ultrasound is missing and the liver panel is unreadable.",
      documents: ["liver-ultrasound", "liver-panel", "liver-ultrasound"],
    });
    expect(res.status, res.text).toBe(200);

    const { body: checklist } = await call<RequestDocumentsAnswer>(
      server.app,
      staff,
      "GET",
      `/api/requests/${reference}/documents`,
    );
    const titleOf = (id: string) => checklist.checklist.find((item) => item.id === id)?.title;
    const seen = await detailAs(staff, reference);
    expect(seen.status).toBe(200);
    expect(seen.body.status).toBe("more_info_requested");
    expect(seen.body.decisions.at(-1)).toMatchObject({
      kind: "request_info",
      documentsRequested: [
        { id: "liver-panel", title: titleOf("liver-panel") },
        { id: "liver-ultrasound", title: titleOf("liver-ultrasound") },
      ],
    });
    expect(titleOf("liver-panel")).toMatch(/Liver panel/);
    // The reviewer's page reads the same.
    expect((await detailAs(reviewer, reference)).body.decisions.at(-1)?.documentsRequested).toHaveLength(2);
  });

  it("names none when none is ticked (the message alone)", async () => {
    const reference = await submit(server.app, staff);
    expect((await decide(reference, { kind: "request_info", message: "Call us." })).status).toBe(200);
    expect((await detailAs(staff, reference)).body.decisions.at(-1)?.documentsRequested).toEqual([]);
  });

  it("refuses an id that is not on this request's checklist with 400 naming documents, and records nothing", async () => {
    // One assay entered: its checklist has inhibitor-assay-1 and no second report.
    const reference = await submit(server.app, staff, (doc) => {
      if (doc.inhibitor?.assays !== undefined) doc.inhibitor.assays = doc.inhibitor.assays.slice(0, 1);
    });
    for (const documents of [["inhibitor-assay-7"], ["no-such-item"], ["liver-panel", "hepatologist-attestation"]]) {
      const res = await decide(reference, { kind: "request_info", message: "More.", documents });
      expect(res.status, res.text).toBe(400);
      // An id no checklist holds is refused by the schema (documents.0), one not on this request's by the route.
      expect(res.body.errors?.[0]?.path).toMatch(/^documents(\.\d+)?$/);
      expect(res.body.errors?.[0]?.message).toMatch(/documentation checklist/);
    }
    // Not an id at all: the schema names the field too.
    const malformed = await decide(reference, { kind: "request_info", message: "More.", documents: ["../etc"] });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors?.[0]?.path).toMatch(/^documents/);
    // Only a request for more information names documents.
    const denial = await decide(reference, {
      kind: "deny",
      criteria: [],
      message: "No.",
      documents: ["liver-panel"],
    });
    expect(denial.status).toBe(400);
    const after = await detailAs(reviewer, reference);
    expect(after.body.status).toBe("submitted");
    expect(after.body.decisions).toEqual([]);
  });

  it("is another practice's request: its staff get 404 for it, its decision and its documents", async () => {
    const reference = await submit(server.app, staff);
    expect((await decide(reference, { kind: "request_info", message: "More.", documents: ["weight"] })).status).toBe(
      200,
    );
    expect((await detailAs(otherStaff, reference)).status).toBe(404);
    expect((await call(server.app, otherStaff, "GET", `/api/requests/${reference}/documents`)).status).toBe(404);
    // Staff never decide, their own practice's or another's.
    const byStaff = await call(server.app, otherStaff, "POST", `/api/requests/${reference}/decision`, {
      kind: "request_info",
      documents: ["weight"],
      expectedRowVersion: 1,
    });
    expect([403, 404]).toContain(byStaff.status);
  });
});
