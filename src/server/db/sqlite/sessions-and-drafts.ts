/** Sign-in sessions (only the token's hash is stored) and each staff member's server draft. */
import type { StoreMethods } from "../store";
import type { SqliteHandle } from "./handle";
import { num, str, strOrNull } from "./rows";

export type SessionAndDraftMethods = Pick<
  StoreMethods,
  | "createSession"
  | "findSession"
  | "touchSession"
  | "deleteSession"
  | "deleteExpiredSessions"
  | "getDraft"
  | "putDraft"
  | "deleteDraft"
>;

export function sqliteSessionsAndDrafts(h: SqliteHandle): SessionAndDraftMethods {
  return {
    createSession(idHash, userId, csrfToken, now) {
      h.sql("INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)").run(
        idHash,
        userId,
        csrfToken,
        now,
        now,
      );
    },

    findSession(idHash) {
      const row = h
        .sql("SELECT user_id, csrf_token, created_at, last_seen_at FROM sessions WHERE id_hash = ?")
        .get(idHash);
      return row === undefined
        ? undefined
        : {
            userId: num(row.user_id),
            csrfToken: str(row.csrf_token),
            createdAt: num(row.created_at),
            lastSeenAt: num(row.last_seen_at),
          };
    },

    touchSession(idHash, now) {
      h.sql("UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?").run(now, idHash);
    },

    deleteSession(idHash) {
      h.sql("DELETE FROM sessions WHERE id_hash = ?").run(idHash);
    },

    deleteExpiredSessions(idleBefore, createdBefore) {
      h.sql("DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?").run(idleBefore, createdBefore);
    },

    getDraft(userId) {
      const row = h
        .sql("SELECT content, stamp, amends_reference, amends_row_version, updated_at FROM drafts WHERE user_id = ?")
        .get(userId);
      if (row === undefined) return undefined;
      const reference = strOrNull(row.amends_reference);
      return {
        content: str(row.content),
        stamp: str(row.stamp),
        amends: reference === null ? null : { reference, rowVersion: num(row.amends_row_version) },
        updatedAt: str(row.updated_at),
      };
    },

    putDraft(userId, draft, now) {
      h.sql(
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
    },

    deleteDraft(userId) {
      h.sql("DELETE FROM drafts WHERE user_id = ?").run(userId);
    },
  };
}
