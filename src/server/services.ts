/** What every route needs, built once at start-up and passed in (no globals, easy to test). */
import type { Config } from "./config";
import { systemClock, type Clock } from "./clock";
import { SIGN_IN_RULES, SignInLimiter, type SignInLimits } from "./auth/rate-limit";
import { Sessions } from "./auth/sessions";
import type { Store } from "./db/store";
import { Documents } from "./documents/documents";

export interface Services {
  config: Config;
  store: Store;
  sessions: Sessions;
  signInLimits: SignInLimits;
  /** The one clock: sessions, sign-in limits and every route read the time from it. */
  now: Clock;
  /** Supporting documents (#11): rows and bytes. */
  documents: Documents;
}

export function createServices(
  config: Config,
  store: Store,
  now: Clock = systemClock,
  /** Shared sign-in counts (PostgreSQL); this process's own by default. */
  signInLimits: SignInLimits = new SignInLimiter(SIGN_IN_RULES, now),
  documents: Documents = Documents.besideDatabase(config.DATABASE_FILE),
): Services {
  return {
    config,
    store,
    sessions: new Sessions(
      store,
      {
        idleMs: config.SESSION_IDLE_MINUTES * 60_000,
        maxAgeMs: config.SESSION_MAX_HOURS * 60 * 60_000,
        secureCookie: config.MODE === "production",
      },
      now,
    ),
    signInLimits,
    now,
    documents,
  };
}
