/**
 * The engine the configuration asks for: PostgreSQL when DATABASE_URL is set (several instances
 * can share it, and the sign-in counts and supporting documents live there too), else the SQLite
 * file (documents beside it). A database that cannot be reached or refuses the password stops the
 * start with a message naming DATABASE_URL (never its password).
 */
import type { SignInLimits } from "../auth/rate-limit";
import type { Clock } from "../clock";
import type { Config } from "../config";
import { Documents } from "../documents/documents";
import { sqliteStore } from "./sqlite/database";
import type { Store } from "./store";

export interface OpenedStore {
  store: Store;
  /** Shared sign-in counts, when the engine keeps them; undefined: this process's own. */
  signInLimits: SignInLimits | undefined;
  /** Which database, without secrets, for the start-up line. */
  where: string;
  /**
   * The engine's home for supporting documents (rows and bytes), made when the server asks for it
   * (a command like user:add never opens it): on PostgreSQL both in the database, so every instance
   * serves every document; on SQLite beside the database file.
   */
  openDocuments: () => Documents;
}

export async function openStore(
  config: Pick<Config, "DATABASE_URL" | "DATABASE_FILE" | "DATABASE_POOL_SIZE">,
  now: Clock,
  onIdleError?: (error: Error) => void,
): Promise<OpenedStore> {
  if (config.DATABASE_URL === undefined) {
    const file = config.DATABASE_FILE;
    // The store first: it migrates the file the documents' rows then open.
    const store = sqliteStore(file, now);
    return { store, signInLimits: undefined, where: file, openDocuments: () => Documents.besideDatabase(file) };
  }
  // Loaded only when asked for: SQLite's start (and the user:add command) do not pay for the driver.
  const { openPostgres } = await import("./postgres/pool");
  const db = await openPostgres({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, now, onIdleError });
  return { store: db.store, signInLimits: db.signInLimits, where: db.where, openDocuments: db.openDocuments };
}
