/** Reading SQLite rows: typed values, and the columns and shapes more than one part of the store reads. */
import type { SQLInputValue } from "node:sqlite";

export type Row = Record<string, SQLInputValue>;

export { num, str, strOrNull, toSummary, toUser } from "../rows";

export const USER_COLUMNS =
  "u.id, u.email, u.name, u.role, u.practice_id, p.name AS practice_name, u.password_hash, u.active, u.created_at, u.row_version";
export const REQUEST_COLUMNS = `r.id, r.reference, r.practice_id, p.name AS practice_name, r.submitted_by, r.status, r.expedited,
  r.member_id, r.member_name, r.outcome, r.received_at, r.due_at, r.current_version, r.row_version`;
