/**
 * Documents' bytes in PostgreSQL, so every instance serves every document: one `document_objects`
 * row per key (its size and chunk count) and its bytes as 1 MB `bytea` rows in `document_chunks`
 * (migration 4). A spooled file is read 1 MB at a time into one reused buffer and each chunk sent
 * (in binary) before the next is read: an upload never holds more than a chunk in memory. The object
 * row and every chunk are one transaction, committed with `synchronous_commit = on`, so a key that
 * exists is whole and durable. Reading streams the chunks one query at a time.
 *
 * Why chunks and not large objects: chunks are ordinary rows, so they are dumped, restored and
 * replicated (logical replication too) like the rest, removed by a plain DELETE (a large object must
 * be unlinked separately or it leaks), need no extra privileges, and the driver streams them without
 * another package. The spool is a folder of this process's own on the local disk (several instances
 * may share a machine, and clearing the spool must never touch another one's upload).
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, statSync } from "node:fs";
import { open, readdir, rm, stat } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import type pg from "pg";
import type { DocumentBytes } from "../../documents/bytes";
import { translate } from "./errors";
import { transaction } from "./transaction";

/** The size of one stored chunk (and of the one read buffer an upload uses). */
export const CHUNK_BYTES = 1024 * 1024;

/** Bytes no row names are swept at start-up only once this old: another instance's upload may be between its bytes and its row. */
export const SWEEP_AFTER_MINUTES = 60;

/** Whether a process of this machine with that id is running (a spool folder of a dead one can go). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === "EPERM";
  }
}

export class PostgresDocumentBytes implements DocumentBytes {
  readonly spoolDir: string;
  private readonly spoolRoot: string;
  private readonly host = hostname().replace(/[^A-Za-z0-9.-]/g, "_");

  /** Bytes on `pool`; uploads spooled under `spoolRoot` (default: the system's temporary folder), in a folder of this process's own. */
  constructor(
    private readonly pool: pg.Pool,
    spoolRoot: string = join(tmpdir(), "hemgenix-spool"),
  ) {
    this.spoolRoot = spoolRoot;
    this.spoolDir = join(spoolRoot, `${this.host}.${process.pid}.${randomBytes(6).toString("hex")}`);
    mkdirSync(this.spoolDir, { recursive: true, mode: 0o700 });
    // In a shared temporary folder, a root made by another user could have its folders swapped.
    const owner = statSync(spoolRoot).uid;
    if (process.getuid !== undefined && owner !== process.getuid())
      throw new Error(`${spoolRoot} belongs to another user: set a private folder for uploads`);
  }

  private async query(text: string, params: readonly unknown[], on: pg.Pool | pg.PoolClient = this.pool) {
    try {
      return await on.query(text, params as unknown[]);
    } catch (error) {
      throw translate(error);
    }
  }

  async put(key: string, spoolPath: string): Promise<void> {
    const { size } = await stat(spoolPath);
    const chunks = Math.ceil(size / CHUNK_BYTES);
    const file = await open(spoolPath, "r");
    try {
      await transaction(this.pool, async (c) => {
        // Acknowledged means on disk, whatever the server's default for commits.
        await c.query("SET LOCAL synchronous_commit = on");
        await this.query(
          "INSERT INTO document_objects (storage_key, size, chunks) VALUES ($1, $2, $3)",
          [key, size, chunks],
          c,
        );
        const buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, Math.max(size, 1)));
        let position = 0;
        for (let n = 0; n < chunks; n++) {
          let filled = 0;
          const want = Math.min(CHUNK_BYTES, size - position);
          while (filled < want) {
            const { bytesRead } = await file.read(buffer, filled, want - filled, position + filled);
            if (bytesRead === 0) throw new Error("the spooled file ended early");
            filled += bytesRead;
          }
          // Sent before the buffer is filled again (the query resolves once the server has the chunk).
          await this.query(
            "INSERT INTO document_chunks (storage_key, n, data) VALUES ($1, $2, $3)",
            [key, n, buffer.subarray(0, filled)],
            c,
          );
          position += filled;
        }
      });
    } finally {
      await file.close();
    }
    await rm(spoolPath, { force: true });
  }

  async open(key: string): Promise<{ stream: Readable; size: number } | undefined> {
    const { rows } = await this.query("SELECT size, chunks FROM document_objects WHERE storage_key = $1", [key]);
    const object = rows[0] as { size: string; chunks: number } | undefined;
    if (object === undefined) return undefined;
    const chunk = async (n: number): Promise<Buffer> => {
      const result = await this.query("SELECT data FROM document_chunks WHERE storage_key = $1 AND n = $2", [key, n]);
      const row = result.rows[0] as { data: Buffer } | undefined;
      if (row === undefined) throw new Error("document bytes removed while being read");
      return row.data;
    };
    async function* chunks(): AsyncGenerator<Buffer> {
      for (let n = 0; n < (object?.chunks ?? 0); n++) yield await chunk(n);
    }
    return { stream: Readable.from(chunks(), { objectMode: false }), size: Number(object.size) };
  }

  async remove(key: string): Promise<void> {
    await this.query("DELETE FROM document_objects WHERE storage_key = $1", [key]);
  }

  async keys(): Promise<string[]> {
    const { rows } = await this.query("SELECT storage_key FROM document_objects ORDER BY storage_key", []);
    return rows.map((row: { storage_key: string }) => row.storage_key);
  }

  /** Only bytes stored over an hour ago (by the database's clock): an upload still running on another instance may own younger ones. */
  async keysToSweep(): Promise<string[]> {
    const { rows } = await this.query(
      "SELECT storage_key FROM document_objects WHERE stored_at < now() - make_interval(mins => $1) ORDER BY storage_key",
      [SWEEP_AFTER_MINUTES],
    );
    return rows.map((row: { storage_key: string }) => row.storage_key);
  }

  /** Empties this process's spool, and removes the spool folders of this machine's processes that are gone. */
  async clearSpool(): Promise<void> {
    for (const name of await readdir(this.spoolDir)) await rm(join(this.spoolDir, name), { force: true });
    for (const name of await readdir(this.spoolRoot)) {
      const match = /^(.+)\.(\d+)\.[0-9a-f]+$/.exec(name);
      if (match?.[1] !== this.host || join(this.spoolRoot, name) === this.spoolDir) continue;
      if (!running(Number(match[2]))) await rm(join(this.spoolRoot, name), { recursive: true, force: true });
    }
  }

  async close(): Promise<void> {
    await rm(this.spoolDir, { recursive: true, force: true });
  }
}
