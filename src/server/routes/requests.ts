/**
 * Submissions and review. Every route validates, authorises, calls the criteria library for the
 * authoritative evaluation, and stores. Staff see their practice's requests only; another
 * practice's request is a 404 (its existence is not revealed). Every read and change is audited.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import {
  auditActionText,
  authorizationPeriod,
  calendarDateIn,
  decisionProblems,
  documentChanges,
  documentationChecklist,
  evaluate,
  evaluationChanged,
  type ChecklistItem,
  type DecisionKind,
  type Evaluation,
  type RequestDocument,
} from "@/criteria";
import { encodeCursor, queueFilterTag, readCursor } from "./queue-cursor";
import {
  amendSchema,
  decisionSchema,
  queueQuerySchema,
  queueSearchSchema,
  type QueueQuery,
  startReviewSchema,
  submitSchema,
  type RequestDetail,
  type RequestPage,
  type OpenRequestConflict,
  type RequestStatus,
  type SubmitAnswer,
  type AmendAnswer,
  type StartReviewAnswer,
  type DecisionAnswer,
  type DocumentRequested,
  type VersionChanges,
  type MissingDocument,
  type MissingDocumentsConflict,
  type ProvenanceEntry,
} from "@/contract";
import { requireUser, type AuthContext } from "../auth/sessions";
import type { ChangeResult, Scope, StoredRequest } from "../db/store";
import { BadRequest, HttpError, parseDocument, parseWith } from "../parse";
import type { Services } from "../services";

const DAY_MS = 24 * 60 * 60 * 1000;
const STANDARD_TURNAROUND_MS = 7 * DAY_MS;
const EXPEDITED_TURNAROUND_MS = 72 * 60 * 60 * 1000;

const QUEUE_QUERY = "The query takes status, outcome, sort, page, pageSize and cursor";
const QUEUE_SEARCH =
  "Search with a JSON object holding q and, as needed, status, outcome, sort, page, pageSize and cursor";
const SEARCH_IN_BODY =
  "Search text is not accepted in the address: send it as q in the body of POST /api/requests/search";

const scopeOf = ({ user }: AuthContext): Scope => ({ practiceId: user.role === "staff" ? user.practiceId : null });

const conflict = (result: Extract<ChangeResult, { ok: false }>, stored: StoredRequest | undefined): HttpError =>
  result.reason === "stale"
    ? new HttpError(
        409,
        `Someone else changed this request${stored === undefined ? "" : ` (it is now ${stored.status.replace(/_/g, " ")})`}. Reload it to see the change; nothing was overwritten.`,
      )
    : new HttpError(
        409,
        "This request is not in a state that allows that action. Reload it to see its current status.",
      );

const STORED_UNDER_OLDER_SHAPE =
  "This request was stored under an older form of the request document that no longer passes today's checks, so it cannot be evaluated now. Request more information: the practice's amendment is checked and evaluated anew.";

const EXPEDITED_REQUIRED =
  "expedited is required: true for an expedited request (a decision within 72 hours) or false for a standard one (7 days); there is no default";

/**
 * The documents a request for more information names, titled from the request's checklist as it is
 * at the decision. Only a request for more information names documents, and only items on that
 * request's checklist (an id from another request, or a stale page, is refused naming the field).
 */
function documentsRequested(
  kind: DecisionKind,
  ids: readonly string[],
  checklist: readonly ChecklistItem[],
): DocumentRequested[] {
  if (ids.length === 0) return [];
  if (kind !== "request_info")
    throw new BadRequest([{ path: "documents", message: "documents are named only when requesting more information" }]);
  const unique = [...new Set(ids)];
  const unknown = unique.filter((id) => !checklist.some((item) => item.id === id));
  if (unknown.length > 0)
    throw new BadRequest([
      {
        path: "documents",
        message: `documents must name items on this request's documentation checklist (${checklist.map((item) => item.id).join(", ") || "it has none"}); ${unknown.length === 1 ? "one is" : `${unknown.length} are`} not`,
      },
    ]);
  // In the checklist's order, so the practice reads them as the checklist lists them.
  return checklist.filter((item) => unique.includes(item.id)).map(({ id, title }) => ({ id, title }));
}

