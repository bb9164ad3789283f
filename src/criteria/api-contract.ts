/**
 * The API's request bodies and answers, shared by the web client and the server so neither
 * writes them twice. Request documents inside are checked by `validateRequestDocument`.
 */
import { z } from "zod/mini";
import type { AuthorizationPeriod } from "./approval";
import type { FieldChange } from "./changes";
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

/** A request's reference, as the server makes them (HGX- and two groups of four readable characters). */
export const REFERENCE_PATTERN = /^HGX-[A-Z2-9]{4}-[A-Z2-9]{4}$/;

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
});

/** POST /api/requests: 201 (filed) or 200 (the same key again: the first filing). */
export interface SubmitAnswer {
  reference: string;
  expedited: boolean;
  /** When a decision is due (ISO 8601): 72 hours after receipt if expedited, 7 days if standard. */
  dueAt: string;
}

/** POST /api/requests 409: the member has an open request; nothing was filed. */
export interface OpenRequestConflict {
  error: string;
  openRequest: { reference: string; receivedAt: string };
}

/** The request an amendment draft belongs to. */
export const draftAmendsSchema = z.object({
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

export const QUEUE_SORTS = ["received", "due"] as const;
/** received: newest first (received_at DESC, id DESC); due: soonest first (due_at ASC, id ASC). */
export type QueueSort = (typeof QUEUE_SORTS)[number];

/**
 * Where a page of the queue starts: the sort key and id of the row next to it (the last row of the
 * page before for "next", the first row of the page after for "previous") and the page number it
 * leads to. Only timestamps, an internal id and a page number: never patient data. On the wire it
 * is opaque (base64url of a small JSON array); clients pass back what the server gave them.
 */
export interface QueueCursor {
  sort: QueueSort;
  direction: "next" | "previous";
  /** received_at or due_at of the row next to the page, as stored (ISO 8601, UTC). */
  key: string;
  id: number;
  /** The page number the cursor leads to, for "Page X of Y". */
  page: number;
}

/**
 * The filters a cursor was made under, as a short tag: the status, the outcome, and whether there
 * was a search (not what was searched for: a member ID must not travel in an address). A cursor
 * is refused under other filters, where it would start at an arbitrary row.
 */
export function queueFilterTag(query: { status?: string; outcome?: string; q?: string }): string {
  const searched = query.q !== undefined && query.q.trim() !== "";
  return `${query.status ?? "-"}/${query.outcome ?? "-"}/${searched ? "searched" : "-"}`;
}

const CURSOR_VERSION = 2;
const MAX_PAGE = 100000;
const cursorTuple = z.tuple([
  z.literal(CURSOR_VERSION),
  z.enum(QUEUE_SORTS),
  z.enum(["next", "previous"]),
  z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)),
  z.int().check(z.gte(1), z.lte(Number.MAX_SAFE_INTEGER)),
  // Walking by cursor has no page limit (only jumping by offset has one); the number is for display.
  z.int().check(z.gte(1), z.lte(Number.MAX_SAFE_INTEGER)),
  z.string().check(z.regex(/^[a-z_-]+\/[a-z_-]+\/[a-z-]+$/)),
]);

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** base64url (no padding) of ASCII text; the library has no Buffer or btoa, so by hand. */
function toBase64Url(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i += 3) {
    const a = text.charCodeAt(i);
    const b = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    const c = i + 2 < text.length ? text.charCodeAt(i + 2) : 0;
    const n = (a << 16) | (b << 8) | c;
    const chars = i + 2 < text.length ? 4 : i + 1 < text.length ? 3 : 2;
    for (let j = 0; j < chars; j++) out += BASE64URL[(n >> (18 - 6 * j)) & 63] ?? "";
  }
  return out;
}

