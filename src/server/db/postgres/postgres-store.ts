/**
 * The Store on PostgreSQL, for a plan running several instances on one database. The same methods
 * and guarantees as the SQLite store, settled inside the database because two processes share it:
 *
 * - a repeated submit: the unique (submitter, key) index; the loser of a race waits for the
 *   winner's commit (`ON CONFLICT DO NOTHING`) and answers with its request;
 * - a member's open request, and "Hemgenix is given once": a transaction-scoped advisory lock on
 *   the member (per practice for submits, across practices for approvals) around check and write;
 * - decisions and amendments: `UPDATE … WHERE row_version = $expected`, so of two at once the
 *   second finds the row moved on ("stale", 409);
 * - administration: every change takes one advisory lock first, so two admins changing each
 *   other at the same moment run one after the other and the second finds it is no admin any more;
 * - taken emails and practice names: unique indexes on lower();
 * - the audit row is written in the transaction of the change.
 *
 * Parameterised SQL only ($1, $2 …); statements are prepared once per connection.
 */
import { randomBytes } from "node:crypto";
import type pg from "pg";
import { DECISION_AUDIT_ACTIONS } from "@/criteria";
import { MAX_LOCAL_CODES, ROLE_LABELS } from "@/contract";
import {
  LOCAL_CODE_ADDED,
  LOCAL_CODE_COLUMNS,
  LOCAL_CODE_REMOVED,
  RECORD_IMPORT_SETTING,
  localCodeDetail,
  toAuditRecord,
  toLocalCode,
} from "../local-code-rows";
import { num, str, strOrNull, toSummary, toUser, toVersionRecord } from "../rows";
import {
  readStoredCriteria,
  readStoredDocument,
  readStoredDocumentsRequested,
  readStoredEvaluation,
  provenanceColumn,
} from "../stored-json";
import type { DecisionKind, Evaluation, RequestDocument } from "@/criteria";
import type {
  AdminPractice,
  AdminUser,
  AuditRecord,
  ConfiguredLocalCode,
  DecisionRecord,
  LocalCodeEntry,
  MissingDocument,
  ProvenanceEntry,
  RequestStatus,
  SameMemberRequest,
  SessionUser,
  VersionRecord,
} from "@/contract";
import type {
  AdminAct,
  ChangeResult,
  Decision,
  ListPage,
  ListQuery,
  LocalCodeKind,
  NewSubmission,
  NewUser,
  QueueCursor,
  Scope,
  Store,
  StoredDraft,
  StoredRequest,
  StoredSession,
  SubmitResult,
  UserUpdate,
} from "../store";
import { isUniqueViolation, translate } from "./errors";
import { transaction } from "./transaction";

type Row = Record<string, unknown>;
type Value = string | number | boolean | null;
type Queryable = pg.Pool | pg.PoolClient;

/** Reference numbers people can read aloud: no 0/O or 1/I (as the SQLite store makes them). */
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
function newReference(): string {
  const bytes = randomBytes(8);
  let code = "";
  for (const byte of bytes) code += ALPHABET[byte % ALPHABET.length] ?? "";
  return `HGX-${code.slice(0, 4)}-${code.slice(4)}`;
}

const VIEW_DEDUPE_MS = 60_000;

/** Advisory lock keys: one for all administration; two-number keys per member (namespace, hash). */
const ADMIN_LOCK = 7_246_133_581;
const APPROVAL_NAMESPACE = -1;
const VIEW_NAMESPACE = -2;

const USER_COLUMNS =
  "u.id, u.email, u.name, u.role, u.practice_id, p.name AS practice_name, u.password_hash, u.active, u.created_at, u.row_version";
const PRACTICE_COLUMNS = `pr.id, pr.name,
  (SELECT COUNT(*)::int FROM users u WHERE u.practice_id = pr.id AND u.active) AS users,
  (SELECT COUNT(*)::int FROM requests r WHERE r.practice_id = pr.id) AS requests`;
const REQUEST_COLUMNS = `r.id, r.reference, r.practice_id, p.name AS practice_name, r.submitted_by, r.status, r.expedited,
  r.member_id, r.member_name, r.outcome, r.received_at, r.due_at, r.current_version, r.row_version`;

export class PostgresStore implements Store {
  private readonly names = new Map<string, string>();
  private countsStamp = "";
  private readonly counts = new Map<string, number>();

  constructor(private readonly pool: pg.Pool) {}

  /** Runs one parameterised statement (prepared once per connection, by name). */
  private async rows(text: string, params: readonly Value[] = [], on: Queryable = this.pool): Promise<Row[]> {
    let name = this.names.get(text);
    if (name === undefined) {
      name = `s${this.names.size + 1}`;
      this.names.set(text, name);
    }
    try {
      const result = await on.query<Row>({ name, text, values: params as Value[] });
      return result.rows;
    } catch (error) {
      throw translate(error);
    }
  }

  private async row(text: string, params: readonly Value[] = [], on: Queryable = this.pool): Promise<Row | undefined> {
    return (await this.rows(text, params, on))[0];
  }

