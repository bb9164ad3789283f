/**
 * The queue's cursors, made and read only here: to a client a cursor is an opaque string it
 * passes back unchanged. Inside, base64url of a small JSON array: the seek position (timestamps,
 * an internal id and a page number, never patient data) and a tag of the filters it was made
 * under, so a cursor sent with another sort or other filters is refused instead of starting at an
 * arbitrary row.
 */
import { z } from "zod/mini";
import type { FieldError } from "@/criteria";
import { MAX_CURSOR_LENGTH, QUEUE_SORTS, type QueueQuery } from "@/contract";
import type { QueueCursor } from "../db/store";

const CURSOR_VERSION = 2;
const cursorTuple = z.tuple([
  z.literal(CURSOR_VERSION),
  z.enum(QUEUE_SORTS),
  z.enum(["next", "previous"]),
  z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)),
  z.int().check(z.gte(1), z.lte(Number.MAX_SAFE_INTEGER)),
  // Walking by cursor has no page limit (only jumping by offset has one); the number is for display.
  z.int().check(z.gte(1), z.lte(Number.MAX_SAFE_INTEGER)),
  z.string().check(z.regex(/^[a-z_-]+\/[a-z_-]+\/[a-z-]+$/)),
]);

/**
 * The filters a cursor was made under, as a short tag: the status, the outcome, and whether there
 * was a search (not what was searched for: a member ID must not travel in an address).
 */
export function queueFilterTag(query: { status?: string; outcome?: string; q?: string }): string {
  const searched = query.q !== undefined && query.q.trim() !== "";
  return `${query.status ?? "-"}/${query.outcome ?? "-"}/${searched ? "searched" : "-"}`;
}

/** The wire form of a cursor made under the filters tagged `filter`. */
export function encodeCursor(cursor: QueueCursor, filter: string): string {
  const tuple = [CURSOR_VERSION, cursor.sort, cursor.direction, cursor.key, cursor.id, cursor.page, filter];
  return Buffer.from(JSON.stringify(tuple)).toString("base64url");
}

/** The cursor in a `cursor` parameter, or undefined when it is not one this server makes. */
export function decodeCursor(code: string): (QueueCursor & { filter: string }) | undefined {
  if (code.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]*$/.test(code)) return undefined;
  const bytes = Buffer.from(code, "base64url");
  // Only the canonical spelling of what this server wrote: an edited cursor is not "nearly" valid.
  if (bytes.toString("base64url") !== code) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch {
    return undefined;
  }
  const parsed = cursorTuple.safeParse(json);
  if (!parsed.success) return undefined;
  const [, sort, direction, key, id, page, filter] = parsed.data;
  if (Number.isNaN(Date.parse(key))) return undefined;
  return { sort, direction, key, id, page, filter };
}

const NOT_OURS =
  "cursor must be the next or previous cursor of a page of results, passed back unchanged (leave it out for the first page); this one is not";
const OTHER_SORT =
  "cursor belongs to another sort order: keep the sort the cursor was made with, or leave the cursor out";
const OTHER_FILTERS =
  "cursor belongs to other filters: keep the status, outcome and search the cursor was made with, or leave the cursor out";

/**
 * The seek position of a query's cursor (undefined when there is none), or the problem with it:
 * not one of ours, or made under another sort or other filters.
 */
export function readCursor(query: QueueQuery): { seek?: QueueCursor; error?: FieldError } {
  if (query.cursor === undefined) return {};
  const decoded = decodeCursor(query.cursor);
  if (decoded === undefined) return { error: { path: "cursor", message: NOT_OURS } };
  if (decoded.sort !== (query.sort ?? "received")) return { error: { path: "cursor", message: OTHER_SORT } };
  if (decoded.filter !== queueFilterTag(query)) return { error: { path: "cursor", message: OTHER_FILTERS } };
  const { filter: _filter, ...seek } = decoded;
  return { seek };
}
