/** What every route needs, built once at start-up and passed in (no globals, easy to test). */
import type { Config } from "./config";
import { SignInLimiter } from "./auth/rate-limit";
import { Sessions } from "./auth/sessions";
import type { Store } from "./db/store";
import { Documents } from "./documents/documents";

export interface Services {
  config: Config;
  store: Store;
  sessions: Sessions;
  signInLimits: SignInLimiter;
  now: () => Date;
  /** Supporting documents (#11): rows and bytes. */
  documents: Documents;
}

export function createServices(
  config: Config,
  store: Store,
  now: () => Date = () => new Date(),
  documents: Documents = Documents.besideDatabase(config.DATABASE_FILE),
): Services {
  return {
    config,
    store,
    sessions: new Sessions(store, {
      idleMs: config.SESSION_IDLE_MINUTES * 60_000,
      maxAgeMs: config.SESSION_MAX_HOURS * 60 * 60_000,
      secureCookie: config.MODE === "production",
    }),
    signInLimits: new SignInLimiter(),
    now,
    documents,
  };
}
