/** The record import's local codes (#12) on SQLite: each change with its audit event, in one transaction. */
import { MAX_LOCAL_CODES } from "@/contract";
import {
  LOCAL_CODE_ADDED,
  LOCAL_CODE_COLUMNS,
  LOCAL_CODE_REMOVED,
  RECORD_IMPORT_SETTING,
  localCodeDetail,
  toAuditRecord,
  toLocalCode,
} from "../local-code-rows";
import type { StoreMethods } from "../store";
import type { SqliteHandle } from "./handle";
import { num } from "./rows";

export type RecordImportSettingMethods = Pick<
  StoreMethods,
  "localCodes" | "addLocalCode" | "removeLocalCode" | "recordImportHistory"
>;

export function sqliteRecordImportSettings(h: SqliteHandle): RecordImportSettingMethods {
  const isActiveAdmin = (adminId: number): boolean =>
    h.sql("SELECT 1 AS ok FROM users WHERE id = ? AND role = 'admin' AND active = 1").get(adminId) !== undefined;

  const recordEvent = (userId: number, action: string, detail: string, now: Date): void => {
    h.sql("INSERT INTO audit_events (setting, user_id, action, detail, at) VALUES (?, ?, ?, ?, ?)").run(
      RECORD_IMPORT_SETTING,
      userId,
      action,
      detail,
      now.toISOString(),
    );
  };

  const findLocalCode = (kind: string, id: number) => {
    const row = h
      .sql(`SELECT ${LOCAL_CODE_COLUMNS} FROM record_import_local_codes WHERE identifies = ? AND id = ?`)
      .get(kind, id);
    return row === undefined ? undefined : toLocalCode(row);
  };

  return {
    localCodes(kind) {
      return h
        .sql(`SELECT ${LOCAL_CODE_COLUMNS} FROM record_import_local_codes WHERE identifies = ? ORDER BY id`)
        .all(kind)
        .map(toLocalCode);
    },

    addLocalCode(kind, entry, by) {
      return h.transaction(() => {
        if (!isActiveAdmin(by.adminId)) return "not_admin";
        const count = num(
          h.sql("SELECT COUNT(*) AS n FROM record_import_local_codes WHERE identifies = ?").get(kind)?.n,
        );
        if (count >= MAX_LOCAL_CODES) return "full";
        const result = h
          .sql(
            `INSERT INTO record_import_local_codes (identifies, system, code, display, added_by, added_at)
             VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (identifies, system, code) DO NOTHING`,
          )
          .run(kind, entry.system, entry.code, entry.display, by.adminId, by.now.toISOString());
        if (result.changes === 0) return "duplicate";
        recordEvent(by.adminId, LOCAL_CODE_ADDED, localCodeDetail(kind, entry), by.now);
        const added = findLocalCode(kind, num(result.lastInsertRowid));
        if (added === undefined) throw new Error("Local code was not stored");
        return added;
      });
    },

    removeLocalCode(kind, id, by) {
      return h.transaction(() => {
        if (!isActiveAdmin(by.adminId)) return "not_admin";
        const before = findLocalCode(kind, id);
        if (before === undefined) return "not_found";
        h.sql("DELETE FROM record_import_local_codes WHERE id = ?").run(id);
        recordEvent(by.adminId, LOCAL_CODE_REMOVED, localCodeDetail(kind, before), by.now);
        return before;
      });
    },

    recordImportHistory(limit) {
      return h
        .sql(
          `SELECT a.at, COALESCE(u.name, '') AS name, a.action, a.detail FROM audit_events a LEFT JOIN users u ON u.id = a.user_id
           WHERE a.setting = ? ORDER BY a.id DESC LIMIT ?`,
        )
        .all(RECORD_IMPORT_SETTING, limit)
        .map(toAuditRecord);
    },
  };
}
