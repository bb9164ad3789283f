// @vitest-environment node
/**
 * Submissions and review through the API, on a real SQLite file: the whole review flow, idempotent
 * submits, optimistic concurrency between two reviewers, practice scoping, the re-run evaluation,
 * the audit trail, and the queue (filters, search, sort, pagination, overdue).
 */
import { DatabaseSync } from "node:sqlite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluate, type RequestDocument } from "@/criteria";
import { type AuditRecord, type RequestDetail, type RequestPage, type RequestSummaryRow } from "@/contract";
import { document, eligible } from "@fixtures";
import { hashPassword } from "./auth/passwords";
import {
  ADMIN,
  Clock,
  REVIEWER,
  STAFF_A,
  STAFF_B,
  call,
  newKey,
  signIn,
  startServer,
  submission,
  submit,
  type Session,
  type TestServer,
} from "./test-support";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

let server: TestServer;
const clock = new Clock();
let staffA: Session;
let staffB: Session;
let reviewer: Session;
let reviewer2: Session;
let admin: Session;

beforeAll(async () => {
  server = await startServer({ now: clock.now });
  const { app, store } = server;
  await store.createUser(
    {
      email: "second-reviewer@demo.test",
      name: "Dr. Second Reviewer",
      role: "reviewer",
      practiceId: null,
      passwordHash: await hashPassword("second-pass"),
    },
    clock.now(),
  );
  [staffA, staffB, reviewer, reviewer2, admin] = await Promise.all([
    signIn(app, STAFF_A),
    signIn(app, STAFF_B),
    signIn(app, REVIEWER),
    signIn(app, "second-reviewer@demo.test", "second-pass"),
    signIn(app, ADMIN),
  ]);
});
afterAll(async () => {
  await server.close();
});

