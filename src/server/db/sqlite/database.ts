/**
 * The Store on the embedded SQLite database: one connection (`SqliteHandle`: prepared statements,
 * transactions) shared by one module per seam — accounts, sessions and drafts, the request
 * lifecycle, the queue. `sqliteStore` gives the async Store routes use.
 */
import { systemClock, type Clock } from "../../clock";
import type { Store, StoreMethods } from "../store";
import { promised } from "../store";
import { sqliteAccounts } from "./accounts";
import { SqliteHandle } from "./handle";
import { openDatabase } from "./open";
import { sqliteQueue } from "./queue";
import { sqliteRecordImportSettings } from "./record-import-settings";
import { sqliteRequests } from "./requests";
import { str } from "./rows";
import { sqliteSessionsAndDrafts } from "./sessions-and-drafts";

/** The SQLite store's methods, answering at once. */
export type SqliteDatabase = StoreMethods;

/**
 * Opens (creating when new, with every migration applied) the SQLite file as a store. `now` dates
 * the migrations it applies; every other method takes its time from the caller.
 */
export function openSqliteDatabase(file: string, now: Clock = systemClock): SqliteDatabase {
  const handle = new SqliteHandle(openDatabase(file, now));
  const queue = sqliteQueue(handle);
  return {
    ...sqliteAccounts(handle),
    ...sqliteSessionsAndDrafts(handle),
    ...sqliteRecordImportSettings(handle),
    ...sqliteRequests(handle, () => queue.requestsChanged()),
    listRequests: (query, scope, now) => queue.listRequests(query, scope, now),
    integrityCheck: () => str(handle.sql("PRAGMA integrity_check").get()?.integrity_check),
    close: () => handle.close(),
  };
}

/** The Store routes use, on the SQLite file (created, with every migration applied, when new). */
export function sqliteStore(file: string, now: Clock = systemClock): Store {
  return promised(openSqliteDatabase(file, now));
}
