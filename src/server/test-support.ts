/**
 * Shared helpers for the server's API tests (and the server benchmark): an in-process server on a
 * real SQLite file in a temporary folder, sign-in as each demo role, requests with the session
 * cookie and CSRF header, a read-only second connection to count rows, and the real server process.
 * Nothing here imports vitest, so `scripts/bench-server.ts` can use it too.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import type { RequestDocument } from "@/criteria";
import type { SessionInfo, SessionUser } from "@/contract";
import { eligible } from "@fixtures";
import { buildApp } from "./app";
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from "./auth/sessions";
import { freePort } from "./free-port";
import { systemClock } from "./clock";
import { loadConfig } from "./config";
import type { Store } from "./db/store";
import { sqliteStore } from "./db/sqlite/database";
import { DEMO_PASSWORD, seedDemo } from "./demo";
import { createServices, type Services } from "./services";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export const STAFF_A = "staff@demo.test";
export const STAFF_B = "other-staff@demo.test";
export const REVIEWER = "reviewer@demo.test";
export const ADMIN = "admin@demo.test";
export { DEMO_PASSWORD };

/** Every table whose rows a refused request must leave alone. */
export const TABLES = [
  "practices",
  "users",
  "sessions",
  "drafts",
  "requests",
  "request_versions",
  "decisions",
  "audit_events",
  "record_import_local_codes",
] as const;
export type Table = (typeof TABLES)[number];

/** A clock the test moves: `set(date)` fixes it, `real()` follows the wall clock again. */
export class Clock {
  private fixed: number | undefined;
  constructor(start?: Date | string) {
    if (start !== undefined) this.set(start);
  }
  set(date: Date | string): void {
    this.fixed = new Date(date).getTime();
  }
  real(): void {
    this.fixed = undefined;
  }
  /** Moves the clock on by `ms` (fixing it first where it follows the wall clock). */
  advance(ms: number): void {
    this.fixed = (this.fixed ?? Date.now()) + ms;
  }
  readonly now = (): Date => (this.fixed === undefined ? new Date() : new Date(this.fixed));
}

export interface TestServer {
  app: FastifyInstance;
  services: Services;
  store: Store;
  file: string;
  dir: string;
  /** A second, read-only connection on the same file. */
  db: DatabaseSync;
  count(table: Table, where?: string, ...params: (string | number | null)[]): number;
  /** Row counts of every table plus every request's row version and status, every draft, account and practice: equal means nothing changed. */
  fingerprint(): string;
  close(): Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string>;
  now?: () => Date;
  seed?: boolean;
}

/**
 * A seeded demo database, made once and copied for each server (scrypt hashes cost ~200 ms each
 * here); removed when the last server using it closes.
 */
let seededTemplate: Promise<{ dir: string; file: string }> | undefined;
let openServers = 0;
async function seededDatabase(): Promise<string> {
  seededTemplate ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), "hemgenix-seed-"));
    const file = join(dir, "seeded.db");
    const store = sqliteStore(file);
    await seedDemo(store, new Date());
    await store.close(); // the last connection to close checkpoints the WAL into the file
    return { dir, file };
  })();
  return (await seededTemplate).file;
}
async function releaseSeededDatabase(): Promise<void> {
  if (openServers > 0 || seededTemplate === undefined) return;
  const { dir } = await seededTemplate;
  seededTemplate = undefined;
  rmSync(dir, { recursive: true, force: true });
}

