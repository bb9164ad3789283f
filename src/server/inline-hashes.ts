/**
 * The prerendered pages carry the small script that runs before their first paint inline
 * (scripts/prerender.ts), so the first paint waits for no other request. The CSP allows exactly
 * the build's inline blocks by their SHA-256 hashes, which the build writes beside the pages
 * (scripts now; styles too, should the build ever inline one); every other inline script and
 * inline style is still refused. A build without the file (or no build) allows nothing inline.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const INLINE_HASHES_FILE = "inline-hashes.json";

export interface InlineHashes {
  /** CSP hash sources without their quotes: `sha256-…`. */
  styles: string[];
  scripts: string[];
}

/** `sha256-` and 32 bytes in base64. */
const HASH = /^sha256-[A-Za-z0-9+/]{43}=$/;

const hashList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((hash) => typeof hash === "string" && HASH.test(hash));

/** The hashes of the build's inline styles and scripts; fails with the file's name when it is not what the build writes. */
export function readInlineHashes(staticRoot: string): InlineHashes {
  const file = join(staticRoot, INLINE_HASHES_FILE);
  if (!existsSync(file)) return { styles: [], scripts: [] };
  const problem = `${file} must be {"styles": [...], "scripts": [...]}, lists of "sha256-<base64 of 32 bytes>", as scripts/prerender.ts writes it`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    throw new Error(`${problem}; it is not JSON`);
  }
  const { styles, scripts } = (parsed ?? {}) as { styles?: unknown; scripts?: unknown };
  if (!hashList(styles) || !hashList(scripts)) throw new Error(problem);
  return { styles, scripts };
}
