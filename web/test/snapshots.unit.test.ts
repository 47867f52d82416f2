import { describe, expect, it } from 'vitest';
import type { DeployStatus } from '../src/gql/graphql';
import { isActive, mergeDeliveries, mergeDeploys, mergeSitePage, newerDeploy } from '../src/lib/snapshots';

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

describe('a paged site list', () => {
  const s = (id: string, createdAt: string, updatedAt = createdAt, name = id) => ({
    id,
    createdAt,
    updatedAt,
    name,
  });
  const loaded = [s('c', '2026-01-03T00:00:00Z'), s('b', '2026-01-02T00:00:00Z')];

  it('takes a new site in at the top, and keeps the later snapshot of a listed one', () => {
    const out = mergeSitePage(
      loaded,
      [s('d', '2026-01-04T00:00:00Z'), s('b', '2026-01-02T00:00:00Z', '2026-01-05T00:00:00Z', 'renamed')],
      false,
    );
    expect(out.map((x) => `${x.id}:${x.name}`)).toEqual(['d:d', 'c:c', 'b:renamed']);
  });

  it('leaves a site of a page not loaded yet to that page, unless the whole list is loaded', () => {
    const older = s('a', '2026-01-01T00:00:00Z');
    expect(mergeSitePage(loaded, [older], false).map((x) => x.id)).toEqual(['c', 'b']);
    expect(mergeSitePage(loaded, [older], true).map((x) => x.id)).toEqual(['c', 'b', 'a']);
  });

  it('orders sites created in the same instant by id, descending, as the server pages them', () => {
    const same = '2026-01-02T00:00:00Z';
    const out = mergeSitePage([s('x2', same), s('x1', same)], [s('x3', same)], true);
    expect(out.map((x) => x.id)).toEqual(['x3', 'x2', 'x1']);
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
