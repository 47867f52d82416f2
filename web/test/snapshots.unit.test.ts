import { describe, expect, it } from 'vitest';
import type { DeployStatus } from '../src/gql/graphql';
import { isActive, mergeDeploys, newerDeploy, upsertSites } from '../src/lib/snapshots';

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
