/**
 * The rows of supporting documents on the embedded SQLite database (migration 10). Its own
 * connection writes with `synchronous = FULL`, so an upload is acknowledged only once its row is
 * on disk (its bytes are already: see documents/bytes.ts). `fileDraftDocuments` is the one call the
 * Store's submit and amend make, inside their own transaction, on their own handle.
 */
import { DatabaseSync, type SQLInputValue } from "node:sqlite";
import { DOCUMENT_LIMITS, type DocumentInfo, type DocumentMediaType, type RefusedFile } from "@/contract";
import { num, str } from "./rows";

/** Whose draft a new document goes into, and which request it amends (null: a new request). */
export interface DraftOwner {
  userId: number;
  practiceId: number;
  amends: { reference: string; requestId: number } | null;
}

export interface NewDocumentRow {
  publicId: string;
  storageKey: string;
  renditionKey: string | null;
  fileName: string;
  mediaType: DocumentMediaType;
  size: number;
  sha256: string;
  pages: number;
  items: string[];
}

/** A document with what reading it needs: its bytes' keys and whose it is. */
export interface StoredDocument {
  info: DocumentInfo;
  storageKey: string;
  renditionKey: string | null;
  practiceId: number;
  draftUserId: number | null;
  requestId: number | null;
}

/**
 * The rows behind documents. A second engine implements the same methods; `fileDraftDocuments`
 * is its part of the submit and amend transactions.
 */
export interface DocumentRows {
  /**
   * Adds documents to a draft in one transaction, unless together with what the request already
   * carries they break a limit or repeat a file (by SHA-256): then nothing is added.
   */
  addDraft(owner: DraftOwner, documents: NewDocumentRow[], now: Date): Promise<StoredDocument[] | RefusedFile[]>;
  /** The staff member's draft documents in their practice, oldest first. */
  draftDocuments(userId: number, practiceId: number): Promise<StoredDocument[]>;
  requestDocuments(requestId: number): Promise<StoredDocument[]>;
  versionDocuments(requestId: number): Promise<{ version: number; documents: string[] }[]>;
  find(publicId: string): Promise<StoredDocument | undefined>;
  /** What a draft document supports; a filed one of the practice is "filed" (kept as filed). */
  setDraftItems(
    publicId: string,
    owner: { userId: number; practiceId: number },
    items: string[],
  ): Promise<StoredDocument | "not_found" | "filed">;
  removeDraft(
    publicId: string,
    owner: { userId: number; practiceId: number },
  ): Promise<"removed" | "not_found" | "filed">;
  /**
   * Ends the staff member's draft documents: those of one draft when `amends` is given (null: the
   * new request's, a reference: that amendment's), else all of them.
   */
  discardDraft(userId: number, amends?: string | null): Promise<void>;
  /**
   * Audits that `userId` listed a request's documents, unless they did in the minute before `now`
   * (a page refetching on focus): one statement, so two at once still leave one entry.
   */
  recordListing(requestId: number, userId: number, now: Date): Promise<void>;
  /** Storage keys whose rows are gone (their bytes can go); `forget` once removed. */
  trash(limit: number): Promise<string[]>;
  forget(keys: string[]): Promise<void>;
  /** Whether a row (or the trash) still names each key: what the sweep must keep. */
  knownKeys(keys: string[]): Promise<Set<string>>;
  close(): Promise<void>;
}

/** The columns `toStored` reads (the same names on both engines). */
export const COLUMNS = `d.public_id, d.storage_key, d.rendition_key, d.practice_id, d.draft_user_id, d.request_id, d.amends_reference,
  d.first_version, d.file_name, d.media_type, d.size, d.sha256, d.pages, d.items, d.uploaded_at`;