/** What a provenance entry's formatted fields accept, for a 400 that says so. */
const PROVENANCE_FORMATS: readonly [RegExp, string][] = [
  [
    /^provenance\.\d+\.path$/,
    'a request-document path in the spec\'s spelling ("liver.enzymes.alt.value", "bleeds.0.date")',
  ],
  [/^provenance\.\d+\.source\.reference$/, 'a FHIR reference "Type/id" ("Observation/abc")'],
  [/^provenance\.\d+\.source\.date$/, "a date YYYY-MM-DD"],
];

/** A body's 400 with each provenance field in the wrong format told what it accepts (never its value). */
function parseExplained<S extends Parameters<typeof parseWith>[0]>(schema: S, input: unknown, expected: string) {
  try {
    return parseWith(schema, input, expected);
  } catch (error) {
    if (!(error instanceof BadRequest)) throw error;
    throw new BadRequest(
      error.errors.map((e) => {
        const format = PROVENANCE_FORMATS.find(([path]) => path.test(e.path))?.[1];
        return format === undefined || !e.message.endsWith("is not in the expected format")
          ? e
          : { ...e, message: `${e.path} must be ${format}` };
      }),
    );
  }
}

/** The submit body; a missing `expedited` is explained (the person must choose: nothing defaults to standard). */
function parseSubmission(input: unknown) {
  try {
    return parseExplained(submitSchema, input, "Submit a JSON object holding document, expedited and idempotencyKey");
  } catch (error) {
    if (!(error instanceof BadRequest)) throw error;
    throw new BadRequest(
      error.errors.map((e) =>
        e.path === "expedited" && e.message === "expedited is required" ? { ...e, message: EXPEDITED_REQUIRED } : e,
      ),
    );
  }
}

const titles = (items: readonly MissingDocument[]): string =>
  items.map((item) => `${item.title} (${item.id})`).join("; ");

/**
 * Whether a submit's or amend's confirmation is what is missing (as sets). A caller that stated
 * none is not checked (API clients from before #11); the web app always states it.
 */
const confirmationMatches = (confirmed: readonly string[] | undefined, missing: readonly MissingDocument[]): boolean =>
  confirmed === undefined ||
  (new Set(confirmed).size === missing.length && missing.every((item) => confirmed.includes(item.id)));

function missingConflict(missing: MissingDocument[]): MissingDocumentsConflict {
  return {
    error:
      missing.length === 0
        ? "Every required document is now attached, but the submit confirmed some as missing. Check the documents again and submit; nothing was filed."
        : `Required documents are missing: ${titles(missing)}. Attach them, or confirm submitting without exactly these (confirmedMissingDocuments: ${JSON.stringify(missing.map((m) => m.id))}); nothing was filed.`,
    missingDocuments: missing,
  };
}

