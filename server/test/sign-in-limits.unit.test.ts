import { describe, expect, it } from 'vitest';
import { ACCOUNT_RULE, FailureLimiter, SignInLimits } from '../src/accounts/rate-limit.js';

describe('sign-in limits', () => {
  it('let the free failures through, then lock for delays that double up to the cap', () => {
    const limiter = new FailureLimiter({ freeFailures: 2, firstDelayMs: 1000, maxDelayMs: 5000 });
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      limiter.failed('a', 0);
      waits.push(limiter.waitMs('a', 0));
    }
    expect(waits).toEqual([0, 0, 1000, 2000, 4000, 5000]);
    expect(limiter.waitMs('a', 4999)).toBe(1);
    expect(limiter.waitMs('a', 5000)).toBe(0);
  });

  it('forget a key on success and after a day without failures', () => {
    const limiter = new FailureLimiter(ACCOUNT_RULE);
    for (let i = 0; i < 10; i++) limiter.failed('a', 0);
    limiter.succeeded('a');
    expect(limiter.waitMs('a', 0)).toBe(0);
    for (let i = 0; i < 10; i++) limiter.failed('b', 0);
    expect(limiter.waitMs('b', 25 * 3600_000)).toBe(0);
  });

  it('keep at most maxKeys keys, dropping the oldest (a flood of made-up e-mails cannot fill memory)', () => {
    const limiter = new FailureLimiter({ freeFailures: 0, firstDelayMs: 1000, maxDelayMs: 1000 }, 2);
    limiter.failed('a', 0);
    limiter.failed('b', 0);
    limiter.failed('c', 0);
    expect(limiter.waitMs('a', 0)).toBe(0);
    expect(limiter.waitMs('c', 0)).toBe(1000);
  });

  it('lock an account hammered from one address without locking that address out of other accounts', () => {
    const limits = new SignInLimits();
    let refusedAt = -1;
    for (let i = 0; i < 30; i++) {
      if (limits.retryAfterSeconds('victim@x.io', '10.0.0.1', 0) > 0) {
        refusedAt = refusedAt < 0 ? i : refusedAt;
        limits.refused('victim@x.io', 0);
      } else {
        limits.failed('victim@x.io', '10.0.0.1', 0);
      }
    }
    expect(refusedAt).toBe(ACCOUNT_RULE.freeFailures + 1);
    expect(limits.retryAfterSeconds('victim@x.io', '10.0.0.1', 0)).toBeGreaterThan(60);
    expect(limits.retryAfterSeconds('other@x.io', '10.0.0.1', 0)).toBe(0);
  });
});
