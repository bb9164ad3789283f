/**
 * Supporting documents (#11; the contract is src/contract/documents.ts). Uploads stream through
 * @fastify/multipart into the spool (hashed and counted, never held whole), are recognised by
 * their content, and are stored all or nothing: bytes made durable, then their rows committed
 * (fsynced), then the answer. Reading one is authorised as reading its request and audited.
 * File names are never logged: they can name the patient.
 */
import { rm } from "node:fs/promises";
import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod/mini";
import { documentationChecklist, evaluate } from "@/criteria";
import {
  ACCEPTED_DOCUMENTS,
  DOCUMENT_ID_PATTERN,
  DOCUMENT_LIMITS,
  documentItemsSchema,
  documentUploadQuerySchema,
  type DocumentInfo,
  type DocumentsAnswer,
  type DocumentsRefusal,
  type RefusedFile,
  type RequestDocumentsAnswer,
} from "@/contract";
import { requireUser, type AuthContext } from "../auth/sessions";
import { HttpError } from "../parse";
import type { DraftOwner, NewDocumentRow, StoredDocument } from "../db/document-rows";
import { newId } from "../documents/documents";
import { inspect, newPixelBudget, quoted, Refused, type Inspected } from "../documents/inspect";
import { cleanFileName, contentDisposition, nameForType } from "../documents/names";
import { spool, TooLarge, type Spooled } from "../documents/spool";
import { tooManyUploads, UploadSlots } from "../documents/upload-slots";
import { BadRequest, parseWith } from "../parse";
import type { Services } from "../services";

/** Headers of a served document: its own type only, nothing in it runs, no frame embeds it. */
export const DOCUMENT_CSP =
  "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'";

/** The multipart envelope around 150 MB of files: part headers and boundaries. */
const MAX_BODY_BYTES = DOCUMENT_LIMITS.maxRequestBytes + 2 * 1024 * 1024;

const UPLOAD_SHAPE =
  "Send multipart/form-data with an items field (the checklist item ids the files support, comma-separated) and one or more parts named file";

/** A whole upload refused: each refused file with its reason. */
class UploadRefused extends Error {
  constructor(
    readonly statusCode: number,
    readonly refused: RefusedFile[],
  ) {
    super("upload refused");
  }
}

const refusedOne = (fileName: string, message: string, status: number): UploadRefused =>
  new UploadRefused(status, [{ fileName, message }]);

/** Node's own errors (the disk, the file system) are ours to answer with a 500; anything else while reading the body is the body's. */
const isSystemError = (error: unknown): boolean => typeof (error as { syscall?: unknown } | null)?.syscall === "string";

function limitMessage(code: unknown): string {
  if (code === "FST_FILES_LIMIT") return `An upload holds at most ${DOCUMENT_LIMITS.maxFiles} files. ${UPLOAD_SHAPE}.`;
  if (code === "FST_FIELDS_LIMIT" || code === "FST_PARTS_LIMIT")
    return `The upload has too many parts. ${UPLOAD_SHAPE}.`;
  return `The upload could not be read as multipart/form-data (cut off, or its boundary is wrong). ${UPLOAD_SHAPE}.`;
}

function parseItems(value: string): string[] {
  return itemsOrRefuse(
    value
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item !== ""),
    "comma-separated",
  );
}

/** What a document supports, or one sentence saying what is accepted (the upload's field and PATCH's alike). */
function itemsOrRefuse(items: unknown, form: "comma-separated" | "as a JSON list"): string[] {
  const parsed = documentItemsSchema.safeParse(items);
  if (!parsed.success)
    throw new BadRequest([
      {
        path: "items",
        message: `items must name 1 to ${DOCUMENT_LIMITS.maxItems} checklist items by id (like diagnosis-factor-ix or inhibitor-assay-2), ${form}`,
      },
    ]);
  return [...new Set(parsed.data)];
}

interface Received {
  fileName: string;
  spooled: Spooled;
}

