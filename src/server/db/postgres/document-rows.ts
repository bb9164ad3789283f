/**
 * The rows of supporting documents on PostgreSQL (migration 4), shared by every instance. The same
 * methods and rules as the SQLite rows; what SQLite settles with its one writer is settled here by
 * a transaction-scoped advisory lock on the staff member's draft documents (namespace -4, the user),
 * taken by an upload and by the filing inside the submit and the amend (`hemgenix_file_documents`),
 * so an upload's checks and rows land wholly before a filing or wholly after it, whichever instance
 * runs either. Filed documents are kept and unchanged by triggers; a deleted row queues its bytes in
 * `document_trash` in its own transaction. The pool is the Store's: closing these rows leaves it open.
 */
import type pg from "pg";
import type { RefusedFile } from "@/contract";
import {
  COLUMNS,
  ownerChanged,
  refusals,
  toStored,
  type DocumentRows,
  type DraftOwner,
  type NewDocumentRow,
  type StoredDocument,
} from "../document-rows";
import { translate } from "./errors";
import { transaction } from "./transaction";

type Queryable = pg.Pool | pg.PoolClient;

/** Advisory lock namespaces (two-number keys): a draft's documents (per user), a request's listing audit. */
export const DRAFT_DOCUMENTS_NAMESPACE = -4;
const LISTING_NAMESPACE = -5;
const LISTING_DEDUPE_MS = 60_000;

export class PostgresDocumentRows implements DocumentRows {
  constructor(private readonly pool: pg.Pool) {}

  private async query(text: string, params: readonly unknown[], on: Queryable = this.pool): Promise<pg.QueryResult> {
    try {
      return await on.query(text, params as unknown[]);
    } catch (error) {
      throw translate(error);
    }
  }

  private async documents(text: string, params: readonly unknown[], on?: Queryable): Promise<StoredDocument[]> {
    return (await this.query(text, params, on)).rows.map((row: Record<string, unknown>) => toStored(row));
  }

  private lockDraft(client: pg.PoolClient, userId: number): Promise<pg.QueryResult> {
    return this.query("SELECT pg_advisory_xact_lock($1::int, $2::int)", [DRAFT_DOCUMENTS_NAMESPACE, userId], client);
  }

  async addDraft(owner: DraftOwner, documents: NewDocumentRow[], now: Date): Promise<StoredDocument[] | RefusedFile[]> {
    return transaction(this.pool, async (c) => {
      await this.lockDraft(c, owner.userId);
      const user = await c.query("SELECT 1 FROM users WHERE id = $1 AND active AND practice_id = $2", [
        owner.userId,
        owner.practiceId,
      ]);
      const amended =
        owner.amends === null ||
        (
          await c.query(
            "SELECT 1 FROM requests WHERE id = $1 AND practice_id = $2 AND status = 'more_info_requested' FOR SHARE",
            [owner.amends.requestId, owner.practiceId],
          )
        ).rowCount === 1;
      if (user.rowCount !== 1 || !amended) return ownerChanged(documents);
      // What the request will carry: this draft's documents for it, and for an amendment the filed ones.
      const existing = await this.documents(
        `SELECT ${COLUMNS} FROM documents d
         WHERE (d.draft_user_id = $1 AND d.practice_id = $2 AND d.amends_reference IS NOT DISTINCT FROM $3::text)
           OR d.request_id = $4
         ORDER BY d.id`,
        [owner.userId, owner.practiceId, owner.amends?.reference ?? null, owner.amends?.requestId ?? -1],
        c,
      );
      const refused = refusals(existing, documents);
      if (refused.length > 0) return refused;
      const added: StoredDocument[] = [];
      for (const doc of documents) {
        const rows = await this.documents(
          `INSERT INTO documents AS d (public_id, storage_key, rendition_key, practice_id, uploaded_by, draft_user_id,
             amends_reference, file_name, media_type, size, sha256, pages, items, uploaded_at)
           VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8, $9, $10, $11, $12, $13)
           RETURNING ${COLUMNS}`,
          [
            doc.publicId,
            doc.storageKey,
            doc.renditionKey,
            owner.practiceId,
            owner.userId,
            owner.amends?.reference ?? null,
            doc.fileName,
            doc.mediaType,
            doc.size,
            doc.sha256,
            doc.pages,
            JSON.stringify(doc.items),
            now.toISOString(),
          ],
          c,
        );
        added.push(...rows);
      }
      return added;
    });
  }

  async draftDocuments(userId: number, practiceId: number): Promise<StoredDocument[]> {
    return this.documents(
      `SELECT ${COLUMNS} FROM documents d WHERE d.draft_user_id = $1 AND d.practice_id = $2 ORDER BY d.id`,
      [userId, practiceId],
    );
  }

  async requestDocuments(requestId: number): Promise<StoredDocument[]> {
    return this.documents(`SELECT ${COLUMNS} FROM documents d WHERE d.request_id = $1 ORDER BY d.id`, [requestId]);
  }

