// @vitest-environment node
/**
 * Several server instances on one PostgreSQL, end to end: real server processes (`src/server/main.ts`)
 * on two ports with DATABASE_URL pointing at a real PostgreSQL started by the harness in a
 * throwaway data directory. No mocks. Also: start-up errors naming DATABASE_URL, an instance
 * killed (SIGKILL) during a burst of submits, and the database going away and coming back.
 */
import { createHash } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentInfo, DocumentsAnswer, RequestDocumentsAnswer } from "@/contract";
import { pdf, upload } from "./documents/test-files";
import { freePort } from "./free-port";
import { startPostgres, type PostgresCluster } from "./postgres-cluster";
import {
  ADMIN,
  DEMO_PASSWORD,
  REVIEWER,
  STAFF_A,
  newKey,
  signInHttp,
  startServerProcess,
  submission,
  type ServerProcess,
} from "./test-support";

type Who = { cookie: string; csrf: string };

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the body it expects
async function http<T = unknown>(
  url: string,
  who: Who | undefined,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (who !== undefined) {
    headers.cookie = who.cookie;
    if (method !== "GET") headers["x-csrf-token"] = who.csrf;
  }
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${url}${path}`, {
    method,
    headers,
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text === "" ? undefined : JSON.parse(text)) as T };
}

let cluster: PostgresCluster;
let url: string;
let db: pg.Pool;
const servers: ServerProcess[] = [];

async function instance(env: Record<string, string> = {}): Promise<ServerProcess> {
  const server = await startServerProcess({
    databaseFile: "/nonexistent/unused.db",
    env: { DATABASE_URL: url, DATABASE_POOL_SIZE: "5", ...env },
    timeoutMs: 60_000,
  });
  servers.push(server);
  return server;
}

beforeAll(async () => {
  cluster = await startPostgres();
  url = await cluster.createDatabase("hemgenix_instances");
  db = new pg.Pool({ connectionString: url, max: 2 });
  db.on("error", () => undefined);
}, 60_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.kill()));
  await db.end();
  cluster.stop();
});

const rows = async (sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> =>
  (await db.query<Record<string, unknown>>(sql, params)).rows;

describe("start-up with a bad DATABASE_URL", { timeout: 60_000 }, () => {
  const failedStart = async (databaseUrl: string): Promise<string> => {
    try {
      const server = await startServerProcess({
        databaseFile: "/nonexistent/unused.db",
        env: { DATABASE_URL: databaseUrl },
        timeoutMs: 30_000,
      });
      await server.kill();
      throw new Error("the server started");
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  };

  it("stops with a message naming DATABASE_URL when the address is malformed, never printing it", async () => {
    const output = await failedStart("mysql://someone:s3cret-word@db.example/hemgenix");
    expect(output).toMatch(/the server exited before it was ready/);
    expect(output).toMatch(/DATABASE_URL: must be a postgres:\/\/user:password@host:port\/database address/);
    expect(output).not.toContain("s3cret-word");
  });

  it("stops naming DATABASE_URL when nothing listens there", async () => {
    const port = await freePort();
    const output = await failedStart(`postgres://hemgenix:s3cret-word@127.0.0.1:${port}/hemgenix`);
    expect(output).toContain(
      `DATABASE_URL: cannot connect to postgres://hemgenix@127.0.0.1:${port}/hemgenix: nothing is listening at that host and port`,
    );
    expect(output).not.toContain("s3cret-word");
  });

  it("stops naming DATABASE_URL when the password is wrong, without printing either password", async () => {
    const wrong = url.replace(encodeURIComponent(cluster.password), "s3cret-word");
    const output = await failedStart(wrong);
    expect(output).toMatch(
      /DATABASE_URL: cannot connect to postgres:\/\/hemgenix@127\.0\.0\.1:\d+\/hemgenix_instances: the password was refused/,
    );
    expect(output).not.toContain("s3cret-word");
    expect(output).not.toContain(cluster.password);
  });
});

