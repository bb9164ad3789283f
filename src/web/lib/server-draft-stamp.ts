/**
 * The stamps of server drafts this browser knows: the ones it saved lately, and the ones it chose
 * about (resumed or set aside). A server draft with one of these stamps is never offered as
 * "different": it is this browser's own, perhaps a moment behind what is being typed (a save of a
 * few seconds ago may still be what the server answers while the newest is on its way).
 */
import { storage } from "./storage";

const KEY = "hemgenix-pa:server-draft-stamps:v1";
const KEEP = 10;

function read(): string[] {
  const stored = storage.local.getJson(KEY);
  return Array.isArray(stored) ? stored.filter((s): s is string => typeof s === "string") : [];
}

export const isKnownServerDraftStamp = (stamp: string): boolean => read().includes(stamp);

/** Storage refused: a later page load may offer this browser's own draft back; nothing is lost. */
export const rememberServerDraftStamp = (stamp: string): void =>
  storage.local.setJson(KEY, [stamp, ...read().filter((s) => s !== stamp)].slice(0, KEEP));

/** A fresh stamp for a save. */
export const newServerDraftStamp = (): string => crypto.randomUUID().replace(/-/g, "");
