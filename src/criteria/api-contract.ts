/**
 * The API's request bodies and answers, shared by the web client and the server so neither
 * writes them twice. Request documents inside are checked by `validateRequestDocument`.
 */
import { z } from "zod/mini";
import type { Evaluation } from "./evaluation";
import { CRITERION_IDS, type CriterionId } from "./policy";
import type { RequestDocument } from "./schema";

export const ROLES = ["staff", "reviewer", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const REQUEST_STATUSES = ["submitted", "in_review", "more_info_requested", "approved", "denied"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_STATUS_LABELS: Readonly<Record<RequestStatus, string>> = {
  submitted: "Submitted",
  in_review: "In review",
  more_info_requested: "More information requested",
  approved: "Approved",
  denied: "Denied",
};

export const signInSchema = z.object({
  email: z.string().check(z.minLength(3), z.maxLength(200)),
  password: z.string().check(z.minLength(1), z.maxLength(200)),
});

/** A submission: the document (validated separately), whether it is urgent, and a key that makes a retry harmless. */
export const submitSchema = z.object({
  document: z.unknown(),
  expedited: z.boolean(),
  idempotencyKey: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/)),
});

export const amendSchema = z.object({
  document: z.unknown(),
  expectedRowVersion: z.int().check(z.gte(1)),
});

export const startReviewSchema = z.object({
  expectedRowVersion: z.int().check(z.gte(1)),
});

export const DECISION_KINDS = ["approve", "deny", "request_info"] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const decisionSchema = z.object({
  kind: z.enum(DECISION_KINDS),
  /** Deny: the criteria not met that the denial rests on. */
  criteria: z.optional(z.array(z.enum(CRITERION_IDS)).check(z.maxLength(CRITERION_IDS.length))),
  /** Deny: the reasons in words; request_info: the message to the practice. */
  message: z.optional(z.string().check(z.maxLength(4000))),
  expectedRowVersion: z.int().check(z.gte(1)),
});

export const queueQuerySchema = z.object({
  status: z.optional(z.enum(REQUEST_STATUSES)),
  outcome: z.optional(z.enum(["meets_criteria", "does_not_meet", "incomplete", "not_authorized", "refer"])),
  q: z.optional(z.string().check(z.maxLength(64))),
  sort: z.optional(z.enum(["received", "due"])),
  page: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(100000))),
  pageSize: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(100))),
});
export type QueueQuery = z.infer<typeof queueQuerySchema>;

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  practiceId: number | null;
  practiceName: string | null;
}

export interface SessionInfo {
  user: SessionUser;
  csrfToken: string;
}

export interface RequestSummaryRow {
  reference: string;
  status: RequestStatus;
  outcome: Evaluation["outcome"];
  memberId: string | null;
  memberName: string | null;
  practiceName: string;
  expedited: boolean;
  receivedAt: string;
  dueAt: string;
  overdue: boolean;
  version: number;
}

export interface RequestPage {
  items: RequestSummaryRow[];
  total: number;
  page: number;
  pageSize: number;
}

export interface DecisionRecord {
  kind: DecisionKind;
  criteria: CriterionId[];
  message: string;
  decidedBy: string;
  decidedAt: string;
  version: number;
  authorizedFrom: string | null;
  authorizedThrough: string | null;
}

export interface VersionRecord {
  version: number;
  submittedAt: string;
  submittedBy: string;
  outcome: Evaluation["outcome"];
}

export interface AuditRecord {
  at: string;
  user: string;
  action: string;
  detail: string;
}

export interface RequestDetail extends RequestSummaryRow {
  rowVersion: number;
  document: RequestDocument;
  /** The evaluation stored with the latest version at submission. */
  evaluationAtSubmission: Evaluation;
  /** The evaluation re-run now on the server against the stored document. */
  evaluation: Evaluation;
  evaluationChanged: boolean;
  versions: VersionRecord[];
  decisions: DecisionRecord[];
  /** Reviewers and admins only. */
  audit?: AuditRecord[];
}