const detailOf = async (who: Session, reference: string) => {
  const res = await call<RequestDetail>(server.app, who, "GET", `/api/requests/${reference}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
};

describe("the review flow", () => {
  it("submit → start review → request info → amend (new version) → approve for 3 months → staff see it approved", async () => {
    const { app } = server;
    clock.set("2026-11-27T14:00:00.000Z");
    const submitted = await call<{ reference: string }>(
      app,
      staffA,
      "POST",
      "/api/requests",
      submission((d) => d.member && (d.member.memberId = "FLOW-0001")),
    );
    expect(submitted.status).toBe(201);
    const { reference } = submitted.body;
    expect(reference).toMatch(/^HGX-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);

    let seen = await detailOf(staffA, reference);
    expect(seen).toMatchObject({
      reference,
      status: "submitted",
      version: 1,
      rowVersion: 1,
      memberId: "FLOW-0001",
      memberName: "Ada Example",
      outcome: "meets_criteria",
      expedited: false,
    });
    expect(seen.receivedAt).toBe("2026-11-27T14:00:00.000Z");
    expect(seen.dueAt).toBe("2026-12-04T14:00:00.000Z");
    expect(seen.practiceName).toBe(staffA.user.practiceName);

    clock.set("2026-11-28T09:00:00.000Z");
    const started = await call<{ rowVersion: number }>(
      app,
      reviewer,
      "POST",
      `/api/requests/${reference}/start-review`,
      { expectedRowVersion: 1 },
    );
    expect(started.status, started.text).toBe(200);
    expect(started.body.rowVersion).toBe(2);
    expect((await detailOf(staffA, reference)).status).toBe("in_review");
    // Starting again is refused: it is no longer "submitted".
    expect(
      (await call(app, reviewer, "POST", `/api/requests/${reference}/start-review`, { expectedRowVersion: 2 })).status,
    ).toBe(409);

    const message = "Please send the October liver ultrasound report.";
    const asked = await call<{ rowVersion: number; status: string }>(
      app,
      reviewer,
      "POST",
      `/api/requests/${reference}/decision`,
      {
        kind: "request_info",
        message: `  ${message}  `,
        expectedRowVersion: 2,
      },
    );
    expect(asked.status, asked.text).toBe(200);
    expect(asked.body).toEqual({ rowVersion: 3, status: "more_info_requested" });
    seen = await detailOf(staffA, reference);
    expect(seen.status).toBe("more_info_requested");
    expect(seen.decisions).toEqual([
      {
        kind: "request_info",
        criteria: [],
        message,
        documentsRequested: [],
        decidedBy: "Dr. Rita Reviewer",
        decidedAt: "2026-11-28T09:00:00.000Z",
        version: 1,
        authorizedFrom: null,
        authorizedThrough: null,
      },
    ]);

    // A reviewer cannot decide while the practice is asked for more information.
    expect(
      (
        await call(app, reviewer, "POST", `/api/requests/${reference}/decision`, {
          kind: "approve",
          expectedRowVersion: 3,
        })
      ).status,
    ).toBe(409);

    clock.set("2026-11-30T10:00:00.000Z");
    const amendedDocument = eligible((d) => {
      d.requestDate = "2026-11-30";
      if (d.member) {
        d.member.memberId = "FLOW-0001";
        d.member.weight = { value: 82, unit: "kg" };
      }
    });
    const amended = await call<{ reference: string; rowVersion: number }>(
      app,
      staffA,
      "POST",
      `/api/requests/${reference.toLowerCase()}/versions`,
      {
        document: amendedDocument,
        expectedRowVersion: 3,
      },
    );
    expect(amended.status, amended.text).toBe(200);
    expect(amended.body).toEqual({ reference, rowVersion: 4 });
    seen = await detailOf(reviewer, reference);
    expect(seen).toMatchObject({ status: "submitted", version: 2, rowVersion: 4 });
    expect(seen.document).toEqual(amendedDocument);
    expect(seen.evaluation.dose?.weightKg).toBe(82);
    expect(seen.versions).toEqual([
      { version: 1, submittedAt: "2026-11-27T14:00:00.000Z", submittedBy: "Sam Staff", outcome: "meets_criteria" },
      { version: 2, submittedAt: "2026-11-30T10:00:00.000Z", submittedBy: "Sam Staff", outcome: "meets_criteria" },
    ]);
    // Version 1 is kept as it was.
    const stored = server.db
      .prepare(
        "SELECT v.version, v.document FROM request_versions v JOIN requests r ON r.id = v.request_id WHERE r.reference = ? ORDER BY v.version",
      )
      .all(reference)
      .map((row) => [row.version, JSON.parse(String(row.document)) as RequestDocument]);
    expect(stored).toEqual([
      [1, eligible((d) => d.member && (d.member.memberId = "FLOW-0001"))],
      [2, amendedDocument],
    ]);
    // Amending again is refused: no more information was asked for.
    const again = await call(app, staffA, "POST", `/api/requests/${reference}/versions`, {
      document: amendedDocument,
      expectedRowVersion: 4,
    });
    expect(again.status).toBe(409);
    expect(
      server.count("request_versions", "request_id = (SELECT id FROM requests WHERE reference = ?)", reference),
    ).toBe(2);

    clock.set("2026-12-01T15:30:00.000Z");
    const approved = await call<{ rowVersion: number; status: string }>(
      app,
      reviewer,
      "POST",
      `/api/requests/${reference}/decision`,
      {
        kind: "approve",
        // Criteria are for denials; an approval records none.
        criteria: ["I.A.3"],
        expectedRowVersion: 4,
      },
    );
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body).toEqual({ rowVersion: 5, status: "approved" });

    seen = await detailOf(staffA, reference);
    expect(seen.status).toBe("approved");
    expect(seen.overdue).toBe(false);
    expect(seen.decisions).toHaveLength(2);
    expect(seen.decisions[1]).toEqual({
      kind: "approve",
      criteria: [],
      documentsRequested: [],
      message: "",
      decidedBy: "Dr. Rita Reviewer",
      decidedAt: "2026-12-01T15:30:00.000Z",
      version: 2,
      // Three months from the decision date, the last day included.
      authorizedFrom: "2026-12-01",
      authorizedThrough: "2027-02-28",
    });
    // Decided requests take no more decisions.
    expect(
      (
        await call(app, reviewer, "POST", `/api/requests/${reference}/decision`, {
          kind: "deny",
          criteria: ["I.A.1"],
          message: "x",
          expectedRowVersion: 5,
        })
      ).status,
    ).toBe(409);
    const list = await call<RequestPage>(app, staffA, "GET", "/api/requests?status=approved");
    expect(list.body.items.map((i) => i.reference)).toContain(reference);
    clock.real();
  });

  it("authorizes from the decision date through the day before the same date three months later", async () => {
    const { app } = server;
    for (const [at, from, through] of [
      ["2026-01-15T08:00:00.000Z", "2026-01-15", "2026-04-14"],
      ["2027-03-01T23:59:00.000Z", "2027-03-01", "2027-05-31"],
    ] as const) {
      clock.set(at);
      // Sessions follow the server's clock too: at a moment months away, each signs in then.
      const [staffThen, reviewerThen, adminThen] = await Promise.all([
        signIn(app, STAFF_A),
        signIn(app, REVIEWER),
        signIn(app, ADMIN),
      ]);
      const reference = await submit(app, staffThen);
      const res = await call(app, reviewerThen, "POST", `/api/requests/${reference}/decision`, {
        kind: "approve",
        expectedRowVersion: 1,
      });
      expect(res.status).toBe(200);
      const [decision] = (await detailOf(adminThen, reference)).decisions;
      expect(decision).toMatchObject({ kind: "approve", authorizedFrom: from, authorizedThrough: through });
    }
    clock.real();
  });

  it("a denial must cite at least one criterion and give reasons; with them the request is denied", async () => {
    const { app } = server;
    const reference = await submit(app, staffA, (d) => d.member && (d.member.dateOfBirth = "2010-01-01"));
    const url = `/api/requests/${reference}/decision`;
    for (const body of [
      { kind: "deny", message: "Under 18.", expectedRowVersion: 1 },
      { kind: "deny", criteria: [], message: "Under 18.", expectedRowVersion: 1 },
      { kind: "deny", criteria: ["I.A.3"], expectedRowVersion: 1 },
      { kind: "deny", criteria: ["I.A.3"], message: "   ", expectedRowVersion: 1 },
      { kind: "deny", criteria: ["I.A.99"], message: "Under 18.", expectedRowVersion: 1 },
      { kind: "request_info", expectedRowVersion: 1 },
      { kind: "request_info", message: "", expectedRowVersion: 1 },
      { kind: "revoke", expectedRowVersion: 1 },
      { kind: "approve", expectedRowVersion: 0 },
      { kind: "approve" },
    ]) {
      const before = server.fingerprint();
      const res = await call<{ errors?: unknown; error?: unknown }>(app, reviewer, "POST", url, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors ?? res.body.error).toBeTruthy();
      expect(server.fingerprint(), JSON.stringify(body)).toBe(before);
    }
    expect((await detailOf(reviewer, reference)).status).toBe("submitted");

    const denied = await call(app, reviewer, "POST", url, {
      kind: "deny",
      criteria: ["I.A.3"],
      message: "The member is under 18.",
      expectedRowVersion: 1,
    });
    expect(denied.status, denied.text).toBe(200);
    expect(denied.body).toEqual({ rowVersion: 2, status: "denied" });
    const seen = await detailOf(staffA, reference);
    expect(seen.status).toBe("denied");
    expect(seen.decisions).toEqual([
      expect.objectContaining({
        kind: "deny",
        criteria: ["I.A.3"],
        message: "The member is under 18.",
        authorizedFrom: null,
        authorizedThrough: null,
      }),
    ]);
  });
});

describe("idempotent submits", () => {
  it("the same submit twice with the same key stores one request; the second answer is 200 with the same reference", async () => {
    const { app } = server;
    const body = submission();
    const before = server.count("requests");
    const first = await call<{ reference: string }>(app, staffA, "POST", "/api/requests", body);
    const second = await call<{ reference: string }>(app, staffA, "POST", "/api/requests", body);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.reference).toBe(first.body.reference);
    expect(server.count("requests")).toBe(before + 1);
    expect(
      server.count(
        "request_versions",
        "request_id = (SELECT id FROM requests WHERE reference = ?)",
        first.body.reference,
      ),
    ).toBe(1);
    // Even with a changed document, a retried key never makes a second request.
    const changed = await call<{ reference: string }>(app, staffA, "POST", "/api/requests", {
      ...body,
      document: eligible((d) => (d.exposureDays = 999)),
    });
    expect(changed.status).toBe(200);
    expect(changed.body.reference).toBe(first.body.reference);
    expect(server.count("requests")).toBe(before + 1);
  });

  it("retries racing each other still store one request", async () => {
    const { app } = server;
    const body = submission();
    const before = server.count("requests");
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => call<{ reference: string }>(app, staffA, "POST", "/api/requests", body)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.reference)).size).toBe(1);
    expect(server.count("requests")).toBe(before + 1);
  });

  it("a key is one user's: another staff member's same key is a separate request", async () => {
    const { app } = server;
    const key = newKey("shared");
    const a = await call<{ reference: string }>(app, staffA, "POST", "/api/requests", submission(undefined, { key }));
    const b = await call<{ reference: string }>(app, staffB, "POST", "/api/requests", submission(undefined, { key }));
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.reference).not.toBe(b.body.reference);
  });
});

describe("two reviewers at once", () => {
  it("deciding with the same expectedRowVersion: the second gets 409 and the first decision stands", async () => {
    const { app } = server;
    const reference = await submit(app, staffA);
    const url = `/api/requests/${reference}/decision`;
    const first = await call(app, reviewer, "POST", url, { kind: "approve", expectedRowVersion: 1 });
    const second = await call<{ error: string }>(app, reviewer2, "POST", url, {
      kind: "deny",
      criteria: ["I.A.9"],
      message: "No.",
      expectedRowVersion: 1,
    });
    expect(first.status).toBe(200);
    expect(second.status).toBe(409);
    expect(second.body.error).toMatch(/approved/);
    const seen = await detailOf(reviewer2, reference);
    expect(seen.status).toBe("approved");
    expect(seen.decisions.map((d) => [d.kind, d.decidedBy])).toEqual([["approve", "Dr. Rita Reviewer"]]);
    expect(server.count("decisions", "request_id = (SELECT id FROM requests WHERE reference = ?)", reference)).toBe(1);
  });

  it("sent at the same moment, exactly one decision wins", async () => {
    const { app } = server;
    const reference = await submit(app, staffA);
    const url = `/api/requests/${reference}/decision`;
    const answers = await Promise.all([
      call(app, reviewer, "POST", url, { kind: "request_info", message: "Weight?", expectedRowVersion: 1 }),
      call(app, reviewer2, "POST", url, { kind: "approve", expectedRowVersion: 1 }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(server.count("decisions", "request_id = (SELECT id FROM requests WHERE reference = ?)", reference)).toBe(1);
  });

  it("a stale start-review or amendment is refused with 409 and changes nothing", async () => {
    const { app } = server;
    const reference = await submit(app, staffA);
    expect(
      (await call(app, reviewer, "POST", `/api/requests/${reference}/start-review`, { expectedRowVersion: 1 })).status,
    ).toBe(200);
    let before = server.fingerprint();
    expect(
      (await call(app, reviewer2, "POST", `/api/requests/${reference}/start-review`, { expectedRowVersion: 1 })).status,
    ).toBe(409);
    expect(
      (
        await call(app, reviewer2, "POST", `/api/requests/${reference}/decision`, {
          kind: "approve",
          expectedRowVersion: 1,
        })
      ).status,
    ).toBe(409);
    expect(server.fingerprint()).toBe(before);
    expect(
      (
        await call(app, reviewer, "POST", `/api/requests/${reference}/decision`, {
          kind: "request_info",
          message: "More please.",
          expectedRowVersion: 2,
        })
      ).status,
    ).toBe(200);
    before = server.fingerprint();
    expect(
      (
        await call(app, staffA, "POST", `/api/requests/${reference}/versions`, {
          document: eligible(),
          expectedRowVersion: 2,
        })
      ).status,
    ).toBe(409);
    expect(server.fingerprint()).toBe(before);
  });
});

describe("another practice's request", () => {
  it("is a 404 for a staff member of practice B, for reading and for amending, and stays unchanged", async () => {
    const { app } = server;
    const reference = await submit(app, staffA);
    expect(
      (
        await call(app, reviewer, "POST", `/api/requests/${reference}/decision`, {
          kind: "request_info",
          message: "More.",
          expectedRowVersion: 1,
        })
      ).status,
    ).toBe(200);
    const before = server.fingerprint();
    const read = await call(app, staffB, "GET", `/api/requests/${reference}`);
    const amend = await call(app, staffB, "POST", `/api/requests/${reference}/versions`, {
      document: eligible(),
      expectedRowVersion: 2,
    });
    expect([read.status, amend.status]).toEqual([404, 404]);
    expect(read.text).not.toContain(reference);
    expect(server.fingerprint(), "not even a 'viewed' audit event").toBe(before);
  });
});

describe("the detail re-runs the evaluation", () => {
  it("evaluationChanged is false normally and the evaluation equals the library's", async () => {
    const seen = await detailOf(reviewer, await submit(server.app, staffA));
    expect(seen.evaluationChanged).toBe(false);
    expect(seen.evaluation).toEqual(evaluate(eligible()));
    expect(seen.evaluationAtSubmission).toEqual(seen.evaluation);
  });

  it("evaluationChanged is true when the stored evaluation differs from today's (an older library version)", async () => {
    const reference = await submit(server.app, staffA);
    const writer = new DatabaseSync(server.file);
    try {
      const stale = { ...evaluate(eligible()), outcome: "incomplete" };
      writer
        .prepare(
          "UPDATE request_versions SET evaluation = ? WHERE request_id = (SELECT id FROM requests WHERE reference = ?)",
        )
        .run(JSON.stringify(stale), reference);
    } finally {
      writer.close();
    }
    const seen = await detailOf(reviewer, reference);
    expect(seen.evaluationChanged).toBe(true);
    expect(seen.evaluationAtSubmission.outcome).toBe("incomplete");
    expect(seen.evaluation).toEqual(evaluate(eligible()));
  });

  it("evaluationChanged ignores a reason worded differently, but not a criterion whose status changed", async () => {
    const reworded = await submit(server.app, staffA);
    const restated = await submit(server.app, staffA);
    const writer = new DatabaseSync(server.file);
    try {
      const today = evaluate(eligible());
      const store = (reference: string, evaluation: unknown) =>
        writer
          .prepare(
            "UPDATE request_versions SET evaluation = ? WHERE request_id = (SELECT id FROM requests WHERE reference = ?)",
          )
          .run(JSON.stringify(evaluation), reference);
      store(reworded, {
        ...today,
        criteria: today.criteria.map((c) => ({ ...c, reason: `Worded once: ${c.reason}` })),
      });
      store(restated, {
        ...today,
        criteria: today.criteria.map((c, i) => (i === 0 ? { ...c, status: "missing" } : c)),
      });
    } finally {
      writer.close();
    }
    expect((await detailOf(reviewer, reworded)).evaluationChanged).toBe(false);
    const seen = await detailOf(reviewer, restated);
    expect(seen.evaluationAtSubmission.outcome).toBe(seen.evaluation.outcome);
    expect(seen.evaluationChanged).toBe(true);
  });

  it("a document stored under an older shape opens as stored, is not re-evaluated, and only more information may be asked", async () => {
    const { app } = server;
    const reference = await submit(app, staffA);
    const atSubmission = (await detailOf(reviewer, reference)).evaluationAtSubmission;
    const stored = (await detailOf(reviewer, reference)).document;
    // Before weights carried their unit, a bare number of kilograms.
    const older = { ...stored, member: { ...stored.member, weight: 80 } };
    const writer = new DatabaseSync(server.file);
    try {
      writer
        .prepare(
          "UPDATE request_versions SET document = ? WHERE request_id = (SELECT id FROM requests WHERE reference = ?)",
        )
        .run(JSON.stringify(older), reference);
    } finally {
      writer.close();
    }
    const seen = await detailOf(reviewer, reference);
    expect(seen.document).toEqual(older);
    expect(seen.documentProblems).toContainEqual(expect.objectContaining({ path: "member.weight" }));
    expect(seen.evaluation).toEqual(atSubmission);
    expect(seen.evaluationChanged).toBe(false);
    expect((await detailOf(staffA, reference)).documentProblems).toHaveLength(seen.documentProblems?.length ?? -1);

    for (const kind of ["approve", "deny"] as const) {
      const refused = await call(app, reviewer, "POST", `/api/requests/${reference}/decision`, {
        kind,
        criteria: kind === "deny" ? ["I.A.1"] : [],
        message: "A reason.",
        expectedRowVersion: 1,
      });
      expect(refused.status, refused.text).toBe(422);
      expect(refused.text).toContain("older form of the request document");
    }
    const asked = await call(app, reviewer, "POST", `/api/requests/${reference}/decision`, {
      kind: "request_info",
      message: "Please resubmit with the weight and its unit.",
      expectedRowVersion: 1,
    });
    expect(asked.status, asked.text).toBe(200);
    const amended = await call(app, staffA, "POST", `/api/requests/${reference}/versions`, {
      document: stored,
      expectedRowVersion: 2,
    });
    expect(amended.status, amended.text).toBe(200);
    const after = await detailOf(reviewer, reference);
    expect(after.documentProblems).toBeUndefined();
    expect(after.evaluation).toEqual(evaluate(stored));
  });

  it("the stored evaluation is the server's own, whatever the client believed", async () => {
    const { app } = server;
    const body = {
      ...submission(undefined),
      document: document("under-18"),
      evaluation: { outcome: "meets_criteria" },
      outcome: "meets_criteria",
    };
    const res = await call<{ reference: string }>(app, staffA, "POST", "/api/requests", body);
    expect(res.status).toBe(201);
    const seen = await detailOf(reviewer, res.body.reference);
    expect(seen.outcome).toBe("does_not_meet");
    expect(seen.evaluationAtSubmission).toEqual(evaluate(document("under-18")));
  });
});

describe("the audit trail", () => {
  it("lists every read and change of a request for reviewer and admin, decisions in words, and is absent for staff", async () => {
    const { app } = server;
    clock.set("2026-11-28T10:00:00.000Z");
    const reference = await submit(app, staffA);
    await detailOf(staffA, reference); // viewed by staff
    expect(
      (await call(app, reviewer, "POST", `/api/requests/${reference}/start-review`, { expectedRowVersion: 1 })).status,
    ).toBe(200);
    expect(
      (
        await call(app, reviewer, "POST", `/api/requests/${reference}/decision`, {
          kind: "request_info",
          message: "Need more.",
          expectedRowVersion: 2,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await call(app, staffA, "POST", `/api/requests/${reference}/versions`, {
          document: eligible(),
          expectedRowVersion: 3,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await call(app, reviewer, "POST", `/api/requests/${reference}/decision`, {
          kind: "approve",
          expectedRowVersion: 4,
        })
      ).status,
    ).toBe(200);
    await detailOf(admin, reference);
    const forStaff = await detailOf(staffA, reference);
    expect(forStaff).not.toHaveProperty("audit");

    const seen = await detailOf(reviewer, reference);
    const trail = (seen.audit ?? []).map((a: AuditRecord) => [a.user, a.action, a.detail]);
    expect(trail).toEqual([
      ["Sam Staff", "submitted", "version 1"],
      ["Sam Staff", "viewed", "version 1"],
      ["Dr. Rita Reviewer", "review started", ""],
      ["Dr. Rita Reviewer", "requested more information", "version 1"],
      ["Sam Staff", "amended", "version 2"],
      ["Dr. Rita Reviewer", "approved", "version 2"],
      ["Ada Admin", "viewed", "version 2"],
      ["Sam Staff", "viewed", "version 2"],
      ["Dr. Rita Reviewer", "viewed", "version 2"],
    ]);
    for (const event of seen.audit ?? []) expect(Number.isNaN(Date.parse(event.at))).toBe(false);
    // The admin opening it again within the minute is the same "viewed" entry; a minute later, a new one.
    expect((await detailOf(admin, reference)).audit).toHaveLength(trail.length);
    clock.set("2026-11-28T10:01:00.001Z");
    expect((await detailOf(admin, reference)).audit).toHaveLength(trail.length + 1);
  });

  it("records one 'viewed' per user, request and version within 60 seconds (by the server's clock)", async () => {
    const { app } = server;
    clock.set("2026-11-29T09:00:00.000Z");
    const reference = await submit(app, staffA);
    const views = () =>
      server.count(
        "audit_events",
        "action = 'viewed' AND request_id = (SELECT id FROM requests WHERE reference = ?)",
        reference,
      );
    await detailOf(reviewer, reference);
    await detailOf(reviewer, reference);
    clock.set("2026-11-29T09:00:59.000Z");
    await detailOf(reviewer, reference);
    expect(views()).toBe(1);
    await detailOf(reviewer2, reference); // another reviewer: an entry of their own
    expect(views()).toBe(2);
    clock.set("2026-11-29T09:01:00.500Z");
    await detailOf(reviewer, reference); // more than a minute after the first
    expect(views()).toBe(3);
  });

  it("shows decisions recorded before they were in words ('decision: request_info') in words", async () => {
    const { app, store } = server;
    const reference = await submit(app, staffA);
    const stored = await store.findRequest(reference, { practiceId: null }, new Date());
    await store.recordAudit(stored?.id ?? 0, reviewer.user.id, "decision: request_info", "version 1", clock.now());
    const actions = ((await detailOf(admin, reference)).audit ?? []).map((a) => a.action);
    expect(actions).toContain("requested more information");
    expect(actions.join()).not.toContain("decision:");
  });
});

describe("a resubmission shows what changed", () => {
  const requestInfo = async (reference: string) => {
    const rowVersion = (await detailOf(reviewer, reference)).rowVersion;
    const res = await call(server.app, reviewer, "POST", `/api/requests/${reference}/decision`, {
      kind: "request_info",
      message: "Please send the new ALT.",
      expectedRowVersion: rowVersion,
    });
    expect(res.status, res.text).toBe(200);
  };
  /** A new version of the request: its current document (same member) with `change` applied. */
  const amend = async (reference: string, change: (doc: RequestDocument) => void) => {
    const current = await detailOf(staffA, reference);
    const document = structuredClone(current.document);
    change(document);
    const res = await call(server.app, staffA, "POST", `/api/requests/${reference}/versions`, {
      document,
      expectedRowVersion: current.rowVersion,
    });
    expect(res.status, res.text).toBe(200);
  };

  it("against the previous version when the reviewer never saw one, else against the last one they saw", async () => {
    const { app } = server;
    clock.set("2026-11-30T09:00:00.000Z");
    const reference = await submit(app, staffA);
    expect((await detailOf(reviewer, reference)).changes).toBeUndefined();
    await requestInfo(reference);
    await amend(
      reference,
      (d) => (d.liver = { ...d.liver, enzymes: { ...d.liver?.enzymes, alt: { value: 25, upperLimit: 40 } } }),
    );

    // reviewer saw version 1: version 2 is compared with it.
    const seen = await detailOf(reviewer, reference);
    expect(seen.version).toBe(2);
    expect(seen.changes?.sinceVersion).toBe(1);
    expect(seen.changes?.basis).toBe("last_viewed");
    expect(seen.changes?.items.map((c) => `${c.label}: ${c.before} → ${c.after}`)).toEqual([
      "ALT: 30 U/L → 25 U/L",
      "ALT upper limit of normal: 56 U/L → 40 U/L",
    ]);
    // The second reviewer never opened it: compared with the previous version.
    expect((await detailOf(reviewer2, reference)).changes).toMatchObject({ sinceVersion: 1, basis: "previous" });

    // Version 3 changes the weight; reviewer 2 (who saw version 2) sees only that, reviewer sees it too.
    await requestInfo(reference);
    await amend(reference, (d) => {
      d.liver = { ...d.liver, enzymes: { ...d.liver?.enzymes, alt: { value: 25, upperLimit: 40 } } };
      d.member = { ...d.member, weight: { value: 82, unit: "kg" } };
    });
    const second = await detailOf(reviewer2, reference);
    expect(second.changes).toMatchObject({ sinceVersion: 2, basis: "last_viewed" });
    expect(second.changes?.items.map((c) => c.label)).toEqual(["Weight"]);
  });

  it("gives the approval period a decision today would record, in the plan's time zone, while the request is open", async () => {
    const { app } = server;
    clock.set("2026-12-01T15:00:00.000Z");
    const reference = await submit(app, staffA);
    const seen = await detailOf(reviewer, reference);
    expect(seen.approvalPeriod).toEqual({ from: "2026-12-01", through: "2027-02-28" });
    expect((await detailOf(staffA, reference)).approvalPeriod).toBeUndefined();
    const res = await call(app, reviewer, "POST", `/api/requests/${reference}/decision`, {
      kind: "approve",
      message: "Reviewed with the hepatologist's letter.",
      expectedRowVersion: seen.rowVersion,
    });
    expect(res.status, res.text).toBe(200);
    const decided = await detailOf(reviewer, reference);
    expect(decided.approvalPeriod).toBeUndefined();
    expect(decided.decisions.at(-1)).toMatchObject({
      kind: "approve",
      authorizedFrom: "2026-12-01",
      authorizedThrough: "2027-02-28",
      message: "Reviewed with the hepatologist's letter.",
    });
  });

  it("records every queue read, without the search term", async () => {
    const { app } = server;
    const before = server.count("audit_events", "action = 'listed requests'");
    for (const who of [staffA, reviewer, admin])
      expect((await call(app, who, "POST", "/api/requests/search", { q: "SECRET-MEMBER-42" })).status).toBe(200);
    expect(server.count("audit_events", "action = 'listed requests'")).toBe(before + 3);
    expect(server.count("audit_events", "detail LIKE '%SECRET-MEMBER-42%'")).toBe(0);
  });
});

describe("the queue", () => {
  // A separate database so every total below is exact; its clock is "now" = PRESENT.
  const PRESENT = Date.parse("2026-11-27T12:00:00.000Z");
  let q: TestServer;
  const queueClock = new Clock(new Date(PRESENT));
  let qa: Session;
  let qb: Session;
  let qr: Session;
  const made: Record<
    string,
    { reference: string; receivedAgo: number; expedited: boolean; practice: "A" | "B"; memberId: string }
  > = {};

  async function make(
    name: string,
    receivedAgo: number,
    options: { expedited?: boolean; practice?: "A" | "B"; fixture?: string } = {},
  ): Promise<string> {
    queueClock.set(new Date(PRESENT - receivedAgo));
    const memberId = `Q-${name.toUpperCase()}`;
    const doc = options.fixture === undefined ? eligible() : document(options.fixture);
    if (doc.member) doc.member.memberId = memberId;
    const res = await call<{ reference: string }>(q.app, options.practice === "B" ? qb : qa, "POST", "/api/requests", {
      document: doc,
      expedited: options.expedited ?? false,
      idempotencyKey: newKey(name),
    });
    expect(res.status, res.text).toBe(201);
    made[name] = {
      reference: res.body.reference,
      receivedAgo,
      expedited: options.expedited ?? false,
      practice: options.practice ?? "A",
      memberId,
    };
    queueClock.set(new Date(PRESENT));
    return res.body.reference;
  }

  beforeAll(async () => {
    q = await startServer({ now: queueClock.now });
    [qa, qb, qr] = await Promise.all([signIn(q.app, STAFF_A), signIn(q.app, STAFF_B), signIn(q.app, REVIEWER)]);
    await make("old", 10 * DAY); // due 3 days ago: overdue
    await make("expeditedLate", 4 * DAY, { expedited: true }); // due 1 day ago: overdue
    await make("expeditedFresh", 1 * HOUR, { expedited: true }); // due in 71 h
    await make("standardFresh", 1 * HOUR); // due in 6 days 23 h
    await make("incomplete", 5 * DAY, { fixture: "incomplete" });
    await make("young", 2 * DAY, { fixture: "under-18" });
    await make("refer", 3 * DAY, { fixture: "refer-off-label-marketplace" });
    await make("otherPractice", 6 * HOUR, { practice: "B" });
    await make("otherPracticeOld", 30 * DAY, { practice: "B" });
    const approvedRef = await make("approvedLongAgo", 20 * DAY); // overdue by date, but decided
    expect(
      (
        await call(q.app, qr, "POST", `/api/requests/${approvedRef}/decision`, {
          kind: "approve",
          expectedRowVersion: 1,
        })
      ).status,
    ).toBe(200);
    const reviewRef = await make("inReview", 8 * DAY); // in review and past due: overdue
    expect(
      (await call(q.app, qr, "POST", `/api/requests/${reviewRef}/start-review`, { expectedRowVersion: 1 })).status,
    ).toBe(200);
    const infoRef = await make("waitingForPractice", 9 * DAY); // asked for more: the practice's turn, not overdue
    expect(
      (
        await call(q.app, qr, "POST", `/api/requests/${infoRef}/decision`, {
          kind: "request_info",
          message: "More.",
          expectedRowVersion: 1,
        })
      ).status,
    ).toBe(200);
  });
  afterAll(async () => {
    await q.close();
  });

  /** GET /api/requests with `query`; a query with search text goes as the body of POST /api/requests/search. */
  const queueCall = (who: Session, query: string) => {
    const params = new URLSearchParams(query);
    if (!params.has("q"))
      return call<RequestPage & { errors: { path: string; message: string }[] }>(
        q.app,
        who,
        "GET",
        `/api/requests${query}`,
      );
    const body: Record<string, string | number> = {};
    for (const [key, value] of params) body[key] = key === "page" || key === "pageSize" ? Number(value) : value;
    return call<RequestPage & { errors: { path: string; message: string }[] }>(
      q.app,
      who,
      "POST",
      "/api/requests/search",
      body,
    );
  };
  const list = async (who: Session, query: string): Promise<RequestPage> => {
    const res = await queueCall(who, query);
    expect(res.status, `${query}: ${res.text}`).toBe(200);
    return res.body;
  };
  const names = (items: RequestSummaryRow[]): string[] =>
    items.map(
      (i) => Object.entries(made).find(([, m]) => m.reference === i.reference)?.[0] ?? `unknown ${i.reference}`,
    );
  const byReceivedDesc = (pick: (name: string) => boolean): string[] => {
    const order = Object.keys(made);
    return (
      order
        .filter(pick)
        // Newest first; two received at the same moment: the one stored last first.
        .sort(
          (a, b) => (made[a]?.receivedAgo ?? 0) - (made[b]?.receivedAgo ?? 0) || order.indexOf(b) - order.indexOf(a),
        )
    );
  };

  it("sorts by received date, newest first, and scopes staff to their practice", async () => {
    const all = await list(qr, "?pageSize=100");
    expect(all.total).toBe(Object.keys(made).length);
    expect(names(all.items)).toEqual(byReceivedDesc(() => true));
    expect(await list(qr, "?pageSize=100&sort=received")).toEqual(all);
    const a = await list(qa, "?pageSize=100");
    expect(names(a.items)).toEqual(byReceivedDesc((n) => made[n]?.practice === "A"));
    const b = await list(qb, "?pageSize=100");
    expect(names(b.items)).toEqual(["otherPractice", "otherPracticeOld"]);
  });

  it("sorts by due date, soonest first: expedited requests are due 72 hours after receipt, others 7 days", async () => {
    const page = await list(qr, "?pageSize=100&sort=due");
    for (const item of page.items) {
      const name = names([item])[0] ?? "";
      const hours = (Date.parse(item.dueAt) - Date.parse(item.receivedAt)) / HOUR;
      expect(hours, name).toBe(made[name]?.expedited ? 72 : 7 * 24);
      expect(item.expedited).toBe(made[name]?.expedited);
    }
    const dues = page.items.map((i) => i.dueAt);
    expect(dues).toEqual([...dues].sort());
    const order = names(page.items);
    expect(order.indexOf("expeditedFresh")).toBeLessThan(order.indexOf("standardFresh"));
    expect(order[0]).toBe("otherPracticeOld");
  });

  it("flags overdue requests: past due and still waiting for a reviewer", async () => {
    const page = await list(qr, "?pageSize=100");
    const overdue = names(page.items.filter((i) => i.overdue)).sort();
    expect(overdue).toEqual(["expeditedLate", "inReview", "old", "otherPracticeOld"].sort());
  });

  it("filters by status and by outcome, together or apart", async () => {
    expect(names((await list(qr, "?status=approved")).items)).toEqual(["approvedLongAgo"]);
    expect(names((await list(qr, "?status=in_review")).items)).toEqual(["inReview"]);
    expect(names((await list(qr, "?status=more_info_requested")).items)).toEqual(["waitingForPractice"]);
    expect((await list(qr, "?status=denied")).total).toBe(0);
    const submitted = await list(qr, "?status=submitted&pageSize=100");
    expect(submitted.items.every((i) => i.status === "submitted")).toBe(true);
    expect(submitted.total).toBe(Object.keys(made).length - 3);
    expect(names((await list(qr, "?outcome=incomplete")).items)).toEqual(["incomplete"]);
    expect(names((await list(qr, "?outcome=does_not_meet")).items)).toEqual(["young"]);
    expect(names((await list(qr, "?outcome=refer")).items)).toEqual(["refer"]);
    expect(names((await list(qr, "?outcome=meets_criteria&status=approved")).items)).toEqual(["approvedLongAgo"]);
    expect((await list(qr, "?outcome=incomplete&status=approved")).total).toBe(0);
    expect(names((await list(qa, "?outcome=meets_criteria&status=submitted&pageSize=100")).items)).toEqual([
      "standardFresh",
      "expeditedFresh",
      "expeditedLate",
      "old",
    ]);
  });

  it("searches by reference (any case, spaces around) and by member ID", async () => {
    const ref = made.young?.reference ?? "";
    for (const term of [ref, ref.toLowerCase(), `  ${ref} `]) {
      expect(names((await list(qr, `?q=${encodeURIComponent(term)}`)).items), term).toEqual(["young"]);
    }
    expect(names((await list(qr, "?q=Q-REFER")).items)).toEqual(["refer"]);
    expect(names((await list(qb, "?q=Q-OTHERPRACTICE")).items)).toEqual(["otherPractice"]);
    expect((await list(qb, "?q=Q-REFER")).total).toBe(0);
    expect((await list(qr, "?q=HGX-NONE-NONE")).total).toBe(0);
    // Search combines with the filters.
    expect((await list(qr, "?q=Q-REFER&status=approved")).total).toBe(0);
  });

  it("pages: page and pageSize, with the same total on every page and every request exactly once", async () => {
    const everything = names((await list(qr, "?pageSize=100&sort=due")).items);
    const seen: string[] = [];
    for (let page = 1; page <= 4; page++) {
      const res = await list(qr, `?page=${page}&pageSize=4&sort=due`);
      expect(res).toMatchObject({ page, pageSize: 4, total: everything.length });
      seen.push(...names(res.items));
    }
    expect(seen).toEqual(everything);
    expect((await list(qr, "?page=99&pageSize=4")).items).toEqual([]);
    const first = await list(qr, "");
    expect(first).toMatchObject({ page: 1, pageSize: 25, total: everything.length, previous: null, next: null });
    // A page by number carries cursors on from it too.
    const third = await list(qr, "?page=3&pageSize=4&sort=due");
    expect(names((await list(qr, `?pageSize=4&sort=due&cursor=${third.previous ?? ""}`)).items)).toEqual(
      everything.slice(4, 8),
    );
  });

  it("walks every page by cursor, forward then back, for each sort and filter: every request once, in order", async () => {
    for (const [sort, filter] of [
      ["received", ""],
      ["due", ""],
      ["due", "&status=submitted"],
      ["received", "&outcome=meets_criteria"],
      ["received", "&status=submitted&outcome=meets_criteria"],
    ] as const) {
      for (const who of [qr, qa]) {
        const label = `${sort}${filter}`;
        const everything = names((await list(who, `?pageSize=100&sort=${sort}${filter}`)).items);
        const forward: string[][] = [];
        let page = await list(who, `?pageSize=3&sort=${sort}${filter}`);
        expect(page.previous, label).toBeNull();
        for (;;) {
          expect(page, label).toMatchObject({ page: forward.length + 1, pageSize: 3, total: everything.length });
          forward.push(names(page.items));
          if (page.next === null) break;
          // Opaque: base64url, and no reference, member or practice in it.
          expect(page.next).toMatch(/^[A-Za-z0-9_-]+$/);
          expect(Buffer.from(page.next, "base64url").toString()).not.toMatch(/HGX|Q-|Practice/);
          page = await list(who, `?pageSize=3&sort=${sort}${filter}&cursor=${page.next}`);
        }
        expect(forward.flat(), label).toEqual(everything);
        const backward = [names(page.items)];
        while (page.previous !== null) {
          page = await list(who, `?pageSize=3&sort=${sort}${filter}&cursor=${page.previous}`);
          backward.unshift(names(page.items));
        }
        expect(backward, label).toEqual(forward);
        expect(page.page).toBe(1);
      }
    }
  });

  it("refuses a cursor that is not one it made, or that does not fit the query, with 400 naming cursor", async () => {
    const first = await list(qr, "?pageSize=2&sort=due");
    const good = first.next ?? "";
    const forged = Buffer.from(JSON.stringify([2, "due", "next", "2026-11-27T12:00:00.000Z", -1, 2, "-/-/-"])).toString(
      "base64url",
    );
    for (const [query, says] of [
      ["?cursor=abc", "passed back unchanged"],
      ["?cursor=%F0%9F%92%A9", "passed back unchanged"],
      [`?sort=due&cursor=${good.slice(0, -2)}`, "passed back unchanged"],
      [`?sort=due&cursor=${forged}`, "passed back unchanged"],
      [`?sort=due&cursor=${Buffer.from("[1,").toString("base64url")}`, "passed back unchanged"],
      [`?sort=due&cursor=${"A".repeat(201)}`, "at most 200"],
      [`?cursor=${good}`, "another sort"],
      [`?sort=received&cursor=${good}`, "another sort"],
      [`?sort=due&page=2&cursor=${good}`, "cannot be used together"],
      // Made without filters: refused under a status, an outcome or a search.
      [`?sort=due&status=submitted&cursor=${good}`, "other filters"],
      [`?sort=due&outcome=incomplete&cursor=${good}`, "other filters"],
      [`?sort=due&q=U1234567&cursor=${good}`, "other filters"],
    ] as const) {
      const res = await queueCall(qr, query);
      expect(res.status, query).toBe(400);
      expect(res.body.errors, query).toEqual([{ path: "cursor", message: expect.stringContaining(says) as string }]);
    }
    expect((await list(qr, `?sort=due&pageSize=2&cursor=${good}`)).page).toBe(2);
  });

  it("refuses a bad query with 400 naming the field", async () => {
    for (const query of [
      "?status=lost",
      "?outcome=maybe",
      "?sort=name",
      "?page=0",
      "?page=1.5",
      "?pageSize=101",
      "?pageSize=0",
      `?q=${"x".repeat(65)}`,
      "?page=abc",
    ]) {
      const res = await queueCall(qr, query);
      expect(res.status, query).toBe(400);
      expect(res.body.errors.length, query).toBeGreaterThan(0);
      expect(query).toContain(res.body.errors[0]?.path ?? "nothing");
    }
  });

  it("answers a listing with no patient data beyond the summary fields", async () => {
    const page = await list(qr, "?pageSize=1");
    expect(Object.keys(page.items[0] ?? {}).sort()).toEqual(
      [
        "reference",
        "status",
        "outcome",
        "memberId",
        "memberName",
        "practiceName",
        "expedited",
        "receivedAt",
        "dueAt",
        "overdue",
        "version",
      ].sort(),
    );
  });
});

describe("Hemgenix is given once (II.A): one approval per member", () => {
  const approve = async (reference: string) => {
    const rowVersion = (await detailOf(reviewer, reference)).rowVersion;
    return call<{ error?: string }>(server.app, reviewer, "POST", `/api/requests/${reference}/decision`, {
      kind: "approve",
      expectedRowVersion: rowVersion,
    });
  };
  const memberId = `ONCE-${Date.now().toString(36)}`;

  it("shows the reviewer the member's other requests, and refuses a second approval, naming the first", async () => {
    const { app } = server;
    const first = await submit(app, staffA, (d) => d.member && (d.member.memberId = memberId));
    // The same member filed by another practice, the ID written in other capitals and with spaces.
    const second = await submit(app, staffB, (d) => d.member && (d.member.memberId = ` ${memberId.toLowerCase()} `));
    const seen = await detailOf(reviewer, second);
    expect(seen.sameMember.map((r) => [r.reference, r.status])).toEqual([[first, "submitted"]]);
    // Staff see only their own practice's: practice B's staff do not learn of practice A's request.
    expect((await detailOf(staffB, second)).sameMember).toEqual([]);

    expect((await approve(first)).status).toBe(200);
    const before = server.fingerprint();
    const refused = await approve(second);
    expect(refused.status).toBe(422);
    expect(refused.body.error).toBe(
      `${first} for this member is already approved: Hemgenix is given once (II.A). Deny this request or ask the practice for more information.`,
    );
    expect(server.fingerprint()).toBe(before);
    expect((await detailOf(reviewer, second)).sameMember).toEqual([
      expect.objectContaining({ reference: first, status: "approved" }),
    ]);
    // Asking the practice for more information is still possible.
    const rowVersion = (await detailOf(reviewer, second)).rowVersion;
    const asked = await call(app, reviewer, "POST", `/api/requests/${second}/decision`, {
      kind: "request_info",
      message: "This member's first request is approved already: please withdraw this one.",
      expectedRowVersion: rowVersion,
    });
    expect(asked.status).toBe(200);
  });

  it("two approvals for one member at the same moment: exactly one succeeds", async () => {
    const { app } = server;
    const id = `${memberId}-RACE`;
    const a = await submit(app, staffA, (d) => d.member && (d.member.memberId = id));
    const b = await submit(app, staffB, (d) => d.member && (d.member.memberId = id));
    const results = await Promise.all([approve(a), approve(b)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 422]);
  });
});
