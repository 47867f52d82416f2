import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { retryDelay } from '../src/notify/backoff.js';
import { checkInput } from '../src/notify/channels.js';
import {
  type EventPayload,
  headline,
  messageText,
  signature,
  slackBody,
  webhookBody,
} from '../src/notify/payload.js';
import { checkTarget, publicTarget } from '../src/notify/targets.js';
import { deployEventFor, incidentFor } from '../src/notify/transitions.js';
import { uptimeFraction } from '../src/notify/uptime.js';

const failed: EventPayload = {
  event: 'DEPLOY_FAILED',
  at: '2026-12-03T10:00:00.000Z',
  site: { id: 's1', slug: 'blog', url: 'http://blog.localhost' },
  deploy: {
    id: 'd1',
    number: 7,
    status: 'FAILED',
    error: 'The build command exited with code 2',
    permalink: 'http://d1--blog.localhost',
    logTail: ['npm ERR! missing script: build', 'deploy failed: The build command exited with code 2'],
  },
  incident: null,
};

describe('payload and signature', () => {
  it("signs the raw body with HMAC-SHA256 of the channel's secret, as `sha256=<hex>`", () => {
    const body = webhookBody(failed);
    const expected = createHmac('sha256', 'k3y').update(body).digest('hex');
    expect(signature('k3y', body)).toBe(`sha256=${expected}`);
    // Any change to the bytes changes the signature: the receiver must verify the raw body, not a re-encoding.
    expect(signature('k3y', `${body} `)).not.toBe(signature('k3y', body));
  });

  it("keeps api.md's shape: event, at, site, deploy, incident", () => {
    const parsed = JSON.parse(webhookBody(failed));
    expect(Object.keys(parsed)).toEqual(['event', 'at', 'site', 'deploy', 'incident']);
    expect(parsed.deploy).toMatchObject({
      id: 'd1',
      number: 7,
      status: 'FAILED',
      permalink: expect.any(String),
    });
  });

  it('says in words what happened, with the error and the last log lines of a failed deploy', () => {
    expect(headline(failed)).toBe('Deploy #7 of blog failed');
    const text = messageText(failed);
    expect(text).toContain('Error: The build command exited with code 2');
    expect(text).toContain('npm ERR! missing script: build');
    expect(JSON.parse(slackBody(failed))).toEqual({ text });
  });

  it.each([
    ['DEPLOY_SUCCEEDED', 'Deploy #7 of blog is live'],
    ['SITE_DOWN', 'blog is down'],
    ['SITE_RECOVERED', 'blog is serving again'],
  ] as const)('%s reads "%s"', (event, line) => {
    expect(headline({ ...failed, event })).toBe(line);
  });
});

describe('retry backoff', () => {
  it.each([
    [1, 1000],
    [2, 3000],
    [3, 9000],
    [4, 27_000],
    [5, 81_000],
  ])('after attempt %i waits %i ms (base 1 s)', (made, wait) => {
    expect(retryDelay(made, 1000, 6)).toBe(wait);
  });
  it('stops after the last attempt and never waits more than an hour', () => {
    expect(retryDelay(6, 1000, 6)).toBeNull();
    expect(retryDelay(3, 1000, 3)).toBeNull();
    expect(retryDelay(19, 60_000, 20)).toBe(3_600_000);
  });
});

describe('uptime arithmetic', () => {
  const t = (h: number) => new Date(Date.UTC(2026, 11, 1) + h * 3_600_000);
  const day = [t(0), t(24)] as const;

  it('is 1 without incidents, and null for a site that never served in the window', () => {
    expect(uptimeFraction([], ...day, t(-100))).toBe(1);
    expect(uptimeFraction([], ...day, null)).toBeNull();
    expect(uptimeFraction([], ...day, t(30))).toBeNull();
  });

  it('counts DOWN until RECOVERED', () => {
    const incidents = [
      { kind: 'DOWN' as const, at: t(6) },
      { kind: 'RECOVERED' as const, at: t(12) },
    ];
    expect(uptimeFraction(incidents, ...day, t(-1))).toBe(0.75);
  });

  it('starts the window DOWN when the last incident before it is DOWN, and counts an open DOWN to the end', () => {
    expect(
      uptimeFraction(
        [
          { kind: 'DOWN', at: t(-5) },
          { kind: 'RECOVERED', at: t(6) },
          { kind: 'DOWN', at: t(18) },
        ],
        ...day,
        t(-10),
      ),
    ).toBe(0.5);
  });

  it('measures from the first time the site served when that is inside the window', () => {
    expect(uptimeFraction([{ kind: 'DOWN', at: t(18) }], ...day, t(12))).toBe(0.5);
  });

  it('ignores a repeated DOWN and a RECOVERED without a DOWN', () => {
    expect(
      uptimeFraction(
        [
          { kind: 'RECOVERED', at: t(1) },
          { kind: 'DOWN', at: t(12) },
          { kind: 'DOWN', at: t(18) },
        ],
        ...day,
        t(-1),
      ),
    ).toBe(0.5);
  });
});