  async versionDocuments(requestId: number): Promise<{ version: number; documents: string[] }[]> {
    const { rows } = await this.query(
      `SELECT v.version, COALESCE(array_agg(d.public_id ORDER BY d.id) FILTER (WHERE d.id IS NOT NULL), '{}') AS documents
       FROM request_versions v
       LEFT JOIN request_version_documents vd ON vd.request_id = v.request_id AND vd.version = v.version
       LEFT JOIN documents d ON d.id = vd.document_id
       WHERE v.request_id = $1 GROUP BY v.version ORDER BY v.version`,
      [requestId],
    );
    return rows.map((row: { version: number; documents: string[] }) => ({
      version: row.version,
      documents: row.documents,
    }));
  }

  async find(publicId: string): Promise<StoredDocument | undefined> {
    return (await this.documents(`SELECT ${COLUMNS} FROM documents d WHERE d.public_id = $1`, [publicId]))[0];
  }

  /** The user's own draft document, locked; a filed one of their practice is "filed"; anything else does not exist for them. */
  private async ownDraft(
    c: pg.PoolClient,
    publicId: string,
    owner: { userId: number; practiceId: number },
  ): Promise<StoredDocument | "not_found" | "filed"> {
    const [stored] = await this.documents(
      `SELECT ${COLUMNS} FROM documents d WHERE d.public_id = $1 FOR UPDATE`,
      [publicId],
      c,
    );
    if (stored === undefined || stored.practiceId !== owner.practiceId) return "not_found";
    if (stored.requestId !== null) return "filed";
    return stored.draftUserId === owner.userId ? stored : "not_found";
  }

  async setDraftItems(
    publicId: string,
    owner: { userId: number; practiceId: number },
    items: string[],
  ): Promise<StoredDocument | "not_found" | "filed"> {
    return transaction(this.pool, async (c) => {
      const found = await this.ownDraft(c, publicId, owner);
      if (typeof found === "string") return found;
      await this.query(
        "UPDATE documents SET items = $1 WHERE public_id = $2 AND draft_user_id = $3",
        [JSON.stringify(items), publicId, owner.userId],
        c,
      );
      return { ...found, info: { ...found.info, items } };
    });
  }

  async removeDraft(
    publicId: string,
    owner: { userId: number; practiceId: number },
  ): Promise<"removed" | "not_found" | "filed"> {
    return transaction(this.pool, async (c) => {
      const found = await this.ownDraft(c, publicId, owner);
      if (typeof found === "string") return found;
      await this.query(
        "DELETE FROM documents WHERE public_id = $1 AND draft_user_id = $2",
        [publicId, owner.userId],
        c,
      );
      return "removed";
    });
  }

  async discardDraft(userId: number, amends?: string | null): Promise<void> {
    if (amends === undefined) await this.query("DELETE FROM documents WHERE draft_user_id = $1", [userId]);
    else
      await this.query("DELETE FROM documents WHERE draft_user_id = $1 AND amends_reference IS NOT DISTINCT FROM $2", [
        userId,
        amends,
      ]);
  }

  // A lock on the request for the moment of the check and insert: two listings racing (on two
  // instances) in the same minute still leave one entry.
  async recordListing(requestId: number, userId: number, now: Date): Promise<void> {
    await transaction(this.pool, async (c) => {
      await this.query("SELECT pg_advisory_xact_lock($1::int, $2::int)", [LISTING_NAMESPACE, requestId], c);
      await this.query(
        `INSERT INTO audit_events (request_id, user_id, action, detail, at)
         SELECT $1, $2, 'listed documents', '', $3 WHERE NOT EXISTS (
           SELECT 1 FROM audit_events WHERE request_id = $1 AND user_id = $2 AND action = 'listed documents'
             AND at > $4 AND at <= $3)`,
        [requestId, userId, now.toISOString(), new Date(now.getTime() - LISTING_DEDUPE_MS).toISOString()],
        c,
      );
    });
  }

  async trash(limit: number): Promise<string[]> {
    const { rows } = await this.query("SELECT storage_key FROM document_trash ORDER BY storage_key LIMIT $1", [limit]);
    return rows.map((row: { storage_key: string }) => row.storage_key);
  }

  async forget(keys: string[]): Promise<void> {
    await this.query("DELETE FROM document_trash WHERE storage_key = ANY($1::text[])", [keys]);
  }

  async knownKeys(keys: string[]): Promise<Set<string>> {
    const { rows } = await this.query(
      `SELECT k FROM unnest($1::text[]) AS k WHERE
         EXISTS (SELECT 1 FROM documents WHERE storage_key = k OR rendition_key = k)
         OR EXISTS (SELECT 1 FROM document_trash WHERE storage_key = k)`,
      [keys],
    );
    return new Set(rows.map((row: { k: string }) => row.k));
  }

  /** The pool is the Store's (it closes it). */
  async close(): Promise<void> {}
}
