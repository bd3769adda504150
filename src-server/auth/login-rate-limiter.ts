/**
 * Counts failed logins per key (an email, an address) in a sliding window, in memory: enough for
 * one server process; several processes would each keep their own counts (a later step can move
 * it to the database). Old entries are dropped as they expire, so memory stays bounded by the
 * number of distinct keys tried within one window.
 */
export interface RateLimitOptions {
  maxFailures: number;
  windowMs: number;
  now?: () => number;
}

export const DEFAULT_LOGIN_RATE_LIMIT: RateLimitOptions = { maxFailures: 10, windowMs: 15 * 60_000 };

export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly now: () => number;
  private lastSweep = 0;

  constructor(private readonly options: RateLimitOptions = DEFAULT_LOGIN_RATE_LIMIT) {
    this.now = options.now ?? Date.now;
  }

  /** True when any of the keys has used up its failures within the window. */
  isLimited(keys: readonly string[]): boolean {
    this.sweep();
    return keys.some((key) => this.recent(key).length >= this.options.maxFailures);
  }

  recordFailure(keys: readonly string[]): void {
    const at = this.now();
    for (const key of keys) this.failures.set(key, [...this.recent(key), at]);
  }

  /** A successful login clears its email's count; the address keeps its count (one address may try many emails). */
  clear(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.options.windowMs;
    return (this.failures.get(key) ?? []).filter((at) => at > since);
  }

  private sweep(): void {
    const now = this.now();
    if (now - this.lastSweep < this.options.windowMs) return;
    this.lastSweep = now;
    for (const key of [...this.failures.keys()]) {
      if (this.recent(key).length === 0) this.failures.delete(key);
    }
  }
}
