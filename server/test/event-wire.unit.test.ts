import { describe, expect, it } from 'vitest';
import { EventAssembler, encodeBatch, type WireEvent } from '../src/events/wire.js';

// Events cross to other control planes as NOTIFY payloads (events/wire.ts): under 8,000 bytes each.
const NOTIFY_LIMIT = 8000;
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

function roundTrip(events: WireEvent[], sender = 'a'): WireEvent[] {
  const assembler = new EventAssembler();
  const payloads = encodeBatch(sender, 1, events);
  const results = payloads.map((p) => assembler.accept(p));
  expect(results.slice(0, -1)).toEqual(payloads.slice(1).map(() => null));
  return results.at(-1)!.events;
}

describe('events on the wire between replicas', () => {
  it('keep Dates as Dates, and strings that look like dates as strings', () => {
    const at = new Date('2026-12-02T08:00:00.123Z');
    const [event] = roundTrip([
      {
        type: 'deploy:updated:d1',
        detail: { id: 'd1', createdAt: at, name: '2026-12-02T08:00:00.123Z', error: null },
      },
    ]);
    expect(event!.detail).toEqual({ id: 'd1', createdAt: at, name: '2026-12-02T08:00:00.123Z', error: null });
    expect((event!.detail as { createdAt: unknown }).createdAt).toBeInstanceOf(Date);
  });

  it('cut a large batch into parts that each fit a NOTIFY, without splitting a character', () => {
    // Three-byte characters and four-byte ones (surrogate pairs) where a cut would fall.
    const text = `${'é€'.repeat(20_000)}${'😀'.repeat(5_000)}\u0000 NUL and "quotes" and \\ backslashes`;
    const events = [
      { type: 'deploy:log:d1', detail: { seq: 1, text } },
      { type: 'deploy:log:d1', detail: { end: true } },
    ];
    const payloads = encodeBatch('sender', 7, events);
    expect(payloads.length).toBeGreaterThan(10);
    for (const p of payloads) {
      expect(bytes(p)).toBeLessThan(NOTIFY_LIMIT);
      // PostgreSQL text cannot hold a NUL byte; JSON escapes it.
      expect(p.includes('\u0000')).toBe(false);
      // No lone half of a surrogate pair: UTF-8 would turn it into U+FFFD.
      expect(Buffer.from(p, 'utf8').toString('utf8')).toBe(p);
    }
    expect(roundTrip(events)).toEqual(events);
  });

  it('reassemble each sender on its own when two senders interleave', () => {
    const assembler = new EventAssembler();
    const big = (n: number) => [{ type: 't', detail: 'x'.repeat(5_000 + n) }];
    const a = encodeBatch('a', 1, big(1));
    const b = encodeBatch('b', 1, big(2));
    const out: (string | null)[] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      for (const p of [a[i], b[i]]) if (p) out.push(assembler.accept(p)?.sender ?? null);
    }
    expect(out.filter(Boolean).sort()).toEqual(['a', 'b']);
  });

  it('drop a batch whose part went missing rather than deliver it corrupt, and take the next one whole', () => {
    const assembler = new EventAssembler();
    const first = encodeBatch('a', 1, [{ type: 't', detail: 'y'.repeat(9_000) }]);
    const second = encodeBatch('a', 2, [{ type: 't', detail: 'second' }]);
    expect(first.length).toBeGreaterThan(2);
    expect(assembler.accept(first[0]!)).toBeNull();
    // first[1] was lost while the listener reconnected.
    expect(assembler.accept(first[2]!)).toBeNull();
    expect(assembler.accept(second[0]!)).toEqual({ sender: 'a', events: [{ type: 't', detail: 'second' }] });
  });
});
