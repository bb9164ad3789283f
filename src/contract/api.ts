/**
 * The API's request bodies and answers, shared by the web client and the server so neither
 * writes them twice. Request documents inside are checked by `validateRequestDocument`.
 */
import { z } from "zod/mini";
import {
  CRITERION_IDS,
  DECISION_KINDS,
  isChecklistItemId,
  OUTCOMES,
  type AuthorizationPeriod,
  type CriterionId,
  type DecisionKind,
  type Evaluation,
  type FieldChange,
  type FieldError,
  type Outcome,
  type RequestDocument,
} from "@/criteria";

/** The header that carries the session's CSRF token on every state-changing call. */
export const CSRF_HEADER = "x-csrf-token";

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

/** A request's reference, as the server makes them (HGX- and two groups of four readable characters). */
export const REFERENCE_PATTERN = /^HGX-[A-Z2-9]{4}-[A-Z2-9]{4}$/;

/** A checklist item's id (`inhibitor-assay-2`): one that the criteria library's checklists can hold. */
export const checklistItemIdSchema = z
  .string()
  .check(
    z.maxLength(64),
    z.refine(
      isChecklistItemId,
      "must name a documentation checklist item (like diagnosis-factor-ix or inhibitor-assay-2)",
    ),
  );

/**
 * The required checklist items without a document that the person was shown and confirmed to
 * submit without (#11). The server works out what is missing from the draft's documents and
 * refuses (409, `MissingDocumentsConflict`) when this list is not exactly that. Omitted: not
 * checked (API clients written before #11); the web app always sends it.
 */
const confirmedMissingSchema = z.array(checklistItemIdSchema).check(z.maxLength(40));

/** The most answers one version's provenance can list (a request has far fewer answers than this). */
export const MAX_PROVENANCE = 200;

/**
 * A request-document path in the spec's spelling ("liver.enzymes.alt.value", "inhibitor.assays",
 * "bleeds.0.date"): names and list indices joined by dots.
 */
const DOCUMENT_PATH = /^[a-z][A-Za-z0-9]*(?:\.(?:[a-z][A-Za-z0-9]*|\d{1,3}))*$/;

/** A FHIR reference "Type/id" ("Observation/abc"); "?" stands for a resource the record gave no id. */
const FHIR_REFERENCE = /^[A-Z][A-Za-z]{0,63}\/(?:[A-Za-z0-9.-]{1,64}|\?)$/;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Where one answer came from (#12): filled from the patient's record and not edited since. The
 * path must be present in the submitted document (the route checks it). Patient data: never logged.
 */
export const provenanceEntrySchema = z.object({
  path: z.string().check(z.maxLength(200), z.regex(DOCUMENT_PATH)),
  /** The value in words as the record gave it ("70 U/L"). */
  display: z.string().check(z.maxLength(1000)),
  source: z.object({
    reference: z.string().check(z.maxLength(130), z.regex(FHIR_REFERENCE)),
    date: z.optional(z.string().check(z.regex(DAY))),
    /** The result in words ("ALT 70 U/L, 20 Oct 2026"). */
    display: z.string().check(z.maxLength(1000)),
  }),
});
export type ProvenanceEntry = z.infer<typeof provenanceEntrySchema>;

const provenanceSchema = z.array(provenanceEntrySchema).check(z.maxLength(MAX_PROVENANCE));

/**
 * A submission: the document (validated separately), whether it is urgent (required: there is no
 * default, the person chooses), and a key that makes a retry harmless. `confirmDuplicateOf` names
 * the member's open request the person was warned about and chose to file beside.
 */
export const submitSchema = z.object({
  document: z.unknown(),
  expedited: z.boolean(),
  idempotencyKey: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/)),
  confirmDuplicateOf: z.optional(z.string().check(z.regex(REFERENCE_PATTERN))),
  confirmedMissingDocuments: z.optional(confirmedMissingSchema),
  /** The answers filled from the patient's record and not edited since; omitted or empty: none. */
  provenance: z.optional(provenanceSchema),
});

