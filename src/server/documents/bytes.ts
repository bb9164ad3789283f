/**
 * Where a document's bytes live, behind a small interface (with PostgreSQL they live in the
 * database, as chunks: db/postgres/document-bytes.ts). The embedded default keeps them as files
 * beside the SQLite database: `<database>-documents/objects/<key>`, written by renaming a spooled,
 * fsynced file into place and fsyncing the folder, so a key that exists is a whole file.
 */
import { createReadStream, mkdirSync } from "node:fs";
import { readdir, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { fsyncPath } from "./spool";

export interface DocumentBytes {
  /** Where uploads are spooled before they are checked (a local folder on any engine). */
  readonly spoolDir: string;
  /** Makes the spooled file durable under `key`; the spool file is consumed. Resolves once durable. */
  put(key: string, spoolPath: string): Promise<void>;
  /** The bytes under `key` as a stream, with their size; undefined when there are none. */
  open(key: string): Promise<{ stream: Readable; size: number } | undefined>;
  /** Removes the bytes under `key` (nothing when there are none). */
  remove(key: string): Promise<void>;
  /** Every key stored. */
  keys(): Promise<string[]>;
  /**
   * The keys the start-up sweep may remove when no row names them: every key when one process owns
   * the bytes; only old enough ones when several instances share them (another may be between an
   * upload's bytes and its row).
   */
  keysToSweep(): Promise<string[]>;
  /** Removes every spooled file of this process (at start-up: none belongs to an upload still running). */
  clearSpool(): Promise<void>;
  /** At shutdown, after the last upload. */
  close(): Promise<void>;
}

/** A storage key: random base64url, so it is a safe file name on every system. */
const KEY = /^[A-Za-z0-9_-]{16,64}$/;

export class FileDocumentBytes implements DocumentBytes {
  readonly spoolDir: string;
  private readonly objectsDir: string;

  /** Files under `root` (its spool and objects folders are made when missing). */
  constructor(root: string) {
    this.spoolDir = join(root, "spool");
    this.objectsDir = join(root, "objects");
    // Patient documents: readable by this server's user only.
    mkdirSync(this.spoolDir, { recursive: true, mode: 0o700 });
    mkdirSync(this.objectsDir, { recursive: true, mode: 0o700 });
  }

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error("not a storage key");
    return join(this.objectsDir, key);
  }

  async put(key: string, spoolPath: string): Promise<void> {
    await rename(spoolPath, this.pathOf(key));
    await fsyncPath(this.objectsDir);
  }

  async open(key: string): Promise<{ stream: Readable; size: number } | undefined> {
    const path = this.pathOf(key);
    try {
      const { size } = await stat(path);
      return { stream: createReadStream(path), size };
    } catch {
      return undefined;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async keys(): Promise<string[]> {
    return (await readdir(this.objectsDir)).filter((name) => KEY.test(name));
  }

  /** One server process per data folder: every key. */
  keysToSweep(): Promise<string[]> {
    return this.keys();
  }

  async clearSpool(): Promise<void> {
    for (const name of await readdir(this.spoolDir)) await rm(join(this.spoolDir, name), { force: true });
  }

  async close(): Promise<void> {}
}