/** The ASCII text of base64url (no padding); undefined when it is not canonical base64url of ASCII. */
function fromBase64Url(code: string): string | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(code) || code.length % 4 === 1) return undefined;
  let out = "";
  for (let i = 0; i < code.length; i += 4) {
    const group = code.slice(i, i + 4);
    let n = 0;
    for (let j = 0; j < 4; j++) n = (n << 6) | (j < group.length ? BASE64URL.indexOf(group.charAt(j)) : 0);
    const bytes = group.length - 1;
    for (let j = 0; j < bytes; j++) {
      const byte = (n >> (16 - 8 * j)) & 255;
      if (byte > 127) return undefined;
      out += String.fromCharCode(byte);
    }
  }
  return toBase64Url(out) === code ? out : undefined;
}

/** The wire form of a cursor made under the filters tagged `filter` (see `queueFilterTag`). */
export function encodeCursor(cursor: QueueCursor, filter: string): string {
  return toBase64Url(
    JSON.stringify([CURSOR_VERSION, cursor.sort, cursor.direction, cursor.key, cursor.id, cursor.page, filter]),
  );
}

/** The cursor in a `cursor` parameter, or undefined when it is not one this server makes. */
export function decodeCursor(code: string): (QueueCursor & { filter: string }) | undefined {
  if (code.length > MAX_CURSOR_LENGTH) return undefined;
  const text = fromBase64Url(code);
  if (text === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = cursorTuple.safeParse(json);
  if (!parsed.success) return undefined;
  const [, sort, direction, key, id, page, filter] = parsed.data;
  if (Number.isNaN(Date.parse(key))) return undefined;
  return { sort, direction, key, id, page, filter };
}

const MAX_CURSOR_LENGTH = 200;
const CURSOR_HELP =
  "cursor must be the next or previous cursor of a page of results, passed back unchanged (leave it out for the first page)";

/**
 * The queue's query. Pages are walked with `cursor` (keyset: as fast on page 4,000 as on page 1);
 * `page` jumps to a page number by offset instead (slower deep down). Not both.
 */
const queueFields = {
  status: z.optional(z.enum(REQUEST_STATUSES)),
  outcome: z.optional(z.enum(["meets_criteria", "does_not_meet", "incomplete", "not_authorized", "refer"])),
  q: z.optional(z.string().check(z.maxLength(64))),
  sort: z.optional(z.enum(QUEUE_SORTS)),
  page: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(MAX_PAGE))),
  pageSize: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(100))),
  cursor: z.optional(
    z.string().check(
      z.maxLength(MAX_CURSOR_LENGTH),
      z.refine((code) => code.length > MAX_CURSOR_LENGTH || decodeCursor(code) !== undefined, {
        error: `${CURSOR_HELP}; this one is not`,
      }),
    ),
  ),
};

type QueueFilters = {
  cursor?: string | undefined;
  page?: number | undefined;
  sort?: QueueSort | undefined;
} & Parameters<typeof queueFilterTag>[0];

/** Cursor and page together make no sense; a cursor must fit the sort and filters it is sent with. */
const queueChecks = <T extends QueueFilters>() =>
  [
    z.refine<T>((query) => query.cursor === undefined || query.page === undefined, {
      path: ["cursor"],
      error: "cursor and page cannot be used together: a cursor already says which page it leads to",
    }),
    z.refine<T>(
      (query) => {
        const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
        return cursor === undefined || cursor.sort === (query.sort ?? "received");
      },
      {
        path: ["cursor"],
        error: "cursor belongs to another sort order: keep the sort the cursor was made with, or leave the cursor out",
      },
    ),
    z.refine<T>(
      (query) => {
        const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
        return cursor === undefined || cursor.filter === queueFilterTag(query);
      },
      {
        path: ["cursor"],
        error:
          "cursor belongs to other filters: keep the status, outcome and search the cursor was made with, or leave the cursor out",
      },
    ),
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
  evaluationChanged: boolean;
  versions: VersionRecord[];
  decisions: DecisionRecord[];
  /** Reviewers and admins only; actions in words ("approved", "requested more information"). */
  audit?: AuditRecord[];
  /** From version 2 on. */
  changes?: VersionChanges;
  /** What an approval recorded today would authorize (the plan's date); while a decision is open. */
  approvalPeriod?: AuthorizationPeriod;
}