export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  openServers += 1;
  const dir = mkdtempSync(join(tmpdir(), "hemgenix-api-"));
  const file = join(dir, "test.db");
  const config = loadConfig({
    MODE: "demo",
    DATABASE_FILE: file,
    LOG_LEVEL: "silent",
    STATIC_DIR: "/nonexistent",
    ...options.env,
  });
  if (options.seed !== false) copyFileSync(await seededDatabase(), file);
  const now = options.now ?? systemClock;
  const store = sqliteStore(file, now);
  // Seeding is what main.ts does in demo mode; on the copied database it finds the users and does nothing.
  if (options.seed !== false) expectNoSeed(await seedDemo(store, now()));
  const services = createServices(config, store, now);
  const app = await buildApp(services);
  await app.ready();
  const db = new DatabaseSync(file, { readOnly: true });
  const count = (table: Table, where = "1 = 1", ...params: (string | number | null)[]): number =>
    Number(db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`).get(...params)?.n ?? Number.NaN);
  return {
    app,
    services,
    store,
    file,
    dir,
    db,
    count,
    fingerprint: () =>
      JSON.stringify({
        counts: TABLES.map((t) => [t, count(t)]),
        requests: db
          .prepare("SELECT reference, status, row_version, current_version, outcome FROM requests ORDER BY id")
          .all(),
        drafts: db.prepare("SELECT user_id, content FROM drafts ORDER BY user_id").all(),
        sessions: db.prepare("SELECT id_hash FROM sessions ORDER BY id_hash").all(),
        users: db
          .prepare("SELECT id, email, name, role, practice_id, password_hash, active FROM users ORDER BY id")
          .all(),
        practices: db.prepare("SELECT id, name FROM practices ORDER BY id").all(),
      }),
    close: async () => {
      await app.close();
      db.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
      openServers -= 1;
      await releaseSeededDatabase();
    },
  };
}

function expectNoSeed(seeded: boolean): void {
  if (seeded) throw new Error("the copied demo database had no users");
}

export interface Session {
  /** `hgx_session=…` (`__Host-hgx_session=…` in production), ready for a Cookie header. */
  cookie: string;
  csrf: string;
  user: SessionUser;
}

/** The `name=value` part of the session cookie in a response, if it set one. */
export function sessionCookieOf(setCookie: string | string[] | number | undefined): string | undefined {
  const all = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [String(setCookie)];
  const ours = all.find((c) => c.startsWith(`${SESSION_COOKIE}=`) || c.startsWith(`${SECURE_SESSION_COOKIE}=`));
  return ours?.split(";")[0];
}

export async function signIn(app: FastifyInstance, email: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: "POST", url: "/api/session", payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${email} gave ${res.statusCode}: ${res.body}`);
  const cookie = sessionCookieOf(res.headers["set-cookie"]);
  if (cookie === undefined) throw new Error(`sign-in as ${email} set no session cookie`);
  const info = res.json<SessionInfo>();
  return { cookie, csrf: info.csrfToken, user: info.user };
}

export interface CallOptions {
  /** The CSRF header to send: the session's by default, `null` for none. */
  csrf?: string | null;
  headers?: Record<string, string>;
  /** Sent as is (with `contentType`, default JSON) instead of JSON-encoding `body`. */
  raw?: string | Buffer;
  contentType?: string;
}

export interface Answer<T = unknown> {
  status: number;
  /** The parsed JSON body (undefined when empty or not JSON). */
  body: T;
  text: string;
  headers: Record<string, string | string[] | number | undefined>;
}

export async function call<T = unknown>(
  app: FastifyInstance,
  who: Session | undefined,
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  url: string,
  body?: unknown,
  options: CallOptions = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (who !== undefined) {
    headers.cookie = who.cookie;
    const csrf = options.csrf === undefined ? who.csrf : options.csrf;
    if (csrf !== null && method !== "GET") headers["x-csrf-token"] = csrf;
  }
  let payload: string | Buffer | undefined;
  if (options.raw !== undefined) payload = options.raw;
  else if (body !== undefined) payload = JSON.stringify(body);
  if (payload !== undefined) headers["content-type"] = options.contentType ?? "application/json";
  const res = await app.inject({ method, url, headers, ...(payload !== undefined && { payload }) });
  let parsed: unknown;
  try {
    parsed = res.body === "" ? undefined : JSON.parse(res.body);
  } catch {
    parsed = undefined;
  }
  return { status: res.statusCode, body: parsed as T, text: res.body, headers: res.headers };
}

