/** Accounts and practices: sign-in lookups, administration (each change with its audit event), their histories. */
import type { SQLInputValue } from "node:sqlite";
import { ROLE_LABELS } from "@/contract";
import type { AdminPractice, AdminUser, AuditRecord } from "@/contract";
import type { StoreMethods } from "../store";
import type { SqliteHandle } from "./handle";
import { USER_COLUMNS, num, str, toUser, type Row } from "./rows";

/**
 * A retired submission key: unique still (the row id), and never equal to a key a browser sends
 * (those are letters, digits, "_" and "-" only).
 */
const RETIRED_KEY_SQL = "'retired:' || id";

const PRACTICE_COLUMNS = `pr.id, pr.name,
  (SELECT COUNT(*) FROM users u WHERE u.practice_id = pr.id AND u.active = 1) AS users,
  (SELECT COUNT(*) FROM requests r WHERE r.practice_id = pr.id) AS requests`;

export type AccountMethods = Pick<
  StoreMethods,
  | "createPractice"
  | "findPracticeByName"
  | "createUser"
  | "findUserByEmail"
  | "findUserById"
  | "countUsers"
  | "listPractices"
  | "findPractice"
  | "addPractice"
  | "renamePractice"
  | "listUsers"
  | "findAccount"
  | "addUser"
  | "updateUser"
  | "accountHistory"
  | "lastSignIn"
  | "practiceHistory"
  | "recordAccountEvent"
>;

const toPractice = (row: Row): AdminPractice => ({
  id: num(row.id),
  name: str(row.name),
  users: num(row.users),
  requests: num(row.requests),
});

const toAccount = (row: Row): AdminUser => ({
  ...toUser(row),
  active: num(row.active) === 1,
  createdAt: str(row.created_at),
  rowVersion: num(row.row_version),
});

