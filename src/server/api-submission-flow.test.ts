// @vitest-environment node
/**
 * Nothing filed by default, nothing filed twice, through the API on a real SQLite file: a submit
 * must say standard or expedited; filing ends the submitter's server draft in the same transaction
 * (and an amendment ends its own draft); a second request for a member with an open one is
 * answered 409 naming it until the person confirms; a retried key still answers the first filing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Evaluation, RequestDocument } from "@/criteria";
import type { DraftAnswer, OpenRequestConflict, SubmitAnswer } from "@/contract";
import { evaluate } from "@/criteria";
import { eligible } from "@fixtures";
import {
  Clock,
  REVIEWER,
  STAFF_A,
  STAFF_B,
  call,
  newKey,
  rowVersionOf,
  signIn,
  startServer,
  submission,
  type Session,
  type TestServer,
} from "./test-support";

let server: TestServer;
const clock = new Clock();
let staffA: Session;
let staffB: Session;
let reviewer: Session;

beforeAll(async () => {
  server = await startServer({ now: clock.now });
  [staffA, staffB, reviewer] = await Promise.all([
    signIn(server.app, STAFF_A),
    signIn(server.app, STAFF_B),
    signIn(server.app, REVIEWER),
  ]);
});
afterAll(async () => {
  await server.close();
});

const forMember = (memberId: string) => (d: RequestDocument) => {
  if (d.member !== undefined) d.member.memberId = memberId;
};

const putDraft = (who: Session, body: Record<string, unknown>) => call(server.app, who, "PUT", "/api/draft", body);
const getDraft = (who: Session) => call<DraftAnswer | undefined>(server.app, who, "GET", "/api/draft");

describe("standard or expedited is the person's choice", () => {
  it("a submit without `expedited` is refused with 400 naming it, and nothing is filed", async () => {
    const { expedited: _left, ...body } = submission();
    const before = server.fingerprint();
    const res = await call<{ errors: { path: string; message: string }[] }>(
      server.app,
      staffA,
      "POST",
      "/api/requests",
      body,
    );
    expect(res.status).toBe(400);
    const named = res.body.errors.filter((e) => e.path === "expedited");
    expect(named).toHaveLength(1);
    expect(named[0]?.message).toBe(
      "expedited is required: true for an expedited request (a decision within 72 hours) or false for a standard one (7 days); there is no default",
    );
    expect(server.fingerprint()).toBe(before);
  });

  it("the answer says which was filed and when a decision is due: 72 hours expedited, 7 days standard", async () => {
    clock.set("2026-12-01T14:30:00.000Z");
    const expedited = await call<SubmitAnswer>(
      server.app,
      staffA,
      "POST",
      "/api/requests",
      submission(undefined, { expedited: true }),
    );
    const standard = await call<SubmitAnswer>(
      server.app,
      staffA,
      "POST",
      "/api/requests",
      submission(undefined, { expedited: false }),
    );
    clock.real();
    expect(expedited.status).toBe(201);
    expect(expedited.body).toMatchObject({ expedited: true, dueAt: "2026-12-04T14:30:00.000Z" });
    expect(standard.status).toBe(201);
    expect(standard.body).toMatchObject({ expedited: false, dueAt: "2026-12-08T14:30:00.000Z" });
  });
});

describe("filing ends the server draft", () => {
  it("a filed request's draft is gone, in the same transaction as the filing", async () => {
    expect((await putDraft(staffA, { draft: { member: { firstName: "Ada" } }, stamp: "browser-one-1" })).status).toBe(
      204,
    );
    expect((await getDraft(staffA)).body).toMatchObject({ stamp: "browser-one-1", amends: null });
    const res = await call<SubmitAnswer>(server.app, staffA, "POST", "/api/requests", submission());
    expect(res.status).toBe(201);
    // Another computer asks for the draft: there is none to resume and file again.
    expect((await getDraft(staffA)).status).toBe(204);
    expect(server.count("drafts", "user_id = (SELECT id FROM users WHERE email = ?)", STAFF_A)).toBe(0);
  });

  it("a filing that fails keeps the draft (one transaction: both or neither)", async () => {
    await putDraft(staffA, { draft: { member: { firstName: "Ada" } }, stamp: "browser-one-2" });
    const users = server.db.prepare("SELECT id, practice_id FROM users WHERE email = ?").get(STAFF_A);
    const document = eligible(forMember("ROLLBACK-1"));
    const unwritable = { ...evaluate(document), broken: 10n } as unknown as Evaluation;
    const before = server.count("requests");
    await expect(
      server.store.submit({
        practiceId: Number(users?.practice_id),
        userId: Number(users?.id),
        idempotencyKey: newKey("rollback"),
        expedited: false,
        document,
        evaluation: unwritable,
        now: new Date(),
        dueAt: new Date(),
        acknowledgedOpen: null,
      }),
    ).rejects.toThrow();
    expect(server.count("requests")).toBe(before);
    expect((await getDraft(staffA)).body).toMatchObject({ stamp: "browser-one-2" });
  });

  it("an amendment ends the draft of that amendment, and only that", async () => {
    const filed = await call<SubmitAnswer>(
      server.app,
      staffA,
      "POST",
      "/api/requests",
      submission(forMember("AMEND-1")),
    );
    const reference = filed.body.reference;
    const asked = await call(server.app, reviewer, "POST", `/api/requests/${reference}/decision`, {
      kind: "request_info",
      message: "Please attach the ultrasound report.",
      expectedRowVersion: 1,
    });
    expect(asked.status).toBe(200);
    const rowVersion = await rowVersionOf(server.app, staffA, reference);

    // A draft of a new request is not this amendment's: amending leaves it.
    await putDraft(staffA, { draft: { member: { firstName: "New" } }, stamp: "new-request-1", amends: null });
    const amendOnce = await call(server.app, staffA, "POST", `/api/requests/${reference}/versions`, {
      document: eligible(forMember("AMEND-1")),
      expectedRowVersion: rowVersion,
    });
    expect(amendOnce.status).toBe(200);
    expect((await getDraft(staffA)).body).toMatchObject({ stamp: "new-request-1" });

    // Sent back again; this time the server draft is the amendment itself.
    const again = await call(server.app, reviewer, "POST", `/api/requests/${reference}/decision`, {
      kind: "request_info",
      message: "And the elastography report.",
      expectedRowVersion: await rowVersionOf(server.app, reviewer, reference),
    });
    expect(again.status).toBe(200);
    const latest = await rowVersionOf(server.app, staffA, reference);
    await putDraft(staffA, {
      draft: { member: { firstName: "Ada" } },
      stamp: "amendment-1",
      amends: { reference, rowVersion: latest },
    });
    expect((await getDraft(staffA)).body).toMatchObject({ amends: { reference, rowVersion: latest } });
    const amendTwice = await call(server.app, staffA, "POST", `/api/requests/${reference}/versions`, {
      document: eligible(forMember("AMEND-1")),
      expectedRowVersion: latest,
    });
    expect(amendTwice.status).toBe(200);
    expect((await getDraft(staffA)).status).toBe(204);
  });

  it("ending a draft needs the staff member's own session and its CSRF token", async () => {
    await putDraft(staffB, { draft: { a: 1 }, stamp: "csrf-probe-1" });
    expect((await call(server.app, staffB, "DELETE", "/api/draft", undefined, { csrf: null })).status).toBe(403);
    expect((await call(server.app, reviewer, "DELETE", "/api/draft")).status).toBe(403);
    expect((await call(server.app, undefined, "DELETE", "/api/draft")).status).toBe(401);
    expect((await getDraft(staffB)).body).toMatchObject({ stamp: "csrf-probe-1" });
  });

  it("a draft can be ended by the person (discard), and a bad stamp or amendment is a 400 naming it", async () => {
    await putDraft(staffB, { draft: { a: 1 } });
    expect((await getDraft(staffB)).body?.stamp).toMatch(/^[A-Za-z0-9_-]{8,}$/);
    expect((await call(server.app, staffB, "DELETE", "/api/draft")).status).toBe(204);
    expect((await getDraft(staffB)).status).toBe(204);
    const bad = await call<{ errors: { path: string }[] }>(server.app, staffB, "PUT", "/api/draft", {
      draft: { a: 1 },
      stamp: "no",
      amends: { reference: "U1234567", rowVersion: 1 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.path).sort()).toEqual(["amends.reference", "stamp"]);
    expect((await getDraft(staffB)).status).toBe(204);
  });
});

describe("a second request for a member with an open one", () => {
  it("is answered 409 naming the open request, files nothing, and files once confirmed", async () => {
    clock.set("2026-12-01T09:00:00.000Z");
    const first = await call<SubmitAnswer>(server.app, staffA, "POST", "/api/requests", submission(forMember("DUP-1")));
    clock.real();
    expect(first.status).toBe(201);

    await putDraft(staffA, { draft: { member: { firstName: "Ada" } }, stamp: "second-try-1" });
    const second = submission(forMember("DUP-1"));
    const before = server.fingerprint();
    const warned = await call<OpenRequestConflict>(server.app, staffA, "POST", "/api/requests", second);
    expect(warned.status).toBe(409);
    expect(warned.body.openRequest).toEqual({
      reference: first.body.reference,
      receivedAt: "2026-12-01T09:00:00.000Z",
    });
    expect(warned.body.error).toContain(first.body.reference);
    expect(warned.text).not.toContain("DUP-1");
    // Nothing filed and the draft kept: the person has not decided yet.
    expect(server.fingerprint()).toBe(before);

    // The same member ID typed in other capitals or with a space is the same member.
    const typedOtherwise = await call(server.app, staffA, "POST", "/api/requests", submission(forMember(" dup-1")));
    expect(typedOtherwise.status).toBe(409);

    // Acknowledging something else is no acknowledgement.
    const wrong = await call(server.app, staffA, "POST", "/api/requests", {
      ...second,
      confirmDuplicateOf: "HGX-AAAA-AAAA",
    });
    expect(wrong.status).toBe(409);

    const confirmed = await call<SubmitAnswer>(server.app, staffA, "POST", "/api/requests", {
      ...second,
      confirmDuplicateOf: first.body.reference,
    });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.reference).not.toBe(first.body.reference);
    expect((await getDraft(staffA)).status).toBe(204);

    // A third: the newest open one (the second) is named, and the first's acknowledgement no longer covers it.
    const third = submission(forMember("DUP-1"));
    const stale = await call<OpenRequestConflict>(server.app, staffA, "POST", "/api/requests", {
      ...third,
      confirmDuplicateOf: first.body.reference,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.openRequest.reference).toBe(confirmed.body.reference);
  });

  it("a retry with the same key answers the first filing, not the warning", async () => {
    const body = submission(forMember("DUP-2"));
    const first = await call<SubmitAnswer>(server.app, staffA, "POST", "/api/requests", body);
    const retry = await call<SubmitAnswer>(server.app, staffA, "POST", "/api/requests", body);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);

    // The same for a confirmed duplicate retried (its acknowledgement and all).
    const second = { ...submission(forMember("DUP-2")), confirmDuplicateOf: first.body.reference };
    const filed = await call<SubmitAnswer>(server.app, staffA, "POST", "/api/requests", second);
    const filedAgain = await call<SubmitAnswer>(server.app, staffA, "POST", "/api/requests", second);
    expect([filed.status, filedAgain.status]).toEqual([201, 200]);
    expect(filedAgain.body.reference).toBe(filed.body.reference);
  });

  it("does not warn for another practice's request, nor for a decided one", async () => {
    const inA = await call<SubmitAnswer>(server.app, staffA, "POST", "/api/requests", submission(forMember("DUP-3")));
    expect(inA.status).toBe(201);
    const inB = await call(server.app, staffB, "POST", "/api/requests", submission(forMember("DUP-3")));
    expect(inB.status).toBe(201);

    const approve = await call(server.app, reviewer, "POST", `/api/requests/${inA.body.reference}/decision`, {
      kind: "approve",
      expectedRowVersion: 1,
    });
    expect(approve.status).toBe(200);
    const after = await call(server.app, staffA, "POST", "/api/requests", submission(forMember("DUP-3")));
    expect(after.status).toBe(201);
  });

  it("two computers filing for one member at once: one is filed, the other warned", async () => {
    const answers = await Promise.all(
      [1, 2].map(() => call<SubmitAnswer>(server.app, staffA, "POST", "/api/requests", submission(forMember("DUP-4")))),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
  });
});