let keyCounter = 0;
/** A fresh idempotency key (8–64 of A-Z a-z 0-9 _ -). */
export function newKey(prefix = "k"): string {
  keyCounter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${keyCounter}-${Math.random().toString(36).slice(2, 8)}`.slice(
    0,
    64,
  );
}

let memberCounter = 0;

/**
 * A valid submission body: the eligible example, changed by `change`. Each gets a member ID of its
 * own (unless `change` sets one), so tests that file many requests are not warned of a member's
 * open request; the tests of that warning choose the member.
 */
export function submission(
  change?: (doc: RequestDocument) => void,
  options: { expedited?: boolean; key?: string } = {},
): { document: RequestDocument; expedited: boolean; idempotencyKey: string } {
  memberCounter += 1;
  const memberId = `T${process.pid}X${memberCounter}`;
  const document = eligible((doc) => {
    if (doc.member !== undefined) doc.member.memberId = memberId;
    change?.(doc);
  });
  return { document, expedited: options.expedited ?? false, idempotencyKey: options.key ?? newKey() };
}

export async function submit(
  app: FastifyInstance,
  staff: Session,
  change?: (doc: RequestDocument) => void,
  options: { expedited?: boolean; key?: string } = {},
): Promise<string> {
  const res = await call<{ reference: string }>(app, staff, "POST", "/api/requests", submission(change, options));
  if (res.status !== 201) throw new Error(`submit gave ${res.status}: ${res.text}`);
  return res.body.reference;
}

/** The current row version of a request, read as a reviewer would. */
export async function rowVersionOf(app: FastifyInstance, who: Session, reference: string): Promise<number> {
  const res = await call<{ rowVersion: number }>(app, who, "GET", `/api/requests/${reference}`);
  if (res.status !== 200) throw new Error(`detail of ${reference} gave ${res.status}: ${res.text}`);
  return res.body.rowVersion;
}

/* ----------------------------------------------------------------------------------------------
 * The real server process (durability, logging, benchmark).
 * -------------------------------------------------------------------------------------------- */

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  port: number;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
  /** SIGTERM (graceful), then SIGKILL after `graceMs`; resolves once it is gone. */
  stop(graceMs?: number): Promise<void>;
  kill(): Promise<void>;
}

export async function startServerProcess(options: {
  databaseFile: string;
  env?: Record<string, string>;
  port?: number;
  timeoutMs?: number;
}): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_FILE: options.databaseFile,
      MODE: "demo",
      LOG_LEVEL: "warn",
      STATIC_DIR: "/nonexistent",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else
      child.once("exit", (code) => {
        resolve(code);
      });
  });
  let gone = false;
  void exited.then(() => (gone = true));
  const url = `http://127.0.0.1:${port}`;
  const kill = async (): Promise<void> => {
    if (!gone) child.kill("SIGKILL");
    await exited;
  };
  const stop = async (graceMs = 5000): Promise<void> => {
    if (gone) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    if (gone) throw new Error(`the server exited before it was ready:\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await kill();
      throw new Error(`the server did not answer /api/health in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, url, port, output: () => output, exited, stop, kill };
}

/** Sign in over HTTP; the cookie and CSRF token to send with later calls. */
export async function signInHttp(
  url: string,
  email: string,
  password = DEMO_PASSWORD,
): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`sign-in as ${email} gave ${res.status}: ${text}`);
  const cookie = sessionCookieOf(res.headers.getSetCookie());
  if (cookie === undefined) throw new Error("no session cookie");
  return { cookie, csrf: (JSON.parse(text) as SessionInfo).csrfToken };
}

export function tempDatabase(prefix = "hemgenix-"): { dir: string; file: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, file: join(dir, "test.db"), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
