/**
 * Sign-in attempts per key (IP, email) in a fixed window; in memory, per process. Attempts are
 * counted when they start and forgiven when they succeed, so only failures add up.
 */
export class RateLimiter {
  private readonly failures = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Seconds to wait before another attempt for `key`, or 0 when it may try now. */
  retryAfter(key: string, now = Date.now()): number {
    const entry = this.failures.get(key);
    if (entry === undefined || entry.resetAt <= now || entry.count < this.limit) return 0;
    return Math.ceil((entry.resetAt - now) / 1000);
  }

  fail(key: string, now = Date.now()): void {
    const entry = this.failures.get(key);
    if (entry === undefined || entry.resetAt <= now) {
      this.failures.set(key, { count: 1, resetAt: now + this.windowMs });
      if (this.failures.size > 10_000) this.prune(now);
      return;
    }
    entry.count += 1;
  }

  /** Takes back one counted attempt (it succeeded). */
  forgive(key: string): void {
    const entry = this.failures.get(key);
    if (entry !== undefined) entry.count = Math.max(0, entry.count - 1);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private prune(now: number): void {
    for (const [key, entry] of this.failures) if (entry.resetAt <= now) this.failures.delete(key);
  }
}
