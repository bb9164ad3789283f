/**
 * The engine the configuration asks for: PostgreSQL when DATABASE_URL is set (several instances
 * can share it, and the sign-in counts live there too), else the SQLite file. A database that
 * cannot be reached or refuses the password stops the start with a message naming DATABASE_URL
 * (never its password).
 */
import type { SignInLimits } from "../auth/rate-limit";
import type { Clock } from "../clock";
import type { Config } from "../config";
import { sqliteStore } from "./sqlite/database";
import type { Store } from "./store";

export interface OpenedStore {
  store: Store;
  /** Shared sign-in counts, when the engine keeps them; undefined: this process's own. */
  signInLimits: SignInLimits | undefined;
  /** Which database, without secrets, for the start-up line. */
  where: string;
}

export async function openStore(
  config: Pick<Config, "DATABASE_URL" | "DATABASE_FILE" | "DATABASE_POOL_SIZE">,
  now: Clock,
  onIdleError?: (error: Error) => void,
): Promise<OpenedStore> {
  if (config.DATABASE_URL === undefined) {
    return { store: sqliteStore(config.DATABASE_FILE, now), signInLimits: undefined, where: config.DATABASE_FILE };
  }
  // Loaded only when asked for: SQLite's start (and the user:add command) do not pay for the driver.
  const { openPostgres } = await import("./postgres/pool");
  const db = await openPostgres({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, now, onIdleError });
  return { store: db.store, signInLimits: db.signInLimits, where: db.where };
}
