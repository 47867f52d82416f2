/**
 * Sign-in throttling, pure (the clock is passed in). Each key (an account, a client address) gets a number
 * of free failures; every failure after that locks the key for a delay that doubles, up to a cap. A locked
 * key is refused before any password is checked, so the right password waits too. An attempt refused while
 * its account is locked counts as a failure of the account (so hammering a locked account only lengthens
 * its delay, up to the cap), but not of the address: a client that keeps retrying one account does not lock
 * itself out of others. A success clears the key it proved (the account), not the address: one good
 * account must not reset an address's count.
 */
export interface LimitRule {
  freeFailures: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

/** One account: a few typos are free, then 1 s, 2 s, 4 s … up to 15 minutes. */
export const ACCOUNT_RULE: LimitRule = { freeFailures: 5, firstDelayMs: 1000, maxDelayMs: 15 * 60_000 };
/** One address: room for a household or office behind one NAT, then the same doubling. */
export const ADDRESS_RULE: LimitRule = { freeFailures: 50, firstDelayMs: 1000, maxDelayMs: 15 * 60_000 };

interface Entry {
  failures: number;
  lockedUntil: number;
  lastFailure: number;
}

/** Entries idle this long are forgotten (their delay is long over). */
const IDLE_MS = 24 * 3600_000;

export class FailureLimiter {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly rule: LimitRule,
    /** Most keys remembered; the oldest are dropped first, so a flood of made-up e-mails cannot fill memory. */
    private readonly maxKeys = 100_000,
  ) {}

  /** Milliseconds until `key` may try again (0: now). */
  waitMs(key: string, now: number): number {
    const entry = this.entries.get(key);
    if (!entry) return 0;
    if (now - entry.lastFailure > IDLE_MS) {
      this.entries.delete(key);
      return 0;
    }
    return Math.max(0, entry.lockedUntil - now);
  }

  failed(key: string, now: number): void {
    const entry = this.entries.get(key) ?? { failures: 0, lockedUntil: 0, lastFailure: now };
    entry.failures += 1;
    entry.lastFailure = now;
    const over = entry.failures - this.rule.freeFailures;
    if (over > 0) {
      const delay = Math.min(this.rule.firstDelayMs * 2 ** Math.min(over - 1, 30), this.rule.maxDelayMs);
      entry.lockedUntil = now + delay;
    }
    this.entries.delete(key); // re-inserted last: the Map's order is the eviction order
    this.entries.set(key, entry);
    if (this.entries.size > this.maxKeys) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  succeeded(key: string): void {
    this.entries.delete(key);
  }
}

/** The two limits a sign-in passes: its account and its client address. */
export class SignInLimits {
  readonly accounts = new FailureLimiter(ACCOUNT_RULE);
  readonly addresses = new FailureLimiter(ADDRESS_RULE);

  /** Seconds to wait before this attempt may be checked (0: go ahead). */
  retryAfterSeconds(email: string, ip: string, now: number): number {
    const wait = Math.max(this.accounts.waitMs(email, now), this.addresses.waitMs(ip, now));
    return Math.ceil(wait / 1000);
  }

  failed(email: string, ip: string, now: number): void {
    this.accounts.failed(email, now);
    this.addresses.failed(ip, now);
  }

  /** An attempt refused while locked: the account's delay grows, the address's does not. */
  refused(email: string, now: number): void {
    this.accounts.failed(email, now);
  }

  succeeded(email: string): void {
    this.accounts.succeeded(email);
  }
}
