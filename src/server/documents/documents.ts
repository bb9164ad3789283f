/**
 * Supporting documents: their rows and their bytes together, and the housekeeping that keeps the
 * two in step. Bytes are written before their row and removed after it, so a crash between the
 * two can only leave bytes no row names; those are swept at start-up (with the spool), and bytes
 * whose rows were deleted (a draft discarded) are removed from the trash the deletion filled.
 */
import { randomBytes } from "node:crypto";
import { FileDocumentBytes, type DocumentBytes } from "./bytes";
import { SqliteDocumentRows, type DocumentRows } from "../db/document-rows";

/** A fresh random id: for a document's address, or for where its bytes are kept. */
export const newId = (): string => randomBytes(16).toString("base64url");

export class Documents {
  private reaping: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly rows: DocumentRows,
    readonly bytes: DocumentBytes,
  ) {}

  /** The embedded default: rows in the SQLite file, bytes in `<file>-documents/` beside it. */
  static besideDatabase(file: string): Documents {
    return new Documents(new SqliteDocumentRows(file), new FileDocumentBytes(`${file}-documents`));
  }

  /**
   * At start-up, before any upload: the spool holds only uploads a stopped process never finished,
   * and bytes no row names are from an upload cut off between its bytes and its row (with several
   * instances, only bytes old enough to belong to no running upload are considered).
   */
  async start(): Promise<void> {
    await this.bytes.clearSpool();
    const keys = await this.bytes.keysToSweep();
    const known = await this.rows.knownKeys(keys);
    for (const key of keys)
      if (!known.has(key))
        // Refused (a row came to name it meanwhile, on PostgreSQL a foreign key says so): it stays.
        await this.bytes.remove(key).catch(() => undefined);
    await this.reap();
    this.timer = setInterval(() => void this.reap().catch(() => undefined), 60_000);
    this.timer.unref();
  }

  /** Removes the bytes of deleted rows (one pass at a time). */
  reap(): Promise<void> {
    this.reaping = this.reaping.then(async () => {
      for (;;) {
        const keys = await this.rows.trash(100);
        if (keys.length === 0) return;
        for (const key of keys) await this.bytes.remove(key);
        await this.rows.forget(keys);
      }
    });
    return this.reaping;
  }

  /** Ends the staff member's draft documents (the draft was discarded), bytes included: one draft's when `amends` is given. */
  async discardDraft(userId: number, amends?: string | null): Promise<void> {
    await this.rows.discardDraft(userId, amends);
    await this.reap();
  }

  async close(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    await this.reaping.catch(() => undefined);
    await this.rows.close();
    await this.bytes.close();
  }
}
