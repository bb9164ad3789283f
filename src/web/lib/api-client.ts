/**
 * The one way the web app talks to the API: JSON in and out, the session cookie sent by the
 * browser, the CSRF token in a header on every change, and errors as `ApiError` with the
 * server's message (which names no patient data).
 */
import { CSRF_HEADER } from "@/contract";
import type { FieldError } from "@/criteria";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: FieldError[] = [],
    /** The whole answer, for the few that carry more than a message (a submit's open request). */
    readonly body?: unknown,
  ) {
    super(message);
  }
}

let csrfToken: string | undefined;
let sessionEnded: (() => void) | undefined;

/**
 * Called when the server answers 401 to a call that needed a session: the session is over (idle,
 * too old, or ended by an administrator). A wrong password at sign-in is not that.
 */
export function onSessionEnded(handler: () => void): void {
  sessionEnded = handler;
}

export function reportSessionEnded(): void {
  sessionEnded?.();
}

/** Set from the session answer; sent with every state-changing request. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** The CSRF header for a state-changing call made outside `api` (an upload with progress, by XMLHttpRequest). */
export const csrfHeaders = (): Record<string, string> => (csrfToken === undefined ? {} : { [CSRF_HEADER]: csrfToken });

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json" };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken !== undefined) headers[CSRF_HEADER] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiError(0, "Could not reach the server. Check the connection and try again.");
  }
  if (response.status === 204) return undefined as T;
  const payload = (await response.json().catch(() => ({}))) as { error?: string; errors?: FieldError[] };
  if (!response.ok) {
    if (response.status === 401 && !(path === "/api/session" && method === "POST")) reportSessionEnded();
    const errors = payload.errors ?? [];
    throw new ApiError(
      response.status,
      payload.error ?? errors[0]?.message ?? `The server answered ${response.status}`,
      errors,
      payload,
    );
  }
  return payload as T;
}
