import { describe, expect, it } from 'vitest';
import { accessLogDirectives, parseAccessLine } from '../src/runtime/access-log.js';
import { bucketStart, TrafficAggregate } from '../src/traffic/aggregate.js';
import { emptyLatency, LATENCY_BOUNDS_MS, latencyQuantile, latencySlot } from '../src/traffic/latency.js';

const SITE = '0123456789abcdef01234567';

describe('access-log lines', () => {
  it('the directives name the site and write JSON-escaped lines to the mounted folder', () => {
    const lines = accessLogDirectives(SITE).join('\n');
    expect(lines).toContain('log_format launchpad_traffic escape=json');
    expect(lines).toContain(`"site":"${SITE}"`);
    expect(lines).toContain(
      'access_log /var/log/launchpad/access.log launchpad_traffic buffer=64k flush=1s;',
    );
  });

  it('refuses a site id that could break out of the format string', () => {
    expect(() => accessLogDirectives(`x'; access_log /etc/passwd`)).toThrow(/Refusing/);
  });

  it.each([
    [
      '{"site":"s","at":1733112345.678,"status":200,"bytes":512,"time":0.004,"host":"a.localhost"}',
      { atMs: 1733112345678, status: 200, bytes: 512, ms: 4, host: 'a.localhost' },
    ],
    [
      '{"site":"s","at":1733112345.000,"status":505,"bytes":0,"time":0.000,"host":"\\u0022x"}',
      { atMs: 1733112345000, status: 505, bytes: 0, ms: 0, host: '"x' },
    ],
    ['{"site":"s","at":1,"status":200,"bytes":5,"time":0.001', null], // a torn line
    ['{"at":1,"status":"200","bytes":5,"time":0}', null], // a string status
    ['{"at":1,"status":42,"bytes":5,"time":0}', null],
    ['{"at":-1,"status":200,"bytes":5,"time":0}', null],
    ['[1,2,3]', null],
    ['', null],
  ])('parses %s', (line, want) => {
    expect(parseAccessLine(line)).toEqual(want);
  });
});

describe('aggregating requests', () => {
  it('adds each request to its minute, hour and day, by status class, with its bytes and latency slot', () => {
    const at = Date.UTC(2026, 11, 2, 10, 59, 30);
    const agg = new TrafficAggregate();
    agg.add([
      { atMs: at, status: 200, bytes: 100, ms: 3, host: 'a' },
      { atMs: at + 10_000, status: 404, bytes: 50, ms: 0, host: 'a' },
      { atMs: at + 31_000, status: 301, bytes: 10, ms: 700, host: 'b' }, // the next minute and hour
      { atMs: at + 40_000, status: 101, bytes: 1, ms: 1, host: 'a' },
      { atMs: at + 50_000, status: 503, bytes: 1, ms: 1, host: 'a' },
    ]);
    expect(agg.totals).toEqual({
      requests: 5,
      bytes: 162,
      status1xx: 1,
      status2xx: 1,
      status3xx: 1,
      status4xx: 1,
      status5xx: 1,
    });
    const buckets = agg.list();
    const minute = buckets.find((b) => b.span === 'MINUTE' && b.at === bucketStart('MINUTE', at))!;
    expect(minute.requests).toBe(2);
    expect(minute.latency[latencySlot(3)]).toBe(1);
    expect(minute.latency[0]).toBe(1);
    expect(buckets.filter((b) => b.span === 'HOUR').map((b) => b.requests)).toEqual([2, 3]);
    expect(buckets.filter((b) => b.span === 'DAY').map((b) => b.requests)).toEqual([5]);
  });

  it.each([
    [0, 0],
    [1, 0],
    [2, 1],
    [10_000, LATENCY_BOUNDS_MS.length - 1],
    [10_001, LATENCY_BOUNDS_MS.length],
  ])('a %d ms request lands in slot %d', (ms, slot) => {
    expect(latencySlot(ms)).toBe(slot);
  });

  it('reads quantiles from the histogram, interpolated inside a slot; none without requests', () => {
    expect(latencyQuantile(emptyLatency(), 0.5)).toBeNull();
    const counts = emptyLatency();
    counts[latencySlot(3)] = 100; // all in (2, 5] ms
    expect(latencyQuantile(counts, 0.5)).toBeCloseTo(3.5);
    expect(latencyQuantile(counts, 0.95)).toBeCloseTo(4.85);
    const slow = emptyLatency();
    slow[LATENCY_BOUNDS_MS.length] = 1;
    expect(latencyQuantile(slow, 0.5)).toBe(10_000);
  });
});