/** POST /api/requests: 201 (filed) or 200 (the same key again: the first filing). */
export interface SubmitAnswer {
  reference: string;
  expedited: boolean;
  /** When a decision is due (ISO 8601): 72 hours after receipt if expedited, 7 days if standard. */
  dueAt: string;
}

/** POST /api/requests/:reference/versions (an amendment filed as the next version). */
export interface AmendAnswer {
  reference: string;
  rowVersion: number;
}

/** POST /api/requests/:reference/start-review. */
export interface StartReviewAnswer {
  rowVersion: number;
}

/** POST /api/requests/:reference/decision. */
export interface DecisionAnswer {
  rowVersion: number;
  status: RequestStatus;
}

/** POST /api/requests 409: the member has an open request; nothing was filed. */
export interface OpenRequestConflict {
  error: string;
  openRequest: { reference: string; receivedAt: string };
}

/** The request an amendment draft belongs to. */
const draftAmendsSchema = z.object({
  reference: z.string().check(z.regex(REFERENCE_PATTERN)),
  rowVersion: z.int().check(z.gte(1)),
});
export type DraftAmends = z.infer<typeof draftAmendsSchema>;

/**
 * PUT /api/draft besides `draft` (the wizard's answers, checked by the route): the stamp the
 * browser gives this save (so it knows its own save from another computer's) and what it amends.
 */
export const draftMetaSchema = z.object({
  stamp: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/))),
  amends: z.optional(z.nullable(draftAmendsSchema)),
});

/** GET /api/draft (200; 204 when there is none). */
export interface DraftAnswer {
  draft: unknown;
  stamp: string;
  amends: DraftAmends | null;
  updatedAt: string;
}

export const amendSchema = z.object({
  document: z.unknown(),
  expectedRowVersion: z.int().check(z.gte(1)),
  /** As in `submitSchema`: the amended request's filed documents count as attached. */
  confirmedMissingDocuments: z.optional(confirmedMissingSchema),
  /** As in `submitSchema`: the amendment's answers still as filled from the patient's record. */
  provenance: z.optional(provenanceSchema),
});

/** A required document none of the request's documents supports, as the checklist names it. */
export interface MissingDocument {
  id: string;
  title: string;
}

/** POST /api/requests or /versions 409: the confirmed missing documents are not what is missing; nothing was filed. */
export interface MissingDocumentsConflict {
  error: string;
  missingDocuments: MissingDocument[];
}

export const startReviewSchema = z.object({
  expectedRowVersion: z.int().check(z.gte(1)),
});

/** The most checklist items one request for more information can name (a checklist has fewer). */
export const MAX_DOCUMENTS_REQUESTED = 40;

export const decisionSchema = z.object({
  kind: z.enum(DECISION_KINDS),
  /** Deny: the criteria not met that the denial rests on. */
  criteria: z.optional(z.array(z.enum(CRITERION_IDS)).check(z.maxLength(CRITERION_IDS.length))),
  /**
   * request_info: the checklist items (ids on this request's checklist) whose documents are missing
   * or unreadable, so the practice knows exactly what to add.
   */
  documents: z.optional(z.array(checklistItemIdSchema).check(z.maxLength(MAX_DOCUMENTS_REQUESTED))),
  /** Deny: the reasons in words; request_info: the message to the practice. */
  message: z.optional(z.string().check(z.maxLength(4000))),
  expectedRowVersion: z.int().check(z.gte(1)),
});

/** The deepest page `page` may jump to (by offset); walking by cursor has no limit. */
const MAX_PAGE = 100000;

export const QUEUE_SORTS = ["received", "due"] as const;
/** received: newest first (received_at DESC, id DESC); due: soonest first (due_at ASC, id ASC). */
export type QueueSort = (typeof QUEUE_SORTS)[number];

/**
 * Cursors are opaque: the server makes them and checks them (that they are its own, and made for
 * the same sort and filters); clients pass back what they were given. Here only their shape.
 */
export const MAX_CURSOR_LENGTH = 200;

/**
 * The queue's query. Pages are walked with `cursor` (keyset: as fast on page 4,000 as on page 1);
 * `page` jumps to a page number by offset instead (slower deep down). Not both.
 */
