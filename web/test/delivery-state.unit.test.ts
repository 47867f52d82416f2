import { describe, expect, it } from 'vitest';
import { deliveryState } from '../src/lib/delivery-state';

const NEXT = '2026-01-01T00:00:10Z';

describe('delivery state', () => {
  it.each([
    ['a delivery not attempted yet', { ok: false, attempts: 0, error: null, nextAttemptAt: NEXT }, 'PENDING'],
    [
      'a test send under way (never retried)',
      { ok: false, attempts: 0, error: null, nextAttemptAt: null },
      'PENDING',
    ],
    [
      'a test send cut off by a restart',
      { ok: false, attempts: 0, error: 'interrupted', nextAttemptAt: null },
      'FAILED',
    ],
    [
      'an attempt answered 500, another due',
      { ok: false, attempts: 1, error: 'HTTP 500', nextAttemptAt: NEXT },
      'RETRYING',
    ],
    ['out of attempts', { ok: false, attempts: 6, error: 'HTTP 500', nextAttemptAt: null }, 'FAILED'],
    ['delivered on a retry', { ok: true, attempts: 2, error: null, nextAttemptAt: null }, 'DELIVERED'],
  ])('%s: %s', (_name, delivery, want) => {
    expect(deliveryState(delivery)).toBe(want);
  });
});
