// @vitest-environment node
/**
 * The SQLite store on its own: migrations applied once, foreign keys and checks enforced,
 * submissions atomic and idempotent, optimistic concurrency, practice scope, sessions, drafts.
 */
import { DatabaseSync } from "node:sqlite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluate, type Evaluation, type RequestDocument } from "@/criteria";
import { eligible } from "@fixtures";
import { MIGRATIONS } from "./db/migrations";
import { openSqliteDatabase, type SqliteDatabase } from "./db/sqlite/database";
import type { Decision, NewSubmission, QueueCursor, SubmitResult } from "./db/store";
import { tempDatabase } from "./test-support";

/** When the tests read requests and make accounts, unless a test says otherwise. */
const AT = new Date("2026-11-27T12:00:00.000Z");

const temp = tempDatabase("hemgenix-store-");
let store: SqliteDatabase;
let practiceA: number;
let practiceB: number;
let staffA: number;
let staffB: number;
let reviewer: number;

beforeAll(() => {
  store = openSqliteDatabase(temp.file);
  practiceA = store.createPractice("Practice A");
  practiceB = store.createPractice("Practice B");
  staffA = store.createUser(
    {
      email: "a@x.test",
      name: "A",
      role: "staff",
      practiceId: practiceA,
      passwordHash: "h",
    },
    AT,
  ).id;
  staffB = store.createUser(
    {
      email: "b@x.test",
      name: "B",
      role: "staff",
      practiceId: practiceB,
      passwordHash: "h",
    },
    AT,
  ).id;
  reviewer = store.createUser(
    {
      email: "r@x.test",
      name: "R",
      role: "reviewer",
      practiceId: null,
      passwordHash: "h",
    },
    AT,
  ).id;
});
afterAll(() => {
  store.close();
  temp.remove();
});

let keys = 0;
/** A submission of the eligible example for a member of its own (unless `doc` is given). */
function newSubmission(
  change: Partial<NewSubmission> = {},
  doc: RequestDocument = eligible((d) => d.member && (d.member.memberId = `S-${keys + 1}`)),
): NewSubmission {
  keys += 1;
  const now = new Date("2026-11-27T10:00:00.000Z");
  return {
    practiceId: practiceA,
    userId: staffA,
    idempotencyKey: `store-key-${keys}`,
    expedited: false,
    document: doc,
    evaluation: evaluate(doc),
    now,
    dueAt: new Date(now.getTime() + 7 * 86_400_000),
    acknowledgedOpen: null,
    ...change,
  };
}

/** A submit that filed (or found its key filed), never refused for a member's open request. */
function filed(result: SubmitResult): Extract<SubmitResult, { created: boolean }> {
  if ("open" in result) throw new Error(`refused: ${result.open.reference} is open for this member`);
  return result;
}

const decision = (change: Partial<Decision> = {}): Decision => ({
  kind: "approve",
  criteria: [],
  message: "",
  userId: reviewer,
  now: new Date("2026-11-28T10:00:00.000Z"),
  authorizedFrom: "2026-11-28",
  authorizedThrough: "2027-02-27",
  newStatus: "approved",
  ...change,
});

const count = (table: string): number => {
  const db = new DatabaseSync(temp.file, { readOnly: true });
  try {
    return Number(db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get()?.n);
  } finally {
    db.close();
  }
};

