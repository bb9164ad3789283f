/**
 * The stamp of the server draft this browser knows: the one it last saved, or the one it last
 * chose about (resumed or set aside). A server draft with this stamp is never offered as
 * "different": it is this browser's own (perhaps a moment behind what is being typed).
 */
const KEY = "hemgenix-pa:server-draft-stamp:v1";

export function knownServerDraftStamp(): string | undefined {
  try {
    return localStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function rememberServerDraftStamp(stamp: string): void {
  try {
    localStorage.setItem(KEY, stamp);
  } catch {
    // storage refused: a later page load may offer this browser's own draft back; nothing is lost
  }
}

/** A fresh stamp for a save. */
export const newServerDraftStamp = (): string => crypto.randomUUID().replace(/-/g, "");
