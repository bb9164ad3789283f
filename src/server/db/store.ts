/**
 * The data layer's contract. Routes talk to a Store, never to SQL, so a second engine
 * (PostgreSQL for a plan running several instances) is a new implementation of this interface.
 * `StoreMethods` says what each method takes and gives; a `Store` gives it as a promise, as a
 * network database's driver does, so routes already await every call. Each method that changes
 * more than one row is one transaction, and what concurrent writers could race (a decision, an
 * amendment, a repeated submit, a taken email or practice name) is settled inside the database,
 * not by a read before the write.
 */
import type { DecisionKind, Evaluation, FieldError, RequestDocument, CriterionId } from "@/criteria";
import type {
  AdminPractice,
  AdminUser,
  AuditRecord,
  DecisionRecord,
  DocumentRequested,
  DraftAmends,
  QueueSort,
  RequestStatus,
  RequestSummaryRow,
  Role,
  SameMemberRequest,
  SessionUser,
  VersionRecord,
  MissingDocument,
  ProvenanceEntry,
  ConfiguredLocalCode,
  LocalCodeEntry,
  RecordImportSettings,
} from "@/contract";

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  practiceId: number | null;
  passwordHash: string;
}

/** What an admin may change on an account; `passwordHash` and `active: false` also end its sessions. */
export interface UserUpdate {
  name?: string;
  role?: Role;
  practiceId?: number | null;
  passwordHash?: string;
  active?: boolean;
}

/** What a local code identifies (the keys of the record import's `localCodes`). */
export type LocalCodeKind = keyof RecordImportSettings["localCodes"];

/** Who makes an administrative change, and when. */
export interface AdminAct {
  adminId: number;
  now: Date;
}

export interface StoredSession {
  userId: number;
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
}

export interface StoredRequest extends RequestSummaryRow {
  id: number;
  practiceId: number;
  submittedBy: number;
  rowVersion: number;
  document: RequestDocument;
  /**
   * Set when the stored document no longer validates (it was stored under an older shape): what
   * does not. `document` is then the stored value as it is, unchecked: to be shown, never evaluated.
   */
  documentProblems?: FieldError[];
  evaluation: Evaluation;
}

export interface NewSubmission {
  practiceId: number;
  userId: number;
  idempotencyKey: string;
  expedited: boolean;
  document: RequestDocument;
  evaluation: Evaluation;
  now: Date;
  dueAt: Date;
  /**
   * The open request for the same member that the person was shown and chose to file beside
   * (null: none seen). A newer open one than this is still answered with `open`.
   */
  acknowledgedOpen: string | null;
  /** The required documents it is filed without, as the submitter confirmed them (#11); absent: not stated. */
  missingDocuments?: MissingDocument[];
  /** The answers filled from the patient's record (#12), paths checked against `document`; absent or empty: none. */
  provenance?: ProvenanceEntry[];
}

/** What a submit did: filed (or found filed under the same key), or refused for an open request of the member. */
export type SubmitResult =
  | { reference: string; created: boolean; expedited: boolean; dueAt: string }
  | { open: { reference: string; receivedAt: string } };

/** A staff member's server draft: the wizard's answers as JSON, a stamp the saving browser chose, what it amends. */
export interface StoredDraft {
  content: string;
  stamp: string;
  /** The request this draft amends; null for a new request. */
  amends: DraftAmends | null;
  updatedAt: string;
}

export interface Decision {
  kind: DecisionKind;
  criteria: CriterionId[];
  message: string;
  userId: number;
  now: Date;
  authorizedFrom: string | null;
  authorizedThrough: string | null;
  newStatus: RequestStatus;
  /** request_info: the checklist items whose documents the practice is to add (none when absent). */
  documentsRequested?: DocumentRequested[];
}

export interface Scope {
  /** Staff see one practice; reviewers and admins see all. */
  practiceId: number | null;
}

