/**
 * Reading database rows, whatever the engine: typed values, and the shapes both stores give back
 * (a session's user, a queue row). SQLite answers booleans as 0/1, PostgreSQL as true/false.
 */
import type { Evaluation } from "@/criteria";
import type { RequestStatus, RequestSummaryRow, Role, SessionUser, VersionRecord } from "@/contract";
import { readStoredEvaluation, readStoredMissingDocuments, readStoredProvenance } from "./stored-json";

export type AnyRow = Readonly<Record<string, unknown>>;

export const str = (value: unknown): string =>
  typeof value === "string" ? value : typeof value === "number" || typeof value === "bigint" ? String(value) : "";
export const num = (value: unknown): number => Number(value ?? 0);
export const strOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : str(value));
export const bool = (value: unknown): boolean => value === true || num(value) === 1;

const ACTIVE: readonly RequestStatus[] = ["submitted", "in_review"];

export function toUser(row: AnyRow): SessionUser {
  return {
    id: num(row.id),
    email: str(row.email),
    name: str(row.name),
    role: str(row.role) as Role,
    practiceId: row.practice_id === null ? null : num(row.practice_id),
    practiceName: strOrNull(row.practice_name),
  };
}

/** A queue row (the request columns with the practice's name); overdue is judged at `now`. */
export function toSummary(row: AnyRow, now: Date): RequestSummaryRow {
  const status = str(row.status) as RequestStatus;
  const dueAt = str(row.due_at);
  return {
    reference: str(row.reference),
    status,
    outcome: str(row.outcome) as Evaluation["outcome"],
    memberId: strOrNull(row.member_id),
    memberName: strOrNull(row.member_name),
    practiceName: str(row.practice_name),
    expedited: bool(row.expedited),
    receivedAt: str(row.received_at),
    dueAt,
    overdue: ACTIVE.includes(status) && dueAt < now.toISOString(),
    version: num(row.current_version),
  };
}

/**
 * A version row (version, submitted_at, the submitter's name, evaluation, missing_documents,
 * provenance) as the API shows it.
 */
export function toVersionRecord(row: AnyRow): VersionRecord {
  const missing = readStoredMissingDocuments(strOrNull(row.missing_documents));
  const provenance = readStoredProvenance(strOrNull(row.provenance));
  return {
    version: num(row.version),
    submittedAt: str(row.submitted_at),
    submittedBy: str(row.name),
    outcome: readStoredEvaluation(str(row.evaluation)).outcome,
    ...(missing !== undefined && { missingDocuments: missing }),
    ...(provenance !== undefined && { provenance }),
  };
}
