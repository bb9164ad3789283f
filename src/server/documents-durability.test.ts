// @vitest-environment node
/**
 * Durability of uploads in the real server process: 20 uploads at once (half of them trickling
 * in slowly), SIGKILL once a few are acknowledged, a restart on the same data. Every acknowledged
 * document is whole (same SHA-256), every document listed is whole, no stored file lacks its row
 * and no row its file, the spool is empty, and no file name reached the logs.
 */
import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterAll, expect, it } from "vitest";
import type { DocumentsAnswer } from "@/contract";
import { STAFF_A, signInHttp, startServerProcess, tempDatabase, type ServerProcess } from "./test-support";
import { pdf, upload } from "./documents/test-files";

const UPLOADS = 20;
const KILL_AFTER_ACKS = 4;
const NAME = (i: number) => `Quillfeather-Zephyrina-labs-${i}.pdf`;

const temp = tempDatabase("hemgenix-doc-durability-");
let server: ServerProcess | undefined;

afterAll(async () => {
  await server?.kill();
  temp.remove();
});

const sha = (data: Uint8Array): string => createHash("sha256").update(data).digest("hex");

/** A body sent in 64 kB pieces with a pause between them: an upload still arriving when the server dies. */
function trickle(body: Buffer): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    async pull(controller) {
      if (offset >= body.length) {
        controller.close();
        return;
      }
      await new Promise((r) => setTimeout(r, 15));
      controller.enqueue(body.subarray(offset, offset + 64 * 1024));
      offset += 64 * 1024;
    },
  });
}

it(
  "keeps every acknowledged upload whole through a SIGKILL mid-burst, and leaves nothing half-written",
  { timeout: 120_000 },
  async () => {
    // Twenty of one person's uploads at once: the per-person limit (4 by default) is raised for this.
    server = await startServerProcess({ databaseFile: temp.file, env: { LOG_LEVEL: "info", UPLOADS_PER_USER: "20" } });
    const first = server;
    const staff = await signInHttp(first.url, STAFF_A);
    const files = await Promise.all(
      Array.from({ length: UPLOADS }, (_, i) => pdf({ pages: 2, padTo: (1 + (i % 4)) * 1024 * 1024 })),
    );
    const hashes = new Map(files.map((data, i) => [sha(data), i]));

    const acknowledged = new Map<number, string>();
    let failed = 0;
    let killed = false;
    await Promise.all(
      files.map(async (data, i) => {
        const { body, contentType } = upload([{ name: NAME(i), data }], "liver-panel");
        try {
          const res = await fetch(`${first.url}/api/draft/documents`, {
            method: "POST",
            headers: { "content-type": contentType, cookie: staff.cookie, "x-csrf-token": staff.csrf },
            body: i % 2 === 0 ? body : trickle(body),
            duplex: "half",
            signal: AbortSignal.timeout(60_000),
          } as RequestInit);
          if (res.status !== 201) {
            failed += 1;
            return;
          }
          const answer = (await res.json()) as DocumentsAnswer;
          acknowledged.set(i, answer.documents[0]?.id ?? "");
        } catch {
          failed += 1; // the connection died with the server: not acknowledged
        }
        if (!killed && acknowledged.size >= KILL_AFTER_ACKS) {
          killed = true;
          first.child.kill("SIGKILL");
        }
      }),
    );
    await first.exited;
    expect(killed).toBe(true);
    expect(first.child.signalCode).toBe("SIGKILL");
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(failed, "the kill cut some uploads off").toBeGreaterThan(0);
    const firstOutput = first.output();
    // The kill caught uploads half-spooled: the restart has something to sweep.
    expect(readdirSync(join(`${temp.file}-documents`, "spool")).length).toBeGreaterThan(0);

    // Restart on the same data.
    server = await startServerProcess({ databaseFile: temp.file, env: { LOG_LEVEL: "info", UPLOADS_PER_USER: "20" } });
    const { url } = server;
    const read = async (id: string) => {
      const res = await fetch(`${url}/api/documents/${id}/download`, { headers: { cookie: staff.cookie } });
      expect(res.status, `document ${id}`).toBe(200);
      return new Uint8Array(await res.arrayBuffer());
    };

    // Every acknowledged upload is there, byte for byte.
    for (const [i, id] of acknowledged)
      expect(sha(await read(id)), `acknowledged upload ${i}`).toBe(sha(files[i] ?? Buffer.alloc(0)));

    // Whatever is listed (acknowledged or committed just before the kill) is whole: one of the files sent.
    const listed = (await (
      await fetch(`${url}/api/draft/documents`, { headers: { cookie: staff.cookie } })
    ).json()) as DocumentsAnswer;
    expect(listed.documents.length).toBeGreaterThanOrEqual(acknowledged.size);
    for (const doc of listed.documents) {
      const bytes = await read(doc.id);
      expect(hashes.has(sha(bytes)), `listed document ${doc.fileName}`).toBe(true);
      expect(sha(bytes)).toBe(doc.sha256);
      expect(bytes.length).toBe(doc.size);
    }
    for (const id of acknowledged.values()) expect(listed.documents.map((d) => d.id)).toContain(id);

    // Nothing orphaned: the stored files are exactly those the rows name; the spool is empty.
    await server.stop();
    const db = new DatabaseSync(temp.file, { readOnly: true });
    try {
      expect(db.prepare("PRAGMA integrity_check").get()?.integrity_check).toBe("ok");
      const keys = db
        .prepare(
          "SELECT storage_key AS k FROM documents UNION ALL SELECT rendition_key FROM documents WHERE rendition_key IS NOT NULL",
        )
        .all()
        .map((row) => String(row.k));
      const stored = readdirSync(join(`${temp.file}-documents`, "objects"));
      expect([...stored].sort()).toEqual([...keys].sort());
      expect(readdirSync(join(`${temp.file}-documents`, "spool"))).toEqual([]);
    } finally {
      db.close();
    }

    // File names can name the patient: never in the logs.
    const logs = firstOutput + server.output();
    expect(logs).toContain("request completed");
    expect(logs).not.toMatch(/Quillfeather|Zephyrina/);
  },
);