const queueFields = {
  status: z.optional(z.enum(REQUEST_STATUSES)),
  outcome: z.optional(z.enum(OUTCOMES)),
  q: z.optional(z.string().check(z.maxLength(64))),
  sort: z.optional(z.enum(QUEUE_SORTS)),
  page: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(MAX_PAGE))),
  pageSize: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(100))),
  cursor: z.optional(z.string().check(z.maxLength(MAX_CURSOR_LENGTH))),
};

/** Cursor and page together make no sense. */
const queueChecks = <T extends { cursor?: string | undefined; page?: number | undefined }>() =>
  [
    z.refine<T>((query) => query.cursor === undefined || query.page === undefined, {
      path: ["cursor"],
      error: "cursor and page cannot be used together: a cursor already says which page it leads to",
    }),
  ] as const;

export const queueQuerySchema = z.object(queueFields).check(...queueChecks());
export type QueueQuery = z.infer<typeof queueQuerySchema>;

/**
 * A search of the queue: the same filters, with the search text required. It travels in the body
 * of POST /api/requests/search, never in an address (a member ID there lands in caches and logs).
 */
export const queueSearchSchema = z
  .object({ ...queueFields, q: z.string().check(z.trim(), z.minLength(1), z.maxLength(64)) })
  .check(...queueChecks());

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
  outcome: Outcome;
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
  /** Every request matching the filters (exact; counted again only after a change to requests). */
  total: number;
  /** The page number of these items, 1 for the first. */
  page: number;
  pageSize: number;
  /** Cursor of the page after this one, null on the last page. */
  next: string | null;
  /** Cursor of the page before this one, null on the first page. */
  previous: string | null;
}

/** A checklist item a request for more information asked for, titled as at the decision. */
export interface DocumentRequested {
  id: string;
  title: string;
}

export interface DecisionRecord {
  kind: DecisionKind;
  criteria: CriterionId[];
  message: string;
  /** request_info: the documents to add (checklist items, titled from the checklist at decision time); else empty. */
  documentsRequested: DocumentRequested[];
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
  outcome: Outcome;
  /**
   * The required documents this version was filed without, as the submitter confirmed them (#11);
   * absent when the submit did not state it (before #11, or an API client that does not).
   */
  missingDocuments?: MissingDocument[];
  /** The answers of this version filled from the patient's record (#12); absent when none were. */
  provenance?: ProvenanceEntry[];
}

export interface AuditRecord {
  at: string;
  user: string;
  action: string;
  detail: string;
}

/** What changed in the current version since an earlier one (the one this reviewer last saw, else the previous). */
export interface VersionChanges {
  sinceVersion: number;
  basis: "last_viewed" | "previous";
  items: FieldChange[];
}

/** Another request for the same member (member ID compared without case or spaces). */
export interface SameMemberRequest {
  reference: string;
  status: RequestStatus;
  receivedAt: string;
  practiceName: string;
}

export interface RequestDetail extends RequestSummaryRow {
  rowVersion: number;
  /** The member's other requests the reader may see, newest first: Hemgenix is given once (II.A). */
  sameMember: SameMemberRequest[];
  document: RequestDocument;
  /** The evaluation stored with the latest version at submission. */
  evaluationAtSubmission: Evaluation;
  /** The evaluation re-run now on the server against the stored document. */
  evaluation: Evaluation;
  /** Whether the outcome or any criterion's status differs from the evaluation at submission (not a reason's wording). */
  evaluationChanged: boolean;
  /**
   * Present when the document was stored under an older shape and no longer validates: what does
   * not. `document` is shown as stored; `evaluation` is then the one at submission (nothing is
   * re-evaluated on unchecked data), and approval or denial is refused until the practice amends it.
   */
  documentProblems?: FieldError[];
  versions: VersionRecord[];
  decisions: DecisionRecord[];
  /** Reviewers and admins only; actions in words ("approved", "requested more information"). */
  audit?: AuditRecord[];
  /** From version 2 on. */
  changes?: VersionChanges;
  /** What an approval recorded today would authorize (the plan's date); while a decision is open. */
  approvalPeriod?: AuthorizationPeriod;
}