/** The value at a dotted request-document path ("bleeds.0.date"), undefined when there is none. */
function valueAt(document: RequestDocument, path: string): unknown {
  let node: unknown = document;
  for (const part of path.split(".")) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/**
 * The provenance as filed: each entry names an answer present in the document (else 400 naming
 * the entry, nothing filed), one entry per answer. The message names the path, never the value.
 */
function checkedProvenance(
  provenance: readonly ProvenanceEntry[] | undefined,
  document: RequestDocument,
): ProvenanceEntry[] | undefined {
  if (provenance === undefined) return undefined;
  const errors = provenance.flatMap((entry, i) => {
    const path = `provenance.${i}.path`;
    if (valueAt(document, entry.path) === undefined)
      return [{ path, message: `${path} must name an answer in the document; ${entry.path} has none` }];
    if (provenance.findIndex((other) => other.path === entry.path) !== i)
      return [{ path, message: `${path} names ${entry.path} a second time: one entry per answer` }];
    return [];
  });
  if (errors.length > 0) throw new BadRequest(errors);
  return [...provenance];
}

export function requestRoutes(app: FastifyInstance, services: Services): void {
  const { store, sessions, now } = services;

  /**
   * The required checklist items no document supports: the staff member's draft documents for this
   * request (a new one's, or the amendment's of `amends`) and, for an amendment, those already filed.
   */
  async function missingDocuments(
    document: RequestDocument,
    evaluation: Evaluation,
    owner: { userId: number; practiceId: number },
    amends: { reference: string; requestId: number } | null,
  ): Promise<MissingDocument[]> {
    const rows = services.documents.rows;
    const draft = (await rows.draftDocuments(owner.userId, owner.practiceId)).filter(
      (doc) => doc.info.amends === (amends?.reference ?? null),
    );
    const filed = amends === null ? [] : await rows.requestDocuments(amends.requestId);
    const supported = new Set([...draft, ...filed].flatMap((doc) => doc.info.items));
    return documentationChecklist(document, evaluation)
      .filter((item) => item.required && !supported.has(item.id))
      .map(({ id, title }) => ({ id, title }));
  }

  async function load(
    request: FastifyRequest<{ Params: { reference: string } }>,
    auth: AuthContext,
  ): Promise<StoredRequest> {
    const stored = await store.findRequest(request.params.reference.toUpperCase(), scopeOf(auth), now());
    if (stored === undefined) throw new HttpError(404, "No request with that reference");
    return stored;
  }

  /** The plan's calendar date at `at`, in its time zone. */
  const today = (at: Date): string => calendarDateIn(at, services.config.TIME_ZONE);

  /**
   * What changed in this version since the one this user last viewed (read before this view is
   * recorded), else since the previous version.
   */
  async function changesOf(stored: StoredRequest, auth: AuthContext): Promise<VersionChanges | undefined> {
    // A document that no longer validates is not compared field by field (the comparison reads it as a document).
    if (stored.version < 2 || stored.documentProblems !== undefined) return undefined;
    const lastViewed = await store.lastViewedVersion(stored.id, auth.user.id, stored.version);
    const sinceVersion = lastViewed ?? stored.version - 1;
    const before = await store.versionDocument(stored.id, sinceVersion);
    if (before === undefined) return undefined;
    return {
      sinceVersion,
      basis: lastViewed === undefined ? "previous" : "last_viewed",
      items: documentChanges(before, stored.document),
    };
  }

  async function detail(stored: StoredRequest, auth: AuthContext): Promise<RequestDetail> {
    const { id, practiceId: _p, submittedBy: _s, evaluation: atSubmission, ...summary } = stored;
    // A document stored under an older shape is shown as stored, but nothing is evaluated on unchecked
    // data: the evaluation is the one at submission (and `documentProblems` says why).
    const evaluation = stored.documentProblems === undefined ? evaluate(stored.document) : atSubmission;
    const canAudit = auth.user.role !== "staff";
    const changes = await changesOf(stored, auth);
    const open = auth.user.role === "reviewer" && (stored.status === "submitted" || stored.status === "in_review");
    await store.recordView(stored.id, auth.user.id, stored.version, now());
    const audit = canAudit
      ? (await store.audit(id)).map((event) => ({ ...event, action: auditActionText(event.action) }))
      : undefined;
    return {
      ...summary,
      evaluationAtSubmission: atSubmission,
      evaluation,
      evaluationChanged: evaluationChanged(atSubmission, evaluation),
      versions: await store.versions(id),
      decisions: await store.decisions(id),
      sameMember: await store.sameMemberRequests(id, scopeOf(auth)),
      ...(audit !== undefined && { audit }),
      ...(changes !== undefined && { changes }),
      ...(open && { approvalPeriod: authorizationPeriod(today(now())) }),
    };
  }

  app.post("/api/requests", async (request, reply) => {
    const auth = await requireUser(sessions, request, reply, ["staff"]);
    const body = parseSubmission(request.body);
    const document = parseDocument(body.document);
    const provenance = checkedProvenance(body.provenance, document);
    const practiceId = auth.user.practiceId;
    if (practiceId === null) throw new HttpError(403, "Your account belongs to no practice");
    const evaluation = evaluate(document);
    const missing = await missingDocuments(document, evaluation, { userId: auth.user.id, practiceId }, null);
    if (!confirmationMatches(body.confirmedMissingDocuments, missing)) {
      // A retry of a filing whose answer was lost: its documents have moved to the request, so what
      // is "missing" now differs; the answer is the first filing's, as for any repeated key.
      const first = await store.filedWithKey(auth.user.id, body.idempotencyKey);
      if (first !== undefined) return reply.code(200).send(first satisfies SubmitAnswer);
      return reply.code(409).send(missingConflict(missing));
    }
    const at = now();
    const result = await store.submit({
      practiceId,
      userId: auth.user.id,
      idempotencyKey: body.idempotencyKey,
      expedited: body.expedited,
      document,
      evaluation,
      now: at,
      dueAt: new Date(at.getTime() + (body.expedited ? EXPEDITED_TURNAROUND_MS : STANDARD_TURNAROUND_MS)),
      acknowledgedOpen: body.confirmDuplicateOf ?? null,
      ...(body.confirmedMissingDocuments !== undefined && { missingDocuments: missing }),
      ...(provenance !== undefined && { provenance }),
    });
    if ("open" in result) {
      // The reference and date only: the member stays out of the answer (and of every log).
      const conflict: OpenRequestConflict = {
        error: `${result.open.reference} for this member is still open (received ${result.open.receivedAt.slice(0, 10)}). To file another request anyway, send confirmDuplicateOf: "${result.open.reference}".`,
        openRequest: result.open,
      };
      return reply.code(409).send(conflict);
    }
    const answer: SubmitAnswer = { reference: result.reference, expedited: result.expedited, dueAt: result.dueAt };
    return reply.code(result.created ? 201 : 200).send(answer);
  });

  /** A page of the queue (or of a practice's requests) under `query`, audited as a read. */
  async function listPage(auth: AuthContext, query: QueueQuery): Promise<RequestPage> {
    const { cursor, page, pageSize = 25, sort = "received", ...filters } = query;
    const { seek, error } = readCursor(query);
    if (error !== undefined) throw new BadRequest([error]);
    const result = await store.listRequests({ ...filters, sort, pageSize, page, cursor: seek }, scopeOf(auth), now());
    await store.recordAudit(
      null,
      auth.user.id,
      "listed requests",
      `page ${result.page}${filters.q === undefined ? "" : ", searched"}`,
      now(),
    );
    return {
      items: result.items,
      total: result.total,
      page: result.page,
      pageSize,
      next: result.next === null ? null : encodeCursor(result.next, queueFilterTag(filters)),
      previous: result.previous === null ? null : encodeCursor(result.previous, queueFilterTag(filters)),
    };
  }

  const LIST_ROLES = ["staff", "reviewer", "admin"] as const;

  app.get("/api/requests", async (request, reply): Promise<RequestPage> => {
    const auth = await requireUser(sessions, request, reply, LIST_ROLES);
    // A member ID in an address ends up in browser caches and proxy logs: search text travels in a body.
    if (typeof request.query === "object" && request.query !== null && "q" in request.query)
      throw new BadRequest([{ path: "q", message: SEARCH_IN_BODY }]);
    return listPage(auth, parseWith(queueQuerySchema, request.query, QUEUE_QUERY));
  });

  // A search reads, but is a POST so that its text is in the body, never in the address.
  app.post("/api/requests/search", async (request, reply): Promise<RequestPage> => {
    const auth = await requireUser(sessions, request, reply, LIST_ROLES);
    return listPage(auth, parseWith(queueSearchSchema, request.body, QUEUE_SEARCH));
  });

  app.get<{ Params: { reference: string } }>("/api/requests/:reference", async (request, reply) => {
    const auth = await requireUser(sessions, request, reply, ["staff", "reviewer", "admin"]);
    const stored = await load(request, auth);
    return await detail(stored, auth);
  });

  app.post<{ Params: { reference: string } }>("/api/requests/:reference/versions", async (request, reply) => {
    const auth = await requireUser(sessions, request, reply, ["staff"]);
    const stored = await load(request, auth);
    const body = parseExplained(
      amendSchema,
      request.body,
      "Send a JSON object holding document and expectedRowVersion",
    );
    const document = parseDocument(body.document);
    const provenance = checkedProvenance(body.provenance, document);
    const evaluation = evaluate(document);
    const practiceId = auth.user.practiceId ?? stored.practiceId;
    const missing = await missingDocuments(
      document,
      evaluation,
      { userId: auth.user.id, practiceId },
      { reference: stored.reference, requestId: stored.id },
    );
    if (!confirmationMatches(body.confirmedMissingDocuments, missing))
      return reply.code(409).send(missingConflict(missing));
    const result = await store.amend(
      stored.id,
      body.expectedRowVersion,
      auth.user.id,
      document,
      evaluation,
      now(),
      body.confirmedMissingDocuments === undefined ? undefined : missing,
      provenance,
    );
    if (!result.ok) throw conflict(result, await store.findRequest(stored.reference, scopeOf(auth), now()));
    const answer: AmendAnswer = { reference: stored.reference, rowVersion: result.rowVersion };
    return answer;
  });

  app.post<{ Params: { reference: string } }>("/api/requests/:reference/start-review", async (request, reply) => {
    const auth = await requireUser(sessions, request, reply, ["reviewer"]);
    const stored = await load(request, auth);
    const { expectedRowVersion } = parseWith(
      startReviewSchema,
      request.body,
      "Send a JSON object holding expectedRowVersion",
    );
    const result = await store.startReview(stored.id, expectedRowVersion);
    if (!result.ok) throw conflict(result, await store.findRequest(stored.reference, scopeOf(auth), now()));
    await store.recordAudit(stored.id, auth.user.id, "review started", "", now());
    const answer: StartReviewAnswer = { rowVersion: result.rowVersion };
    return answer;
  });

  app.post<{ Params: { reference: string } }>("/api/requests/:reference/decision", async (request, reply) => {
    const auth = await requireUser(sessions, request, reply, ["reviewer"]);
    const stored = await load(request, auth);
    const body = parseWith(
      decisionSchema,
      request.body,
      "Send a JSON object holding kind, expectedRowVersion and, as needed, criteria and message",
    );
    // First whether the reviewer decides on what is there now: a stale view is refused as such.
    if (body.expectedRowVersion !== stored.rowVersion) throw conflict({ ok: false, reason: "stale" }, stored);
    if (stored.status !== "submitted" && stored.status !== "in_review")
      throw conflict({ ok: false, reason: "wrong_status" }, stored);
    // Approval and denial rest on the evaluation of the document, which cannot be run on one that no
    // longer validates: the practice is asked for more information, and its amendment is checked anew.
    if (stored.documentProblems !== undefined && body.kind !== "request_info")
      throw new HttpError(422, STORED_UNDER_OLDER_SHAPE);
    const message = body.message?.trim() ?? "";
    const criteria = body.criteria ?? [];
    const current = stored.documentProblems === undefined ? evaluate(stored.document) : stored.evaluation;
    const problems = decisionProblems({ kind: body.kind, criteria, message }, current);
    const notAllowed = problems.find((p) => p.notAllowed === true);
    if (notAllowed !== undefined) throw new HttpError(422, notAllowed.message);
    if (problems.length > 0) throw new BadRequest(problems.map(({ path, message: text }) => ({ path, message: text })));
    const documents = documentsRequested(
      body.kind,
      body.documents ?? [],
      documentationChecklist(stored.document, current),
    );
    const at = now();
    const period = authorizationPeriod(today(at));
    const status: RequestStatus =
      body.kind === "approve" ? "approved" : body.kind === "deny" ? "denied" : "more_info_requested";
    const result = await store.decide(stored.id, body.expectedRowVersion, {
      kind: body.kind,
      criteria: body.kind === "deny" ? criteria : [],
      message,
      userId: auth.user.id,
      now: at,
      authorizedFrom: body.kind === "approve" ? period.from : null,
      authorizedThrough: body.kind === "approve" ? period.through : null,
      newStatus: status,
      documentsRequested: documents,
    });
    if (!result.ok && result.reason === "member_approved")
      throw new HttpError(
        422,
        `${result.reference} for this member is already approved: Hemgenix is given once (II.A). Deny this request or ask the practice for more information.`,
      );
    if (!result.ok) throw conflict(result, await store.findRequest(stored.reference, scopeOf(auth), now()));
    const answer: DecisionAnswer = { rowVersion: result.rowVersion, status };
    return answer;
  });
}
