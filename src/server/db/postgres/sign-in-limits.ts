/**
 * The sign-in limits with their counts in PostgreSQL, so every instance counts the same attempts:
 * twenty wrong passwords split across two instances stop the guesser as twenty on one would. The
 * rules and the wait come from auth/rate-limit.ts (`waitMs`); only where the windows live differs.
 *
 * `begin` reads the three windows (address; email and address; email) and, when the attempt may go
 * ahead, counts it, in one transaction holding advisory locks on the email and then the address:
 * two attempts at the same moment (on two instances) are counted one after the other, so parallel
 * guesses cannot slip past the limit. Windows are keyed by a SHA-256, so the table holds neither
 * emails nor addresses; expired windows are swept now and then.
 */
import { createHash } from "node:crypto";
import type pg from "pg";
import { SIGN_IN_RULES, pairKey, waitMs, type SignInLimits, type Window } from "../../auth/rate-limit";
import { systemClock, type Clock } from "../../clock";
import { transaction } from "./transaction";
import { translate } from "./errors";

const LOCK_NAMESPACE = -3;
const keyHash = (kind: string, value: string): string => createHash("sha256").update(`${kind}\n${value}`).digest("hex");

export class PostgresSignInLimits implements SignInLimits {
  private sweptAt = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly rules: typeof SIGN_IN_RULES = SIGN_IN_RULES,
    private readonly clock: Clock = systemClock,
  ) {}

  async begin(email: string, address: string): Promise<number> {
    const now = this.clock().getTime();
    const keys = {
      address: keyHash("address", address),
      pair: keyHash("pair", pairKey(email, address)),
      email: keyHash("email", email),
    };
    const wait = await this.tx(async (client) => {
      await client.query("SELECT pg_advisory_xact_lock($1::int, hashtext($2))", [LOCK_NAMESPACE, keys.email]);
      await client.query("SELECT pg_advisory_xact_lock($1::int, hashtext($2))", [LOCK_NAMESPACE, keys.address]);
      const rows = await client.query<{ key_hash: string; count: number; reset_at: string; last_at: string }>(
        "SELECT key_hash, count, reset_at, last_at FROM sign_in_windows WHERE key_hash = ANY($1::text[]) AND reset_at > $2",
        [[keys.address, keys.pair, keys.email], now],
      );
      const found = new Map<string, Window>(
        rows.rows.map((r) => [r.key_hash, { count: r.count, resetAt: Number(r.reset_at), lastAt: Number(r.last_at) }]),
      );
      const ms = waitMs(
        this.rules,
        { address: found.get(keys.address), pair: found.get(keys.pair), email: found.get(keys.email) },
        now,
      );
      const seconds = Math.ceil(ms / 1000);
      if (seconds > 0) return seconds;
      // Counted now: a window that has run out starts again at one.
      await client.query(
        `INSERT INTO sign_in_windows (key_hash, count, reset_at, last_at)
         SELECT key, 1, $2::bigint + $3::bigint, $2 FROM unnest($1::text[]) AS key
         ON CONFLICT (key_hash) DO UPDATE SET
           count = CASE WHEN sign_in_windows.reset_at <= $2 THEN 1 ELSE sign_in_windows.count + 1 END,
           reset_at = CASE WHEN sign_in_windows.reset_at <= $2 THEN excluded.reset_at ELSE sign_in_windows.reset_at END,
           last_at = $2`,
        [[keys.address, keys.pair, keys.email], now, this.rules.windowMs],
      );
      return 0;
    });
    if (now - this.sweptAt > 60_000) {
      this.sweptAt = now;
      await this.pool.query("DELETE FROM sign_in_windows WHERE reset_at <= $1", [now]).catch(() => undefined);
    }
    return wait;
  }

  /** As in memory: the address and the email are forgiven one attempt, the pair's window ends. */
  async succeeded(email: string, address: string): Promise<void> {
    const now = this.clock().getTime();
    try {
      await this.pool.query(
        `UPDATE sign_in_windows SET count = GREATEST(0, count - 1) WHERE key_hash = ANY($1::text[]) AND reset_at > $2`,
        [[keyHash("address", address), keyHash("email", email)], now],
      );
      await this.pool.query("DELETE FROM sign_in_windows WHERE key_hash = $1", [
        keyHash("pair", pairKey(email, address)),
      ]);
    } catch (error) {
      throw translate(error);
    }
  }

  private tx<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return transaction(this.pool, work);
  }
}
