/** The Store on the embedded SQLite database. Plain SQL, prepared once; `sqliteStore` gives the async Store routes use. */
import { randomBytes } from "node:crypto";
import type { DatabaseSync, SQLInputValue, StatementSync } from "node:sqlite";
import { DECISION_AUDIT_ACTIONS } from "@/criteria";
import { ROLE_LABELS } from "@/contract";
import type { CriterionId, DecisionKind, Evaluation, RequestDocument } from "@/criteria";
import type {
  AdminPractice,
  AdminUser,
  AuditRecord,
  DecisionRecord,
  RequestStatus,
  RequestSummaryRow,
  Role,
  SameMemberRequest,
  SessionUser,
  VersionRecord,
} from "@/contract";
import { fileDraftDocuments } from "./document-rows";
import { openDatabase, transaction } from "./sqlite";
import type {
  ChangeResult,
  Decision,
  ListPage,
  ListQuery,
  NewSubmission,
  QueueCursor,
  NewUser,
  Scope,
  StoredRequest,
  StoredDraft,
  StoredSession,
  Store,
  SubmitResult,
  StoreMethods,
  UserUpdate,
  AdminAct,
} from "./store";
import { promised } from "./store";

type Row = Record<string, SQLInputValue>;

const str = (value: SQLInputValue | undefined): string =>
  typeof value === "string" ? value : typeof value === "number" || typeof value === "bigint" ? String(value) : "";
const num = (value: SQLInputValue | undefined): number => Number(value ?? 0);
const strOrNull = (value: SQLInputValue | undefined): string | null =>
  value === null || value === undefined ? null : str(value);

/** Reference numbers people can read aloud: no 0/O or 1/I. */
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
function newReference(): string {
  const bytes = randomBytes(8);
  let code = "";
  for (const byte of bytes) code += ALPHABET[byte % ALPHABET.length] ?? "";
  return `HGX-${code.slice(0, 4)}-${code.slice(4)}`;
}

const ACTIVE: readonly RequestStatus[] = ["submitted", "in_review"];
/** Views of one version by one user within this long are one audit entry. */
const VIEW_DEDUPE_MS = 60_000;

/**
 * A retired submission key: unique still (the row id), and never equal to a key a browser sends
 * (those are letters, digits, "_" and "-" only).
 */
const RETIRED_KEY_SQL = "'retired:' || id";

const USER_COLUMNS =
  "u.id, u.email, u.name, u.role, u.practice_id, p.name AS practice_name, u.password_hash, u.active, u.created_at, u.row_version";
const PRACTICE_COLUMNS = `pr.id, pr.name,
  (SELECT COUNT(*) FROM users u WHERE u.practice_id = pr.id AND u.active = 1) AS users,
  (SELECT COUNT(*) FROM requests r WHERE r.practice_id = pr.id) AS requests`;
const REQUEST_COLUMNS = `r.id, r.reference, r.practice_id, p.name AS practice_name, r.submitted_by, r.status, r.expedited,
  r.member_id, r.member_name, r.outcome, r.received_at, r.due_at, r.current_version, r.row_version`;

export class SqliteDatabase implements StoreMethods {
  private readonly db: DatabaseSync;
  private readonly statements = new Map<string, StatementSync>();
  /** Bumped by every change to requests this store makes; with data_version, it dates `counts`. */
  private requestWrites = 0;
  private countsStamp = "";
  private readonly counts = new Map<string, number>();

  constructor(file: string) {
    this.db = openDatabase(file);
  }

