/**
 * While staff amend a request sent back for more information, the wizard's next submit is a new
 * version of that request, not a new request. The marker lives beside the draft in this browser.
 */
import { storage } from "./storage";

const KEY = "hemgenix-pa:amending:v1";

export interface Amending {
  reference: string;
  rowVersion: number;
}

export function readAmending(): Amending | undefined {
  const value = storage.local.getJson(KEY) as Partial<Amending> | null | undefined;
  return typeof value?.reference === "string" && typeof value.rowVersion === "number"
    ? { reference: value.reference, rowVersion: value.rowVersion }
    : undefined;
}

/** Storage refused: the submit panel will offer a new request instead. */
export const startAmending = (amending: Amending): void => storage.local.setJson(KEY, amending);

export const stopAmending = (): void => storage.local.remove(KEY);
