/**
 * A request's lifecycle: submit, amend, start review, decide, each in one transaction with its
 * audit event; reading one request with its versions, decisions, audit trail and the member's other requests.
 */
import { fileDraftDocuments } from "../document-rows";
import { randomBytes } from "node:crypto";
import type { SQLInputValue } from "node:sqlite";
import { DECISION_AUDIT_ACTIONS } from "@/criteria";
import type { DecisionKind, Evaluation, RequestDocument } from "@/criteria";
import type { MissingDocument, ProvenanceEntry, RequestStatus } from "@/contract";
import type { ChangeResult, StoreMethods } from "../store";
import {
  readStoredCriteria,
  readStoredDocument,
  readStoredDocumentsRequested,
  readStoredEvaluation,
  provenanceColumn,
} from "../stored-json";
import type { SqliteHandle } from "./handle";
import { toVersionRecord } from "../rows";
import { REQUEST_COLUMNS, num, str, strOrNull, toSummary } from "./rows";

export type RequestMethods = Pick<
  StoreMethods,
  | "submit"
  | "filedWithKey"
  | "findRequest"
  | "sameMemberRequests"
  | "versions"
  | "decisions"
  | "audit"
  | "versionDocument"
  | "recordView"
  | "lastViewedVersion"
  | "amend"
  | "startReview"
  | "decide"
  | "recordAudit"
>;