describe("the schema", () => {
  it("applies every migration once, in order, and reopening applies none again", () => {
    const again = openSqliteDatabase(temp.file);
    again.close();
    const db = new DatabaseSync(temp.file, { readOnly: true });
    try {
      const applied = db.prepare("SELECT version, name FROM schema_migrations ORDER BY version").all();
      expect(applied.map((r) => [r.version, r.name])).toEqual(MIGRATIONS.map((m) => [m.version, m.name]));
      expect(db.prepare("PRAGMA journal_mode").get()?.journal_mode).toBe("wal");
    } finally {
      db.close();
    }
    expect(store.integrityCheck()).toBe("ok");
  });

  it("upgrades a database made before accounts could be deactivated: its accounts stay active", () => {
    const old = tempDatabase("hemgenix-upgrade-");
    try {
      const db = new DatabaseSync(old.file);
      for (const migration of MIGRATIONS.filter((m) => m.version <= 2)) {
        db.exec(migration.sql);
      }
      db.exec(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
      );
      for (const migration of MIGRATIONS.filter((m) => m.version <= 2)) {
        db.prepare("INSERT INTO schema_migrations VALUES (?, ?, '2026-01-01')").run(migration.version, migration.name);
      }
      db.exec(
        "INSERT INTO users (email, name, role, password_hash, created_at) VALUES ('r@x.test', 'R', 'reviewer', 'h', 'x')",
      );
      db.close();
      const upgraded = openSqliteDatabase(old.file);
      try {
        expect(upgraded.findUserById(1)).toMatchObject({ email: "r@x.test", role: "reviewer" });
        expect(upgraded.listUsers()).toMatchObject([{ email: "r@x.test", active: true }]);
        expect(upgraded.integrityCheck()).toBe("ok");
      } finally {
        upgraded.close();
      }
    } finally {
      old.remove();
    }
  });

  it("upgrades a database whose practice events named the practice only in their detail: they join its history", () => {
    const old = tempDatabase("hemgenix-upgrade-practice-");
    try {
      const db = new DatabaseSync(old.file);
      const before = MIGRATIONS.filter((m) => m.version < 7);
      for (const migration of before) db.exec(migration.sql);
      db.exec(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
      );
      for (const migration of before) {
        db.prepare("INSERT INTO schema_migrations VALUES (?, ?, '2026-01-01')").run(migration.version, migration.name);
      }
      db.exec(`
        INSERT INTO practices (id, name) VALUES (7, 'Old Clinic');
        INSERT INTO users (id, email, name, role, password_hash, created_at) VALUES (1, 'a@x.test', 'Ann Admin', 'admin', 'h', 'x');
        INSERT INTO audit_events (user_id, action, detail, at) VALUES (1, 'practice added', 'practice 7', '2026-01-02T10:00:00.000Z');
        INSERT INTO audit_events (user_id, action, detail, at) VALUES (1, 'practice renamed', 'practice 7', '2026-01-03T10:00:00.000Z');
        INSERT INTO audit_events (user_id, action, detail, at) VALUES (1, 'practice added', 'practice 8', '2026-01-04T10:00:00.000Z');
      `);
      db.close();
      const upgraded = openSqliteDatabase(old.file);
      try {
        expect(upgraded.practiceHistory(7, 50)).toEqual([
          { at: "2026-01-03T10:00:00.000Z", user: "Ann Admin", action: "practice renamed", detail: "" },
          { at: "2026-01-02T10:00:00.000Z", user: "Ann Admin", action: "practice added", detail: "" },
        ]);
        // An event naming a practice that does not exist is left unlinked (the foreign key holds).
        expect(upgraded.practiceHistory(8, 50)).toEqual([]);
        expect(upgraded.integrityCheck()).toBe("ok");
      } finally {
        upgraded.close();
      }
    } finally {
      old.remove();
    }
  });

  it("enforces foreign keys and checks: no request for a practice that does not exist, no staff without a practice", () => {
    expect(() => store.submit(newSubmission({ practiceId: 9999 }))).toThrow();
    expect(() =>
      store.createUser(
        { email: "nopractice@x.test", name: "N", role: "staff", practiceId: null, passwordHash: "h" },
        AT,
      ),
    ).toThrow();
    expect(() =>
      store.createUser({ email: "A@X.TEST", name: "dup", role: "admin", practiceId: null, passwordHash: "h" }, AT),
    ).toThrow();
  });

  it("a submission that fails midway leaves nothing behind (one transaction)", () => {
    const before = [count("requests"), count("request_versions"), count("audit_events")];
    // The request row goes in; the version row then fails (its evaluation cannot be written as JSON).
    const broken = { ...evaluate(eligible()), unwritable: 10n } as unknown as Evaluation;
    expect(() => store.submit(newSubmission({ evaluation: broken }))).toThrow(/BigInt/);
    expect([count("requests"), count("request_versions"), count("audit_events")]).toEqual(before);
    // And the store still works afterwards (no transaction left open).
    expect(filed(store.submit(newSubmission())).created).toBe(true);
  });
});

