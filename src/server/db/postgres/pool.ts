/**
 * Opening PostgreSQL: a connection pool of the configured size, a first connection that proves the
 * address and password work (else a start-up error naming DATABASE_URL, never its password), then
 * the migrations under their advisory lock. A pool survives the database going away: a broken
 * connection is dropped (its error logged, not thrown), requests meanwhile answer 503, and new
 * connections are made when the database is back.
 */
import pg from "pg";
import { SIGN_IN_RULES } from "../../auth/rate-limit";
import { systemClock, type Clock } from "../../clock";
import type { Store } from "../store";
import { Documents } from "../../documents/documents";
import { PostgresDocumentBytes } from "./document-bytes";
import { PostgresDocumentRows } from "./document-rows";
import { migrate } from "./migrations";
import { PostgresSignInLimits } from "./sign-in-limits";
import { PostgresStore } from "./postgres-store";

export interface PostgresOptions {
  url: string;
  poolSize: number;
  /** The server's one clock (the sign-in windows are timed by it). */
  now?: Clock;
  /** Told about a connection the pool lost while idle (the database went away). */
  onIdleError?: (error: Error) => void;
  /** How long a request waits for a free connection, or for a new one to be made, before 503. */
  connectTimeoutMs?: number;
}

export interface PostgresDatabase {
  store: Store;
  signInLimits: PostgresSignInLimits;
  pool: pg.Pool;
  /** Where it is, without the password: "postgres://user@host:port/database". */
  where: string;
  /** Supporting documents on this pool: rows and bytes in the database (closing them leaves the pool open). */
  openDocuments: () => Documents;
}

/** A start-up problem with DATABASE_URL; the message never carries the password. */
export class DatabaseUrlError extends Error {}

/** The address without its password, for messages and logs. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    const user = u.username === "" ? "" : `${decodeURIComponent(u.username)}@`;
    return `${u.protocol}//${user}${u.hostname}${u.port === "" ? "" : `:${u.port}`}${u.pathname}`;
  } catch {
    return "(not a valid address)";
  }
}

/** What went wrong connecting, in words that never repeat the password. */
function reason(error: unknown, password: string): string {
  const code = (error as { code?: unknown }).code;
  let message = error instanceof Error ? error.message : String(error);
  if (message === "" && error instanceof AggregateError) message = error.errors.map(String).join("; ");
  if (password !== "") message = message.split(password).join("***");
  if (code === "28P01") return "the password was refused for that user";
  if (code === "3D000") return `the database does not exist (${message})`;
  if (code === "ECONNREFUSED") return "nothing is listening at that host and port";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "the host name does not resolve";
  return message;
}

export async function openPostgres(options: PostgresOptions): Promise<PostgresDatabase> {
  const where = describeUrl(options.url);
  let password: string;
  try {
    password = decodeURIComponent(new URL(options.url).password);
  } catch {
    throw new DatabaseUrlError("DATABASE_URL is not a valid postgres:// address");
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
    application_name: "hemgenix",
  });
  // An idle connection broken by the server (restart, shutdown) is reported here; without a
  // listener the process would crash. The pool replaces it on the next request.
  pool.on("error", (error) => options.onIdleError?.(error));
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseUrlError(`DATABASE_URL: cannot connect to ${where}: ${reason(error, password)}`);
  }
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseUrlError(`DATABASE_URL: migrating ${where} failed: ${reason(error, password)}`);
  }
  return {
    store: new PostgresStore(pool),
    signInLimits: new PostgresSignInLimits(pool, SIGN_IN_RULES, options.now ?? systemClock),
    pool,
    where,
    openDocuments: () => new Documents(new PostgresDocumentRows(pool), new PostgresDocumentBytes(pool)),
  };
}
