/** The queue: pages of requests by keyset cursor or page number, and the per-filter count cache behind "Page X of Y". */
import type { SQLInputValue } from "node:sqlite";
import type { ListPage, ListQuery, QueueCursor, Scope, StoreMethods } from "../store";
import type { SqliteHandle } from "./handle";
import { REQUEST_COLUMNS, num, str, toSummary, type Row } from "./rows";

export interface SqliteQueue extends Pick<StoreMethods, "listRequests"> {
  /** Requests changed through this connection: every kept count is out of date. */
  requestsChanged(): void;
}

export function sqliteQueue(h: SqliteHandle): SqliteQueue {
  /** Bumped by every change to requests this store makes; with data_version, it dates `counts`. */
  let requestWrites = 0;
  let countsStamp = "";
  const counts = new Map<string, number>();

  /**
   * COUNT(*) of the requests matching a filter. Counting tens of thousands of index entries costs
   * milliseconds, so each filter's count is kept until requests change: a write by this store bumps
   * `requestWrites`, a commit by another connection changes `PRAGMA data_version`. A search (by
   * reference or member ID: a handful of rows, counted through an index) is never kept, so no
   * patient data sits in the cache.
   */
  function countMatching(where: readonly string[], params: readonly SQLInputValue[], searched: boolean): number {
    const filter = where.length === 0 ? "" : `WHERE ${where.join(" AND ")}`;
    const count = () => num(h.sql(`SELECT COUNT(*) AS n FROM requests r ${filter}`).get(...params)?.n);
    if (searched) return count();
    const stamp = `${requestWrites}:${num(h.sql("PRAGMA data_version").get()?.data_version)}`;
    if (stamp !== countsStamp) {
      counts.clear();
      countsStamp = stamp;
    }
    const cacheKey = JSON.stringify([filter, ...params.map(String)]);
    let total = counts.get(cacheKey);
    if (total === undefined) {
      total = count();
      if (counts.size >= 1000) counts.clear();
      counts.set(cacheKey, total);
    }
    return total;
  }

  /**
   * A page of the queue. With a cursor it seeks (keyset: `(key, id)` past the cursor's row, through
   * an index, so page 4,000 costs what page 1 does); with a page number it skips by OFFSET. The
   * total is counted per filter and kept until the next change to requests (see `countMatching`).
   */
  function listRequests(query: ListQuery, scope: Scope, now: Date): ListPage {
    const where: string[] = [];
    const params: SQLInputValue[] = [];
    if (scope.practiceId !== null) {
      where.push("r.practice_id = ?");
      params.push(scope.practiceId);
    }
    if (query.status !== undefined) {
      where.push("r.status = ?");
      params.push(query.status);
    }
    if (query.outcome !== undefined) {
      where.push("r.outcome = ?");
      params.push(query.outcome);
    }
    const q = query.q?.trim();
    if (q !== undefined && q !== "") {
      where.push("(r.reference = ? OR r.member_id = ?)");
      params.push(q.toUpperCase(), q);
    }
    const total = countMatching(where, params, q !== undefined && q !== "");
    const key = query.sort === "due" ? "due_at" : "received_at";
    // Forward is the order shown; a "previous" cursor reads backwards from its row, then reverses.
    const ascending = query.sort === "due";
    const { cursor, pageSize } = query;
    const backwards = cursor?.direction === "previous";
    const readAscending = ascending !== backwards;
    const dir = readAscending ? "ASC" : "DESC";
    const order = `r.${key} ${dir}, r.id ${dir}`;

    let rows: Row[];
    let page: number;
    if (cursor === undefined) {
      page = query.page ?? 1;
      const filter = where.length === 0 ? "" : `WHERE ${where.join(" AND ")}`;
      // Deferred join: step over the offset in the (covering) index for ids only, then read those rows.
      rows = h
        .sql(
          `SELECT ${REQUEST_COLUMNS} FROM requests r JOIN practices p ON p.id = r.practice_id
           WHERE r.id IN (SELECT r.id FROM requests r ${filter} ORDER BY ${order} LIMIT ? OFFSET ?)
           ORDER BY ${order}`,
        )
        .all(...params, pageSize + 1, (page - 1) * pageSize);
    } else {
      page = cursor.page;
      const seek = [...where, `(r.${key}, r.id) ${readAscending ? ">" : "<"} (?, ?)`].join(" AND ");
      rows = h
        .sql(
          `SELECT ${REQUEST_COLUMNS} FROM requests r JOIN practices p ON p.id = r.practice_id
           WHERE ${seek} ORDER BY ${order} LIMIT ?`,
        )
        .all(...params, cursor.key, cursor.id, pageSize + 1);
    }
    const more = rows.length > pageSize;
    if (more) rows = rows.slice(0, pageSize);
    if (backwards) rows.reverse();
    // Backwards with nothing before these rows: this is the first page, but if rows left the filter
    // since the cursor was made it may be short, so read the first page itself, full. Forwards past
    // the end (rows left the filter): start again from the first page rather than show nothing.
    if (cursor !== undefined && ((backwards && !more) || rows.length === 0))
      return listRequests({ ...query, cursor: undefined, page: 1 }, scope, now);
    const hasPrevious = backwards ? more : page > 1 || cursor !== undefined;
    const hasNext = backwards ? true : more;
    const edge = (row: Row | undefined, direction: QueueCursor["direction"], to: number): QueueCursor | null =>
      row === undefined
        ? null
        : { sort: query.sort, direction, key: str(row[key]), id: num(row.id), page: Math.max(1, to) };
    if (backwards) page = Math.max(page, 2);
    return {
      items: rows.map((row) => toSummary(row, now)),
      total,
      page,
      next: hasNext ? edge(rows.at(-1), "next", page + 1) : null,
      previous: hasPrevious ? edge(rows[0], "previous", page - 1) : null,
    };
  }

  return {
    listRequests,
    requestsChanged() {
      requestWrites += 1;
    },
  };
}
