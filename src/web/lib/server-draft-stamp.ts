/**
 * The stamps of server drafts this browser knows: the ones it saved lately, and the ones it chose
 * about (resumed or set aside). A server draft with one of these stamps is never offered as
 * "different": it is this browser's own, perhaps a moment behind what is being typed (a save of a
 * few seconds ago may still be what the server answers while the newest is on its way).
 */
const KEY = "hemgenix-pa:server-draft-stamps:v1";
const KEEP = 10;

function read(): string[] {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? "[]") as unknown;
    return Array.isArray(stored) ? stored.filter((s): s is string => typeof s === "string") : [];
  } catch {
    return [];
  }
}

export const isKnownServerDraftStamp = (stamp: string): boolean => read().includes(stamp);

export function rememberServerDraftStamp(stamp: string): void {
  try {
    localStorage.setItem(KEY, JSON.stringify([stamp, ...read().filter((s) => s !== stamp)].slice(0, KEEP)));
  } catch {
    // storage refused: a later page load may offer this browser's own draft back; nothing is lost
  }
}

/** A fresh stamp for a save. */
export const newServerDraftStamp = (): string => crypto.randomUUID().replace(/-/g, "");
