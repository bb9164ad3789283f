/**
 * The record import's local codes as both stores read and audit them: the row's shape, the audit
 * event's words (a code names no patient: the event says which code), and the setting's marker.
 */
import type { AuditRecord, ConfiguredLocalCode, LocalCodeEntry } from "@/contract";
import { num, str, type AnyRow } from "./rows";
import type { LocalCodeKind } from "./store";

/** `audit_events.setting` of the record import's settings' changes. */
export const RECORD_IMPORT_SETTING = "record-import";
export const LOCAL_CODE_ADDED = "local code added";
export const LOCAL_CODE_REMOVED = "local code removed";

const KIND_WORDS: Readonly<Record<LocalCodeKind, string>> = { aav5Antibody: "AAV5 antibodies" };

export const LOCAL_CODE_COLUMNS = "id, system, code, display, added_at";

export const toLocalCode = (row: AnyRow): ConfiguredLocalCode => ({
  id: num(row.id),
  system: str(row.system),
  code: str(row.code),
  display: str(row.display),
  addedAt: str(row.added_at),
});

/** "AAV5 antibodies: https://lab.example.org/codes|AAV5-NAB (AAV5 neutralizing antibody)" */
export function localCodeDetail(kind: LocalCodeKind, entry: LocalCodeEntry): string {
  const display = entry.display === "" ? "" : ` (${entry.display})`;
  return `${KIND_WORDS[kind]}: ${entry.system}|${entry.code}${display}`;
}

export const toAuditRecord = (row: AnyRow): AuditRecord => ({
  at: str(row.at),
  user: str(row.name),
  action: str(row.action),
  detail: str(row.detail),
});
