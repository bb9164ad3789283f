/**
 * `npm run bench:server`: the real server process on a database of 100,000 requests, loaded with
 * autocannon for about 10 seconds per scenario, 8 connections (each one simulated user):
 *   1. staff submits (POST /api/requests, each with its own idempotency key);
 *   2. the reviewer queue's first page by received date (GET /api/requests?sort=received);
 *   3. walking the whole queue by received date the way the UI does: each user starts at a random
 *      page (a cursor taken from walking all of it once beforehand), then follows the answer's
 *      `next` (or, for half the users, `previous`) cursor for 20 pages, turning at either end,
 *      then starts again somewhere else. Every response is a page the user actually reached;
 *   4. the same walk over submitted requests by due date (GET ...?status=submitted&sort=due&cursor=…);
 *   5. scenario 3 while submits keep arriving (20 a second, on their own connection): every
 *      submit invalidates the cached totals, so this includes recounting. Its figures are the walk's;
 *   6. for comparison, jumping to a random page number by offset (GET ...?page=N&sort=received):
 *      the API still allows it, the UI does not offer it.
 * Every scenario runs on each engine in turn (BENCH_ENGINES, default "sqlite,postgres"): SQLite on a
 * file, then PostgreSQL on a throwaway server started here (fsync on, `synchronous_commit=off`, as
 * SQLite's WAL with synchronous=NORMAL), each seeded with the same 100,000 requests.
 * Prints a table per engine, then both side by side; nothing here is pass/fail (these machines are noisy).
 * The load generator runs in this process, so on a 2-core machine it shares the CPU with the server.
 */
import { randomBytes } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { DatabaseSync } from "node:sqlite";
import autocannon from "autocannon";
import pg from "pg";
import { evaluate, type RequestDocument } from "@/criteria";
import { type RequestPage } from "@/contract";
import { document, eligible } from "@fixtures";
import { openPostgres } from "../src/server/db/postgres/pool";
import { sqliteStore } from "../src/server/db/sqlite/database";
import { startPostgres, type PostgresCluster } from "../src/server/postgres-cluster";
import { seedDemo } from "../src/server/demo";
import type { Store } from "../src/server/db/store";
import {
  REVIEWER,
  STAFF_A,
  STAFF_B,
  signInHttp,
  startServerProcess,
  tempDatabase,
  type ServerProcess,
} from "../src/server/test-support";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const ENGINES = (process.env.BENCH_ENGINES ?? "sqlite,postgres").split(",").map((e) => e.trim());
const DAY = 86_400_000;

/** A small deterministic generator, so every run seeds the same mix. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
/** Distinct references for the seeded rows (the server makes random ones; these only need to be unique and well-formed). */
function referenceFor(n: number): string {
  let code = "";
  let rest = n + 1_000_003;
  for (let i = 0; i < 8; i++) {
    code = (ALPHABET[rest % 32] ?? "A") + code;
    rest = Math.floor(rest / 32);
  }
  return `HGX-${code.slice(0, 4)}-${code.slice(4)}`;
}

interface SeedUser {
  id: number;
  practiceId: number | null;
}

/** The rows to seed, the same on every engine: requests, their first versions, decisions and audit events. */
interface SeedSink {
  request(values: (string | number | null)[]): void | Promise<void>;
  version(values: (string | number | null)[]): void | Promise<void>;
  decision(values: (string | number | null)[]): void | Promise<void>;
  audit(values: (string | number | null)[]): void | Promise<void>;
}

