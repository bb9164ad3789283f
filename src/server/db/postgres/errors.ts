/** Which of the driver's errors mean "the database is not there" (503) rather than a bug (500). */
import { StoreUnavailable } from "../store-errors";

/** SQLSTATE classes and codes of a connection lost, refused or shut down, or of too many clients. */
const UNAVAILABLE_CODES = new Set([
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up, shutting down)
  "53300", // too_many_connections
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
]);

const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /Connection ended unexpectedly/i,
  /terminating connection/i,
  /the database system is (starting up|shutting down)/i,
];

export function isUnavailable(error: unknown): boolean {
  if (error instanceof StoreUnavailable) return true;
  if (typeof error !== "object" || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (UNAVAILABLE_CODES.has(code) || code.startsWith("08"))) return true;
  const message = error instanceof Error ? error.message : "";
  if (UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
  // An AggregateError (every address refused) carries the reasons inside.
  const inner = (error as { errors?: unknown }).errors;
  return Array.isArray(inner) && inner.some(isUnavailable);
}

/** The error to throw on: StoreUnavailable for a database gone away, else the error itself. */
export function translate(error: unknown): unknown {
  return isUnavailable(error) && !(error instanceof StoreUnavailable) ? new StoreUnavailable({ cause: error }) : error;
}

/** A unique index refused the row (SQLSTATE 23505); `constraint` names which, when given. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { code?: unknown; constraint?: unknown };
  return e.code === "23505" && (constraint === undefined || e.constraint === constraint);
}
