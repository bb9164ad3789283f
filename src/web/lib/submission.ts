/**
 * The current request's submission, kept beside the draft in this browser: the idempotency key is
 * made once and survives a reload, so a retry after a dropped connection (or a second click after
 * a reload) never files the request twice; once acknowledged, its reference is remembered.
 */
const KEY = "hemgenix-pa:submission:v1";

export interface Submission {
  idempotencyKey: string;
  reference?: string;
}

export function currentSubmission(): Submission {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? "null") as Partial<Submission> | null;
    if (typeof stored?.idempotencyKey === "string") {
      return {
        idempotencyKey: stored.idempotencyKey,
        ...(typeof stored.reference === "string" && { reference: stored.reference }),
      };
    }
  } catch {
    // fall through to a fresh key
  }
  const fresh = { idempotencyKey: crypto.randomUUID().replace(/-/g, "") };
  try {
    localStorage.setItem(KEY, JSON.stringify(fresh));
  } catch {
    // storage refused: the key lives as long as the page
  }
  return fresh;
}

export function recordSubmitted(reference: string): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...currentSubmission(), reference }));
  } catch {
    // nothing to keep
  }
}

/** A new request (or a different one) starts: it gets its own key. */
export function forgetSubmission(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing stored
  }
}