export function sqliteAccounts(h: SqliteHandle): AccountMethods {
  const findUserById = (id: number) => {
    const row = h
      .sql(
        `SELECT ${USER_COLUMNS} FROM users u LEFT JOIN practices p ON p.id = u.practice_id WHERE u.id = ? AND u.active = 1`,
      )
      .get(id);
    return row === undefined ? undefined : toUser(row);
  };

  const findPractice = (id: number): AdminPractice | undefined => {
    const row = h.sql(`SELECT ${PRACTICE_COLUMNS} FROM practices pr WHERE pr.id = ?`).get(id);
    return row === undefined ? undefined : toPractice(row);
  };

  const findAccount = (id: number): AdminUser | undefined => {
    const row = h
      .sql(`SELECT ${USER_COLUMNS} FROM users u LEFT JOIN practices p ON p.id = u.practice_id WHERE u.id = ?`)
      .get(id);
    return row === undefined ? undefined : toAccount(row);
  };

  /** Whether `adminId` is (still) an active admin: checked inside each administrative transaction. */
  const isActiveAdmin = (adminId: number): boolean =>
    h.sql("SELECT 1 AS ok FROM users WHERE id = ? AND role = 'admin' AND active = 1").get(adminId) !== undefined;

  const recordAccountEvent = (accountId: number, userId: number, action: string, detail: string, now: Date): void => {
    h.sql("INSERT INTO audit_events (account_id, user_id, action, detail, at) VALUES (?, ?, ?, ?, ?)").run(
      accountId,
      userId,
      action,
      detail,
      now.toISOString(),
    );
  };

  // A practice's name is no one's personal data: its events say it (what it was called, what it became).
  const recordPracticeEvent = (practiceId: number, userId: number, action: string, detail: string, now: Date) => {
    h.sql("INSERT INTO audit_events (practice_id, user_id, action, detail, at) VALUES (?, ?, ?, ?, ?)").run(
      practiceId,
      userId,
      action,
      detail,
      now.toISOString(),
    );
  };

  return {
    createPractice(name) {
      return num(h.sql("INSERT INTO practices (name) VALUES (?)").run(name).lastInsertRowid);
    },

    findPracticeByName(name) {
      const row = h.sql("SELECT id, name FROM practices WHERE name = ?").get(name);
      return row === undefined ? undefined : { id: num(row.id), name: str(row.name) };
    },

    createUser(user, now) {
      const id = h
        .sql("INSERT INTO users (email, name, role, practice_id, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)")
        .run(user.email, user.name, user.role, user.practiceId, user.passwordHash, now.toISOString()).lastInsertRowid;
      const created = findUserById(num(id));
      if (created === undefined) throw new Error("User was not stored");
      return created;
    },

    findUserByEmail(email) {
      const row = h
        .sql(`SELECT ${USER_COLUMNS} FROM users u LEFT JOIN practices p ON p.id = u.practice_id WHERE u.email = ?`)
        .get(email);
      return row === undefined
        ? undefined
        : { ...toUser(row), passwordHash: str(row.password_hash), active: num(row.active) === 1 };
    },

    findUserById,

    countUsers() {
      return num(h.sql("SELECT COUNT(*) AS n FROM users").get()?.n);
    },

    listPractices() {
      return h
        .sql(`SELECT ${PRACTICE_COLUMNS} FROM practices pr ORDER BY pr.name COLLATE NOCASE, pr.id`)
        .all()
        .map(toPractice);
    },

    findPractice,

    // Names are unique regardless of case ("Riverside Clinic" and "riverside clinic" are one practice to a person).
    addPractice(name, by) {
      return h.transaction(() => {
        if (!isActiveAdmin(by.adminId)) return "not_admin";
        const result = h
          .sql(
            `INSERT INTO practices (name) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM practices WHERE name = ? COLLATE NOCASE)`,
          )
          .run(name, name);
        if (result.changes === 0) return "name_taken";
        const id = num(result.lastInsertRowid);
        recordPracticeEvent(id, by.adminId, "practice added", name, by.now);
        return findPractice(id) ?? "name_taken";
      });
    },

    renamePractice(id, name, by) {
      return h.transaction(() => {
        if (!isActiveAdmin(by.adminId)) return "not_admin";
        const before = findPractice(id);
        if (before === undefined) return "not_found";
        const result = h
          .sql(
            `UPDATE practices SET name = ? WHERE id = ?
             AND NOT EXISTS (SELECT 1 FROM practices WHERE name = ? COLLATE NOCASE AND id <> ?)`,
          )
          .run(name, id, name, id);
        if (result.changes === 0) return "name_taken";
        recordPracticeEvent(id, by.adminId, "practice renamed", `${before.name} → ${name}`, by.now);
        return findPractice(id) ?? "not_found";
      });
    },

    listUsers() {
      return h
        .sql(
          `SELECT ${USER_COLUMNS} FROM users u LEFT JOIN practices p ON p.id = u.practice_id
           ORDER BY u.active DESC, u.name COLLATE NOCASE, u.id`,
        )
        .all()
        .map(toAccount);
    },

    findAccount,

    addUser(user, by) {
      return h.transaction(() => {
        if (!isActiveAdmin(by.adminId)) return "not_admin";
        const result = h
          .sql(
            `INSERT INTO users (email, name, role, practice_id, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT (email) DO NOTHING`,
          )
          .run(user.email, user.name, user.role, user.practiceId, user.passwordHash, by.now.toISOString());
        if (result.changes === 0) return "email_taken";
        const created = findAccount(num(result.lastInsertRowid));
        if (created === undefined) throw new Error("Account was not stored");
        const where = created.practiceName === null ? "" : ` at ${created.practiceName}`;
        recordAccountEvent(created.id, by.adminId, "account added", `${ROLE_LABELS[created.role]}${where}`, by.now);
        return created;
      });
    },

    updateUser(id, expectedRowVersion, update, effects, by) {
      const columns: [string, SQLInputValue][] = [];
      if (update.name !== undefined) columns.push(["name", update.name]);
      if (update.role !== undefined) columns.push(["role", update.role]);
      if (update.practiceId !== undefined) columns.push(["practice_id", update.practiceId]);
      if (update.passwordHash !== undefined) columns.push(["password_hash", update.passwordHash]);
      if (update.active !== undefined) columns.push(["active", update.active ? 1 : 0]);
      return h.transaction(() => {
        if (!isActiveAdmin(by.adminId)) return "not_admin";
        const current = findAccount(id);
        if (current === undefined) return "not_found";
        if (current.rowVersion !== expectedRowVersion) return "stale";
        if (columns.length === 0) return current;
        h.db
          .prepare(
            `UPDATE users SET ${columns.map(([column]) => `${column} = ?`).join(", ")}, row_version = row_version + 1
             WHERE id = ? AND row_version = ?`,
          )
          .run(...columns.map(([, value]) => value), id, expectedRowVersion);
        if (effects.endSessions)
          h.sql("DELETE FROM sessions WHERE user_id = ? AND id_hash IS NOT ?").run(id, effects.keepSession);
        // Work in progress belongs to the practice it was started for: a move (or deactivation) ends
        // the draft, and retires the submission keys so a retry cannot return the old practice's request.
        if (update.practiceId !== undefined || update.active === false) {
          h.sql("DELETE FROM drafts WHERE user_id = ?").run(id);
          h.sql(
            `UPDATE requests SET idempotency_key = ${RETIRED_KEY_SQL} WHERE submitted_by = ? AND idempotency_key NOT LIKE 'retired:%'`,
          ).run(id);
        }
        recordAccountEvent(id, by.adminId, "account changed", effects.detail, by.now);
        return findAccount(id) ?? "not_found";
      });
    },

    accountHistory(accountId, limit): AuditRecord[] {
      return h
        .sql(
          `SELECT a.at, COALESCE(u.name, '') AS name, a.action, a.detail FROM audit_events a LEFT JOIN users u ON u.id = a.user_id
           WHERE a.account_id = ? AND a.action <> 'signed in' ORDER BY a.id DESC LIMIT ?`,
        )
        .all(accountId, limit)
        .map((row) => ({ at: str(row.at), user: str(row.name), action: str(row.action), detail: str(row.detail) }));
    },

    lastSignIn(accountId) {
      const row = h
        .sql("SELECT at FROM audit_events WHERE account_id = ? AND action = 'signed in' ORDER BY id DESC LIMIT 1")
        .get(accountId);
      return row === undefined ? null : str(row.at);
    },

    practiceHistory(practiceId, limit): AuditRecord[] {
      return h
        .sql(
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
    },

    recordAccountEvent,
  };
}
