/**
 * The current request's submission, kept beside the draft in this browser: the idempotency key is
 * made once and survives a reload, so a retry after a dropped connection (or a second click after
 * a reload) never files the request twice; once acknowledged, its reference (and, for a new
 * request, whether it was expedited and when a decision is due) is remembered. A request filed
 * from this browser is not saved to the server as a draft again.
 */
const KEY = "hemgenix-pa:submission:v1";

export interface Filed {
  reference: string;
  /** Absent for an amendment (its kind and due date are the request's, unchanged). */
  expedited?: boolean;
  dueAt?: string;
  /** The request document as filed (JSON), so a later change in this browser is not shown as filed. */
  document?: string;
}

export interface Submission extends Partial<Filed> {
  idempotencyKey: string;
}

function read(): Partial<Submission> | null {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? "null") as Partial<Submission> | null;
  } catch {
    return null;
  }
}

export function currentSubmission(): Submission {
  const stored = read();
  if (typeof stored?.idempotencyKey === "string") {
    return {
      idempotencyKey: stored.idempotencyKey,
      ...(typeof stored.reference === "string" && { reference: stored.reference }),
      ...(typeof stored.expedited === "boolean" && { expedited: stored.expedited }),
      ...(typeof stored.dueAt === "string" && { dueAt: stored.dueAt }),
      ...(typeof stored.document === "string" && { document: stored.document }),
    };
  }
  const fresh = { idempotencyKey: crypto.randomUUID().replace(/-/g, "") };
  try {
    localStorage.setItem(KEY, JSON.stringify(fresh));
  } catch {
    // storage refused: the key lives as long as the page
  }
  return fresh;
}

/** Whether the request in this browser has been filed (then it is no longer a draft). */
export const isFiled = (): boolean => typeof read()?.reference === "string";

export function recordSubmitted(filed: Filed): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...currentSubmission(), ...filed }));
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