async function seedRows(staffA: SeedUser, staffB: SeedUser, reviewer: SeedUser, sink: SeedSink): Promise<void> {
  const staff = [staffA, staffB] as const;

  // Documents of every outcome, weighted roughly like a real queue.
  const templates: { name: string; weight: number }[] = [
    { name: "eligible", weight: 45 },
    { name: "incomplete", weight: 20 },
    { name: "under-18", weight: 8 },
    { name: "prophylaxis-under-12-months", weight: 7 },
    { name: "refer-off-label-marketplace", weight: 8 },
    { name: "continuation", weight: 4 },
    { name: "positive-inhibitor-with-retest", weight: 8 },
  ];
  const prepared = templates.map((t) => {
    const doc = document(t.name);
    const evaluation = evaluate(doc);
    return { ...t, doc, evaluation: JSON.stringify(evaluation), outcome: evaluation.outcome };
  });
  const totalWeight = prepared.reduce((sum, t) => sum + t.weight, 0);
  const pick = (r: number) => {
    let x = r * totalWeight;
    for (const t of prepared) {
      if ((x -= t.weight) < 0) return t;
    }
    return prepared[0] as (typeof prepared)[number];
  };

  const random = prng(20261127);
  const now = Date.now();
  const firstNames = ["Ada", "Ben", "Cleo", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jun"];
  const lastNames = ["Example", "Sample", "Tester", "Demo", "Mock", "Trial", "Proof", "Case"];
  for (let i = 1; i <= ROWS; i++) {
    const template = pick(random());
    const submitter = staff[i % 2] ?? staffA;
    const receivedMs = now - 365 * DAY + Math.floor(((i - 1) / ROWS) * 365 * DAY) + Math.floor(random() * 3_600_000);
    const expedited = random() < 0.15;
    const dueMs = receivedMs + (expedited ? 3 * DAY : 7 * DAY);
    const ageDays = (now - receivedMs) / DAY;
    const r = random();
    const status =
      ageDays > 30
        ? r < 0.6
          ? "approved"
          : r < 0.85
            ? "denied"
            : r < 0.97
              ? "more_info_requested"
              : "submitted"
        : r < 0.5
          ? "submitted"
          : r < 0.8
            ? "in_review"
            : r < 0.9
              ? "more_info_requested"
              : "approved";
    const memberId = `M${String(i).padStart(8, "0")}`;
    const firstName = firstNames[i % firstNames.length] ?? "Ada";
    const lastName = lastNames[i % lastNames.length] ?? "Example";
    const doc: RequestDocument = { ...template.doc, member: { ...template.doc.member, memberId, firstName, lastName } };
    const receivedAt = new Date(receivedMs).toISOString();
    const decided = status === "approved" || status === "denied" || status === "more_info_requested";
    await sink.request([
      i,
      referenceFor(i),
      submitter.practiceId,
      submitter.id,
      `seed-${i}`,
      status,
      expedited ? 1 : 0,
      memberId,
      `${firstName} ${lastName}`,
      template.outcome,
      receivedAt,
      new Date(dueMs).toISOString(),
      decided || status === "in_review" ? 2 : 1,
    ]);
    await sink.version([i, JSON.stringify(doc), template.evaluation, submitter.id, receivedAt]);
    await sink.audit([i, submitter.id, "submitted", "version 1", receivedAt]);
    if (decided) {
      const decidedMs = Math.min(now, receivedMs + Math.floor(random() * 6 * DAY));
      const decidedAt = new Date(decidedMs).toISOString();
      const day = decidedAt.slice(0, 10);
      const kind = status === "approved" ? "approve" : status === "denied" ? "deny" : "request_info";
      await sink.decision([
        i,
        kind,
        kind === "deny" ? '["I.A.3"]' : "[]",
        kind === "approve" ? "" : "Seeded decision.",
        reviewer.id,
        decidedAt,
        kind === "approve" ? day : null,
        kind === "approve" ? new Date(decidedMs + 89 * DAY).toISOString().slice(0, 10) : null,
      ]);
      await sink.audit([i, reviewer.id, `decision: ${kind}`, "version 1", decidedAt]);
    }
  }
}

async function demoUsers(store: Store): Promise<[SeedUser, SeedUser, SeedUser]> {
  await seedDemo(store, new Date());
  const staffA = await store.findUserByEmail(STAFF_A);
  const staffB = await store.findUserByEmail(STAFF_B);
  const reviewer = await store.findUserByEmail(REVIEWER);
  if (staffA === undefined || staffB === undefined || reviewer === undefined) throw new Error("demo users missing");
  return [staffA, staffB, reviewer];
}

async function seedSqlite(file: string): Promise<void> {
  const store = sqliteStore(file); // runs the migrations
  const users = await demoUsers(store);
  await store.close();
  const db = new DatabaseSync(file);
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA foreign_keys = ON");
  const insertRequest = db.prepare(
    `INSERT INTO requests (id, reference, practice_id, submitted_by, idempotency_key, status, expedited, member_id, member_name,
       outcome, received_at, due_at, current_version, row_version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`,
  );
  const insertVersion = db.prepare(
    "INSERT INTO request_versions (request_id, version, document, evaluation, submitted_by, submitted_at) VALUES (?, 1, ?, ?, ?, ?)",
  );
  const insertDecision = db.prepare(
    `INSERT INTO decisions (request_id, version, kind, criteria, message, decided_by, decided_at, authorized_from, authorized_through)
     VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAudit = db.prepare(
    "INSERT INTO audit_events (request_id, user_id, action, detail, at) VALUES (?, ?, ?, ?, ?)",
  );
  db.exec("BEGIN");
  await seedRows(...users, {
    request: (v) => void insertRequest.run(...v),
    version: (v) => void insertVersion.run(...v),
    decision: (v) => void insertDecision.run(...v),
    audit: (v) => void insertAudit.run(...v),
  });
  db.exec("COMMIT");
  db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  db.exec("ANALYZE");
  db.close();
}

/** The same rows into PostgreSQL, a thousand at a time through unnest() (parameterised, no COPY needed). */
async function seedPostgres(url: string): Promise<void> {
  const opened = await openPostgres({ url, poolSize: 2 }); // runs the migrations
  const users = await demoUsers(opened.store);
  await opened.store.close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const tables = {
    request: {
      sql: `INSERT INTO requests (id, reference, practice_id, submitted_by, idempotency_key, status, expedited, member_id,
              member_name, outcome, received_at, due_at, current_version, row_version)
            SELECT id, ref, pr, sb, k, st, ex = 1, m, mn, o, ra, da, 1, rv FROM unnest($1::int[], $2::text[], $3::int[],
              $4::int[], $5::text[], $6::text[], $7::int[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::int[])
              AS t(id, ref, pr, sb, k, st, ex, m, mn, o, ra, da, rv)`,
      columns: 13,
    },
    version: {
      sql: `INSERT INTO request_versions (request_id, version, document, evaluation, submitted_by, submitted_at)
            SELECT r, 1, d, e, s, a FROM unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::text[]) AS t(r, d, e, s, a)`,
      columns: 5,
    },
    decision: {
      sql: `INSERT INTO decisions (request_id, version, kind, criteria, message, decided_by, decided_at, authorized_from, authorized_through)
            SELECT r, 1, k, c, m, b, a, f, th FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[],
              $7::text[], $8::text[]) AS t(r, k, c, m, b, a, f, th)`,
      columns: 8,
    },
    audit: {
      sql: `INSERT INTO audit_events (request_id, user_id, action, detail, at)
            SELECT r, u, ac, d, a FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[]) AS t(r, u, ac, d, a)`,
      columns: 5,
    },
  };
  type Kind = keyof typeof tables;
  const buffers: Record<Kind, (string | number | null)[][]> = { request: [], version: [], decision: [], audit: [] };
  // Parents before children: requests go in before anything that points at them.
  const order: Kind[] = ["request", "version", "decision", "audit"];
  const flush = async (): Promise<void> => {
    for (const kind of order) {
      const rows = buffers[kind];
      if (rows.length === 0) continue;
      const columns = Array.from({ length: tables[kind].columns }, (_, c) => rows.map((row) => row[c] ?? null));
      await client.query(tables[kind].sql, columns);
      buffers[kind] = [];
    }
  };
  const add = (kind: Kind) => async (values: (string | number | null)[]) => {
    buffers[kind].push(values);
    if (kind === "request" && buffers.request.length >= 1000) await flush();
  };
  await client.query("BEGIN");
  await seedRows(...users, {
    request: add("request"),
    version: add("version"),
    decision: add("decision"),
    audit: add("audit"),
  });
  await flush();
  await client.query("COMMIT");
  // Seeded ids were given explicitly: the identity goes on after them.
  await client.query("SELECT setval(pg_get_serial_sequence('requests', 'id'), (SELECT MAX(id) FROM requests))");
  await client.query("VACUUM ANALYZE");
  await client.end();
}

interface Run {
  name: string;
  result: autocannon.Result;
  /** Every response time in ms, to read p95 (autocannon's histogram reports p90/p97.5/p99 only). */
  times: number[];
}

function cannon(name: string, options: autocannon.Options): Promise<Run> {
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    const instance = autocannon(options, (error, result) => {
      if (error !== null && error !== undefined) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve({ name, result, times });
    });
    instance.on("response", (_client, _status, _bytes, responseTime) => {
      times.push(responseTime);
    });
  });
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function summarise(run: Run) {
  const sorted = [...run.times].sort((a, b) => a - b);
  const { result } = run;
  return {
    scenario: run.name,
    "req/s": Math.round(result.requests.total / result.duration),
    requests: result.requests.total,
    "p50 ms": Number(percentile(sorted, 50).toFixed(1)),
    "p95 ms": Number(percentile(sorted, 95).toFixed(1)),
    "p99 ms": Number(percentile(sorted, 99).toFixed(1)),
    "max ms": Number((sorted.at(-1) ?? Number.NaN).toFixed(1)),
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

const temp = tempDatabase("hemgenix-bench-");
const servers: ServerProcess[] = [];
let cluster: PostgresCluster | undefined;
const cleanup = async () => {
  await Promise.all(servers.map((s) => s.kill()));
  cluster?.stop();
  temp.remove();
};
process.once("SIGINT", () => {
  void cleanup().then(() => process.exit(130));
});
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

/** Every scenario against one server process on `env`'s database; the summary rows. */
async function measure(engine: string, env: Record<string, string>) {
  const started = performance.now();
  const server = await startServerProcess({ databaseFile: temp.file, env: { LOG_LEVEL: "warn", ...env } });
  servers.push(server);
  console.log(`Server up in ${((performance.now() - started) / 1000).toFixed(1)} s at ${server.url}`);
  const { url } = server;
  const staff = await signInHttp(url, STAFF_A);
  const reviewer = await signInHttp(url, REVIEWER);

  const pagesOf = async (query: string): Promise<number> => {
    const res = await fetch(`${url}/api/requests?${query}&pageSize=25`, { headers: { cookie: reviewer.cookie } });
    const page = (await res.json()) as RequestPage;
    return Math.max(1, Math.ceil(page.total / 25));
  };
  const receivedPages = await pagesOf("sort=received");
  const submittedPages = await pagesOf("status=submitted&sort=due");
  console.log(
    `Queue: ${receivedPages} pages by received date; ${submittedPages} pages of submitted requests by due date`,
  );

  // 1. Submits, each with a fresh idempotency key.
  const run = randomBytes(4).toString("hex");
  /** A submit of a new member's request per call, with a fresh idempotency key. */
  const submitRequest = (prefix: string, expedited: (n: number) => boolean): autocannon.Request => {
    let n = 0;
    return {
      method: "POST",
      path: "/api/requests",
      headers: { "content-type": "application/json", cookie: staff.cookie, "x-csrf-token": staff.csrf },
      setupRequest: (request) => {
        n += 1;
        const doc = eligible((d) => d.member && (d.member.memberId = `${prefix}${run}${n}`));
        return {
          ...request,
          body: JSON.stringify({ document: doc, expedited: expedited(n), idempotencyKey: `${prefix}-${run}-${n}` }),
        };
      },
    };
  };
  const submitRun = await cannon("POST /api/requests (submit)", {
    url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [submitRequest("B", (n) => n % 7 === 0)],
  });

  const random = prng(42);
  /** Every page's cursors, by walking the whole list once from the first page (not measured). */
  const cursorsOf = async (query: string): Promise<string[]> => {
    const cursors: string[] = [];
    let path = `/api/requests?${query}&pageSize=25`;
    for (;;) {
      const res = await fetch(`${url}${path}`, { headers: { cookie: reviewer.cookie } });
      const page = (await res.json()) as RequestPage;
      if (page.previous !== null) cursors.push(page.previous);
      if (page.next === null) return cursors;
      cursors.push(page.next);
      path = `/api/requests?${query}&pageSize=25&cursor=${page.next}`;
    }
  };
  const WALK = 20;
  type Walker = { cursor?: string | null; forward?: boolean };
  /** Users walking pages: a random start, then the cursor from each answer, as the UI follows it. */
  const walkRun = (name: string, query: string, starts: readonly string[]) =>
    cannon(name, {
      url,
      connections: CONNECTIONS,
      duration: DURATION_S,
      requests: Array.from({ length: WALK }, (_, step) => ({
        method: "GET" as const,
        path: "/api/requests",
        headers: { cookie: reviewer.cookie },
        setupRequest: (request: autocannon.Request, ctx: object) => {
          const context = ctx as Walker;
          if (step === 0) {
            context.cursor = starts[Math.floor(random() * starts.length)];
            context.forward = random() < 0.5;
          }
          return { ...request, path: `/api/requests?${query}&pageSize=25&cursor=${String(context.cursor)}` };
        },
        onResponse: (_status: number, body: string, ctx: object) => {
          const context = ctx as Walker;
          const page = JSON.parse(body) as RequestPage;
          let cursor = context.forward === true ? page.next : page.previous;
          if (cursor === null) {
            context.forward = context.forward !== true;
            cursor = context.forward ? page.next : page.previous;
          }
          // A list of one page has no cursor either way: start again somewhere.
          context.cursor = cursor ?? starts[Math.floor(random() * starts.length)];
        },
      })),
    });
  const queueRun = (name: string, query: string, pages: number) =>
    cannon(name, {
      url,
      connections: CONNECTIONS,
      duration: DURATION_S,
      requests: [
        {
          method: "GET",
          path: "/api/requests",
          headers: { cookie: reviewer.cookie },
          setupRequest: (request) => ({
            ...request,
            path: `/api/requests?${query}${pages > 1 ? `&page=${1 + Math.floor(random() * pages)}` : ""}`,
          }),
        },
      ],
    });
  const firstPageRun = await queueRun("GET /api/requests?sort=received (first page)", "sort=received", 1);
  const started2 = performance.now();
  const receivedStarts = await cursorsOf("sort=received");
  const submittedStarts = await cursorsOf("status=submitted&sort=due");
  console.log(
    `Walked every page once for the start cursors (${receivedStarts.length + submittedStarts.length} cursors) in ${((performance.now() - started2) / 1000).toFixed(1)} s`,
  );
  const receivedRun = await walkRun("walk by cursor, sort=received", "sort=received", receivedStarts);
  const dueRun = await walkRun(
    "walk by cursor, status=submitted&sort=due",
    "status=submitted&sort=due",
    submittedStarts,
  );
  const trickleRun = cannon("(submits during the walk, 20/s)", {
    url,
    connections: 1,
    overallRate: 20,
    duration: DURATION_S,
    requests: [submitRequest("T", () => false)],
  });
  const mixedRun = await walkRun("walk by cursor, sort=received, during submits", "sort=received", receivedStarts);
  const trickled = await trickleRun;
  const offsetPages = await pagesOf("sort=received");
  const offsetRun = await queueRun("jump by offset: ?page=N&sort=received", "sort=received", offsetPages);

  const rows = [submitRun, firstPageRun, receivedRun, dueRun, mixedRun, trickled, offsetRun].map(summarise);
  console.log(`\n${engine}:`);
  console.table(rows);
  const [submits, first, received, due, mixed, , offset] = rows;
  const totalRequests = await fetch(`${url}/api/requests?pageSize=1`, { headers: { cookie: reviewer.cookie } });
  const total = ((await totalRequests.json()) as RequestPage).total;
  console.log(
    `requests in the database at the end: ${total.toLocaleString("en-US")} (submits stored: ${(total - ROWS).toLocaleString("en-US")})`,
  );
  console.log(`submits/s: ${submits?.["req/s"]}, p99: ${submits?.["p99 ms"]} ms`);
  const line = (row: typeof first, what: string) =>
    console.log(`queue p95: ${row?.["p95 ms"]} ms, p99: ${row?.["p99 ms"]} ms, ${row?.["req/s"]} req/s (${what})`);
  line(first, "first page");
  line(received, `walking by cursor from random pages, by received date, ${receivedPages} pages`);
  line(due, `walking by cursor, submitted by due date, ${submittedPages} pages`);
  line(mixed, "walking by received date while 20 submits/s arrive");
  line(offset, `jumping to any of ${offsetPages} pages by offset (not offered by the UI)`);
  await server.kill();
  return rows;
}

try {
  console.log(
    `Node ${process.version}, ${cpus().length} CPUs, ${new Date().toISOString().slice(0, 10)}, load average ${load()}`,
  );
  const results: { engine: string; rows: ReturnType<typeof summarise>[] }[] = [];
  for (const engine of ENGINES) {
    const started = performance.now();
    let env: Record<string, string>;
    if (engine === "sqlite") {
      await seedSqlite(temp.file);
      env = {};
    } else if (engine === "postgres") {
      cluster = await startPostgres({ durability: "like-sqlite" });
      const url = await cluster.createDatabase("hemgenix_bench");
      await seedPostgres(url);
      env = { DATABASE_URL: url, DATABASE_POOL_SIZE: "10" };
    } else throw new Error(`BENCH_ENGINES: unknown engine ${engine} (sqlite, postgres)`);
    console.log(
      `\n${engine}: seeded ${ROWS.toLocaleString("en-US")} requests in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    results.push({ engine, rows: await measure(engine, env) });
    cluster?.stop();
    cluster = undefined;
  }
  if (results.length > 1) {
    console.log("\nSide by side (req/s, p95 ms):");
    console.table(
      (results[0]?.rows ?? []).map(
        (row, i) =>
          Object.fromEntries([
            ["scenario", row.scenario],
            ...results.flatMap(({ engine, rows }): [string, number | undefined][] => [
              [`${engine} req/s`, rows[i]?.["req/s"]],
              [`${engine} p95`, rows[i]?.["p95 ms"]],
            ]),
          ]) as Record<string, string | number | undefined>,
      ),
    );
  }
  console.log(`load average at the end: ${load()} (other work on the machine inflates these figures)`);
  const failures = results.flatMap((r) => r.rows).reduce((n, r) => n + r.non2xx + r.errors, 0);
  if (failures > 0) {
    console.error(`${failures} requests failed or were not 2xx`);
    process.exitCode = 1;
  }
} finally {
  await cleanup();
}
