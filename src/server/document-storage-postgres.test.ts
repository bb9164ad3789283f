// @vitest-environment node
/**
 * The document storage suite on PostgreSQL (rows and bytes in the database, so every instance
 * serves every document), on a real server started by the harness in a throwaway data directory.
 * No mocks. Then what only a shared home needs: a second pool (another instance) reads the bytes
 * and sees the filing, big files go in and come out in 1 MB chunks, the start-up sweep leaves
 * young bytes alone, and the database refuses what the rules forbid.
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { buffer } from "node:stream/consumers";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluate } from "@/criteria";
import { eligible } from "@fixtures";
import { CHUNK_BYTES } from "./db/postgres/document-bytes";
import { openPostgres, type PostgresDatabase } from "./db/postgres/pool";
import { documentStorageSuite } from "./documents/document-storage-suite";
import { newId, type Documents } from "./documents/documents";
import { startPostgres, type PostgresCluster } from "./postgres-cluster";

let cluster: PostgresCluster | undefined;
let starting: Promise<PostgresCluster> | undefined;
const theCluster = (): Promise<PostgresCluster> => (starting ??= startPostgres().then((c) => (cluster = c)));

afterAll(() => {
  cluster?.stop();
});

documentStorageSuite("PostgreSQL (rows and bytes in the database)", async () => {
  const url = await (await theCluster()).createDatabase();
  const db = await openPostgres({ url, poolSize: 4 });
  const documents = db.openDocuments();
  await documents.start();
  return {
    store: db.store,
    documents,
    close: async () => {
      await documents.close();
      await db.store.close();
    },
  };
});

const sha = (data: Buffer): string => createHash("sha256").update(data).digest("hex");

describe("documents on PostgreSQL, shared by instances", { timeout: 60_000 }, () => {
  let url: string;
  let one: PostgresDatabase;
  let two: PostgresDatabase;
  let docsOne: Documents;
  let docsTwo: Documents;
  beforeAll(async () => {
    url = await (await theCluster()).createDatabase();
    one = await openPostgres({ url, poolSize: 3 });
    two = await openPostgres({ url, poolSize: 3 });
    docsOne = one.openDocuments();
    docsTwo = two.openDocuments();
    await Promise.all([docsOne.start(), docsTwo.start()]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([docsOne.close(), docsTwo.close()]);
    await Promise.all([one.store.close(), two.store.close()]);
  });

  const put = async (documents: Documents, data: Buffer): Promise<string> => {
    const spool = join(documents.bytes.spoolDir, `${newId()}.part`);
    await writeFile(spool, data);
    const key = newId();
    await documents.bytes.put(key, spool);
    expect(existsSync(spool)).toBe(false);
    return key;
  };

  it("a 25 MB file put through one instance is stored in 1 MB chunks and read whole through the other", async () => {
    const data = randomBytes(25 * 1024 * 1024 + 123);
    const key = await put(docsOne, data);
    const chunks = await one.pool.query<{ n: number; size: number }>(
      "SELECT n, length(data) AS size FROM document_chunks WHERE storage_key = $1 ORDER BY n",
      [key],
    );
    expect(chunks.rows).toHaveLength(26);
    expect(chunks.rows.slice(0, 25).every((row) => row.size === CHUNK_BYTES)).toBe(true);
    expect(chunks.rows[25]?.size).toBe(123);
    const opened = await docsTwo.bytes.open(key);
    if (opened === undefined) throw new Error("not stored");
    expect(opened.size).toBe(data.length);
    expect(sha(await buffer(opened.stream))).toBe(sha(data));
    await docsTwo.bytes.remove(key);
    expect(await docsOne.bytes.open(key)).toBeUndefined();
    const left = await one.pool.query<{ n: number }>("SELECT COUNT(*)::int AS n FROM document_chunks");
    expect(left.rows[0]?.n).toBe(0);
  });

  it("each instance spools in a folder of its own, and clearing one's spool leaves the other's upload", async () => {
    expect(docsOne.bytes.spoolDir).not.toBe(docsTwo.bytes.spoolDir);
    const inFlight = join(docsTwo.bytes.spoolDir, `${newId()}.part`);
    await writeFile(inFlight, randomBytes(10));
    await docsOne.bytes.clearSpool();
    expect(existsSync(inFlight)).toBe(true);
    await docsTwo.bytes.clearSpool();
    expect(existsSync(inFlight)).toBe(false);
  });

  it("the start-up sweep of one instance leaves bytes another has just stored (its row may be on its way), and removes old orphans", async () => {
    const young = await put(docsTwo, randomBytes(100));
    const old = await put(docsTwo, randomBytes(100));
    await one.pool.query("UPDATE document_objects SET stored_at = now() - interval '2 hours' WHERE storage_key = $1", [
      old,
    ]);
    const restarted = one.openDocuments();
    await restarted.start();
    await restarted.close();
    expect(await docsOne.bytes.open(young)).toBeDefined();
    expect(await docsOne.bytes.open(old)).toBeUndefined();
    await docsTwo.bytes.remove(young);
  });

  it("the database keeps the rules: a row names bytes that exist, bytes a row names stay, a filed row is kept and unchanged", async () => {
    const practice = await one.store.createPractice(`Rules ${newId()}`);
    const staff = await one.store.createUser(
      { email: `${newId()}@rules.test`, name: "s", role: "staff", practiceId: practice, passwordHash: "h" },
      new Date(),
    );
    const data = randomBytes(200);
    const row = {
      publicId: newId(),
      storageKey: newId(),
      renditionKey: null,
      fileName: "a.pdf",
      mediaType: "application/pdf" as const,
      size: 200,
      sha256: sha(data),
      pages: 1,
      items: ["liver-panel"],
    };
    const owner = { userId: staff.id, practiceId: practice, amends: null };
    await expect(docsOne.rows.addDraft(owner, [row], new Date())).rejects.toThrow(/foreign key/);
    row.storageKey = await put(docsOne, data);
    await docsOne.rows.addDraft(owner, [row], new Date());
    await expect(docsOne.bytes.remove(row.storageKey)).rejects.toThrow(/foreign key/);

    // Moving the staff member to another practice ends their draft's documents (and queues the bytes).
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const other = await one.store.createPractice(`Rules ${newId()}`);
      await client.query("UPDATE users SET practice_id = $1 WHERE id = $2", [other, staff.id]);
      expect(await docsOne.rows.find(row.publicId)).toBeUndefined();
      expect(await docsOne.rows.trash(10)).toContain(row.storageKey);
      await docsTwo.reap();
      expect(await docsOne.bytes.open(row.storageKey)).toBeUndefined();

      // A filed document: the database itself refuses to delete or change it.
      await client.query("UPDATE users SET practice_id = $1 WHERE id = $2", [practice, staff.id]);
      const filed = { ...row, publicId: newId(), storageKey: await put(docsOne, data) };
      await docsOne.rows.addDraft(owner, [filed], new Date());
      const document = eligible((d) => d.member && (d.member.memberId = `RULES${newId()}`));
      const reference = await one.store.submit({
        practiceId: practice,
        userId: staff.id,
        idempotencyKey: newId(),
        expedited: false,
        document,
        evaluation: evaluate(document),
        now: new Date(),
        dueAt: new Date(),
        acknowledgedOpen: null,
      });
      expect(reference).toHaveProperty("reference");
      expect((await docsTwo.rows.find(filed.publicId))?.info.state).toBe("filed");
      await expect(client.query("DELETE FROM documents WHERE public_id = $1", [filed.publicId])).rejects.toThrow(
        /a filed document is kept/,
      );
      await expect(
        client.query("UPDATE documents SET file_name = 'x' WHERE public_id = $1", [filed.publicId]),
      ).rejects.toThrow(/a filed document is not changed/);
    } finally {
      await client.end();
    }
  });
});