describe("two server instances on one PostgreSQL", { timeout: 120_000 }, () => {
  let a: ServerProcess;
  let b: ServerProcess;
  beforeAll(async () => {
    // The first seeds the demo accounts; the second finds them (and both migrate: the second finds nothing to do).
    a = await instance();
    b = await instance();
  }, 120_000);

  it("staff submit on one and the reviewer sees the request, and the queue's count, on the other at once", async () => {
    const staff = await signInHttp(a.url, STAFF_A);
    const reviewer = await signInHttp(b.url, REVIEWER);
    const total = async () =>
      (await http<{ total: number }>(b.url, reviewer, "GET", "/api/requests?status=submitted")).body.total;
    const before = await total();
    const filed = await http<{ reference: string }>(a.url, staff, "POST", "/api/requests", submission());
    expect(filed.status).toBe(201);
    expect(await total()).toBe(before + 1);
    const seen = await http<{ reference: string; rowVersion: number }>(
      b.url,
      reviewer,
      "GET",
      `/api/requests/${filed.body.reference}`,
    );
    expect(seen.status).toBe(200);
    expect(seen.body.reference).toBe(filed.body.reference);
    const started = await http(
      a.url,
      await signInHttp(a.url, REVIEWER),
      "POST",
      `/api/requests/${filed.body.reference}/start-review`,
      {
        expectedRowVersion: seen.body.rowVersion,
      },
    );
    expect(started.status).toBe(200);
    expect(await total()).toBe(before);
  });

  it("two reviewers decide the same request at the same moment on the two instances: one wins, one gets 409", async () => {
    const staff = await signInHttp(a.url, STAFF_A);
    const onA = await signInHttp(a.url, REVIEWER);
    const onB = await signInHttp(b.url, REVIEWER);
    for (let round = 0; round < 3; round++) {
      const filed = await http<{ reference: string }>(b.url, staff, "POST", "/api/requests", submission());
      const path = `/api/requests/${filed.body.reference}/decision`;
      const [x, y] = await Promise.all([
        http(a.url, onA, "POST", path, { kind: "approve", expectedRowVersion: 1 }),
        http(b.url, onB, "POST", path, {
          kind: "request_info",
          message: "Send the ultrasound.",
          expectedRowVersion: 1,
        }),
      ]);
      expect([x.status, y.status].sort()).toEqual([200, 409]);
      const decisions = await rows(
        "SELECT d.kind FROM decisions d JOIN requests r ON r.id = d.request_id WHERE r.reference = $1",
        [filed.body.reference],
      );
      expect(decisions).toHaveLength(1);
    }
  });

  it("the same idempotency key sent to both at once stores one request", async () => {
    const staffA = await signInHttp(a.url, STAFF_A);
    const staffB = await signInHttp(b.url, STAFF_A);
    for (let round = 0; round < 5; round++) {
      const body = submission(undefined, { key: newKey("both") });
      const [x, y] = await Promise.all([
        http<{ reference: string }>(a.url, staffA, "POST", "/api/requests", body),
        http<{ reference: string }>(b.url, staffB, "POST", "/api/requests", body),
      ]);
      expect([x.status, y.status].sort()).toEqual([200, 201]);
      expect(x.body.reference).toBe(y.body.reference);
      expect(await rows("SELECT id FROM requests WHERE idempotency_key = $1", [body.idempotencyKey])).toHaveLength(1);
    }
  });

  it("twenty wrong passwords split across the two instances hit the limit as if they were one", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await fetch(`${(i % 2 === 0 ? a : b).url}/api/session`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: ADMIN, password: `wrong-${i}` }),
      });
      statuses.push(res.status);
    }
    // One address against one email: 10 failures, then it waits (on either instance).
    expect(statuses.slice(0, 10)).toEqual(Array<number>(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array<number>(10).fill(429));
    // The right password from this address waits too: the guesser is stopped, whichever instance it asks.
    const right = await fetch(`${b.url}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: ADMIN, password: DEMO_PASSWORD }),
    });
    expect(right.status).toBe(429);
  });

  it("a document uploaded through one instance is viewed and downloaded whole through the other, and filed by a submit made there", async () => {
    const staffOnA = await signInHttp(a.url, STAFF_A);
    const staffOnB = await signInHttp(b.url, STAFF_A);
    const sha = (data: Buffer | ArrayBuffer): string =>
      createHash("sha256")
        .update(Buffer.from(data as ArrayBuffer))
        .digest("hex");
    // Over 3 MB: stored as several chunks.
    const data = await pdf({ pages: 2, padTo: 3 * 1024 * 1024 + 17 });
    const { body, contentType } = upload([{ name: "labs.pdf", data }]);
    const uploaded = await fetch(`${a.url}/api/draft/documents`, {
      method: "POST",
      headers: { cookie: staffOnA.cookie, "x-csrf-token": staffOnA.csrf, "content-type": contentType },
      body,
    });
    expect(uploaded.status).toBe(201);
    const [doc] = ((await uploaded.json()) as DocumentsAnswer).documents as [DocumentInfo];
    expect(doc.sha256).toBe(sha(data));

    // The other instance lists the draft's document and serves its bytes, to view and to download.
    const listed = await http<DocumentsAnswer>(b.url, staffOnB, "GET", "/api/draft/documents");
    expect(listed.body.documents.map((d) => d.id)).toEqual([doc.id]);
    for (const kind of ["view", "download"]) {
      const res = await fetch(`${b.url}/api/documents/${doc.id}/${kind}`, { headers: { cookie: staffOnB.cookie } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/pdf");
      expect(sha(await res.arrayBuffer())).toBe(sha(data));
    }

    // Submitted on the other instance: the draft's document is filed with the request, version 1.
    const filed = await http<{ reference: string }>(b.url, staffOnB, "POST", "/api/requests", submission());
    expect(filed.status).toBe(201);
    expect((await http<DocumentsAnswer>(a.url, staffOnA, "GET", "/api/draft/documents")).body.documents).toEqual([]);
    const reviewer = await signInHttp(a.url, REVIEWER);
    const onRequest = await http<RequestDocumentsAnswer>(
      a.url,
      reviewer,
      "GET",
      `/api/requests/${filed.body.reference}/documents`,
    );
    expect(onRequest.body.documents.map((d) => [d.id, d.state, d.version])).toEqual([[doc.id, "filed", 1]]);
    expect(onRequest.body.versions).toEqual([{ version: 1, documents: [doc.id] }]);
    const download = await fetch(`${a.url}/api/documents/${doc.id}/download`, { headers: { cookie: reviewer.cookie } });
    expect(sha(await download.arrayBuffer())).toBe(sha(data));
    // A filed document cannot be removed, from either instance.
    expect((await http(b.url, staffOnB, "DELETE", `/api/draft/documents/${doc.id}`)).status).toBe(409);
    const stored = await rows(
      "SELECT o.size::int AS size, o.chunks FROM documents d JOIN document_objects o ON o.storage_key = d.storage_key WHERE d.public_id = $1",
      [doc.id],
    );
    expect(stored).toEqual([{ size: data.length, chunks: 4 }]);
  });

  it("an instance killed (SIGKILL) during a burst of submits through both: every acknowledged submit is stored once, the other keeps serving", async () => {
    const victim = await instance();
    const staffOnVictim = await signInHttp(victim.url, STAFF_A);
    const staffOnB = await signInHttp(b.url, STAFF_A);
    const bodies = Array.from({ length: 120 }, () => submission(undefined, { key: newKey("burst") }));
    const acknowledged: { key: string; reference: string }[] = [];
    const unacknowledged: (typeof bodies)[number][] = [];
    let sent = 0;
    const send = async (body: (typeof bodies)[number], i: number): Promise<void> => {
      const [target, who] = i % 2 === 0 ? [victim.url, staffOnVictim] : [b.url, staffOnB];
      sent += 1;
      try {
        const res = await http<{ reference: string }>(target, who, "POST", "/api/requests", body);
        if (res.status === 201 || res.status === 200)
          acknowledged.push({ key: body.idempotencyKey, reference: res.body.reference });
        else unacknowledged.push(body);
      } catch {
        unacknowledged.push(body); // the connection died with the instance
      }
    };
    // Eight at a time through both; the victim dies a third of the way in.
    const queue = bodies.map((body, i) => () => send(body, i));
    let killed = false;
    const workers = Array.from({ length: 8 }, async () => {
      for (let job = queue.shift(); job !== undefined; job = queue.shift()) {
        if (sent >= 40 && !killed) {
          killed = true;
          void victim.kill();
        }
        await job();
      }
    });
    await Promise.all(workers);
    await victim.kill();
    expect(acknowledged.length).toBeGreaterThan(40);
    expect(unacknowledged.length).toBeGreaterThan(0);
    for (const { key, reference } of acknowledged) {
      const stored = await rows("SELECT reference FROM requests WHERE idempotency_key = $1", [key]);
      expect(stored).toEqual([{ reference }]);
    }
    // What was not acknowledged is sent again (same key) to the instance still running: at most
    // one request per key, whether the first try reached the database or not.
    for (const body of unacknowledged) {
      const res = await http<{ reference: string }>(b.url, staffOnB, "POST", "/api/requests", body);
      expect([200, 201]).toContain(res.status);
    }
    const perKey = await rows(
      "SELECT idempotency_key, COUNT(*)::int AS n FROM requests WHERE idempotency_key = ANY($1::text[]) GROUP BY idempotency_key",
      [bodies.map((body) => body.idempotencyKey)],
    );
    expect(perKey).toHaveLength(bodies.length);
    expect(perKey.every((row) => row.n === 1)).toBe(true);
    expect((await http(b.url, staffOnB, "GET", "/api/requests")).status).toBe(200);
  });

  it("answers 503 with 'nothing was changed' while PostgreSQL is away, and recovers by itself when it returns", async () => {
    const staff = await signInHttp(a.url, STAFF_A);
    const before = Number((await rows("SELECT COUNT(*)::int AS n FROM requests"))[0]?.n);
    cluster.pause();
    try {
      const down = await http<{ error: string }>(a.url, staff, "POST", "/api/requests", submission());
      expect(down.status).toBe(503);
      expect(down.body.error).toBe(
        "The service is briefly unavailable. Your request was not changed; try again in a moment.",
      );
      const list = await http(b.url, staff, "GET", "/api/requests");
      expect(list.status).toBe(503);
      expect((await fetch(`${a.url}/api/health`)).status).toBe(200);
    } finally {
      cluster.resume();
    }
    // Same processes, no restart: the pools make new connections.
    let status = 0;
    for (let tries = 0; tries < 50 && status !== 201; tries++) {
      status = (await http(a.url, staff, "POST", "/api/requests", submission())).status;
      if (status !== 201) await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(201);
    expect((await http(b.url, staff, "GET", "/api/requests")).status).toBe(200);
    expect(Number((await rows("SELECT COUNT(*)::int AS n FROM requests"))[0]?.n)).toBe(before + 1);
  });
});
