// @vitest-environment node
/**
 * What only the SQLite store has: its migrations and the upgrades of older databases, and how it
 * reads back JSON rewritten directly in its file. Every guarantee the Store interface makes
 * (submissions, concurrency, scope, sessions, drafts, the queue) is proven for both engines by
 * the shared suite (store-suite.ts, run on SQLite by store-sqlite.test.ts).
 */
import { DatabaseSync } from "node:sqlite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluate, type RequestDocument } from "@/criteria";
import { eligible } from "@fixtures";
import { MIGRATIONS } from "./db/migrations";
import { openSqliteDatabase, type SqliteDatabase } from "./db/sqlite/database";
import type { NewSubmission, SubmitResult } from "./db/store";
import { tempDatabase } from "./test-support";

/** When the tests read requests and make accounts, unless a test says otherwise. */
const AT = new Date("2026-11-27T12:00:00.000Z");

const temp = tempDatabase("hemgenix-store-");
let store: SqliteDatabase;
let practiceA: number;
let staffA: number;

beforeAll(() => {
  store = openSqliteDatabase(temp.file);
  practiceA = store.createPractice("Practice A");
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
