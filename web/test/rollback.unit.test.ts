import { describe, expect, it } from 'vitest';
import type { DeployStatus } from '../src/gql/graphql';
import { currentAfter, rollbackOption } from '../src/lib/rollback';

const d = (id: string, status: DeployStatus, filesPrunedAt: string | null = null) => ({
  id,
  status,
  filesPrunedAt,
});

describe('rollback option', () => {
  it('offers a rollback on earlier deploys that went live and still have files', () => {
    expect(rollbackOption(d('a', 'SUPERSEDED'), 'b')).toEqual({ can: true });
    expect(rollbackOption(d('a', 'LIVE'), 'b')).toEqual({ can: true });
  });

  it('offers nothing on the current deploy or on deploys that never went live', () => {
    expect(rollbackOption(d('a', 'LIVE'), 'a')).toEqual({ can: false });
    for (const status of ['QUEUED', 'BUILDING', 'PUBLISHING', 'FAILED', 'CANCELLED'] as const) {
      expect(rollbackOption(d('a', status), 'b')).toEqual({ can: false });
    }
  });

  it('says why when retention removed the files', () => {
    expect(rollbackOption(d('a', 'SUPERSEDED', '2026-01-01T00:00:00Z'), 'b')).toEqual({
      can: false,
      reason: 'files removed by retention',
    });
  });
});

describe('current deploy', () => {
  const list = [
    { id: 'b', number: 2, status: 'LIVE' as DeployStatus },
    { id: 'a', number: 1, status: 'SUPERSEDED' as DeployStatus },
  ];

  it('moves to a newer deploy that went live (a rollback answers LIVE before the site event)', () => {
    expect(currentAfter(list, 'b', { id: 'c', number: 3, status: 'LIVE' })).toBe('c');
    expect(currentAfter([], null, { id: 'a', number: 1, status: 'LIVE' })).toBe('a');
  });

  it('stays for older or unfinished deploys', () => {
    expect(currentAfter(list, 'b', { id: 'a', number: 1, status: 'LIVE' })).toBe('b');
    expect(currentAfter(list, 'b', { id: 'c', number: 3, status: 'BUILDING' })).toBe('b');
  });
});