describe("submissions", () => {
  it("stores one request per (user, key), with its first version and an audit event", () => {
    const s = newSubmission({}, eligible());
    const first = filed(store.submit(s));
    const second = store.submit({ ...s, document: eligible((d) => (d.exposureDays = 1)) });
    expect(first.created).toBe(true);
    expect(second).toEqual({ reference: first.reference, created: false, expedited: false, dueAt: first.dueAt });
    const other = filed(store.submit({ ...s, userId: staffB, practiceId: practiceB }));
    expect(other.created).toBe(true);
    const stored = store.findRequest(first.reference, { practiceId: null }, AT);
    expect(stored).toMatchObject({
      reference: first.reference,
      status: "submitted",
      version: 1,
      rowVersion: 1,
      memberId: "U1234567",
      memberName: "Ada Example",
    });
    expect(stored?.document.exposureDays).toBe(220);
    expect(store.versions(stored?.id ?? 0)).toHaveLength(1);
    expect(store.audit(stored?.id ?? 0).map((a) => a.action)).toEqual(["submitted"]);
  });

  it("gives every request a distinct reference people can read aloud", () => {
    const refs = new Set<string>();
    for (let i = 0; i < 200; i++) refs.add(filed(store.submit(newSubmission())).reference);
    expect(refs.size).toBe(200);
    for (const ref of refs) expect(ref).toMatch(/^HGX-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
  });

  it("keeps staff to their practice's requests", () => {
    const { reference } = filed(store.submit(newSubmission()));
    expect(store.findRequest(reference, { practiceId: practiceA }, AT)).toBeDefined();
    expect(store.findRequest(reference, { practiceId: practiceB }, AT)).toBeUndefined();
    const now = new Date("2026-11-27T12:00:00.000Z");
    const forB = store.listRequests({ page: 1, pageSize: 100, sort: "received" }, { practiceId: practiceB }, now);
    expect(forB.items.every((i) => i.practiceName === "Practice B")).toBe(true);
    expect(
      store.listRequests({ page: 1, pageSize: 1, sort: "received", q: reference }, { practiceId: practiceB }, now)
        .total,
    ).toBe(0);
  });
});

describe("stored JSON is read through its schema", () => {
  /** Rewrites a column of a request's first version directly in SQLite, as an older release left it. */
  const rewrite = (reference: string, column: "document" | "evaluation", json: string) => {
    const db = new DatabaseSync(temp.file);
    try {
      db.prepare(
        `UPDATE request_versions SET ${column} = ? WHERE request_id = (SELECT id FROM requests WHERE reference = ?)`,
      ).run(json, reference);
    } finally {
      db.close();
    }
  };

  it("a document stored under an older shape comes back as stored, with what no longer validates", () => {
    const { reference } = filed(store.submit(newSubmission()));
    const fresh = store.findRequest(reference, { practiceId: null }, new Date("2026-11-27T12:00:00.000Z"));
    expect(fresh?.documentProblems).toBeUndefined();
    // Before weights carried their unit, a bare number of kilograms.
    const older = { ...structuredClone(fresh?.document), member: { ...fresh?.document.member, weight: 80 } };
    rewrite(reference, "document", JSON.stringify(older));
    const stored = store.findRequest(reference, { practiceId: null }, new Date("2026-11-27T12:00:00.000Z"));
    expect(stored?.document).toEqual(older);
    expect(stored?.documentProblems).toContainEqual(expect.objectContaining({ path: "member.weight" }));
    expect(stored?.evaluation).toEqual(fresh?.evaluation);
    // Nothing reads it as a document to compare: the version's document is not given out unchecked.
    expect(store.versionDocument(stored?.id ?? 0, 1)).toBeUndefined();
  });

  it("an evaluation that does not read as one is an error, never taken on trust", () => {
    const { reference } = filed(store.submit(newSubmission()));
    rewrite(reference, "evaluation", JSON.stringify({ outcome: "approved-ish", criteria: "none" }));
    expect(() => store.findRequest(reference, { practiceId: null }, new Date("2026-11-27T12:00:00.000Z"))).toThrow(
      /stored evaluation does not read/,
    );
  });
});

describe("optimistic concurrency", () => {
  it("moves a request on only from the expected row version and an allowed status", () => {
    const { reference } = filed(store.submit(newSubmission()));
    const id = store.findRequest(reference, { practiceId: null }, AT)?.id ?? 0;
    expect(store.startReview(id, 2)).toEqual({ ok: false, reason: "stale" });
    expect(store.startReview(id, 1)).toEqual({ ok: true, rowVersion: 2 });
    expect(store.startReview(id, 2)).toEqual({ ok: false, reason: "wrong_status" });
    expect(store.decide(id, 1, decision())).toEqual({ ok: false, reason: "stale" });
    expect(store.decisions(id)).toEqual([]);
    expect(
      store.decide(
        id,
        2,
        decision({
          kind: "request_info",
          message: "More.",
          newStatus: "more_info_requested",
          authorizedFrom: null,
          authorizedThrough: null,
        }),
      ),
    ).toEqual({ ok: true, rowVersion: 3 });
    const doc = eligible((d) => (d.exposureDays = 300));
    expect(store.amend(id, 2, staffA, doc, evaluate(doc), new Date())).toEqual({ ok: false, reason: "stale" });
    expect(store.versions(id)).toHaveLength(1);
    expect(store.amend(id, 3, staffA, doc, evaluate(doc), new Date())).toEqual({ ok: true, rowVersion: 4 });
    expect(store.amend(id, 4, staffA, doc, evaluate(doc), new Date())).toEqual({ ok: false, reason: "wrong_status" });
    const after = store.findRequest(reference, { practiceId: null }, AT);
    expect(after).toMatchObject({ status: "submitted", version: 2, rowVersion: 4 });
    expect(after?.document.exposureDays).toBe(300);
    expect(store.versions(id).map((v) => v.version)).toEqual([1, 2]);
    expect(store.decide(id, 4, decision())).toEqual({ ok: true, rowVersion: 5 });
    expect(store.decisions(id).map((d) => [d.kind, d.version, d.authorizedFrom, d.authorizedThrough])).toEqual([
      ["request_info", 1, null, null],
      ["approve", 2, "2026-11-28", "2027-02-27"],
    ]);
    expect(store.decide(id, 5, decision({ kind: "deny", criteria: ["I.A.1"], newStatus: "denied" }))).toEqual({
      ok: false,
      reason: "wrong_status",
    });
  });
});

describe("views and versions", () => {
  it("records one view per user, request and version within 60 seconds, and knows the last version each user viewed", () => {
    const filed = newSubmission();
    const submitted = store.submit(filed);
    if (!("reference" in submitted)) throw new Error("the submission was refused");
    const id = store.findRequest(submitted.reference, { practiceId: null }, AT)?.id ?? 0;
    const at = (iso: string) => new Date(iso);
    const views = () => store.audit(id).filter((a) => a.action === "viewed");
    store.recordView(id, reviewer, 1, at("2026-11-28T10:00:00.000Z"));
    store.recordView(id, reviewer, 1, at("2026-11-28T10:00:59.999Z"));
    store.recordView(id, staffA, 1, at("2026-11-28T10:00:30.000Z"));
    expect(views().map((v) => [v.user, v.detail])).toEqual([
      ["R", "version 1"],
      ["A", "version 1"],
    ]);
    store.recordView(id, reviewer, 2, at("2026-11-28T10:00:40.000Z")); // another version: its own entry
    store.recordView(id, reviewer, 1, at("2026-11-28T10:01:00.001Z")); // over a minute after the first
    expect(views()).toHaveLength(4);

    expect(store.lastViewedVersion(id, reviewer, 3)).toBe(2);
    expect(store.lastViewedVersion(id, reviewer, 2)).toBe(1);
    expect(store.lastViewedVersion(id, reviewer, 1)).toBeUndefined();
    expect(store.lastViewedVersion(id, staffB, 3)).toBeUndefined();
    expect(store.versionDocument(id, 1)).toEqual(filed.document);
    expect(store.versionDocument(id, 2)).toBeUndefined();
  });
});

describe("sessions and drafts", () => {
  it("finds, touches, deletes and expires sessions by the hash of their token", () => {
    store.createSession("hash-1", staffA, "csrf-1", 1000);
    store.createSession("hash-2", staffB, "csrf-2", 5000);
    expect(store.findSession("hash-1")).toEqual({
      userId: staffA,
      csrfToken: "csrf-1",
      createdAt: 1000,
      lastSeenAt: 1000,
    });
    store.touchSession("hash-1", 9000);
    expect(store.findSession("hash-1")).toMatchObject({ createdAt: 1000, lastSeenAt: 9000 });
    store.deleteExpiredSessions(6000, 0);
    expect(store.findSession("hash-2")).toBeUndefined();
    expect(store.findSession("hash-1")).toBeDefined();
    // Active, but started before the absolute limit: gone too.
    store.deleteExpiredSessions(0, 1001);
    expect(store.findSession("hash-1")).toBeUndefined();
    store.createSession("hash-3", staffA, "csrf-3", 7000);
    store.deleteSession("hash-3");
    expect(store.findSession("hash-3")).toBeUndefined();
  });

  it("keeps one draft per user, replaced on every save", () => {
    expect(store.getDraft(staffA)).toBeUndefined();
    store.putDraft(
      staffA,
      { content: '{"a":1}', stamp: "stamp-one", amends: null },
      new Date("2026-11-27T10:00:00.000Z"),
    );
    const amends = { reference: "HGX-AAAA-BBBB", rowVersion: 3 };
    store.putDraft(staffA, { content: '{"a":2}', stamp: "stamp-two", amends }, new Date("2026-11-27T11:00:00.000Z"));
    expect(store.getDraft(staffA)).toEqual({
      content: '{"a":2}',
      stamp: "stamp-two",
      amends,
      updatedAt: "2026-11-27T11:00:00.000Z",
    });
    expect(store.getDraft(staffB)).toBeUndefined();
  });

  it("finds users by email in any case", () => {
    expect(store.findUserByEmail("A@X.Test")?.id).toBe(staffA);
    expect(store.findUserById(reviewer)).toMatchObject({ role: "reviewer", practiceId: null, practiceName: null });
    expect(store.countUsers()).toBe(3);
  });
});

describe("queue pages by cursor (keyset)", () => {
  const file = tempDatabase("hemgenix-keyset-");
  let s: SqliteDatabase;
  const now = new Date("2026-11-27T12:00:00.000Z");
  const OUTCOMES: Evaluation["outcome"][] = ["meets_criteria", "incomplete", "refer"];
  /** Every stored request as the store should order it. */
  const rows: {
    reference: string;
    id: number;
    practiceId: number;
    status: string;
    outcome: string;
    receivedAt: string;
    dueAt: string;
  }[] = [];

  beforeAll(() => {
    s = openSqliteDatabase(file.file);
    const pA = s.createPractice("A");
    const pB = s.createPractice("B");
    const uA = s.createUser({ email: "ka@x.test", name: "A", role: "staff", practiceId: pA, passwordHash: "h" }, AT);
    const uB = s.createUser({ email: "kb@x.test", name: "B", role: "staff", practiceId: pB, passwordHash: "h" }, AT);
    const rv = s.createUser(
      { email: "kr@x.test", name: "R", role: "reviewer", practiceId: null, passwordHash: "h" },
      AT,
    );
    const doc = eligible();
    const base = evaluate(doc);
    // 47 requests received at only 5 distinct moments, due at only 4: ties everywhere, so the
    // order (and every page boundary) depends on the id tie-break.
    for (let i = 0; i < 47; i++) {
      const user = i % 3 === 0 ? uB : uA;
      const received = new Date(Date.parse("2026-11-01T09:00:00.000Z") + (i % 5) * 3_600_000);
      const due = new Date(Date.parse("2026-11-10T09:00:00.000Z") + (i % 4) * 86_400_000);
      const { reference } = filed(
        s.submit({
          practiceId: user.practiceId ?? 0,
          userId: user.id,
          idempotencyKey: `keyset-${i}`,
          expedited: i % 4 === 0,
          document: eligible((d) => d.member && (d.member.memberId = `K-${i}`)),
          evaluation: { ...base, outcome: OUTCOMES[i % OUTCOMES.length] ?? "meets_criteria" },
          now: received,
          dueAt: due,
          acknowledgedOpen: null,
        }),
      );
      const stored = s.findRequest(reference, { practiceId: null }, AT);
      if (stored === undefined) throw new Error("not stored");
      if (i % 7 === 0) s.decide(stored.id, 1, { ...decision(), userId: rv.id, now: received, newStatus: "approved" });
      rows.push({
        reference,
        id: stored.id,
        practiceId: stored.practiceId,
        status: i % 7 === 0 ? "approved" : "submitted",
        outcome: stored.outcome,
        receivedAt: stored.receivedAt,
        dueAt: stored.dueAt,
      });
    }
  });
  afterAll(() => {
    s.close();
    file.remove();
  });

  const expected = (sort: "received" | "due", pick: (row: (typeof rows)[number]) => boolean): string[] =>
    rows
      .filter(pick)
      .sort((a, b) =>
        sort === "received"
          ? b.receivedAt.localeCompare(a.receivedAt) || b.id - a.id
          : a.dueAt.localeCompare(b.dueAt) || a.id - b.id,
      )
      .map((r) => r.reference);

  const FILTERS: {
    name: string;
    filter: { status?: "submitted" | "approved"; outcome?: Evaluation["outcome"] };
    scope: "all" | "A";
  }[] = [
    { name: "everything", filter: {}, scope: "all" },
    { name: "submitted", filter: { status: "submitted" }, scope: "all" },
    { name: "approved", filter: { status: "approved" }, scope: "all" },
    { name: "incomplete", filter: { outcome: "incomplete" }, scope: "all" },
    { name: "submitted and refer", filter: { status: "submitted", outcome: "refer" }, scope: "all" },
    { name: "practice A", filter: {}, scope: "A" },
    { name: "practice A, submitted", filter: { status: "submitted" }, scope: "A" },
  ];

  for (const sort of ["received", "due"] as const)
    for (const { name, filter, scope } of FILTERS)
      for (const pageSize of [1, 4, 10])
        it(`walks every page forward and back by ${sort} date (${name}, ${pageSize} a page): every row once, in order`, () => {
          const practiceId = scope === "A" ? (rows[1]?.practiceId ?? 0) : null; // rows[1] is practice A's
          const want = expected(
            sort,
            (r) =>
              (practiceId === null || r.practiceId === practiceId) &&
              (filter.status === undefined || r.status === filter.status) &&
              (filter.outcome === undefined || r.outcome === filter.outcome),
          );
          expect(want.length).toBeGreaterThan(0);
          const list = (cursor?: QueueCursor) =>
            s.listRequests({ sort, pageSize, ...filter, cursor }, { practiceId }, now);

          const forward: string[][] = [];
          let page = list();
          expect(page.previous).toBeNull();
          for (;;) {
            expect(page.total).toBe(want.length);
            expect(page.page).toBe(forward.length + 1);
            forward.push(page.items.map((i) => i.reference));
            if (page.next === null) break;
            expect(page.next).toMatchObject({ sort, direction: "next", page: forward.length + 1 });
            page = list(page.next);
          }
          expect(forward.flat()).toEqual(want);
          expect(forward).toHaveLength(Math.ceil(want.length / pageSize));
          expect(forward.every((items) => items.length === pageSize || items === forward.at(-1))).toBe(true);

          const backward: string[][] = [page.items.map((i) => i.reference)];
          while (page.previous !== null) {
            expect(page.previous).toMatchObject({ sort, direction: "previous", page: page.page - 1 });
            page = list(page.previous);
            expect(page.next).not.toBeNull();
            backward.unshift(page.items.map((i) => i.reference));
          }
          expect(page.page).toBe(1);
          expect(backward).toEqual(forward);
        });

  it("gives back exactly the first page when walking back from the second", () => {
    const practiceId = rows[1]?.practiceId ?? 0;
    const first = s.listRequests({ sort: "received", pageSize: 3 }, { practiceId }, now);
    const second = s.listRequests(
      { sort: "received", pageSize: 3, cursor: first.next ?? undefined },
      { practiceId },
      now,
    );
    const back = s.listRequests(
      { sort: "received", pageSize: 3, cursor: second.previous ?? undefined },
      { practiceId },
      now,
    );
    expect(back).toEqual(first);
  });

  it("reads the first page again, full, when walking back finds rows gone from the filter", () => {
    const filter = { sort: "due" as const, pageSize: 4, status: "submitted" as const };
    const first = s.listRequests(filter, { practiceId: null }, now);
    const second = s.listRequests({ ...filter, cursor: first.next ?? undefined }, { practiceId: null }, now);
    const leaving = first.items[0]?.reference ?? "";
    const stored = s.findRequest(leaving, { practiceId: null }, AT);
    expect(s.startReview(stored?.id ?? 0, stored?.rowVersion ?? 0).ok).toBe(true);
    const back = s.listRequests({ ...filter, cursor: second.previous ?? undefined }, { practiceId: null }, now);
    expect(back.page).toBe(1);
    expect(back.previous).toBeNull();
    expect(back.items).toHaveLength(4);
    expect(back.items.map((i) => i.reference)).not.toContain(leaving);
    expect(back.total).toBe(first.total - 1);
  });

  it("counts again after any change to requests, by this store or another connection", () => {
    const total = () => s.listRequests({ sort: "received", pageSize: 1 }, { practiceId: null }, now).total;
    const before = total();
    const { reference } = filed(s.submit(newSubmission({ practiceId: rows[1]?.practiceId ?? 0 })));
    expect(total()).toBe(before + 1);
    const submitted = () =>
      s.listRequests({ sort: "due", pageSize: 1, status: "submitted" }, { practiceId: null }, now).total;
    const submittedBefore = submitted();
    const stored = s.findRequest(reference, { practiceId: null }, AT);
    s.startReview(stored?.id ?? 0, 1);
    expect(submitted()).toBe(submittedBefore - 1);
    const other = new DatabaseSync(file.file);
    try {
      other.exec("PRAGMA busy_timeout = 5000");
      other.prepare("UPDATE requests SET status = 'submitted' WHERE id = ?").run(stored?.id ?? 0);
    } finally {
      other.close();
    }
    expect(submitted()).toBe(submittedBefore);
  });
});