/** Reference numbers people can read aloud: no 0/O or 1/I. */
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
function newReference(): string {
  const bytes = randomBytes(8);
  let code = "";
  for (const byte of bytes) code += ALPHABET[byte % ALPHABET.length] ?? "";
  return `HGX-${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Views of one version by one user within this long are one audit entry. */
const VIEW_DEDUPE_MS = 60_000;

/** `requestsChanged` is told of every change to a request's row (the queue's counts depend on them). */
export function sqliteRequests(h: SqliteHandle, requestsChanged: () => void): RequestMethods {
  const recordAudit = (requestId: number | null, userId: number, action: string, detail: string, now: Date) => {
    h.sql("INSERT INTO audit_events (request_id, user_id, action, detail, at) VALUES (?, ?, ?, ?, ?)").run(
      requestId,
      userId,
      action,
      detail,
      now.toISOString(),
    );
  };

  /** A fresh reference; 32^8 codes make a clash rare, and a clash is simply drawn again. */
  const unusedReference = (): string => {
    for (;;) {
      const reference = newReference();
      if (h.sql("SELECT 1 FROM requests WHERE reference = ?").get(reference) === undefined) return reference;
    }
  };

  const insertVersion = (
    requestId: number,
    version: number,
    userId: number,
    document: RequestDocument,
    evaluation: Evaluation,
    at: string,
    missingDocuments: MissingDocument[] | undefined,
    provenance: ProvenanceEntry[] | undefined,
  ): void => {
    h.sql(
      "INSERT INTO request_versions (request_id, version, document, evaluation, submitted_by, submitted_at, missing_documents, provenance) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    ).run(
      requestId,
      version,
      JSON.stringify(document),
      JSON.stringify(evaluation),
      userId,
      at,
      missingDocuments === undefined ? null : JSON.stringify(missingDocuments),
      provenanceColumn(provenance),
    );
  };

  /** Moves a request on only if nobody changed it since `expected` (optimistic concurrency). */
  const bump = (
    requestId: number,
    expected: number,
    allowed: readonly RequestStatus[],
    set: string,
    params: SQLInputValue[],
  ): ChangeResult => {
    const current = h.sql("SELECT row_version, status FROM requests WHERE id = ?").get(requestId);
    if (current === undefined || num(current.row_version) !== expected) return { ok: false, reason: "stale" };
    if (!allowed.includes(str(current.status) as RequestStatus)) return { ok: false, reason: "wrong_status" };
    requestsChanged();
    h.sql(`UPDATE requests SET ${set}, row_version = row_version + 1 WHERE id = ? AND row_version = ?`).run(
      ...params,
      requestId,
      expected,
    );
    return { ok: true, rowVersion: expected + 1 };
  };

  return {
    filedWithKey(userId, idempotencyKey) {
      const row = h
        .sql("SELECT reference, expedited, due_at FROM requests WHERE submitted_by = ? AND idempotency_key = ?")
        .get(userId, idempotencyKey);
      return row === undefined
        ? undefined
        : { reference: str(row.reference), expedited: num(row.expedited) === 1, dueAt: str(row.due_at) };
    },
    submit(s) {
      return h.transaction(() => {
        const existing = h
          .sql("SELECT reference, expedited, due_at FROM requests WHERE submitted_by = ? AND idempotency_key = ?")
          .get(s.userId, s.idempotencyKey);
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
            : h
                .sql(
                  `SELECT reference, received_at FROM requests
                   WHERE practice_id = ? AND UPPER(TRIM(member_id)) = UPPER(TRIM(?))
                     AND status IN ('submitted', 'in_review', 'more_info_requested')
                   ORDER BY received_at DESC, id DESC LIMIT 1`,
                )
                .get(s.practiceId, memberId);
        if (open !== undefined && str(open.reference) !== s.acknowledgedOpen) {
          return { open: { reference: str(open.reference), receivedAt: str(open.received_at) } };
        }
        const reference = unusedReference();
        const memberName = [member?.firstName, member?.lastName].filter(Boolean).join(" ") || null;
        const at = s.now.toISOString();
        const dueAt = s.dueAt.toISOString();
        requestsChanged();
        const id = h
          .sql(
            `INSERT INTO requests (reference, practice_id, submitted_by, idempotency_key, status, expedited, member_id, member_name,
               outcome, received_at, due_at, current_version)
             VALUES (?, ?, ?, ?, 'submitted', ?, ?, ?, ?, ?, ?, 1)`,
          )
          .run(
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
        insertVersion(num(id), 1, s.userId, s.document, s.evaluation, at, s.missingDocuments, s.provenance);
        fileDraftDocuments(h.db, num(id), 1, s.userId); // #11: the draft's documents are filed with it
        recordAudit(num(id), s.userId, "submitted", "version 1", s.now);
        // The draft was this request: filed, it is no longer offered anywhere to resume (and file again).
        h.sql("DELETE FROM drafts WHERE user_id = ?").run(s.userId);
        return { reference, created: true, expedited: s.expedited, dueAt };
      });
    },

    findRequest(reference, scope, now) {
      const row = h
        .sql(
          `SELECT ${REQUEST_COLUMNS}, v.document, v.evaluation
           FROM requests r JOIN practices p ON p.id = r.practice_id
           JOIN request_versions v ON v.request_id = r.id AND v.version = r.current_version
           WHERE r.reference = ? AND (? IS NULL OR r.practice_id = ?)`,
        )
        .get(reference, scope.practiceId, scope.practiceId);
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
    },

    sameMemberRequests(requestId, scope) {
      return h
        .sql(
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
    },

    versions(requestId) {
      return h
        .sql(
          `SELECT v.version, v.submitted_at, u.name, v.evaluation, v.missing_documents, v.provenance FROM request_versions v JOIN users u ON u.id = v.submitted_by
           WHERE v.request_id = ? ORDER BY v.version`,
        )
        .all(requestId)
        .map(toVersionRecord);
    },

    decisions(requestId) {
      return h
        .sql(
          `SELECT d.kind, d.criteria, d.message, d.documents_requested, u.name, d.decided_at, d.version, d.authorized_from,
                  d.authorized_through
           FROM decisions d JOIN users u ON u.id = d.decided_by WHERE d.request_id = ? ORDER BY d.id`,
        )
        .all(requestId)
        .map((row) => ({
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
    },

    audit(requestId) {
      return h
        .sql(
          `SELECT a.at, COALESCE(u.name, '') AS name, a.action, a.detail FROM audit_events a LEFT JOIN users u ON u.id = a.user_id
           WHERE a.request_id = ? ORDER BY a.id`,
        )
        .all(requestId)
        .map((row) => ({ at: str(row.at), user: str(row.name), action: str(row.action), detail: str(row.detail) }));
    },

    versionDocument(requestId, version) {
      const row = h
        .sql("SELECT document FROM request_versions WHERE request_id = ? AND version = ?")
        .get(requestId, version);
      if (row === undefined) return undefined;
      const stored = readStoredDocument(str(row.document));
      return stored.ok ? stored.document : undefined;
    },

    // One statement, so two views racing in the same minute still leave one entry.
    recordView(requestId, userId, version, now) {
      const detail = `version ${version}`;
      h.sql(
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
    },

    lastViewedVersion(requestId, userId, below) {
      const versions = h
        .sql("SELECT DISTINCT detail FROM audit_events WHERE request_id = ? AND user_id = ? AND action = 'viewed'")
        .all(requestId, userId)
        .map((row) => Number(/^version (\d+)$/.exec(str(row.detail))?.[1]))
        .filter((version) => Number.isInteger(version) && version < below);
      return versions.length === 0 ? undefined : Math.max(...versions);
    },

    amend(requestId, expected, userId, document, evaluation, now, missingDocuments, provenance) {
      return h.transaction(() => {
        const version =
          num(h.sql("SELECT current_version FROM requests WHERE id = ?").get(requestId)?.current_version) + 1;
        const member = document.member;
        const result = bump(
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
        insertVersion(
          requestId,
          version,
          userId,
          document,
          evaluation,
          now.toISOString(),
          missingDocuments,
          provenance,
        );
        fileDraftDocuments(h.db, requestId, version, userId); // #11: earlier documents kept, the amendment's added
        recordAudit(requestId, userId, "amended", `version ${version}`, now);
        // The amender's draft of this amendment is filed now; a draft of something else stays.
        h.sql(
          "DELETE FROM drafts WHERE user_id = ? AND amends_reference = (SELECT reference FROM requests WHERE id = ?)",
        ).run(userId, requestId);
        return result;
      });
    },

    startReview(requestId, expected) {
      return h.transaction(() => bump(requestId, expected, ["submitted"], "status = 'in_review'", []));
    },

    decide(requestId, expected, d) {
      return h.transaction(() => {
        // Hemgenix is given once: inside the decision's transaction (writers queue), so two reviewers
        // approving two requests for one member at the same moment cannot both succeed.
        if (d.kind === "approve") {
          const approved = h
            .sql(
              `SELECT o.reference FROM requests r JOIN requests o ON o.id <> r.id
                 AND UPPER(TRIM(o.member_id)) = UPPER(TRIM(r.member_id)) AND o.status = 'approved'
               WHERE r.id = ? AND TRIM(r.member_id) <> '' LIMIT 1`,
            )
            .get(requestId);
          if (approved !== undefined)
            return { ok: false, reason: "member_approved", reference: str(approved.reference) };
        }
        const result = bump(requestId, expected, ["submitted", "in_review"], "status = ?", [d.newStatus]);
        if (!result.ok) return result;
        const version = num(h.sql("SELECT current_version FROM requests WHERE id = ?").get(requestId)?.current_version);
        h.sql(
          `INSERT INTO decisions (request_id, version, kind, criteria, message, documents_requested, decided_by, decided_at,
                                  authorized_from, authorized_through)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
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
        );
        recordAudit(requestId, d.userId, DECISION_AUDIT_ACTIONS[d.kind], `version ${version}`, d.now);
        return result;
      });
    },

    recordAudit,
  };
}
