/**
 * The spool: an upload's bytes streamed to a temporary file beside the documents while they are
 * hashed (SHA-256) and counted, never held whole in memory. A spooled file is made durable
 * (fsync) before anything is told it is stored; a refused or interrupted one is removed.
 */
import { createHash, randomBytes } from "node:crypto";
import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { open, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";

export interface Spooled {
  path: string;
  size: number;
  sha256: string;
}

/** The stream went past `maxBytes` (the rest was not read). */
export class TooLarge extends Error {
  constructor() {
    super("too large");
  }
}

/** A fresh, unguessable name for a spool file (never the uploaded file's name). */
export const spoolName = (): string => `${randomBytes(16).toString("base64url")}.part`;

/** fsync a file (or a directory, so a rename in it is durable). */
export async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function closeStream(out: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    out.end((error?: Error | null) => (error ? reject(error) : resolve()));
  });
}

/**
 * Streams `source` into a new file in `dir`, hashing and counting as it goes; past `maxBytes` it
 * stops reading, removes the file and throws `TooLarge`. The file is fsynced before this resolves.
 * On any failure (the client went away, the disk) nothing is left behind.
 */
export async function spool(source: Readable, dir: string, maxBytes: number): Promise<Spooled> {
  const path = join(dir, spoolName());
  // A 1 MB buffer: a chunk from the network rarely waits for the disk (16 kB, the default, makes every write wait).
  const out = createWriteStream(path, { flags: "wx", mode: 0o600, highWaterMark: 1024 * 1024 });
  const hash = createHash("sha256");
  let size = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) {
        source.destroy();
        throw new TooLarge();
      }
      hash.update(chunk);
      // `once` rejects if the file errors (a full disk) instead of waiting for a drain that never comes.
      if (!out.write(chunk)) await once(out, "drain");
    }
    await closeStream(out);
    await fsyncPath(path);
    return { path, size, sha256: hash.digest("hex") };
  } catch (error) {
    // The file may still be opening: wait until it is closed, or removing it first would let the
    // open create it afterwards (an empty file left in the spool).
    if (!out.closed) {
      const closed = once(out, "close");
      out.destroy();
      await closed.catch(() => undefined);
    }
    await rm(path, { force: true });
    throw error;
  }
}