/**
 * Where a page of the queue starts: the sort key and id of the row next to it (the last row of the
 * page before for "next", the first row of the page after for "previous") and the page number it
 * leads to. On the wire it is an opaque cursor (routes/queue-cursor.ts).
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

export interface ListQuery {
  sort: QueueSort;
  pageSize: number;
  /** Page number to jump to by offset; ignored when there is a cursor. */
  page?: number;
  cursor?: QueueCursor;
  status?: RequestStatus;
  outcome?: Evaluation["outcome"];
  q?: string;
}

export interface ListPage {
  items: RequestSummaryRow[];
  total: number;
  page: number;
  next: QueueCursor | null;
  previous: QueueCursor | null;
}

export type ChangeResult =
  | { ok: true; rowVersion: number }
  | { ok: false; reason: "stale" | "wrong_status" }
  /** An approval refused: another request for the same member is approved already (given once). */
  | { ok: false; reason: "member_approved"; reference: string };

export interface StoreMethods {
  createPractice(name: string): number;
  findPracticeByName(name: string): { id: number; name: string } | undefined;
  /** An account made outside the admin screens (demo seed, `npm run user:add`), created at `now`. */
  createUser(user: NewUser, now: Date): SessionUser;
  /** Any account with this email, active or not (sign-in refuses inactive ones). */
  findUserByEmail(email: string): (SessionUser & { passwordHash: string; active: boolean }) | undefined;
  /** An active account: a deactivated one has no sessions. */
  findUserById(id: number): SessionUser | undefined;
  countUsers(): number;

  // Administration. Each change is one transaction that first checks the acting admin is still an
  // active admin, then writes the change and its audit event together. Refusals are answers.
  listPractices(): AdminPractice[];
  findPractice(id: number): AdminPractice | undefined;
  addPractice(name: string, by: AdminAct): AdminPractice | "name_taken" | "not_admin";
  renamePractice(id: number, name: string, by: AdminAct): AdminPractice | "name_taken" | "not_found" | "not_admin";
  listUsers(): AdminUser[];
  findAccount(id: number): AdminUser | undefined;
  addUser(user: NewUser, by: AdminAct): AdminUser | "email_taken" | "not_admin";
  /**
   * Applies the change if the account is still at `expectedRowVersion` ("stale" otherwise), ending
   * its sessions (but `keepSession`) when `endSessions`, and records `detail` as the change. A new
   * practice or a deactivation also ends the account's server draft and retires its submission
   * keys (a retry of an old key files a new request instead of returning the old practice's).
   */
  updateUser(
    id: number,
    expectedRowVersion: number,
    update: UserUpdate,
    effects: { endSessions: boolean; keepSession: string | null; detail: string },
    by: AdminAct,
  ): AdminUser | "stale" | "not_found" | "not_admin";
  /** Changes to an account (its sign-ins left out), newest first. */
  accountHistory(accountId: number, limit: number): AuditRecord[];
  lastSignIn(accountId: number): string | null;
  /** A practice's events (added, renamed), newest first. */
  practiceHistory(practiceId: number, limit: number): AuditRecord[];

  // The record import's local codes (#12): installation-wide; changed by admins, each change with
  // its audit event (marked with the setting) in one transaction; read by anyone.
  /** The configured codes of `kind`, oldest first. */
  localCodes(kind: LocalCodeKind): ConfiguredLocalCode[];
  /** Adds a code unless the same system and code is there ("duplicate") or MAX_LOCAL_CODES are ("full"). */
  addLocalCode(
    kind: LocalCodeKind,
    entry: LocalCodeEntry,
    by: AdminAct,
  ): ConfiguredLocalCode | "duplicate" | "full" | "not_admin";
  /** Removes a code of `kind`; answers with what it removed. */
  removeLocalCode(kind: LocalCodeKind, id: number, by: AdminAct): ConfiguredLocalCode | "not_found" | "not_admin";
  /** Changes to the record import's settings, newest first. */
  recordImportHistory(limit: number): AuditRecord[];

  createSession(idHash: string, userId: number, csrfToken: string, now: number): void;
  findSession(idHash: string): StoredSession | undefined;
  touchSession(idHash: string, now: number): void;
  deleteSession(idHash: string): void;
  /** Sessions idle since `idleBefore` or started before `createdBefore` (both are refused anyway). */
  deleteExpiredSessions(idleBefore: number, createdBefore: number): void;