export async function documentRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { store, sessions, now, documents } = services;
  app.addHook("onReady", () => documents.start());
  app.addHook("onClose", () => documents.close());

  const info = (stored: StoredDocument): DocumentInfo => stored.info;
  const slots = new UploadSlots(services.config.UPLOADS_PER_USER);

  /** Reads the multipart body into the spool, refusing as soon as a limit is passed. */
  async function receive(request: FastifyRequest): Promise<{ items: string[]; files: Received[] }> {
    const files: Received[] = [];
    let items: string[] | undefined;
    let total = 0;
    const { spoolDir } = documents.bytes;
    try {
      for await (const part of request.parts()) {
        if (part.type === "field") {
          if (part.fieldname !== "items" || items !== undefined || part.valueTruncated)
            throw new BadRequest([{ path: part.fieldname === "items" ? "items" : "", message: UPLOAD_SHAPE }]);
          items = parseItems(typeof part.value === "string" ? part.value : "");
          continue;
        }
        const fileName = cleanFileName(part.filename);
        if (part.fieldname !== "file") {
          part.file.destroy();
          throw new BadRequest([{ path: "", message: UPLOAD_SHAPE }]);
        }
        if (files.length >= DOCUMENT_LIMITS.maxFiles) {
          part.file.destroy();
          throw refusedOne(
            fileName,
            `${quoted(fileName)} is more than ${DOCUMENT_LIMITS.maxFiles} files in one upload; a request carries at most ${DOCUMENT_LIMITS.maxFiles}. Combine some into one PDF.`,
            413,
          );
        }
        const left = Math.min(DOCUMENT_LIMITS.maxFileBytes, DOCUMENT_LIMITS.maxRequestBytes - total);
        let spooled: Spooled;
        try {
          spooled = await spool(part.file, spoolDir, left);
        } catch (error) {
          if (!(error instanceof TooLarge)) throw error;
          throw refusedOne(
            fileName,
            left < DOCUMENT_LIMITS.maxFileBytes
              ? `${quoted(fileName)} would bring this upload over 150 MB in all. Attach ${ACCEPTED_DOCUMENTS}, 150 MB at most in all.`
              : `${quoted(fileName)} is larger than 25 MB. Attach ${ACCEPTED_DOCUMENTS} (scan at a lower resolution, or split it).`,
            413,
          );
        }
        files.push({ fileName, spooled });
        total += spooled.size;
      }
    } catch (error) {
      await removeSpooled(files);
      if (error instanceof UploadRefused || error instanceof BadRequest || error instanceof HttpError) throw error;
      if (isSystemError(error)) throw error;
      const code = (error as { code?: unknown } | null)?.code;
      throw new HttpError(code === "FST_FILES_LIMIT" || code === "FST_PARTS_LIMIT" ? 413 : 400, limitMessage(code));
    }
    if (files.length === 0)
      throw new BadRequest([{ path: "file", message: `Attach at least one file. ${UPLOAD_SHAPE}.` }]);
    if (items === undefined) {
      await removeSpooled(files);
      throw new BadRequest([
        { path: "items", message: `Say which checklist items the files support. ${UPLOAD_SHAPE}.` },
      ]);
    }
    return { items, files };
  }

  async function removeSpooled(files: readonly { spooled: Spooled }[], extra: readonly string[] = []): Promise<void> {
    await Promise.all([...files.map((f) => f.spooled.path), ...extra].map((path) => rm(path, { force: true })));
  }

  /** Which draft an upload goes into: the new request's, or the amendment of a request sent back. */
  async function ownerOf(request: FastifyRequest, auth: AuthContext): Promise<DraftOwner> {
    const practiceId = auth.user.practiceId;
    if (practiceId === null) throw new HttpError(403, "Your account belongs to no practice");
    const { amends } = parseWith(
      documentUploadQuerySchema,
      request.query,
      "The query takes amends (a request's reference)",
    );
    if (amends === undefined) return { userId: auth.user.id, practiceId, amends: null };
    const amended = await store.findRequest(amends, { practiceId }, now());
    if (amended === undefined) throw new HttpError(404, "No request with that reference");
    if (amended.status !== "more_info_requested")
      throw new HttpError(
        409,
        "Documents are added to a submitted request only when it is sent back for more information",
      );
    return { userId: auth.user.id, practiceId, amends: { reference: amended.reference, requestId: amended.id } };
  }

  /**
   * Checks and stores a received upload, all or nothing. Whatever happens, the spool is empty and
   * no bytes without a row remain before this resolves (and so before anything is answered).
   */
  async function keepUpload(
    owner: DraftOwner,
    { items, files }: { items: string[]; files: Received[] },
  ): Promise<{ answer: DocumentsAnswer } | { status: number; refused: DocumentsRefusal }> {
    const renditions: string[] = [];
    const stored: string[] = [];
    let committed = false;
    const refusal = (status: number, refused: RefusedFile[]) => ({
      status,
      refused: { error: refused.map((r) => r.message).join(" "), refused },
    });
    try {
      const refused: RefusedFile[] = [];
      let status = 422;
      const inspected: (Inspected | undefined)[] = [];
      const pixels = newPixelBudget();
      for (const [index, file] of files.entries()) {
        const earlier = files.slice(0, index).find((f) => f.spooled.sha256 === file.spooled.sha256);
        const problem =
          file.spooled.size === 0
            ? `${quoted(file.fileName)} is empty. Attach ${ACCEPTED_DOCUMENTS}.`
            : earlier !== undefined
              ? `${quoted(file.fileName)} is the same file as ${quoted(earlier.fileName)} in this upload. Each file is attached once.`
              : undefined;
        if (problem !== undefined) {
          refused.push({ fileName: file.fileName, message: problem });
          inspected.push(undefined);
          continue;
        }
        try {
          const result = await inspect(file.spooled.path, file.fileName, documents.bytes.spoolDir, pixels);
          if (result.rendition !== undefined) renditions.push(result.rendition.path);
          inspected.push(result);
        } catch (error) {
          if (!(error instanceof Refused)) throw error;
          if (refused.length === 0) status = error.statusCode;
          refused.push({ fileName: error.fileName, message: error.message });
          inspected.push(undefined);
        }
      }
      if (refused.length > 0) return refusal(status, refused);

      const rows: NewDocumentRow[] = [];
      for (const [index, file] of files.entries()) {
        const result = inspected[index];
        if (result === undefined) continue;
        const storageKey = newId();
        await documents.bytes.put(storageKey, file.spooled.path);
        stored.push(storageKey);
        let renditionKey: string | null = null;
        if (result.rendition !== undefined) {
          renditionKey = newId();
          await documents.bytes.put(renditionKey, result.rendition.path);
          stored.push(renditionKey);
        }
        rows.push({
          publicId: newId(),
          storageKey,
          renditionKey,
          fileName: file.fileName,
          mediaType: result.mediaType,
          size: file.spooled.size,
          sha256: file.spooled.sha256,
          pages: result.pages,
          items,
        });
      }
      const added = await documents.rows.addDraft(owner, rows, now());
      if (!added.every((entry): entry is StoredDocument => "info" in entry)) {
        const refusedFiles = added.filter((entry): entry is RefusedFile => !("info" in entry));
        const tooMany = refusedFiles.some((r) => r.message.includes("at most") || r.message.includes("150 MB"));
        return refusal(tooMany ? 413 : 409, refusedFiles);
      }
      committed = true;
      return { answer: { documents: added.map(info) } };
    } finally {
      await removeSpooled(files, renditions);
      if (!committed) await Promise.all(stored.map((key) => documents.bytes.remove(key)));
    }
  }

  await app.register(async (scope) => {
    await scope.register(multipart, {
      throwFileSizeLimit: false,
      limits: {
        fieldNameSize: 100,
        fieldSize: 4096,
        fields: 2,
        fileSize: DOCUMENT_LIMITS.maxFileBytes + 1,
        files: DOCUMENT_LIMITS.maxFiles + 1,
        parts: DOCUMENT_LIMITS.maxFiles + 4,
        headerPairs: 20,
      },
    });

    scope.post("/api/draft/documents", async (request, reply) => {
      // An early refusal leaves the rest of the body unread: the connection is not reused.
      const refuse = (status: number, body: DocumentsRefusal) =>
        reply.code(status).header("connection", "close").send(body);
      const auth = await requireUser(sessions, request, reply, ["staff"]);
      const owner = await ownerOf(request, auth);
      if (!request.isMultipart()) throw new HttpError(415, `${UPLOAD_SHAPE}.`);
      if (Number(request.headers["content-length"] ?? 0) > MAX_BODY_BYTES)
        return refuse(413, {
          error: `An upload holds at most 150 MB of files. Attach ${ACCEPTED_DOCUMENTS}.`,
          refused: [],
        });

      const release = slots.take(auth.user.id);
      if (release === undefined) return refuse(429, { error: tooManyUploads(slots.limit), refused: [] });
      let outcome: Awaited<ReturnType<typeof keepUpload>>;
      try {
        outcome = await keepUpload(owner, await receive(request));
      } catch (error) {
        if (!(error instanceof UploadRefused)) throw error;
        outcome = {
          status: error.statusCode,
          refused: { error: error.refused.map((r) => r.message).join(" "), refused: error.refused },
        };
      } finally {
        release();
      }
      if ("refused" in outcome) return refuse(outcome.status, outcome.refused);
      return reply.code(201).send(outcome.answer);
    });
  });

  app.get("/api/draft/documents", async (request, reply): Promise<DocumentsAnswer> => {
    const auth = await requireUser(sessions, request, reply, ["staff"]);
    if (auth.user.practiceId === null) return { documents: [] };
    return { documents: (await documents.rows.draftDocuments(auth.user.id, auth.user.practiceId)).map(info) };
  });

  const ownerKey = (auth: AuthContext) => ({ userId: auth.user.id, practiceId: auth.user.practiceId ?? -1 });
  const FILED =
    "This document is part of a submitted request: it is kept as filed and can no longer be changed or removed";

  app.patch<{ Params: { id: string } }>("/api/draft/documents/:id", async (request, reply): Promise<DocumentInfo> => {
    const auth = await requireUser(sessions, request, reply, ["staff"]);
    if (!DOCUMENT_ID_PATTERN.test(request.params.id)) throw new HttpError(404, "No document with that id");
    const body = parseWith(
      z.object({ items: z.unknown() }),
      request.body,
      "Send a JSON object holding items (checklist item ids)",
    );
    const items = itemsOrRefuse(body.items, "as a JSON list");
    const result = await documents.rows.setDraftItems(request.params.id, ownerKey(auth), [...new Set(items)]);
    if (result === "not_found") throw new HttpError(404, "No document with that id");
    if (result === "filed") throw new HttpError(409, FILED);
    return result.info;
  });

  app.delete<{ Params: { id: string } }>("/api/draft/documents/:id", async (request, reply) => {
    const auth = await requireUser(sessions, request, reply, ["staff"]);
    if (!DOCUMENT_ID_PATTERN.test(request.params.id)) throw new HttpError(404, "No document with that id");
    const result = await documents.rows.removeDraft(request.params.id, ownerKey(auth));
    if (result === "not_found") throw new HttpError(404, "No document with that id");
    if (result === "filed") throw new HttpError(409, FILED);
    await documents.reap();
    return reply.code(204).send();
  });

  app.get<{ Params: { reference: string } }>(
    "/api/requests/:reference/documents",
    async (request, reply): Promise<RequestDocumentsAnswer> => {
      const auth = await requireUser(sessions, request, reply, ["staff", "reviewer", "admin"]);
      const scope = { practiceId: auth.user.role === "staff" ? auth.user.practiceId : null };
      const stored = await store.findRequest(request.params.reference.toUpperCase(), scope, now());
      if (stored === undefined) throw new HttpError(404, "No request with that reference");
      const list = await documents.rows.requestDocuments(stored.id);
      await documents.rows.recordListing(stored.id, auth.user.id, now());
      const checklist = documentationChecklist(stored.document, evaluate(stored.document)).map((item) => ({
        ...item,
        documents: list.filter((doc) => doc.info.items.includes(item.id)).map((doc) => doc.info.id),
      }));
      return {
        documents: list.map(info),
        versions: await documents.rows.versionDocuments(stored.id),
        checklist,
        missing: checklist.filter((item) => item.required && item.documents.length === 0).map((item) => item.id),
      };
    },
  );

  /** The document, if this person may read it: as its request (staff: their practice's), a draft only by its owner. */
  async function readable(
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
  ): Promise<{ doc: StoredDocument; auth: AuthContext }> {
    const auth = await requireUser(sessions, request, reply, ["staff", "reviewer", "admin"]);
    const missing = new HttpError(404, "No document with that id");
    if (!DOCUMENT_ID_PATTERN.test(request.params.id)) throw missing;
    const doc = await documents.rows.find(request.params.id);
    if (doc === undefined) throw missing;
    if (doc.requestId === null) {
      if (doc.draftUserId !== auth.user.id || doc.practiceId !== auth.user.practiceId) throw missing;
    } else if (auth.user.role === "staff" && doc.practiceId !== auth.user.practiceId) throw missing;
    return { doc, auth };
  }

  async function serve(
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    kind: "inline" | "attachment",
  ) {
    const { doc, auth } = await readable(request, reply);
    const rendition = kind === "inline" && doc.renditionKey !== null;
    const opened = await documents.bytes.open(
      rendition && doc.renditionKey !== null ? doc.renditionKey : doc.storageKey,
    );
    if (opened === undefined) throw new Error("document bytes missing");
    const action = kind === "inline" ? "viewed document" : "downloaded document";
    await store.recordAudit(doc.requestId, auth.user.id, action, `document ${doc.info.id}`, now());
    const type = rendition ? "application/pdf" : doc.info.mediaType;
    const name = nameForType(doc.info.fileName, type);
    return reply
      .type(type)
      .header("content-length", opened.size)
      .header("content-disposition", contentDisposition(kind, name))
      .header("x-content-type-options", "nosniff")
      .send(opened.stream);
  }

  // After the app's own headers (onSend, app-wide first): a document gets a CSP of its own, sandboxed.
  const documentHeaders = {
    onSend: async (_request: FastifyRequest, reply: FastifyReply) => {
      reply.header("content-security-policy", DOCUMENT_CSP);
    },
  };
  app.get<{ Params: { id: string } }>("/api/documents/:id/view", documentHeaders, (request, reply) =>
    serve(request, reply, "inline"),
  );
  app.get<{ Params: { id: string } }>("/api/documents/:id/download", documentHeaders, (request, reply) =>
    serve(request, reply, "attachment"),
  );
}
