import { describe, expect, it } from 'vitest';
import { DeliveryBudget } from '../src/services/delivery-budget.js';

function budget() {
  let t = Date.UTC(2026, 11, 1, 23, 0, 0);
  const b = new DeliveryBudget({ rows: 3, windowMs: 10 * 60_000, writeEveryMs: 1000 }, () => t);
  return { b, advance: (ms: number) => (t += ms) };
}

describe('the budget of stored deliveries that deploy nothing', () => {
  it('stores the first rows of a window, the last one announcing that the rest are counted', () => {
    const { b } = budget();
    const reasons = [1, 2, 3].map(() => {
      const d = b.take('site:REJECTED', 'header missing');
      expect(d.store).toBe(true);
      return d.store ? d.reason : '';
    });
    expect(reasons.slice(0, 2)).toEqual(['header missing', 'header missing']);
    expect(reasons[2]).toBe(
      'header missing (3 deliveries stored in this window: later ones until 23:10 UTC are counted here)',
    );
  });

  it('counts a flood into the last row, rewriting it at most once per second', () => {
    const { b, advance } = budget();
    for (let i = 0; i < 3; i++) b.take('k', 'header missing');
    b.stored('k', 'row3', 'header missing');
    const writes: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const d = b.take('k', i % 2 ? 'header missing' : 'signature does not match the site secret');
      expect(d.store).toBe(false);
      if (d.flush) writes.push(`${d.flush.rowId}: ${d.flush.reason}`);
      advance(5); // 1,000 requests in 5 s
    }
    expect(writes.length).toBeGreaterThanOrEqual(5);
    expect(writes.length).toBeLessThanOrEqual(6);
    expect(writes[0]).toBe(
      'row3: header missing (then 1 more until 23:10 UTC, counted, not stored one by one; latest: signature does not match the site secret)',
    );
    advance(1000);
    const late = b.take('k', 'header missing');
    expect(late.flush?.reason).toMatch(/then 1001 more until 23:10 UTC/);
  });

  it('writes the ended window its exact count, then stores again', () => {
    const { b, advance } = budget();
    for (let i = 0; i < 3; i++) b.take('k', 'x');
    b.stored('k', 'row3', 'x');
    b.take('k', 'x'); // first counted one: written at once
    b.take('k', 'x'); // within the second: counted, not written
    advance(10 * 60_000);
    const next = b.take('k', 'y');
    expect(next.store).toBe(true);
    expect(next.flush).toEqual({
      rowId: 'row3',
      reason: 'x (then 2 more until 23:10 UTC, counted, not stored one by one; latest: x)',
    });
  });

  it('keeps sites and outcomes apart', () => {
    const { b } = budget();
    for (let i = 0; i < 3; i++) b.take('a:REJECTED', 'x');
    expect(b.take('a:REJECTED', 'x').store).toBe(false);
    expect(b.take('a:IGNORED', 'x').store).toBe(true);
    expect(b.take('b:REJECTED', 'x').store).toBe(true);
  });
});