  getDraft(userId: number): StoredDraft | undefined;
  putDraft(userId: number, draft: Omit<StoredDraft, "updatedAt">, now: Date): void;
  deleteDraft(userId: number): void;

  /**
   * Stores a submission with its first version and ends the submitter's draft, in one transaction.
   * A repeated idempotency key returns the first one; a member's open request (same practice, same
   * member ID) not acknowledged is answered with `open` and nothing is stored.
   */
  submit(submission: NewSubmission): SubmitResult;
  /** What this person already filed under this idempotency key, if anything (a retry's answer). */
  filedWithKey(
    userId: number,
    idempotencyKey: string,
  ): { reference: string; expedited: boolean; dueAt: string } | undefined;
  /** One request with its current version; `overdue` is judged at `now`. */
  findRequest(reference: string, scope: Scope, now: Date): StoredRequest | undefined;
  /** The other requests for this request's member (member ID without case or spaces) in `scope`, newest first. */
  sameMemberRequests(requestId: number, scope: Scope): SameMemberRequest[];
  /** A page of the queue: by cursor (seek) when there is one, else by page number (offset). */
  listRequests(query: ListQuery, scope: Scope, now: Date): ListPage;
  versions(requestId: number): VersionRecord[];
  decisions(requestId: number): DecisionRecord[];
  audit(requestId: number): AuditRecord[];
  /** The document of one version of a request; undefined too when it no longer validates (see `documentProblems`). */
  versionDocument(requestId: number, version: number): RequestDocument | undefined;
  /**
   * Records that `userId` viewed `version`, unless the same user viewed the same version of the
   * same request in the 60 seconds before `now` (a page opened twice, a refetch on focus): one entry.
   */
  recordView(requestId: number, userId: number, version: number, now: Date): void;
  /** The latest version below `below` that `userId` viewed, from the audit trail. */
  lastViewedVersion(requestId: number, userId: number, below: number): number | undefined;

  /** A new version of a request sent back for more information; ends the amender's draft of that amendment. */
  amend(
    requestId: number,
    expectedRowVersion: number,
    userId: number,
    document: RequestDocument,
    evaluation: Evaluation,
    now: Date,
    /** The required documents it is filed without, as the amender confirmed them (#11); absent: not stated. */
    missingDocuments?: MissingDocument[],
    /** The answers filled from the patient's record (#12), as in `NewSubmission`. */
    provenance?: ProvenanceEntry[],
  ): ChangeResult;
  startReview(requestId: number, expectedRowVersion: number): ChangeResult;
  decide(requestId: number, expectedRowVersion: number, decision: Decision): ChangeResult;

  recordAudit(requestId: number | null, userId: number, action: string, detail: string, now: Date): void;
  /** An event about an account (added, changed, signed in), done by `userId`. */
  recordAccountEvent(accountId: number, userId: number, action: string, detail: string, now: Date): void;
  integrityCheck(): string;
  close(): void;
}

/** Every method of `T`, answering with a promise. */
export type Promised<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};

/** What routes use: the store's methods, each answering with a promise. */
export type Store = Promised<StoreMethods>;

/**
 * A Store over an engine that answers at once (node:sqlite): each call runs now, in its own
 * transaction where it has one, and its answer (or its throw) comes back as a settled promise.
 */
export function promised(methods: StoreMethods): Store {
  const call =
    (method: (...args: unknown[]) => unknown) =>
    (...args: unknown[]) =>
      new Promise((resolve) => {
        resolve(method.apply(methods, args));
      });
  // A Proxy rather than a hand-written wrapper per method: one place, and a new method needs nothing here.
  return new Proxy(methods, {
    get: (target, key, receiver) => {
      const value: unknown = Reflect.get(target, key, receiver);
      return typeof value === "function" ? call(value as (...args: unknown[]) => unknown) : value;
    },
  }) as unknown as Store;
}
