/**
 * Server-side sessions: the cookie holds a random token, the database only its SHA-256, so a
 * leaked database does not leak sessions. Sessions end at sign-out, after inactivity, or a fixed
 * time after sign-in whatever the activity. Every state-changing call must also carry the
 * session's CSRF token in a header.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Role, SessionUser } from "@/contract";
import type { Clock } from "../clock";
import type { Store } from "../db/store";
import { HttpError } from "../parse";

export const SESSION_COOKIE = "hgx_session";
/**
 * In production (https) the cookie carries the `__Host-` prefix: browsers then accept it only
 * from a secure origin, for the whole site, with no Domain, so a sibling subdomain cannot plant or
 * overwrite it.
 */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;
import { CSRF_HEADER } from "@/contract";

export { CSRF_HEADER };

export interface SessionOptions {
  idleMs: number;
  /** The longest a session lives after sign-in, however active. */
  maxAgeMs: number;
  secureCookie: boolean;
}

export interface AuthContext {
  user: SessionUser;
  csrfToken: string;
  idHash: string;
}

const hash = (token: string): string => createHash("sha256").update(token).digest("hex");

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index > 0) cookies.set(part.slice(0, index).trim(), part.slice(index + 1).trim());
  }
  return cookies;
}

export const sessionCookieName = (options: Pick<SessionOptions, "secureCookie">): string =>
  options.secureCookie ? SECURE_SESSION_COOKIE : SESSION_COOKIE;

function cookie(value: string, maxAgeSeconds: number, options: SessionOptions): string {
  return [
    `${sessionCookieName(options)}=${value}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Strict",
    `Max-Age=${maxAgeSeconds}`,
    ...(options.secureCookie ? ["Secure"] : []),
  ].join("; ");
}

/**
 * Sets a cookie on this reply beside any other cookies already set on it (never replacing them);
 * only an earlier value of the same cookie in this reply is replaced, so one answer never sends
 * two contradicting session cookies.
 */
export function setCookie(reply: FastifyReply, value: string): void {
  const name = value.slice(0, value.indexOf("=") + 1);
  const existing = reply.getHeader("set-cookie");
  const before = existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)];
  reply.removeHeader("set-cookie");
  reply.header("set-cookie", [...before.filter((c) => !c.startsWith(name)), value]);
}

export class Sessions {
  constructor(
    private readonly store: Store,
    private readonly options: SessionOptions,
    private readonly now: Clock,
  ) {}

  async start(reply: FastifyReply, user: SessionUser): Promise<AuthContext> {
    const token = randomBytes(32).toString("base64url");
    const csrfToken = randomBytes(24).toString("base64url");
    const idHash = hash(token);
    await this.store.createSession(idHash, user.id, csrfToken, this.now().getTime());
    setCookie(reply, cookie(token, this.cookieSeconds(this.options.maxAgeMs), this.options));
    return { user, csrfToken, idHash };
  }

  /** The signed-in user of this request, refreshing the idle timer; undefined when signed out or expired. */
  async current(request: FastifyRequest, reply: FastifyReply): Promise<AuthContext | undefined> {
    const token = parseCookies(request.headers.cookie).get(sessionCookieName(this.options));
    if (token === undefined || token === "") return undefined;
    const idHash = hash(token);
    const session = await this.store.findSession(idHash);
    const now = this.now().getTime();
    if (session === undefined) return undefined;
    if (now - session.lastSeenAt > this.options.idleMs || now - session.createdAt > this.options.maxAgeMs) {
      await this.store.deleteSession(idHash);
      return undefined;
    }
    const user = await this.store.findUserById(session.userId);
    if (user === undefined) return undefined;
    request.userId = user.id;
    // Refresh at most once a minute (a write per request costs more than it is worth), and well
    // inside the idle limit so an active session never lapses.
    if (now - session.lastSeenAt > Math.min(60_000, this.options.idleMs / 4)) {
      await this.store.touchSession(idHash, now);
      setCookie(
        reply,
        cookie(token, this.cookieSeconds(this.options.maxAgeMs - (now - session.createdAt)), this.options),
      );
    }
    return { user, csrfToken: session.csrfToken, idHash };
  }

  async end(reply: FastifyReply, auth: AuthContext | undefined): Promise<void> {
    if (auth !== undefined) await this.store.deleteSession(auth.idHash);
    setCookie(reply, cookie("", 0, this.options));
  }

  /** The cookie's Max-Age: the idle limit, but never past the session's absolute end. */
  private cookieSeconds(remainingMs: number): number {
    return Math.max(0, Math.floor(Math.min(this.options.idleMs, remainingMs) / 1000));
  }
}

export function csrfValid(request: FastifyRequest, auth: AuthContext): boolean {
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== "string") return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(auth.csrfToken);
  return a.length === b.length && timingSafeEqual(a, b);
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Signed in, with one of `roles`, and (for changes) the CSRF token; throws 401/403 otherwise. */
export async function requireUser(
  sessions: Sessions,
  request: FastifyRequest,
  reply: FastifyReply,
  roles: readonly Role[],
): Promise<AuthContext> {
  const auth = await sessions.current(request, reply);
  if (auth === undefined) throw new HttpError(401, "Sign in to continue");
  if (!SAFE_METHODS.has(request.method) && !csrfValid(request, auth))
    throw new HttpError(403, "The form is out of date: reload the page and try again");
  if (!roles.includes(auth.user.role)) throw new HttpError(403, "Your role does not allow this");
  return auth;
}
