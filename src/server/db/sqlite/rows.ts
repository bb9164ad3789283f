/** Reading SQLite rows: typed values, and the columns and shapes more than one part of the store reads. */
import type { SQLInputValue } from "node:sqlite";
import type { Evaluation } from "@/criteria";
import type { RequestStatus, RequestSummaryRow, Role, SessionUser } from "@/contract";

export type Row = Record<string, SQLInputValue>;

export const str = (value: SQLInputValue | undefined): string =>
  typeof value === "string" ? value : typeof value === "number" || typeof value === "bigint" ? String(value) : "";
export const num = (value: SQLInputValue | undefined): number => Number(value ?? 0);
export const strOrNull = (value: SQLInputValue | undefined): string | null =>
  value === null || value === undefined ? null : str(value);

export const USER_COLUMNS =
  "u.id, u.email, u.name, u.role, u.practice_id, p.name AS practice_name, u.password_hash, u.active, u.created_at, u.row_version";
export const REQUEST_COLUMNS = `r.id, r.reference, r.practice_id, p.name AS practice_name, r.submitted_by, r.status, r.expedited,
  r.member_id, r.member_name, r.outcome, r.received_at, r.due_at, r.current_version, r.row_version`;

const ACTIVE: readonly RequestStatus[] = ["submitted", "in_review"];

export function toUser(row: Row): SessionUser {
  return {
    id: num(row.id),
    email: str(row.email),
    name: str(row.name),
    role: str(row.role) as Role,
    practiceId: row.practice_id === null ? null : num(row.practice_id),
    practiceName: strOrNull(row.practice_name),
  };
}

/** A queue row (REQUEST_COLUMNS); overdue is judged at `now`. */
export function toSummary(row: Row, now: Date): RequestSummaryRow {
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
