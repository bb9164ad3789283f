/**
 * The database cannot be reached (a network database gone away, restarting, or out of
 * connections). Routes answer 503 with the usual "nothing was changed" message; the store
 * reconnects by itself when the database is back. Engine-neutral: the app knows this class, not
 * any driver's errors.
 */
export class StoreUnavailable extends Error {
  constructor(options?: { cause?: unknown }) {
    super("The database is not available", options);
    this.name = "StoreUnavailable";
  }
}
