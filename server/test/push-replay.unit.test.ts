import { describe, expect, it } from 'vitest';
import type { DeployStatus } from '../src/domain/model.js';
import { type PushHistory, replayedPushReason } from '../src/domain/push-replay.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);
const Z = '0'.repeat(40);

function history(
  after: string,
  before: string | null,
  deploys: [number, DeployStatus][],
  current: number | null,
  lastHead: string | null,
): PushHistory {
  return {
    after,
    before,
    deploysOfCommit: deploys.map(([number, status]) => ({ id: `d${number}`, number, status })),
    currentDeployId: current === null ? null : `d${current}`,
    lastHead,
  };
}

describe('replayed pushes (a signed body sent again under a new delivery id)', () => {
  it.each<[string, PushHistory, RegExp | null]>([
    ['a commit the site never deployed deploys', history(C, B, [], 2, B), null],
    ['a first push (no head seen yet) deploys', history(A, Z, [], null, null), null],
    [
      'replay of the push that is live now is ignored',
      history(B, A, [[2, 'LIVE']], 2, B),
      /commit bbbbbbb is already live \(#2\)/,
    ],
    [
      'replay while that commit is queued is ignored',
      history(C, B, [[3, 'QUEUED']], 2, C),
      /already being deployed \(#3\)/,
    ],
    ['replay while that commit builds is ignored', history(C, B, [[3, 'BUILDING']], 2, C), /being deployed/],
    [
      'replay while that commit publishes is ignored',
      history(C, B, [[3, 'PUBLISHING']], 2, C),
      /being deployed/,
    ],
    [
      'replay of an old push (would roll the site back) is ignored',
      history(A, Z, [[1, 'SUPERSEDED']], 2, B),
      /was deployed before \(#1, superseded\).*last commit seen \(bbbbbbb\)/,
    ],
    [
      'a force-push or revert back to an earlier commit deploys it again',
      history(A, B, [[1, 'SUPERSEDED']], 2, B),
      null,
    ],
    [
      'replay of a push whose deploy failed is ignored (no rebuild loop)',
      history(C, B, [[3, 'FAILED']], 2, C),
      /#3, failed.*redeploy to build it again/,
    ],
    [
      'replay of a push whose queued deploy a newer push replaced is ignored',
      history(C, B, [[3, 'CANCELLED']], 4, A),
      /#3, cancelled/,
    ],
    [
      'a commit live through a rollback is already live',
      history(
        A,
        B,
        [
          [1, 'SUPERSEDED'],
          [3, 'LIVE'],
        ],
        3,
        B,
      ),
      /already live \(#3\)/,
    ],
    [
      'a commit live while the site read was older is still live',
      history(C, B, [[3, 'LIVE']], 2, C),
      /already live \(#3\)/,
    ],
    ['a push without `before` for a known commit is ignored', history(A, null, [[1, 'FAILED']], 2, B), /#1/],
    [
      'an active deploy wins over an older live one',
      history(
        B,
        A,
        [
          [2, 'LIVE'],
          [4, 'QUEUED'],
        ],
        2,
        B,
      ),
      /#4/,
    ],
  ])('%s', (_label, h, expected) => {
    const reason = replayedPushReason(h);
    if (expected === null) expect(reason).toBeNull();
    else expect(reason).toMatch(expected);
  });
});
