/**
 * While staff amend a request sent back for more information, the wizard's next submit is a new
 * version of that request, not a new request. The marker lives beside the draft in this browser.
 */
const KEY = "hemgenix-pa:amending:v1";

export interface Amending {
  reference: string;
  rowVersion: number;
}

export function readAmending(): Amending | undefined {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? "null") as Partial<Amending> | null;
    return typeof value?.reference === "string" && typeof value.rowVersion === "number"
      ? { reference: value.reference, rowVersion: value.rowVersion }
      : undefined;
  } catch {
    return undefined;
  }
}

export function startAmending(amending: Amending): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(amending));
  } catch {
    // storage refused: the submit panel will offer a new request instead
  }
}

export function stopAmending(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing stored
  }
}