describe('transition decisions', () => {
  it.each([
    [null, 'DOWN', 'DOWN'],
    ['RECOVERED', 'DOWN', 'DOWN'],
    ['DOWN', 'DOWN', null],
    ['DOWN', 'LIVE', 'RECOVERED'],
    ['RECOVERED', 'LIVE', null],
    [null, 'LIVE', null],
    ['DOWN', 'DEPLOYING', null],
    ['DOWN', 'FAILED', null],
  ] as const)('last incident %s, site becomes %s → %s', (last, next, incident) => {
    expect(incidentFor(last, next)).toBe(incident);
  });

  it.each([
    ['PUBLISHING', 'LIVE', 'DEPLOY_SUCCEEDED'],
    ['BUILDING', 'FAILED', 'DEPLOY_FAILED'],
    ['LIVE', 'LIVE', null],
    ['FAILED', 'FAILED', null],
    ['QUEUED', 'CANCELLED', null],
    ['LIVE', 'SUPERSEDED', null],
  ] as const)('deploy %s → %s fires %s', (from, to, event) => {
    expect(deployEventFor(from, to)).toBe(event);
  });
});

describe('channel input', () => {
  it.each([
    ['WEBHOOK', 'https://hooks.example.com/launchpad', 'https://hooks.example.com/launchpad'],
    ['SLACK', 'https://hooks.slack.com/services/T0/B0/x', 'https://hooks.slack.com/services/T0/B0/x'],
    ['WEBHOOK', ' http://127.0.0.1:9000/hook ', 'http://127.0.0.1:9000/hook'],
    ['EMAIL', 'ops@example.com', 'ops@example.com'],
  ] as const)('%s accepts %s', (kind, target, stored) => {
    expect(checkTarget(kind, target)).toBe(stored);
  });

  it.each([
    ['WEBHOOK', 'ftp://example.com/x'],
    ['WEBHOOK', 'file:///etc/passwd'],
    ['WEBHOOK', 'javascript:alert(1)'],
    ['WEBHOOK', 'https://user:pw@example.com/'],
    ['SLACK', 'not a url'],
    ['SLACK', 'http://hooks.slack.com/services/x'],
    ['EMAIL', 'https://example.com'],
    ['EMAIL', 'ops@example.com\r\nBcc: all@example.com'],
    ['EMAIL', 'Ops <ops@example.com>'],
    ['EMAIL', 'a@example.com, b@example.com'],
  ] as const)('%s refuses %j (header injection, other schemes, credentials)', (kind, target) => {
    expect(() => checkTarget(kind, target)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'target' }),
    );
  });

  it('needs at least one known event and drops repeats', () => {
    expect(() => checkInput({ kind: 'EMAIL', target: 'a@example.com', events: [] })).toThrow(/at least one/);
    expect(
      checkInput({ kind: 'EMAIL', target: 'a@example.com', events: ['SITE_DOWN', 'SITE_DOWN'] }).events,
    ).toEqual(['SITE_DOWN']);
  });

  it('shows members below ADMIN only the origin of a URL target (a Slack URL is a credential)', () => {
    expect(publicTarget('SLACK', 'https://hooks.slack.com/services/T0/B0/secret')).toBe(
      'https://hooks.slack.com/…',
    );
    expect(publicTarget('EMAIL', 'ops@example.com')).toBe('ops@example.com');
  });
});