  private sql(text: string): StatementSync {
    let statement = this.statements.get(text);
    if (statement === undefined) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  private toUser(row: Row): SessionUser {
    return {
      id: num(row.id),
      email: str(row.email),
      name: str(row.name),
      role: str(row.role) as Role,
      practiceId: row.practice_id === null ? null : num(row.practice_id),
      practiceName: strOrNull(row.practice_name),
    };
  }

  private toSummary(row: Row, now: Date): RequestSummaryRow {
    const status = str(row.status) as RequestStatus;
    const dueAt = str(row.due_at);
    return {
      reference: str(row.reference),
      status,
      outcome: str(row.outcome) as Evaluation["outcome"],
      memberId: strOrNull(row.member_id),
      memberName: strOrNull(row.member_name),
      practiceName: str(row.practice_name),
      expedited: num(row.expedited) === 1,
      receivedAt: str(row.received_at),
      dueAt,
      overdue: ACTIVE.includes(status) && dueAt < now.toISOString(),
      version: num(row.current_version),
    };
  }

  createPractice(name: string): number {
    return num(this.sql("INSERT INTO practices (name) VALUES (?)").run(name).lastInsertRowid);
  }

  findPracticeByName(name: string) {
    const row = this.sql("SELECT id, name FROM practices WHERE name = ?").get(name);
    return row === undefined ? undefined : { id: num(row.id), name: str(row.name) };
  }

  createUser(user: NewUser): SessionUser {
    const id = this.sql(
      "INSERT INTO users (email, name, role, practice_id, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)",
    ).run(
      user.email,
      user.name,
      user.role,
      user.practiceId,
      user.passwordHash,
      new Date().toISOString(),
    ).lastInsertRowid;
    const created = this.findUserById(num(id));
    if (created === undefined) throw new Error("User was not stored");
    return created;
  }

  findUserByEmail(email: string) {
    const row = this.sql(
      `SELECT ${USER_COLUMNS} FROM users u LEFT JOIN practices p ON p.id = u.practice_id WHERE u.email = ?`,
    ).get(email);
    return row === undefined
      ? undefined
      : { ...this.toUser(row), passwordHash: str(row.password_hash), active: num(row.active) === 1 };
  }

  findUserById(id: number) {
    const row = this.sql(
      `SELECT ${USER_COLUMNS} FROM users u LEFT JOIN practices p ON p.id = u.practice_id WHERE u.id = ? AND u.active = 1`,
    ).get(id);
    return row === undefined ? undefined : this.toUser(row);
  }

  private toPractice(row: Row): AdminPractice {
    return { id: num(row.id), name: str(row.name), users: num(row.users), requests: num(row.requests) };
  }

  listPractices(): AdminPractice[] {
    return this.sql(`SELECT ${PRACTICE_COLUMNS} FROM practices pr ORDER BY pr.name COLLATE NOCASE, pr.id`)
      .all()
      .map((row) => this.toPractice(row));
  }

  findPractice(id: number): AdminPractice | undefined {
    const row = this.sql(`SELECT ${PRACTICE_COLUMNS} FROM practices pr WHERE pr.id = ?`).get(id);
    return row === undefined ? undefined : this.toPractice(row);
  }

  /** Whether `adminId` is (still) an active admin: checked inside each administrative transaction. */
  private isActiveAdmin(adminId: number): boolean {
    return (
      this.sql("SELECT 1 AS ok FROM users WHERE id = ? AND role = 'admin' AND active = 1").get(adminId) !== undefined
    );
  }

  // Names are unique regardless of case ("Riverside Clinic" and "riverside clinic" are one practice to a person).
  addPractice(name: string, by: AdminAct): AdminPractice | "name_taken" | "not_admin" {
    return transaction(this.db, () => {
      if (!this.isActiveAdmin(by.adminId)) return "not_admin";
      const result = this.sql(
        `INSERT INTO practices (name) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM practices WHERE name = ? COLLATE NOCASE)`,
      ).run(name, name);
      if (result.changes === 0) return "name_taken";
      const id = num(result.lastInsertRowid);
      this.recordPracticeEvent(id, by.adminId, "practice added", name, by.now);
      return this.findPractice(id) ?? "name_taken";
    });
  }

  renamePractice(id: number, name: string, by: AdminAct): AdminPractice | "name_taken" | "not_found" | "not_admin" {
    return transaction(this.db, () => {
      if (!this.isActiveAdmin(by.adminId)) return "not_admin";
      const before = this.findPractice(id);
      if (before === undefined) return "not_found";
      const result = this.sql(
        `UPDATE practices SET name = ? WHERE id = ?
         AND NOT EXISTS (SELECT 1 FROM practices WHERE name = ? COLLATE NOCASE AND id <> ?)`,
      ).run(name, id, name, id);
      if (result.changes === 0) return "name_taken";
      this.recordPracticeEvent(id, by.adminId, "practice renamed", `${before.name} → ${name}`, by.now);
      return this.findPractice(id) ?? "not_found";
    });
  }

  private toAccount(row: Row): AdminUser {
    return {
      ...this.toUser(row),
      active: num(row.active) === 1,
      createdAt: str(row.created_at),
      rowVersion: num(row.row_version),
    };
  }

  listUsers(): AdminUser[] {
    return this.sql(
      `SELECT ${USER_COLUMNS} FROM users u LEFT JOIN practices p ON p.id = u.practice_id
       ORDER BY u.active DESC, u.name COLLATE NOCASE, u.id`,
    )
      .all()
      .map((row) => this.toAccount(row));
  }

  findAccount(id: number): AdminUser | undefined {
    const row = this.sql(
      `SELECT ${USER_COLUMNS} FROM users u LEFT JOIN practices p ON p.id = u.practice_id WHERE u.id = ?`,
    ).get(id);
    return row === undefined ? undefined : this.toAccount(row);
  }

  addUser(user: NewUser, by: AdminAct): AdminUser | "email_taken" | "not_admin" {
    return transaction(this.db, () => {
      if (!this.isActiveAdmin(by.adminId)) return "not_admin";
      const result = this.sql(
        `INSERT INTO users (email, name, role, practice_id, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (email) DO NOTHING`,
      ).run(user.email, user.name, user.role, user.practiceId, user.passwordHash, by.now.toISOString());
      if (result.changes === 0) return "email_taken";
      const created = this.findAccount(num(result.lastInsertRowid));
      if (created === undefined) throw new Error("Account was not stored");
      const where = created.practiceName === null ? "" : ` at ${created.practiceName}`;
      this.recordAccountEvent(created.id, by.adminId, "account added", `${ROLE_LABELS[created.role]}${where}`, by.now);
      return created;
    });
  }

  updateUser(
    id: number,
    expectedRowVersion: number,
    update: UserUpdate,
    effects: { endSessions: boolean; keepSession: string | null; detail: string },
    by: AdminAct,
  ): AdminUser | "stale" | "not_found" | "not_admin" {
    const columns: [string, SQLInputValue][] = [];
    if (update.name !== undefined) columns.push(["name", update.name]);
    if (update.role !== undefined) columns.push(["role", update.role]);
    if (update.practiceId !== undefined) columns.push(["practice_id", update.practiceId]);
    if (update.passwordHash !== undefined) columns.push(["password_hash", update.passwordHash]);
    if (update.active !== undefined) columns.push(["active", update.active ? 1 : 0]);
    return transaction(this.db, () => {
      if (!this.isActiveAdmin(by.adminId)) return "not_admin";
      const current = this.findAccount(id);
      if (current === undefined) return "not_found";
      if (current.rowVersion !== expectedRowVersion) return "stale";
      if (columns.length === 0) return current;
      this.db
        .prepare(
          `UPDATE users SET ${columns.map(([column]) => `${column} = ?`).join(", ")}, row_version = row_version + 1
           WHERE id = ? AND row_version = ?`,
        )
        .run(...columns.map(([, value]) => value), id, expectedRowVersion);
      if (effects.endSessions)
        this.sql("DELETE FROM sessions WHERE user_id = ? AND id_hash IS NOT ?").run(id, effects.keepSession);
      // Work in progress belongs to the practice it was started for: a move (or deactivation) ends
      // the draft, and retires the submission keys so a retry cannot return the old practice's request.
      if (update.practiceId !== undefined || update.active === false) {
        this.sql("DELETE FROM drafts WHERE user_id = ?").run(id);
        this.sql(
          `UPDATE requests SET idempotency_key = ${RETIRED_KEY_SQL} WHERE submitted_by = ? AND idempotency_key NOT LIKE 'retired:%'`,
        ).run(id);
      }
      this.recordAccountEvent(id, by.adminId, "account changed", effects.detail, by.now);
      return this.findAccount(id) ?? "not_found";
    });
  }

  countUsers(): number {
    return num(this.sql("SELECT COUNT(*) AS n FROM users").get()?.n);
  }

  createSession(idHash: string, userId: number, csrfToken: string, now: number): void {
    this.sql(
      "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)",
    ).run(idHash, userId, csrfToken, now, now);
  }

  findSession(idHash: string): StoredSession | undefined {
    const row = this.sql("SELECT user_id, csrf_token, created_at, last_seen_at FROM sessions WHERE id_hash = ?").get(
      idHash,
    );
    return row === undefined
      ? undefined
      : {
          userId: num(row.user_id),
          csrfToken: str(row.csrf_token),
          createdAt: num(row.created_at),
          lastSeenAt: num(row.last_seen_at),
        };
  }

  touchSession(idHash: string, now: number): void {
    this.sql("UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?").run(now, idHash);
  }

  deleteSession(idHash: string): void {
    this.sql("DELETE FROM sessions WHERE id_hash = ?").run(idHash);
  }

  deleteExpiredSessions(idleBefore: number, createdBefore: number): void {
    this.sql("DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?").run(idleBefore, createdBefore);
  }

  getDraft(userId: number): StoredDraft | undefined {
    const row = this.sql(
      "SELECT content, stamp, amends_reference, amends_row_version, updated_at FROM drafts WHERE user_id = ?",
    ).get(userId);
    if (row === undefined) return undefined;
    const reference = strOrNull(row.amends_reference);
    return {
      content: str(row.content),
      stamp: str(row.stamp),
      amends: reference === null ? null : { reference, rowVersion: num(row.amends_row_version) },
      updatedAt: str(row.updated_at),
    };
  }

  putDraft(userId: number, draft: Omit<StoredDraft, "updatedAt">, now: Date): void {
    this.sql(
      `INSERT INTO drafts (user_id, content, stamp, amends_reference, amends_row_version, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET content = excluded.content, stamp = excluded.stamp,
         amends_reference = excluded.amends_reference, amends_row_version = excluded.amends_row_version,
         updated_at = excluded.updated_at`,
    ).run(
      userId,
      draft.content,
      draft.stamp,
      draft.amends?.reference ?? null,
      draft.amends?.rowVersion ?? null,
      now.toISOString(),
    );
  }

  deleteDraft(userId: number): void {
    this.sql("DELETE FROM drafts WHERE user_id = ?").run(userId);
  }

  submit(s: NewSubmission): SubmitResult {
    return transaction(this.db, () => {
      const existing = this.sql(
        "SELECT reference, expedited, due_at FROM requests WHERE submitted_by = ? AND idempotency_key = ?",
      ).get(s.userId, s.idempotencyKey);
      if (existing !== undefined) {
        return {
          reference: str(existing.reference),
          created: false,
          expedited: num(existing.expedited) === 1,
          dueAt: str(existing.due_at),
        };
      }
      const member = s.document.member;
      const memberId = member?.memberId ?? null;
      // Inside the transaction (BEGIN IMMEDIATE): two computers submitting for one member at once
      // cannot both pass this check. "u1234567 " is the member "U1234567".
      const open =
        memberId === null
          ? undefined
          : this.sql(
              `SELECT reference, received_at FROM requests
               WHERE practice_id = ? AND UPPER(TRIM(member_id)) = UPPER(TRIM(?))
                 AND status IN ('submitted', 'in_review', 'more_info_requested')
               ORDER BY received_at DESC, id DESC LIMIT 1`,
            ).get(s.practiceId, memberId);
      if (open !== undefined && str(open.reference) !== s.acknowledgedOpen) {
        return { open: { reference: str(open.reference), receivedAt: str(open.received_at) } };
      }
      const reference = this.unusedReference();
      const memberName = [member?.firstName, member?.lastName].filter(Boolean).join(" ") || null;
      const at = s.now.toISOString();
      const dueAt = s.dueAt.toISOString();
      this.requestWrites += 1;
      const id = this.sql(
        `INSERT INTO requests (reference, practice_id, submitted_by, idempotency_key, status, expedited, member_id, member_name,
           outcome, received_at, due_at, current_version)
         VALUES (?, ?, ?, ?, 'submitted', ?, ?, ?, ?, ?, ?, 1)`,
      ).run(
        reference,
        s.practiceId,
        s.userId,
        s.idempotencyKey,
        s.expedited ? 1 : 0,
        memberId,
        memberName,
        s.evaluation.outcome,
        at,
        dueAt,
      ).lastInsertRowid;
      this.insertVersion(num(id), 1, s.userId, s.document, s.evaluation, at);
      fileDraftDocuments(this.db, num(id), 1, s.userId); // #11: the draft's documents are filed with it
      this.recordAudit(num(id), s.userId, "submitted", "version 1", s.now);
      // The draft was this request: filed, it is no longer offered anywhere to resume (and file again).
      this.deleteDraft(s.userId);
      return { reference, created: true, expedited: s.expedited, dueAt };
    });
  }

  /** A fresh reference; 32^8 codes make a clash rare, and a clash is simply drawn again. */
  private unusedReference(): string {
    for (;;) {
      const reference = newReference();
      if (this.sql("SELECT 1 FROM requests WHERE reference = ?").get(reference) === undefined) return reference;
    }
  }

  private insertVersion(
    requestId: number,
    version: number,
    userId: number,
    document: RequestDocument,
    evaluation: Evaluation,
    at: string,
  ): void {
    this.sql(
      "INSERT INTO request_versions (request_id, version, document, evaluation, submitted_by, submitted_at) VALUES (?, ?, ?, ?, ?, ?)",
    ).run(requestId, version, JSON.stringify(document), JSON.stringify(evaluation), userId, at);
  }

  findRequest(reference: string, scope: Scope, now: Date = new Date()): StoredRequest | undefined {
    const row = this.sql(
      `SELECT ${REQUEST_COLUMNS}, v.document, v.evaluation
       FROM requests r JOIN practices p ON p.id = r.practice_id
       JOIN request_versions v ON v.request_id = r.id AND v.version = r.current_version
       WHERE r.reference = ? AND (? IS NULL OR r.practice_id = ?)`,
    ).get(reference, scope.practiceId, scope.practiceId);
    if (row === undefined) return undefined;
    return {
      ...this.toSummary(row, now),
      id: num(row.id),
      practiceId: num(row.practice_id),
      submittedBy: num(row.submitted_by),
      rowVersion: num(row.row_version),
      document: JSON.parse(str(row.document)) as RequestDocument,
      evaluation: JSON.parse(str(row.evaluation)) as Evaluation,
    };
  }

  /**
   * A page of the queue. With a cursor it seeks (keyset: `(key, id)` past the cursor's row, through
   * an index, so page 4,000 costs what page 1 does); with a page number it skips by OFFSET. The
   * total is counted per filter and kept until the next change to requests (see `countMatching`).
   */
  listRequests(query: ListQuery, scope: Scope, now: Date): ListPage {
    const where: string[] = [];
    const params: SQLInputValue[] = [];
    if (scope.practiceId !== null) {
      where.push("r.practice_id = ?");
      params.push(scope.practiceId);
    }
    if (query.status !== undefined) {
      where.push("r.status = ?");
      params.push(query.status);
    }
    if (query.outcome !== undefined) {
      where.push("r.outcome = ?");
      params.push(query.outcome);
    }
    const q = query.q?.trim();
    if (q !== undefined && q !== "") {
      where.push("(r.reference = ? OR r.member_id = ?)");
      params.push(q.toUpperCase(), q);
    }
    const total = this.countMatching(where, params, q !== undefined && q !== "");
    const key = query.sort === "due" ? "due_at" : "received_at";
    // Forward is the order shown; a "previous" cursor reads backwards from its row, then reverses.
    const ascending = query.sort === "due";
    const { cursor, pageSize } = query;
    const backwards = cursor?.direction === "previous";
    const readAscending = ascending !== backwards;
    const dir = readAscending ? "ASC" : "DESC";
    const order = `r.${key} ${dir}, r.id ${dir}`;

    let rows: Row[];
    let page: number;
    if (cursor === undefined) {
      page = query.page ?? 1;
      const filter = where.length === 0 ? "" : `WHERE ${where.join(" AND ")}`;
      // Deferred join: step over the offset in the (covering) index for ids only, then read those rows.
      rows = this.sql(
        `SELECT ${REQUEST_COLUMNS} FROM requests r JOIN practices p ON p.id = r.practice_id
         WHERE r.id IN (SELECT r.id FROM requests r ${filter} ORDER BY ${order} LIMIT ? OFFSET ?)
         ORDER BY ${order}`,
      ).all(...params, pageSize + 1, (page - 1) * pageSize);
    } else {
      page = cursor.page;
      const seek = [...where, `(r.${key}, r.id) ${readAscending ? ">" : "<"} (?, ?)`].join(" AND ");
      rows = this.sql(
        `SELECT ${REQUEST_COLUMNS} FROM requests r JOIN practices p ON p.id = r.practice_id
         WHERE ${seek} ORDER BY ${order} LIMIT ?`,
      ).all(...params, cursor.key, cursor.id, pageSize + 1);
    }
    const more = rows.length > pageSize;
    if (more) rows = rows.slice(0, pageSize);
    if (backwards) rows.reverse();
    // Backwards with nothing before these rows: this is the first page, but if rows left the filter
    // since the cursor was made it may be short, so read the first page itself, full. Forwards past
    // the end (rows left the filter): start again from the first page rather than show nothing.
    if (cursor !== undefined && ((backwards && !more) || rows.length === 0))
      return this.listRequests({ ...query, cursor: undefined, page: 1 }, scope, now);
    const hasPrevious = backwards ? more : page > 1 || cursor !== undefined;
    const hasNext = backwards ? true : more;
    const edge = (row: Row | undefined, direction: QueueCursor["direction"], to: number): QueueCursor | null =>
      row === undefined
        ? null
        : { sort: query.sort, direction, key: str(row[key]), id: num(row.id), page: Math.max(1, to) };
    if (backwards) page = Math.max(page, 2);
    return {
      items: rows.map((row) => this.toSummary(row, now)),
      total,
      page,
      next: hasNext ? edge(rows.at(-1), "next", page + 1) : null,
      previous: hasPrevious ? edge(rows[0], "previous", page - 1) : null,
    };
  }

  /**
   * COUNT(*) of the requests matching a filter. Counting tens of thousands of index entries costs
   * milliseconds, so each filter's count is kept until requests change: a write by this store bumps
   * `requestWrites`, a commit by another connection changes `PRAGMA data_version`. A search (by
   * reference or member ID: a handful of rows, counted through an index) is never kept, so no
   * patient data sits in the cache.
   */
  private countMatching(where: readonly string[], params: readonly SQLInputValue[], searched: boolean): number {
    const filter = where.length === 0 ? "" : `WHERE ${where.join(" AND ")}`;
    const count = () => num(this.sql(`SELECT COUNT(*) AS n FROM requests r ${filter}`).get(...params)?.n);
    if (searched) return count();
    const stamp = `${this.requestWrites}:${num(this.sql("PRAGMA data_version").get()?.data_version)}`;
    if (stamp !== this.countsStamp) {
      this.counts.clear();
      this.countsStamp = stamp;
    }
    const cacheKey = JSON.stringify([filter, ...params.map(String)]);
    let total = this.counts.get(cacheKey);
    if (total === undefined) {
      total = count();
      if (this.counts.size >= 1000) this.counts.clear();
      this.counts.set(cacheKey, total);
    }
    return total;
  }

  versions(requestId: number): VersionRecord[] {
    return this.sql(
      `SELECT v.version, v.submitted_at, u.name, v.evaluation FROM request_versions v JOIN users u ON u.id = v.submitted_by
       WHERE v.request_id = ? ORDER BY v.version`,
    )
      .all(requestId)
      .map((row) => ({
        version: num(row.version),
        submittedAt: str(row.submitted_at),
        submittedBy: str(row.name),
        outcome: (JSON.parse(str(row.evaluation)) as Evaluation).outcome,
      }));
  }

  decisions(requestId: number): DecisionRecord[] {
    return this.sql(
      `SELECT d.kind, d.criteria, d.message, u.name, d.decided_at, d.version, d.authorized_from, d.authorized_through
       FROM decisions d JOIN users u ON u.id = d.decided_by WHERE d.request_id = ? ORDER BY d.id`,
    )
      .all(requestId)
      .map((row) => ({
        kind: str(row.kind) as DecisionKind,
        criteria: JSON.parse(str(row.criteria)) as CriterionId[],
        message: str(row.message),
        decidedBy: str(row.name),
        decidedAt: str(row.decided_at),
        version: num(row.version),
        authorizedFrom: strOrNull(row.authorized_from),
        authorizedThrough: strOrNull(row.authorized_through),
      }));
  }

  audit(requestId: number): AuditRecord[] {
    return this.sql(
      `SELECT a.at, COALESCE(u.name, '') AS name, a.action, a.detail FROM audit_events a LEFT JOIN users u ON u.id = a.user_id
       WHERE a.request_id = ? ORDER BY a.id`,
    )
      .all(requestId)
      .map((row) => ({ at: str(row.at), user: str(row.name), action: str(row.action), detail: str(row.detail) }));
  }

  versionDocument(requestId: number, version: number): RequestDocument | undefined {
    const row = this.sql("SELECT document FROM request_versions WHERE request_id = ? AND version = ?").get(
      requestId,
      version,
    );
    return row === undefined ? undefined : (JSON.parse(str(row.document)) as RequestDocument);
  }

  // One statement, so two views racing in the same minute still leave one entry.
  recordView(requestId: number, userId: number, version: number, now: Date): void {
    const detail = `version ${version}`;
    this.sql(
      `INSERT INTO audit_events (request_id, user_id, action, detail, at)
       SELECT ?, ?, 'viewed', ?, ? WHERE NOT EXISTS (
         SELECT 1 FROM audit_events WHERE request_id = ? AND user_id = ? AND action = 'viewed' AND detail = ? AND at > ? AND at <= ?)`,
    ).run(
      requestId,
      userId,
      detail,
      now.toISOString(),
      requestId,
      userId,
      detail,
      new Date(now.getTime() - VIEW_DEDUPE_MS).toISOString(),
      now.toISOString(),
    );
  }

  lastViewedVersion(requestId: number, userId: number, below: number): number | undefined {
    const versions = this.sql(
      "SELECT DISTINCT detail FROM audit_events WHERE request_id = ? AND user_id = ? AND action = 'viewed'",
    )
      .all(requestId, userId)
      .map((row) => Number(/^version (\d+)$/.exec(str(row.detail))?.[1]))
      .filter((version) => Number.isInteger(version) && version < below);
    return versions.length === 0 ? undefined : Math.max(...versions);
  }

  /** Moves a request on only if nobody changed it since `expected` (optimistic concurrency). */
  private bump(
    requestId: number,
    expected: number,
    allowed: readonly RequestStatus[],
    set: string,
    params: SQLInputValue[],
  ): ChangeResult {
    const current = this.sql("SELECT row_version, status FROM requests WHERE id = ?").get(requestId);
    if (current === undefined || num(current.row_version) !== expected) return { ok: false, reason: "stale" };
    if (!allowed.includes(str(current.status) as RequestStatus)) return { ok: false, reason: "wrong_status" };
    this.requestWrites += 1;
    this.sql(`UPDATE requests SET ${set}, row_version = row_version + 1 WHERE id = ? AND row_version = ?`).run(
      ...params,
      requestId,
      expected,
    );
    return { ok: true, rowVersion: expected + 1 };
  }

  amend(
    requestId: number,
    expected: number,
    userId: number,
    document: RequestDocument,
    evaluation: Evaluation,
    now: Date,
  ): ChangeResult {
    return transaction(this.db, () => {
      const version =
        num(this.sql("SELECT current_version FROM requests WHERE id = ?").get(requestId)?.current_version) + 1;
      const member = document.member;
      const result = this.bump(
        requestId,
        expected,
        ["more_info_requested"],
        "status = 'submitted', current_version = ?, outcome = ?, member_id = ?, member_name = ?",
        [
          version,
          evaluation.outcome,
          member?.memberId ?? null,
          [member?.firstName, member?.lastName].filter(Boolean).join(" ") || null,
        ],
      );
      if (!result.ok) return result;
      this.insertVersion(requestId, version, userId, document, evaluation, now.toISOString());
      fileDraftDocuments(this.db, requestId, version, userId); // #11: earlier documents kept, the amendment's added
      this.recordAudit(requestId, userId, "amended", `version ${version}`, now);
      // The amender's draft of this amendment is filed now; a draft of something else stays.
      this.sql(
        "DELETE FROM drafts WHERE user_id = ? AND amends_reference = (SELECT reference FROM requests WHERE id = ?)",
      ).run(userId, requestId);
      return result;
    });
  }

  startReview(requestId: number, expected: number): ChangeResult {
    return transaction(this.db, () => this.bump(requestId, expected, ["submitted"], "status = 'in_review'", []));
  }

  sameMemberRequests(requestId: number, scope: Scope): SameMemberRequest[] {
    return this.sql(
      `SELECT o.reference, o.status, o.received_at, p.name AS practice_name
       FROM requests r JOIN requests o ON o.id <> r.id AND UPPER(TRIM(o.member_id)) = UPPER(TRIM(r.member_id))
       JOIN practices p ON p.id = o.practice_id
       WHERE r.id = ? AND TRIM(r.member_id) <> '' AND (? IS NULL OR o.practice_id = ?)
       ORDER BY o.received_at DESC, o.id DESC LIMIT 20`,
    )
      .all(requestId, scope.practiceId, scope.practiceId)
      .map((row) => ({
        reference: str(row.reference),
        status: str(row.status) as RequestStatus,
        receivedAt: str(row.received_at),
        practiceName: str(row.practice_name),
      }));
  }

  decide(requestId: number, expected: number, d: Decision): ChangeResult {
    return transaction(this.db, () => {
      // Hemgenix is given once: inside the decision's transaction (writers queue), so two reviewers
      // approving two requests for one member at the same moment cannot both succeed.
      if (d.kind === "approve") {
        const approved = this.sql(
          `SELECT o.reference FROM requests r JOIN requests o ON o.id <> r.id
             AND UPPER(TRIM(o.member_id)) = UPPER(TRIM(r.member_id)) AND o.status = 'approved'
           WHERE r.id = ? AND TRIM(r.member_id) <> '' LIMIT 1`,
        ).get(requestId);
        if (approved !== undefined) return { ok: false, reason: "member_approved", reference: str(approved.reference) };
      }
      const result = this.bump(requestId, expected, ["submitted", "in_review"], "status = ?", [d.newStatus]);
      if (!result.ok) return result;
      const version = num(
        this.sql("SELECT current_version FROM requests WHERE id = ?").get(requestId)?.current_version,
      );
      this.sql(
        `INSERT INTO decisions (request_id, version, kind, criteria, message, decided_by, decided_at, authorized_from, authorized_through)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        requestId,
        version,
        d.kind,
        JSON.stringify(d.criteria),
        d.message,
        d.userId,
        d.now.toISOString(),
        d.authorizedFrom,
        d.authorizedThrough,
      );
      this.recordAudit(requestId, d.userId, DECISION_AUDIT_ACTIONS[d.kind], `version ${version}`, d.now);
      return result;
    });
  }

  recordAccountEvent(accountId: number, userId: number, action: string, detail: string, now: Date): void {
    this.sql("INSERT INTO audit_events (account_id, user_id, action, detail, at) VALUES (?, ?, ?, ?, ?)").run(
      accountId,
      userId,
      action,
      detail,
      now.toISOString(),
    );
  }

  accountHistory(accountId: number, limit: number): AuditRecord[] {
    return this.sql(
      `SELECT a.at, COALESCE(u.name, '') AS name, a.action, a.detail FROM audit_events a LEFT JOIN users u ON u.id = a.user_id
       WHERE a.account_id = ? AND a.action <> 'signed in' ORDER BY a.id DESC LIMIT ?`,
    )
      .all(accountId, limit)
      .map((row) => ({ at: str(row.at), user: str(row.name), action: str(row.action), detail: str(row.detail) }));
  }

  // A practice's name is no one's personal data: its events say it (what it was called, what it became).
  private recordPracticeEvent(practiceId: number, userId: number, action: string, detail: string, now: Date): void {
    this.sql("INSERT INTO audit_events (practice_id, user_id, action, detail, at) VALUES (?, ?, ?, ?, ?)").run(
      practiceId,
      userId,
      action,
      detail,
      now.toISOString(),
    );
  }

  practiceHistory(practiceId: number, limit: number): AuditRecord[] {
    return this.sql(
      `SELECT a.at, COALESCE(u.name, '') AS name, a.action, a.detail FROM audit_events a LEFT JOIN users u ON u.id = a.user_id
       WHERE a.practice_id = ? ORDER BY a.id DESC LIMIT ?`,
    )
      .all(practiceId, limit)
      .map((row) => ({
        at: str(row.at),
        user: str(row.name),
        action: str(row.action),
        // Events from before migration 7 carry only the practice's id, which says nothing on its page.
        detail: /^practice \d+$/.test(str(row.detail)) ? "" : str(row.detail),
      }));
  }

  lastSignIn(accountId: number): string | null {
    const row = this.sql(
      "SELECT at FROM audit_events WHERE account_id = ? AND action = 'signed in' ORDER BY id DESC LIMIT 1",
    ).get(accountId);
    return row === undefined ? null : str(row.at);
  }

  recordAudit(requestId: number | null, userId: number, action: string, detail: string, now: Date): void {
    this.sql("INSERT INTO audit_events (request_id, user_id, action, detail, at) VALUES (?, ?, ?, ?, ?)").run(
      requestId,
      userId,
      action,
      detail,
      now.toISOString(),
    );
  }

  integrityCheck(): string {
    return str(this.sql("PRAGMA integrity_check").get()?.integrity_check);
  }

  close(): void {
    this.db.close();
  }
}

/** The Store routes use, on the SQLite file (created, with every migration applied, when new). */
export function sqliteStore(file: string): Store {
  return promised(new SqliteDatabase(file));
}