/** A documents row (selected with COLUMNS, on either engine) as a StoredDocument. */
export function toStored(row: Record<string, unknown>): StoredDocument {
  const mediaType = str(row.media_type) as DocumentMediaType;
  const requestId = row.request_id === null ? null : num(row.request_id);
  const renditionKey = row.rendition_key === null ? null : str(row.rendition_key);
  return {
    info: {
      id: str(row.public_id),
      fileName: str(row.file_name),
      mediaType,
      viewType: renditionKey === null ? mediaType : "application/pdf",
      size: num(row.size),
      sha256: str(row.sha256),
      pages: num(row.pages),
      items: JSON.parse(str(row.items)) as string[],
      uploadedAt: str(row.uploaded_at),
      state: requestId === null ? "draft" : "filed",
      amends: row.amends_reference === null ? null : str(row.amends_reference),
      version: row.first_version === null ? null : num(row.first_version),
    },
    storageKey: str(row.storage_key),
    renditionKey,
    practiceId: num(row.practice_id),
    draftUserId: row.draft_user_id === null ? null : num(row.draft_user_id),
    requestId,
  };
}

/**
 * Inside the Store's submit or amend transaction, on its handle: the submitter's draft documents
 * for this request (a new request's when `version` is 1, else those of the amendment of this
 * request) are filed with it, and this version records every document the request now carries
 * (earlier versions' too: a filed document is never removed). Draft documents of another practice
 * (the submitter moved since) are not filed.
 */
export function fileDraftDocuments(db: DatabaseSync, requestId: number, version: number, userId: number): void {
  const request = db.prepare("SELECT reference, practice_id FROM requests WHERE id = ?").get(requestId);
  if (request === undefined) return;
  db.prepare(
    `UPDATE documents SET request_id = ?, first_version = ?, draft_user_id = NULL
     WHERE draft_user_id = ? AND practice_id = ? AND amends_reference IS ?`,
  ).run(requestId, version, userId, num(request.practice_id), version === 1 ? null : str(request.reference));
  db.prepare(
    `INSERT INTO request_version_documents (request_id, version, document_id)
     SELECT ?, ?, id FROM documents WHERE request_id = ?`,
  ).run(requestId, version, requestId);
}

const quoted = (name: string): string => `“${name}”`;

/**
 * Why `documents` cannot join what the request will carry (`existing`: the draft's documents for it
 * and, for an amendment, the filed ones): the same file again, past 40 files or past 150 MB in all.
 * Empty: they can. Both engines ask this inside the transaction that then adds them.
 */
/**
 * Every file refused because, while it was uploading, the uploader was deactivated or moved to
 * another practice, or the amended request moved on: checked again in the transaction that would
 * add the rows, since the clean-up for those changes has already run.
 */
export function ownerChanged(documents: readonly NewDocumentRow[]): RefusedFile[] {
  return documents.map((doc) => ({
    fileName: doc.fileName,
    message: `${quoted(doc.fileName)} was not kept: your account, your practice or the request changed while it was uploading. Nothing was stored; reload the page and attach it again if it still applies.`,
  }));
}

export function refusals(existing: readonly StoredDocument[], documents: readonly NewDocumentRow[]): RefusedFile[] {
  const refused: RefusedFile[] = [];
  const count = existing.length + documents.length;
  const bytes = [...existing, ...documents].reduce((sum, d) => sum + ("info" in d ? d.info.size : d.size), 0);
  for (const doc of documents) {
    const same = existing.find((e) => e.info.sha256 === doc.sha256);
    if (same !== undefined)
      refused.push({
        fileName: doc.fileName,
        message: `${quoted(doc.fileName)} is the same file as ${quoted(same.info.fileName)}, already attached to this request. Each file is attached once.`,
      });
  }
  if (count > DOCUMENT_LIMITS.maxFiles)
    refused.push(
      ...documents.map((doc) => ({
        fileName: doc.fileName,
        message: `${quoted(doc.fileName)} would make ${count} documents on this request; a request carries at most ${DOCUMENT_LIMITS.maxFiles}. Combine some into one PDF.`,
      })),
    );
  else if (bytes > DOCUMENT_LIMITS.maxRequestBytes)
    refused.push(
      ...documents.map((doc) => ({
        fileName: doc.fileName,
        message: `${quoted(doc.fileName)} would bring this request's documents over 150 MB in all. Attach smaller scans (fewer colours or a lower resolution).`,
      })),
    );
  return refused;
}

function transaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec("BEGIN IMMEDIATE");
  try {
    const result = work();
    db.exec("COMMIT");
    return result;
  } catch (error) {
    db.exec("ROLLBACK");
    throw error;
  }
}

export class SqliteDocumentRows implements DocumentRows {
  private readonly db: DatabaseSync;

  /** On a database the Store has opened (and migrated). */
  constructor(file: string) {
    this.db = new DatabaseSync(file);
    this.db.exec("PRAGMA journal_mode = WAL");
    // An acknowledged upload survives a power cut, not only a crash: every commit here is fsynced.
    this.db.exec("PRAGMA synchronous = FULL");
    this.db.exec("PRAGMA foreign_keys = ON");
    this.db.exec("PRAGMA busy_timeout = 5000");
  }

  private all(sql: string, ...params: SQLInputValue[]): StoredDocument[] {
    return this.db
      .prepare(sql)
      .all(...params)
      .map((row) => toStored(row));
  }

  async addDraft(owner: DraftOwner, documents: NewDocumentRow[], now: Date): Promise<StoredDocument[] | RefusedFile[]> {
    return transaction(this.db, () => {
      const owns =
        this.db
          .prepare("SELECT 1 FROM users WHERE id = ? AND active = 1 AND practice_id = ?")
          .get(owner.userId, owner.practiceId) !== undefined &&
        (owner.amends === null ||
          this.db
            .prepare("SELECT 1 FROM requests WHERE id = ? AND practice_id = ? AND status = 'more_info_requested'")
            .get(owner.amends.requestId, owner.practiceId) !== undefined);
      if (!owns) return ownerChanged(documents);
      // What the request will carry: this draft's documents for it, and for an amendment the filed ones.
      const existing = this.all(
        `SELECT ${COLUMNS} FROM documents d
         WHERE (d.draft_user_id = ? AND d.practice_id = ? AND d.amends_reference IS ?) OR d.request_id = ?
         ORDER BY d.id`,
        owner.userId,
        owner.practiceId,
        owner.amends?.reference ?? null,
        owner.amends?.requestId ?? -1,
      );
      const refused = refusals(existing, documents);
      if (refused.length > 0) return refused;
      const insert = this.db.prepare(
        `INSERT INTO documents (public_id, storage_key, rendition_key, practice_id, uploaded_by, draft_user_id, amends_reference,
           file_name, media_type, size, sha256, pages, items, uploaded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const doc of documents)
        insert.run(
          doc.publicId,
          doc.storageKey,
          doc.renditionKey,
          owner.practiceId,
          owner.userId,
          owner.userId,
          owner.amends?.reference ?? null,
          doc.fileName,
          doc.mediaType,
          doc.size,
          doc.sha256,
          doc.pages,
          JSON.stringify(doc.items),
          now.toISOString(),
        );
      const ids = new Set(documents.map((d) => d.publicId));
      return this.all(
        `SELECT ${COLUMNS} FROM documents d WHERE d.draft_user_id = ? ORDER BY d.id`,
        owner.userId,
      ).filter((d) => ids.has(d.info.id));
    });
  }

  async draftDocuments(userId: number, practiceId: number): Promise<StoredDocument[]> {
    return this.all(
      `SELECT ${COLUMNS} FROM documents d WHERE d.draft_user_id = ? AND d.practice_id = ? ORDER BY d.id`,
      userId,
      practiceId,
    );
  }

  async requestDocuments(requestId: number): Promise<StoredDocument[]> {
    return this.all(`SELECT ${COLUMNS} FROM documents d WHERE d.request_id = ? ORDER BY d.id`, requestId);
  }

  async versionDocuments(requestId: number): Promise<{ version: number; documents: string[] }[]> {
    const versions = this.db
      .prepare("SELECT version FROM request_versions WHERE request_id = ? ORDER BY version")
      .all(requestId)
      .map((row) => ({ version: num(row.version), documents: [] as string[] }));
    const rows = this.db
      .prepare(
        `SELECT v.version, d.public_id FROM request_version_documents v JOIN documents d ON d.id = v.document_id
         WHERE v.request_id = ? ORDER BY v.version, d.id`,
      )
      .all(requestId);
    for (const row of rows) versions.find((v) => v.version === num(row.version))?.documents.push(str(row.public_id));
    return versions;
  }

  async find(publicId: string): Promise<StoredDocument | undefined> {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM documents d WHERE d.public_id = ?`).get(publicId);
    return row === undefined ? undefined : toStored(row);
  }

  /** The user's own draft document; a filed one of their practice is "filed"; anything else does not exist for them. */
  private ownDraft(publicId: string, userId: number, practiceId: number): StoredDocument | "not_found" | "filed" {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM documents d WHERE d.public_id = ?`).get(publicId);
    if (row === undefined) return "not_found";
    const stored = toStored(row);
    if (stored.practiceId !== practiceId) return "not_found";
    if (stored.requestId !== null) return "filed";
    return stored.draftUserId === userId ? stored : "not_found";
  }

  async setDraftItems(
    publicId: string,
    owner: { userId: number; practiceId: number },
    items: string[],
  ): Promise<StoredDocument | "not_found" | "filed"> {
    const { userId } = owner;
    return transaction(this.db, () => {
      const found = this.ownDraft(publicId, userId, owner.practiceId);
      if (typeof found === "string") return found;
      this.db
        .prepare("UPDATE documents SET items = ? WHERE public_id = ? AND draft_user_id = ?")
        .run(JSON.stringify(items), publicId, userId);
      return { ...found, info: { ...found.info, items } };
    });
  }

  async removeDraft(
    publicId: string,
    owner: { userId: number; practiceId: number },
  ): Promise<"removed" | "not_found" | "filed"> {
    const { userId } = owner;
    return transaction(this.db, () => {
      const found = this.ownDraft(publicId, userId, owner.practiceId);
      if (typeof found === "string") return found;
      this.db.prepare("DELETE FROM documents WHERE public_id = ? AND draft_user_id = ?").run(publicId, userId);
      return "removed";
    });
  }

  async discardDraft(userId: number, amends?: string | null): Promise<void> {
    if (amends === undefined) this.db.prepare("DELETE FROM documents WHERE draft_user_id = ?").run(userId);
    else this.db.prepare("DELETE FROM documents WHERE draft_user_id = ? AND amends_reference IS ?").run(userId, amends);
  }

  async recordListing(requestId: number, userId: number, now: Date): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO audit_events (request_id, user_id, action, detail, at)
         SELECT ?1, ?2, 'listed documents', '', ?3 WHERE NOT EXISTS (
           SELECT 1 FROM audit_events WHERE request_id = ?1 AND user_id = ?2 AND action = 'listed documents' AND at > ?4 AND at <= ?3)`,
      )
      .run(requestId, userId, now.toISOString(), new Date(now.getTime() - 60_000).toISOString());
  }

  async trash(limit: number): Promise<string[]> {
    return this.db
      .prepare("SELECT storage_key FROM document_trash LIMIT ?")
      .all(limit)
      .map((row) => str(row.storage_key));
  }

  async forget(keys: string[]): Promise<void> {
    const remove = this.db.prepare("DELETE FROM document_trash WHERE storage_key = ?");
    transaction(this.db, () => {
      for (const key of keys) remove.run(key);
    });
  }

  async knownKeys(keys: string[]): Promise<Set<string>> {
    const known = new Set<string>();
    const row = this.db.prepare(
      `SELECT 1 AS ok FROM documents WHERE storage_key = ?1 OR rendition_key = ?1
       UNION ALL SELECT 1 FROM document_trash WHERE storage_key = ?1 LIMIT 1`,
    );
    for (const key of keys) if (row.get(key) !== undefined) known.add(key);
    return known;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
