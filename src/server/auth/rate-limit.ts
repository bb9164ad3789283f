/**
 * How many wrong passwords may be tried, and from where, so that guessing stays hopeless without
 * letting a stranger lock a colleague out (the rule, with its numbers, is in the README).
 *
 * Failures are counted in a 15-minute window per address, per email and address together, and per
 * email. An attempt is counted when it starts (so parallel guesses cannot all slip through before
 * the slow password check) and forgiven when it succeeds.
 *
 * - One address: 50 failures for any emails, then it waits out the window.
 * - One address against one email: 10 failures, then it waits out the window for that email.
 * - One email from everywhere (guessing spread over addresses): past 10 failures each further
 *   attempt waits a delay that doubles with every failure (1 s, 2 s, 4 s … up to 15 minutes)
 *   after the last one. Addresses that have not failed this email are let through, so the owner
 *   signing in from their own desk is never held back by someone else's guesses; only when the
 *   failures reach 100 (an attack from many addresses) does the delay apply to everyone.
 *
 * `SignInLimiter` keeps the counts in memory, per process; with several instances the counts live
 * in the database (`SignInLimits`, implemented in db/postgres/sign-in-limits.ts with `waitMs`).
 */
import { systemClock, type Clock } from "../clock";

export const SIGN_IN_RULES = {
  windowMs: 15 * 60_000,
  perAddress: 50,
  perEmailAndAddress: 10,
  /** Failures of one email before the growing delay starts. */
  emailDelayAfter: 10,
  /** Failures of one email after which the delay applies to every address. */
  emailEveryone: 100,
  maxDelayMs: 15 * 60_000,
} as const;

export interface Window {
  count: number;
  resetAt: number;
  lastAt: number;
}

/** Failures per key in a fixed window. */
class Counter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly windowMs: number) {}

  get(key: string, now: number): Window | undefined {
    const window = this.windows.get(key);
    return window === undefined || window.resetAt <= now ? undefined : window;
  }

  add(key: string, now: number): void {
    const window = this.get(key, now);
    if (window === undefined) {
      this.windows.set(key, { count: 1, resetAt: now + this.windowMs, lastAt: now });
      if (this.windows.size > 10_000) this.prune(now);
      return;
    }
    window.count += 1;
    window.lastAt = now;
  }

  /** Takes back one counted attempt (it succeeded). */
  forgive(key: string): void {
    const window = this.windows.get(key);
    if (window !== undefined) window.count = Math.max(0, window.count - 1);
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}

export class SignInLimiter {
  private readonly byAddress: Counter;
  private readonly byPair: Counter;
  private readonly byEmail: Counter;

  constructor(
    private readonly rules: typeof SIGN_IN_RULES = SIGN_IN_RULES,
    private readonly clock: Clock = systemClock,
  ) {
    this.byAddress = new Counter(rules.windowMs);
    this.byPair = new Counter(rules.windowMs);
    this.byEmail = new Counter(rules.windowMs);
  }

  /** Seconds `address` must wait before trying a password for `email`; 0 when it may try now. */
  retryAfter(email: string, address: string, now = this.clock().getTime()): number {
    const windows = {
      address: this.byAddress.get(address, now),
      pair: this.byPair.get(pairKey(email, address), now),
      email: this.byEmail.get(email, now),
    };
    return Math.ceil(waitMs(this.rules, windows, now) / 1000);
  }

  /** The wait in seconds (0: go ahead), and when 0 the attempt is counted at once (see `SignInLimits`). */
  begin(email: string, address: string, now = this.clock().getTime()): Promise<number> {
    const wait = this.retryAfter(email, address, now);
    if (wait === 0) this.attempt(email, address, now);
    return Promise.resolve(wait);
  }

  /** An attempt starts: counted as a failure until `succeeded` says otherwise. */
  attempt(email: string, address: string, now = this.clock().getTime()): void {
    this.byAddress.add(address, now);
    this.byPair.add(pairKey(email, address), now);
    this.byEmail.add(email, now);
  }

  /** The password was right: this address is trusted for this email again; other failures stand. */
  succeeded(email: string, address: string): Promise<void> {
    this.byAddress.forgive(address);
    this.byPair.reset(pairKey(email, address));
    this.byEmail.forgive(email);
    return Promise.resolve();
  }
}

/** What routes use: this process's counts (`SignInLimiter`) or the database's, shared by every instance. */
export interface SignInLimits {
  /** Seconds to wait before trying (0: go ahead, and the attempt is counted, as one step). */
  begin(email: string, address: string): Promise<number>;
  /** The password was right: forgiven, as `SignInLimiter.succeeded` says. */
  succeeded(email: string, address: string): Promise<void>;
}

/** The wait in milliseconds the rules give for these live windows (0 or less: none). */
export function waitMs(
  rules: typeof SIGN_IN_RULES,
  windows: { address: Window | undefined; pair: Window | undefined; email: Window | undefined },
  now: number,
): number {
  const waits: number[] = [0];
  const { address: fromAddress, pair, email: forEmail } = windows;
  if (fromAddress !== undefined && fromAddress.count >= rules.perAddress) waits.push(fromAddress.resetAt - now);
  if (pair !== undefined && pair.count >= rules.perEmailAndAddress) waits.push(pair.resetAt - now);
  if (
    forEmail !== undefined &&
    forEmail.count >= rules.emailDelayAfter &&
    ((pair?.count ?? 0) > 0 || forEmail.count >= rules.emailEveryone)
  ) {
    const delay = Math.min(rules.maxDelayMs, 1000 * 2 ** (forEmail.count - rules.emailDelayAfter));
    waits.push(Math.min(forEmail.lastAt + delay, forEmail.resetAt) - now);
  }
  return Math.max(...waits);
}

/** "3 minutes", "1 minute", "20 seconds". */
export function waitInWords(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? "1 second" : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

export const pairKey = (email: string, address: string): string => `${email}\n${address}`;
