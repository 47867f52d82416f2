import { describe, expect, it } from 'vitest';
import type { DeployStatus } from '../src/gql/graphql';
import { isActive, mergeDeliveries, mergeDeploys, newerDeploy, upsertSites } from '../src/lib/snapshots';

const d = (id: string, number: number, status: DeployStatus) => ({ id, number, status });

describe('deploy snapshots', () => {
  it('never moves a deploy back to an earlier stage', () => {
    expect(newerDeploy(d('a', 1, 'LIVE'), d('a', 1, 'BUILDING')).status).toBe('LIVE');
    expect(newerDeploy(d('a', 1, 'QUEUED'), d('a', 1, 'PUBLISHING')).status).toBe('PUBLISHING');
    expect(newerDeploy(d('a', 1, 'LIVE'), d('a', 1, 'SUPERSEDED')).status).toBe('SUPERSEDED');
  });

  it('merges by id, newest number first, adding deploys it has not seen', () => {
    const list = [d('b', 2, 'BUILDING'), d('a', 1, 'LIVE')];
    const merged = mergeDeploys(list, [d('c', 3, 'QUEUED'), d('b', 2, 'LIVE'), d('a', 1, 'BUILDING')]);
    expect(merged.map((x) => `${x.number}:${x.status}`)).toEqual(['3:QUEUED', '2:LIVE', '1:LIVE']);
  });

  it('knows which deploys are under way', () => {
    expect(['QUEUED', 'BUILDING', 'PUBLISHING'].every((s) => isActive(s as DeployStatus))).toBe(true);
    expect(['LIVE', 'FAILED', 'CANCELLED', 'SUPERSEDED'].some((s) => isActive(s as DeployStatus))).toBe(
      false,
    );
  });
});

describe('site snapshots', () => {
  const s = (id: string, updatedAt: string, name = id) => ({ id, updatedAt, name });

  it('puts new sites first and keeps the later snapshot of a known one', () => {
    const list = [s('a', '2026-01-01T00:00:02Z', 'new name')];
    const out = upsertSites(list, [
      s('a', '2026-01-01T00:00:01Z', 'old name'),
      s('b', '2026-01-01T00:00:03Z'),
    ]);
    expect(out.map((x) => `${x.id}:${x.name}`)).toEqual(['b:b', 'a:new name']);
  });
});

describe('delivery snapshots', () => {
  const d = (id: string, at: string, attempts: number, ok = false) => ({ id, at, attempts, ok });

  it.each([
    [
      'a retry updates its row in place',
      [d('a', '2026-01-01T00:00:01Z', 1)],
      [d('a', '2026-01-01T00:00:01Z', 2, true)],
      ['a:2:true'],
    ],
    [
      'a late query answer does not move a row back',
      [d('a', '2026-01-01T00:00:01Z', 2, true)],
      [d('a', '2026-01-01T00:00:01Z', 1)],
      ['a:2:true'],
    ],
    [
      'a new delivery goes first; equal times order by id, newest first',
      [d('a', '2026-01-01T00:00:01Z', 1), d('b', '2026-01-01T00:00:01Z', 0)],
      [d('c', '2026-01-01T00:00:05Z', 0)],
      ['c:0:false', 'b:0:false', 'a:1:false'],
    ],
    [
      'the list keeps the newest three',
      [
        d('a', '2026-01-01T00:00:01Z', 1),
        d('b', '2026-01-01T00:00:02Z', 1),
        d('c', '2026-01-01T00:00:03Z', 1),
      ],
      [d('e', '2026-01-01T00:00:04Z', 0)],
      ['e:0:false', 'c:1:false', 'b:1:false'],
    ],
  ])('%s', (_name, list, incoming, want) => {
    expect(mergeDeliveries(list, incoming, 3).map((x) => `${x.id}:${x.attempts}:${x.ok}`)).toEqual(want);
  });
});