  private async run(text: string, params: readonly Value[] = [], on: Queryable = this.pool): Promise<number> {
    let name = this.names.get(text);
    if (name === undefined) {
      name = `s${this.names.size + 1}`;
      this.names.set(text, name);
    }
    try {
      return (await on.query({ name, text, values: params as Value[] })).rowCount ?? 0;
    } catch (error) {
      throw translate(error);
    }
  }

  private tx<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return transaction(this.pool, work);
  }

  private toPractice(row: Row): AdminPractice {
    return { id: num(row.id), name: str(row.name), users: num(row.users), requests: num(row.requests) };
  }

  private toAccount(row: Row): AdminUser {
    return {
      ...toUser(row),
      active: row.active === true,
      createdAt: str(row.created_at),
      rowVersion: num(row.row_version),
    };
  }

  async createPractice(name: string): Promise<number> {
    return num((await this.row("INSERT INTO practices (name) VALUES ($1) RETURNING id", [name]))?.id);
  }

  async findPracticeByName(name: string): Promise<{ id: number; name: string } | undefined> {
    const row = await this.row("SELECT id, name FROM practices WHERE name = $1", [name]);
    return row === undefined ? undefined : { id: num(row.id), name: str(row.name) };
  }

  async createUser(user: NewUser, now: Date): Promise<SessionUser> {
    const row = await this.row(
      `INSERT INTO users (email, name, role, practice_id, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING id`,
      [user.email, user.name, user.role, user.practiceId, user.passwordHash, now.toISOString()],
    );
    const created = await this.findUserById(num(row?.id));
    if (created === undefined) throw new Error("User was not stored");
    return created;
  }

  async findUserByEmail(email: string) {
    const row = await this.row(
      `SELECT ${USER_COLUMNS} FROM users u LEFT JOIN practices p ON p.id = u.practice_id WHERE lower(u.email) = lower($1)`,
      [email],
    );
    return row === undefined
      ? undefined
      : { ...toUser(row), passwordHash: str(row.password_hash), active: row.active === true };
  }

  async findUserById(id: number, on: Queryable = this.pool): Promise<SessionUser | undefined> {
    const row = await this.row(
      `SELECT ${USER_COLUMNS} FROM users u LEFT JOIN practices p ON p.id = u.practice_id WHERE u.id = $1 AND u.active`,
      [id],
      on,
    );
    return row === undefined ? undefined : toUser(row);
  }

  async countUsers(): Promise<number> {
    return num((await this.row("SELECT COUNT(*)::int AS n FROM users"))?.n);
  }

  async listPractices(): Promise<AdminPractice[]> {
    return (await this.rows(`SELECT ${PRACTICE_COLUMNS} FROM practices pr ORDER BY lower(pr.name), pr.id`)).map((row) =>
      this.toPractice(row),
    );
  }

  async findPractice(id: number, on: Queryable = this.pool): Promise<AdminPractice | undefined> {
    const row = await this.row(`SELECT ${PRACTICE_COLUMNS} FROM practices pr WHERE pr.id = $1`, [id], on);
    return row === undefined ? undefined : this.toPractice(row);
  }

  /**
   * The start of every administrative transaction: administration runs one change at a time
   * (changes are rare), so the acting admin's standing read here cannot be changed by a concurrent
   * change before this one commits. False when they are no (active) admin any more.
   */
  private async adminTurn(client: pg.PoolClient, adminId: number): Promise<boolean> {
    await this.run("SELECT pg_advisory_xact_lock($1)", [ADMIN_LOCK], client);
    return (
      (await this.row("SELECT 1 AS ok FROM users WHERE id = $1 AND role = 'admin' AND active", [adminId], client)) !==
      undefined
    );
  }

  async addPractice(name: string, by: AdminAct): Promise<AdminPractice | "name_taken" | "not_admin"> {
    return this.tx(async (c) => {
      if (!(await this.adminTurn(c, by.adminId))) return "not_admin";
      const row = await this.row(
        "INSERT INTO practices (name) VALUES ($1) ON CONFLICT ((lower(name))) DO NOTHING RETURNING id",
        [name],
        c,
      );
      if (row === undefined) return "name_taken";
      const id = num(row.id);
      await this.recordPracticeEvent(id, by.adminId, "practice added", name, by.now, c);
      return (await this.findPractice(id, c)) ?? "name_taken";
    });
  }

  async renamePractice(
    id: number,
    name: string,
    by: AdminAct,
  ): Promise<AdminPractice | "name_taken" | "not_found" | "not_admin"> {
    try {
      return await this.tx(async (c) => {
        if (!(await this.adminTurn(c, by.adminId))) return "not_admin";
        const before = await this.findPractice(id, c);
        if (before === undefined) return "not_found";
        await this.run("UPDATE practices SET name = $1 WHERE id = $2", [name, id], c);
        await this.recordPracticeEvent(id, by.adminId, "practice renamed", `${before.name} → ${name}`, by.now, c);
        return (await this.findPractice(id, c)) ?? "not_found";
      });
    } catch (error) {
      if (isUniqueViolation(error)) return "name_taken";
      throw error;
    }
  }

  async listUsers(): Promise<AdminUser[]> {
    return (
      await this.rows(
        `SELECT ${USER_COLUMNS} FROM users u LEFT JOIN practices p ON p.id = u.practice_id
         ORDER BY u.active DESC, lower(u.name), u.id`,
      )
    ).map((row) => this.toAccount(row));
  }

  async findAccount(id: number, on: Queryable = this.pool): Promise<AdminUser | undefined> {
    const row = await this.row(
      `SELECT ${USER_COLUMNS} FROM users u LEFT JOIN practices p ON p.id = u.practice_id WHERE u.id = $1`,
      [id],
      on,
    );
    return row === undefined ? undefined : this.toAccount(row);
  }

  async addUser(user: NewUser, by: AdminAct): Promise<AdminUser | "email_taken" | "not_admin"> {
    return this.tx(async (c) => {
      if (!(await this.adminTurn(c, by.adminId))) return "not_admin";
      const row = await this.row(
        `INSERT INTO users (email, name, role, practice_id, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT ((lower(email))) DO NOTHING RETURNING id`,
        [user.email, user.name, user.role, user.practiceId, user.passwordHash, by.now.toISOString()],
        c,
      );
      if (row === undefined) return "email_taken";
      const created = await this.findAccount(num(row.id), c);
      if (created === undefined) throw new Error("Account was not stored");
      const where = created.practiceName === null ? "" : ` at ${created.practiceName}`;
      await this.recordAccountEvent(
        created.id,
        by.adminId,
        "account added",
        `${ROLE_LABELS[created.role]}${where}`,
        by.now,
        c,
      );
      return created;
    });
  }

  async updateUser(
    id: number,
    expectedRowVersion: number,
    update: UserUpdate,
    effects: { endSessions: boolean; keepSession: string | null; detail: string },
    by: AdminAct,
  ): Promise<AdminUser | "stale" | "not_found" | "not_admin"> {
    const columns: [string, Value][] = [];
    if (update.name !== undefined) columns.push(["name", update.name]);
    if (update.role !== undefined) columns.push(["role", update.role]);
    if (update.practiceId !== undefined) columns.push(["practice_id", update.practiceId]);
    if (update.passwordHash !== undefined) columns.push(["password_hash", update.passwordHash]);
    if (update.active !== undefined) columns.push(["active", update.active]);
    return this.tx(async (c) => {
      if (!(await this.adminTurn(c, by.adminId))) return "not_admin";
      const current = await this.findAccount(id, c);
      if (current === undefined) return "not_found";
      if (current.rowVersion !== expectedRowVersion) return "stale";
      if (columns.length === 0) return current;
      const set = columns.map(([column], i) => `${column} = $${i + 1}`).join(", ");
      const n = columns.length;
      const changed = await this.run(
        `UPDATE users SET ${set}, row_version = row_version + 1 WHERE id = $${n + 1} AND row_version = $${n + 2}`,
        [...columns.map(([, value]) => value), id, expectedRowVersion],
        c,
      );
      if (changed === 0) return "stale";
      if (effects.endSessions)
        await this.run(
          "DELETE FROM sessions WHERE user_id = $1 AND id_hash IS DISTINCT FROM $2",
          [id, effects.keepSession],
          c,
        );
      // Work in progress belongs to the practice it was started for (as in the SQLite store).
      if (update.practiceId !== undefined || update.active === false) {
        await this.run("DELETE FROM drafts WHERE user_id = $1", [id], c);
        await this.run(
          `UPDATE requests SET idempotency_key = 'retired:' || id WHERE submitted_by = $1 AND idempotency_key NOT LIKE 'retired:%'`,
          [id],
          c,
        );
      }
      await this.recordAccountEvent(id, by.adminId, "account changed", effects.detail, by.now, c);
      return (await this.findAccount(id, c)) ?? "not_found";
    });
  }

  async accountHistory(accountId: number, limit: number): Promise<AuditRecord[]> {
    return (
      await this.rows(
        `SELECT a.at, COALESCE(u.name, '') AS name, a.action, a.detail FROM audit_events a LEFT JOIN users u ON u.id = a.user_id
         WHERE a.account_id = $1 AND a.action <> 'signed in' ORDER BY a.id DESC LIMIT $2`,
        [accountId, limit],
      )
    ).map((row) => ({ at: str(row.at), user: str(row.name), action: str(row.action), detail: str(row.detail) }));
  }

  async lastSignIn(accountId: number): Promise<string | null> {
    const row = await this.row(
      "SELECT at FROM audit_events WHERE account_id = $1 AND action = 'signed in' ORDER BY id DESC LIMIT 1",
      [accountId],
    );
    return row === undefined ? null : str(row.at);
  }

  async practiceHistory(practiceId: number, limit: number): Promise<AuditRecord[]> {
    return (
      await this.rows(
        `SELECT a.at, COALESCE(u.name, '') AS name, a.action, a.detail FROM audit_events a LEFT JOIN users u ON u.id = a.user_id
         WHERE a.practice_id = $1 ORDER BY a.id DESC LIMIT $2`,
        [practiceId, limit],
      )
    ).map((row) => ({
      at: str(row.at),
      user: str(row.name),
      action: str(row.action),
      detail: /^practice \d+$/.test(str(row.detail)) ? "" : str(row.detail),
    }));
  }

  async localCodes(kind: LocalCodeKind): Promise<ConfiguredLocalCode[]> {
    return (
      await this.rows(`SELECT ${LOCAL_CODE_COLUMNS} FROM record_import_local_codes WHERE identifies = $1 ORDER BY id`, [
        kind,
      ])
    ).map(toLocalCode);
  }

  private async findLocalCode(
    kind: LocalCodeKind,
    id: number,
    on: Queryable,
  ): Promise<ConfiguredLocalCode | undefined> {
    const row = await this.row(
      `SELECT ${LOCAL_CODE_COLUMNS} FROM record_import_local_codes WHERE identifies = $1 AND id = $2`,
      [kind, id],
      on,
    );
    return row === undefined ? undefined : toLocalCode(row);
  }

  private async recordSettingEvent(userId: number, action: string, detail: string, now: Date, on: Queryable) {
    await this.run(
      "INSERT INTO audit_events (setting, user_id, action, detail, at) VALUES ($1, $2, $3, $4, $5)",
      [RECORD_IMPORT_SETTING, userId, action, detail, now.toISOString()],
      on,
    );
  }

  async addLocalCode(
    kind: LocalCodeKind,
    entry: LocalCodeEntry,
    by: AdminAct,
  ): Promise<ConfiguredLocalCode | "duplicate" | "full" | "not_admin"> {
    // The admin lock serialises changes, so the count read here still holds at the insert.
    return this.tx(async (c) => {
      if (!(await this.adminTurn(c, by.adminId))) return "not_admin";
      const count = num(
        (await this.row("SELECT COUNT(*)::int AS n FROM record_import_local_codes WHERE identifies = $1", [kind], c))
          ?.n,
      );
      if (count >= MAX_LOCAL_CODES) return "full";
      const row = await this.row(
        `INSERT INTO record_import_local_codes (identifies, system, code, display, added_by, added_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (identifies, system, code) DO NOTHING RETURNING id`,
        [kind, entry.system, entry.code, entry.display, by.adminId, by.now.toISOString()],
        c,
      );
      if (row === undefined) return "duplicate";
      await this.recordSettingEvent(by.adminId, LOCAL_CODE_ADDED, localCodeDetail(kind, entry), by.now, c);
      const added = await this.findLocalCode(kind, num(row.id), c);
      if (added === undefined) throw new Error("Local code was not stored");
      return added;
    });
  }

  async removeLocalCode(
    kind: LocalCodeKind,
    id: number,
    by: AdminAct,
  ): Promise<ConfiguredLocalCode | "not_found" | "not_admin"> {
    return this.tx(async (c) => {
      if (!(await this.adminTurn(c, by.adminId))) return "not_admin";
      const before = await this.findLocalCode(kind, id, c);
      if (before === undefined) return "not_found";
      await this.run("DELETE FROM record_import_local_codes WHERE id = $1", [id], c);
      await this.recordSettingEvent(by.adminId, LOCAL_CODE_REMOVED, localCodeDetail(kind, before), by.now, c);
      return before;
    });
  }

  async recordImportHistory(limit: number): Promise<AuditRecord[]> {
    return (
      await this.rows(
        `SELECT a.at, COALESCE(u.name, '') AS name, a.action, a.detail FROM audit_events a LEFT JOIN users u ON u.id = a.user_id
         WHERE a.setting = $1 ORDER BY a.id DESC LIMIT $2`,
        [RECORD_IMPORT_SETTING, limit],
      )
    ).map(toAuditRecord);
  }

  async createSession(idHash: string, userId: number, csrfToken: string, now: number): Promise<void> {
    await this.run(
      "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $4)",
      [idHash, userId, csrfToken, now],
    );
  }

  async findSession(idHash: string): Promise<StoredSession | undefined> {
    const row = await this.row(
      "SELECT user_id, csrf_token, created_at, last_seen_at FROM sessions WHERE id_hash = $1",
      [idHash],
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

  async touchSession(idHash: string, now: number): Promise<void> {
    await this.run("UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2", [now, idHash]);
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.run("DELETE FROM sessions WHERE id_hash = $1", [idHash]);
  }

  async deleteExpiredSessions(idleBefore: number, createdBefore: number): Promise<void> {
    await this.run("DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2", [idleBefore, createdBefore]);
  }

  async getDraft(userId: number): Promise<StoredDraft | undefined> {
    const row = await this.row(
      "SELECT content, stamp, amends_reference, amends_row_version, updated_at FROM drafts WHERE user_id = $1",
      [userId],
    );
    if (row === undefined) return undefined;
    const reference = strOrNull(row.amends_reference);
    return {
      content: str(row.content),
      stamp: str(row.stamp),
      amends: reference === null ? null : { reference, rowVersion: num(row.amends_row_version) },
      updatedAt: str(row.updated_at),
    };
  }

  async putDraft(userId: number, draft: Omit<StoredDraft, "updatedAt">, now: Date): Promise<void> {
    await this.run(
      `INSERT INTO drafts (user_id, content, stamp, amends_reference, amends_row_version, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (user_id) DO UPDATE SET content = excluded.content, stamp = excluded.stamp,
         amends_reference = excluded.amends_reference, amends_row_version = excluded.amends_row_version,
         updated_at = excluded.updated_at`,
      [
        userId,
        draft.content,
        draft.stamp,
        draft.amends?.reference ?? null,
        draft.amends?.rowVersion ?? null,
        now.toISOString(),
      ],
    );
  }

  async deleteDraft(userId: number): Promise<void> {
    await this.run("DELETE FROM drafts WHERE user_id = $1", [userId]);
  }

  /**
   * One call of `hemgenix_submit` (migration 7): the whole transaction in one round trip, with the
   * same rules as the SQLite store's submit (see the function's comment).
   */
  async filedWithKey(
    userId: number,
    idempotencyKey: string,
  ): Promise<{ reference: string; expedited: boolean; dueAt: string } | undefined> {
    const row = await this.row(
      "SELECT reference, expedited, due_at FROM requests WHERE submitted_by = $1 AND idempotency_key = $2",
      [userId, idempotencyKey],
    );
    return row === undefined
      ? undefined
      : { reference: str(row.reference), expedited: row.expedited === true, dueAt: str(row.due_at) };
  }

  async submit(s: NewSubmission): Promise<SubmitResult> {
    const member = s.document.member;
    const memberName = [member?.firstName, member?.lastName].filter(Boolean).join(" ") || null;
    // Written before anything is sent: a document that cannot be written changes nothing.
    const documentJson = JSON.stringify(s.document);
    const evaluationJson = JSON.stringify(s.evaluation);
    let row: Row | undefined;
    try {
      row = await this.row(
        "SELECT kind, reference, expedited, due_at, received_at FROM hemgenix_submit($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
        [
          s.userId,
          s.idempotencyKey,
          s.practiceId,
          member?.memberId ?? null,
          s.acknowledgedOpen,
          newReference(),
          s.expedited,
          memberName,
          s.evaluation.outcome,
          s.now.toISOString(),
          s.dueAt.toISOString(),
          documentJson,
          evaluationJson,
          s.missingDocuments === undefined ? null : JSON.stringify(s.missingDocuments),
          provenanceColumn(s.provenance),
        ],
      );
    } catch (error) {
      // 32^8 references make a clash rare; the call changed nothing, so it is made again with another.
      if (isUniqueViolation(error, "requests_reference_key")) return this.submit(s);
      throw error;
    }
    if (row === undefined) throw new Error("The submit answered nothing");
    if (row.kind === "open") return { open: { reference: str(row.reference), receivedAt: str(row.received_at) } };
    return {
      reference: str(row.reference),
      created: row.kind === "created",
      expedited: row.expedited === true,
      dueAt: str(row.due_at),
    };
  }

  private async insertVersion(
    requestId: number,
    version: number,
    userId: number,
    document: RequestDocument,
    evaluation: Evaluation,
    at: string,
    on: Queryable,
    missingDocuments?: MissingDocument[],
    provenance?: ProvenanceEntry[],
  ): Promise<void> {
    const documentJson = JSON.stringify(document);
    const evaluationJson = JSON.stringify(evaluation);
    const missingJson = missingDocuments === undefined ? null : JSON.stringify(missingDocuments);
    await this.run(
      "INSERT INTO request_versions (request_id, version, document, evaluation, submitted_by, submitted_at, missing_documents, provenance) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      [requestId, version, documentJson, evaluationJson, userId, at, missingJson, provenanceColumn(provenance)],
      on,
    );
  }

  async findRequest(reference: string, scope: Scope, now: Date): Promise<StoredRequest | undefined> {
    const row = await this.row(
      `SELECT ${REQUEST_COLUMNS}, v.document, v.evaluation
       FROM requests r JOIN practices p ON p.id = r.practice_id
       JOIN request_versions v ON v.request_id = r.id AND v.version = r.current_version
       WHERE r.reference = $1 AND ($2::int IS NULL OR r.practice_id = $2::int)`,
      [reference, scope.practiceId],
    );
    if (row === undefined) return undefined;
    const stored = readStoredDocument(str(row.document));
    return {
      ...toSummary(row, now),
      id: num(row.id),
      practiceId: num(row.practice_id),
      submittedBy: num(row.submitted_by),
      rowVersion: num(row.row_version),
      document: stored.document,
      ...(!stored.ok && { documentProblems: stored.problems }),
      evaluation: readStoredEvaluation(str(row.evaluation)),
    };
  }

  async sameMemberRequests(requestId: number, scope: Scope): Promise<SameMemberRequest[]> {
    return (
      await this.rows(
        `SELECT o.reference, o.status, o.received_at, p.name AS practice_name
         FROM requests r JOIN requests o ON o.id <> r.id AND upper(btrim(o.member_id)) = upper(btrim(r.member_id))
         JOIN practices p ON p.id = o.practice_id
         WHERE r.id = $1 AND btrim(r.member_id) <> '' AND ($2::int IS NULL OR o.practice_id = $2::int)
         ORDER BY o.received_at DESC, o.id DESC LIMIT 20`,
        [requestId, scope.practiceId],
      )
    ).map((row) => ({
      reference: str(row.reference),
      status: str(row.status) as RequestStatus,
      receivedAt: str(row.received_at),
      practiceName: str(row.practice_name),
    }));
  }

  /**
   * A page of the queue, as the SQLite store pages it (keyset by cursor, offset by page number).
   * The page's statement also reads the queue's change counter, so a count kept from before any
   * change since is answered without another statement (see `countMatching`).
   */
  async listRequests(query: ListQuery, scope: Scope, now: Date): Promise<ListPage> {
    const where: string[] = [];
    const params: Value[] = [];
    const p = (value: Value): string => {
      params.push(value);
      return `$${params.length}`;
    };
    if (scope.practiceId !== null) where.push(`r.practice_id = ${p(scope.practiceId)}`);
    if (query.status !== undefined) where.push(`r.status = ${p(query.status)}`);
    if (query.outcome !== undefined) where.push(`r.outcome = ${p(query.outcome)}`);
    const q = query.q?.trim();
    const searched = q !== undefined && q !== "";
    if (searched) where.push(`(r.reference = ${p(q.toUpperCase())} OR r.member_id = ${p(q)})`);
    const filterParams = [...params];
    const key = query.sort === "due" ? "due_at" : "received_at";
    const ascending = query.sort === "due";
    const { cursor, pageSize } = query;
    const backwards = cursor?.direction === "previous";
    const readAscending = ascending !== backwards;
    const dir = readAscending ? "ASC" : "DESC";
    const order = `r.${key} ${dir}, r.id ${dir}`;
    const columns = `${REQUEST_COLUMNS}, (SELECT n FROM queue_version) AS queue_n`;

    let rows: Row[];
    let page: number;
    if (cursor === undefined) {
      page = query.page ?? 1;
      const filter = where.length === 0 ? "" : `WHERE ${where.join(" AND ")}`;
      const limit = p(pageSize + 1);
      const offset = p((page - 1) * pageSize);
      rows = await this.rows(
        `SELECT ${columns} FROM requests r JOIN practices p ON p.id = r.practice_id
         WHERE r.id IN (SELECT r.id FROM requests r ${filter} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset})
         ORDER BY ${order}`,
        params,
      );
    } else {
      page = cursor.page;
      const seek = [...where, `(r.${key}, r.id) ${readAscending ? ">" : "<"} (${p(cursor.key)}, ${p(cursor.id)})`];
      const limit = p(pageSize + 1);
      rows = await this.rows(
        `SELECT ${columns} FROM requests r JOIN practices p ON p.id = r.practice_id
         WHERE ${seek.join(" AND ")} ORDER BY ${order} LIMIT ${limit}`,
        params,
      );
    }
    if (cursor !== undefined && rows.length === 0)
      return this.listRequests({ ...query, cursor: undefined, page: 1 }, scope, now);
    const total = await this.countMatching(where, filterParams, searched, rows[0]?.queue_n);
    const more = rows.length > pageSize;
    if (more) rows = rows.slice(0, pageSize);
    if (backwards) rows.reverse();
    // Backwards with nothing before these rows: read the first page itself, full (as SQLite does).
    if (cursor !== undefined && backwards && !more)
      return this.listRequests({ ...query, cursor: undefined, page: 1 }, scope, now);
    const hasPrevious = backwards ? more : page > 1 || cursor !== undefined;
    const hasNext = backwards ? true : more;
    const edge = (row: Row | undefined, direction: QueueCursor["direction"], to: number): QueueCursor | null =>
      row === undefined
        ? null
        : { sort: query.sort, direction, key: str(row[key]), id: num(row.id), page: Math.max(1, to) };
    if (backwards) page = Math.max(page, 2);
    return {
      items: rows.map((row) => toSummary(row, now)),
      total,
      page,
      next: hasNext ? edge(rows.at(-1), "next", page + 1) : null,
      previous: hasPrevious ? edge(rows[0], "previous", page - 1) : null,
    };
  }

  /**
   * COUNT(*) of the requests matching a filter, kept per filter until requests change anywhere.
   * Every statement that changes requests moves `queue_version` on in its own transaction (a
   * trigger, migration 2), so a count made after reading the counter at N includes every change up
   * to N: kept under N, it is right until the counter moves, whichever instance (or program) moves
   * it. `stamp` is the counter as the page's statement read it (undefined: no rows, read it now).
   * A search is never kept, so no patient data sits in the cache.
   */
  private async countMatching(
    where: readonly string[],
    params: readonly Value[],
    searched: boolean,
    stamp: unknown,
  ): Promise<number> {
    const filter = where.length === 0 ? "" : `WHERE ${where.join(" AND ")}`;
    const count = async () => num((await this.row(`SELECT COUNT(*)::int AS n FROM requests r ${filter}`, params))?.n);
    if (searched) return count();
    const version = str(stamp ?? (await this.row("SELECT n FROM queue_version"))?.n);
    if (version !== this.countsStamp) {
      this.counts.clear();
      this.countsStamp = version;
    }
    const cacheKey = JSON.stringify([filter, ...params.map(String)]);
    let total = this.counts.get(cacheKey);
    if (total === undefined) {
      total = await count();
      if (version === this.countsStamp) {
        if (this.counts.size >= 1000) this.counts.clear();
        this.counts.set(cacheKey, total);
      }
    }
    return total;
  }

  async versions(requestId: number): Promise<VersionRecord[]> {
    return (
      await this.rows(
        `SELECT v.version, v.submitted_at, u.name, v.evaluation, v.missing_documents, v.provenance FROM request_versions v JOIN users u ON u.id = v.submitted_by
         WHERE v.request_id = $1 ORDER BY v.version`,
        [requestId],
      )
    ).map(toVersionRecord);
  }

  async decisions(requestId: number): Promise<DecisionRecord[]> {
    return (
      await this.rows(
        `SELECT d.kind, d.criteria, d.message, d.documents_requested, u.name, d.decided_at, d.version, d.authorized_from,
                d.authorized_through
         FROM decisions d JOIN users u ON u.id = d.decided_by WHERE d.request_id = $1 ORDER BY d.id`,
        [requestId],
      )
    ).map((row) => ({
      kind: str(row.kind) as DecisionKind,
      criteria: readStoredCriteria(str(row.criteria)),
      message: str(row.message),
      documentsRequested: readStoredDocumentsRequested(str(row.documents_requested)),
      decidedBy: str(row.name),
      decidedAt: str(row.decided_at),
      version: num(row.version),
      authorizedFrom: strOrNull(row.authorized_from),
      authorizedThrough: strOrNull(row.authorized_through),
    }));
  }

  async audit(requestId: number): Promise<AuditRecord[]> {
    return (
      await this.rows(
        `SELECT a.at, COALESCE(u.name, '') AS name, a.action, a.detail FROM audit_events a LEFT JOIN users u ON u.id = a.user_id
         WHERE a.request_id = $1 ORDER BY a.id`,
        [requestId],
      )
    ).map((row) => ({ at: str(row.at), user: str(row.name), action: str(row.action), detail: str(row.detail) }));
  }

  async versionDocument(requestId: number, version: number): Promise<RequestDocument | undefined> {
    const row = await this.row("SELECT document FROM request_versions WHERE request_id = $1 AND version = $2", [
      requestId,
      version,
    ]);
    if (row === undefined) return undefined;
    const stored = readStoredDocument(str(row.document));
    return stored.ok ? stored.document : undefined;
  }

  // A lock on the request for the moment of the check and insert: two views racing (on two
  // instances) in the same minute still leave one entry.
  async recordView(requestId: number, userId: number, version: number, now: Date): Promise<void> {
    const detail = `version ${version}`;
    await this.tx(async (c) => {
      await this.run("SELECT pg_advisory_xact_lock($1::int, $2::int)", [VIEW_NAMESPACE, requestId], c);
      await this.run(
        `INSERT INTO audit_events (request_id, user_id, action, detail, at)
         SELECT $1, $2, 'viewed', $3, $4 WHERE NOT EXISTS (
           SELECT 1 FROM audit_events WHERE request_id = $1 AND user_id = $2 AND action = 'viewed' AND detail = $3
             AND at > $5 AND at <= $4)`,
        [requestId, userId, detail, now.toISOString(), new Date(now.getTime() - VIEW_DEDUPE_MS).toISOString()],
        c,
      );
    });
  }

  async lastViewedVersion(requestId: number, userId: number, below: number): Promise<number | undefined> {
    const versions = (
      await this.rows(
        "SELECT DISTINCT detail FROM audit_events WHERE request_id = $1 AND user_id = $2 AND action = 'viewed'",
        [requestId, userId],
      )
    )
      .map((row) => Number(/^version (\d+)$/.exec(str(row.detail))?.[1]))
      .filter((version) => Number.isInteger(version) && version < below);
    return versions.length === 0 ? undefined : Math.max(...versions);
  }

  /**
   * Moves a request on only if it is still at `expected` and in an allowed status, in one
   * conditional UPDATE: of two changes at once, the second waits for the first's row lock, then
   * finds the row version moved on and changes nothing.
   */
  private async bump(
    c: pg.PoolClient,
    requestId: number,
    expected: number,
    allowed: readonly RequestStatus[],
    set: string,
    params: Value[],
  ): Promise<{ result: ChangeResult; version: number }> {
    const n = params.length;
    const row = await this.row(
      `UPDATE requests SET ${set}, row_version = row_version + 1
       WHERE id = $${n + 1} AND row_version = $${n + 2} AND status = ANY($${n + 3}::text[])
       RETURNING row_version, current_version`,
      [...params, requestId, expected, `{${allowed.join(",")}}`],
      c,
    );
    if (row !== undefined)
      return { result: { ok: true, rowVersion: num(row.row_version) }, version: num(row.current_version) };
    const current = await this.row("SELECT row_version, status FROM requests WHERE id = $1", [requestId], c);
    if (current === undefined || num(current.row_version) !== expected)
      return { result: { ok: false, reason: "stale" }, version: 0 };
    return { result: { ok: false, reason: "wrong_status" }, version: 0 };
  }

  async amend(
    requestId: number,
    expected: number,
    userId: number,
    document: RequestDocument,
    evaluation: Evaluation,
    now: Date,
    missingDocuments?: MissingDocument[],
    provenance?: ProvenanceEntry[],
  ): Promise<ChangeResult> {
    return this.tx(async (c) => {
      const member = document.member;
      const { result, version } = await this.bump(
        c,
        requestId,
        expected,
        ["more_info_requested"],
        "status = 'submitted', current_version = current_version + 1, outcome = $1, member_id = $2, member_name = $3",
        [
          evaluation.outcome,
          member?.memberId ?? null,
          [member?.firstName, member?.lastName].filter(Boolean).join(" ") || null,
        ],
      );
      if (!result.ok) return result;
      await this.insertVersion(
        requestId,
        version,
        userId,
        document,
        evaluation,
        now.toISOString(),
        c,
        missingDocuments,
        provenance,
      );
      // #11: earlier documents kept, the amendment's added (migration 4), in this transaction.
      await this.run("SELECT hemgenix_file_documents($1, $2, $3)", [requestId, version, userId], c);
      await this.recordAudit(requestId, userId, "amended", `version ${version}`, now, c);
      await this.run(
        "DELETE FROM drafts WHERE user_id = $1 AND amends_reference = (SELECT reference FROM requests WHERE id = $2)",
        [userId, requestId],
        c,
      );
      return result;
    });
  }

  async startReview(requestId: number, expected: number): Promise<ChangeResult> {
    return this.tx(
      async (c) => (await this.bump(c, requestId, expected, ["submitted"], "status = 'in_review'", [])).result,
    );
  }

  async decide(requestId: number, expected: number, d: Decision): Promise<ChangeResult> {
    return this.tx(async (c) => {
      if (d.kind === "approve") {
        // Hemgenix is given once: approvals of one member (across practices) run one at a time,
        // so two reviewers approving two requests for one member at the same moment cannot both win.
        await this.run(
          `SELECT pg_advisory_xact_lock($2::int, hashtext(upper(btrim(member_id))))
           FROM requests WHERE id = $1 AND btrim(member_id) <> ''`,
          [requestId, APPROVAL_NAMESPACE],
          c,
        );
        const approved = await this.row(
          `SELECT o.reference FROM requests r JOIN requests o ON o.id <> r.id
             AND upper(btrim(o.member_id)) = upper(btrim(r.member_id)) AND o.status = 'approved'
           WHERE r.id = $1 AND btrim(r.member_id) <> '' LIMIT 1`,
          [requestId],
          c,
        );
        if (approved !== undefined) return { ok: false, reason: "member_approved", reference: str(approved.reference) };
      }
      const { result, version } = await this.bump(c, requestId, expected, ["submitted", "in_review"], "status = $1", [
        d.newStatus,
      ]);
      if (!result.ok) return result;
      await this.run(
        `INSERT INTO decisions (request_id, version, kind, criteria, message, documents_requested, decided_by, decided_at,
                                authorized_from, authorized_through)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          requestId,
          version,
          d.kind,
          JSON.stringify(d.criteria),
          d.message,
          JSON.stringify(d.documentsRequested ?? []),
          d.userId,
          d.now.toISOString(),
          d.authorizedFrom,
          d.authorizedThrough,
        ],
        c,
      );
      await this.recordAudit(requestId, d.userId, DECISION_AUDIT_ACTIONS[d.kind], `version ${version}`, d.now, c);
      return result;
    });
  }

  async recordAudit(
    requestId: number | null,
    userId: number,
    action: string,
    detail: string,
    now: Date,
    on: Queryable = this.pool,
  ): Promise<void> {
    await this.run(
      "INSERT INTO audit_events (request_id, user_id, action, detail, at) VALUES ($1, $2, $3, $4, $5)",
      [requestId, userId, action, detail, now.toISOString()],
      on,
    );
  }

  async recordAccountEvent(
    accountId: number,
    userId: number,
    action: string,
    detail: string,
    now: Date,
    on: Queryable = this.pool,
  ): Promise<void> {
    await this.run(
      "INSERT INTO audit_events (account_id, user_id, action, detail, at) VALUES ($1, $2, $3, $4, $5)",
      [accountId, userId, action, detail, now.toISOString()],
      on,
    );
  }

  private async recordPracticeEvent(
    practiceId: number,
    userId: number,
    action: string,
    detail: string,
    now: Date,
    on: Queryable,
  ): Promise<void> {
    await this.run(
      "INSERT INTO audit_events (practice_id, user_id, action, detail, at) VALUES ($1, $2, $3, $4, $5)",
      [practiceId, userId, action, detail, now.toISOString()],
      on,
    );
  }

  /** "ok" when every request has the version it points at (PostgreSQL checks its own pages). */
  async integrityCheck(): Promise<string> {
    const row = await this.row(
      `SELECT COUNT(*)::int AS n FROM requests r
       LEFT JOIN request_versions v ON v.request_id = r.id AND v.version = r.current_version WHERE v.request_id IS NULL`,
    );
    const missing = num(row?.n);
    return missing === 0 ? "ok" : `${missing} requests without their current version`;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
