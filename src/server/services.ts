/** What every route needs, built once at start-up and passed in (no globals, easy to test). */
import type { Config } from "./config";
import { SignInLimiter, type SignInLimits } from "./auth/rate-limit";
import { Sessions } from "./auth/sessions";
import type { Store } from "./db/store";

export interface Services {
  config: Config;
  store: Store;
  sessions: Sessions;
  signInLimits: SignInLimits;
  now: () => Date;
}

export function createServices(
  config: Config,
  store: Store,
  now: () => Date = () => new Date(),
  /** Shared sign-in counts (PostgreSQL); this process's own by default. */
  signInLimits: SignInLimits = new SignInLimiter(),
): Services {
  return {
    config,
    store,
    sessions: new Sessions(store, {
      idleMs: config.SESSION_IDLE_MINUTES * 60_000,
      maxAgeMs: config.SESSION_MAX_HOURS * 60 * 60_000,
      secureCookie: config.MODE === "production",
    }),
    signInLimits,
    now,
  };
}
