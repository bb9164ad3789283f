/**
 * The current request's submission, kept beside the draft in this browser: the idempotency key is
 * made once and survives a reload, so a retry after a dropped connection (or a second click after
 * a reload) never files the request twice; once acknowledged, its reference (and, for a new
 * request, whether it was expedited and when a decision is due) is remembered. A request filed
 * from this browser is not saved to the server as a draft again.
 */
import { storage } from "./storage";

const KEY = "hemgenix-pa:submission:v1";

export interface Filed {
  reference: string;
  /** Absent for an amendment (its kind and due date are the request's, unchanged). */
  expedited?: boolean;
  dueAt?: string;
  /** The request document as filed (JSON), so a later change in this browser is not shown as filed. */
  document?: string;
}

interface Submission extends Partial<Filed> {
  idempotencyKey: string;
}

/** What is stored, its fields still to be checked one by one. */
const read = (): Partial<Submission> | null | undefined =>
  storage.local.getJson(KEY) as Partial<Submission> | null | undefined;

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
  storage.local.setJson(KEY, fresh); // refused: the key lives as long as the page
  return fresh;
}

/** Whether the request in this browser has been filed (then it is no longer a draft). */
export const isFiled = (): boolean => typeof read()?.reference === "string";

export const recordSubmitted = (filed: Filed): void => storage.local.setJson(KEY, { ...currentSubmission(), ...filed });

/** A new request (or a different one) starts: it gets its own key. */
export const forgetSubmission = (): void => storage.local.remove(KEY);
