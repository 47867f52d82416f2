import { describe, expect, it } from 'vitest';
import { onlySites, routeLabel } from '../src/http/metrics-route.js';
import { deployOutcome } from '../src/metrics/sources.js';

describe('metrics helpers', () => {
  it.each([
    ['LIVE', 'LIVE'],
    ['SUPERSEDED', 'LIVE'],
    ['FAILED', 'FAILED'],
    ['CANCELLED', 'CANCELLED'],
    ['QUEUED', null],
    ['BUILDING', null],
    ['PUBLISHING', null],
  ] as const)('a %s deploy counts as %s (a counter never moves between labels)', (status, outcome) => {
    expect(deployOutcome(status)).toBe(outcome);
  });

  it.each([
    ['/graphql', '/graphql'],
    ['/metrics', '/metrics'],
    ['/healthz', '/healthz'],
    ['/api/webhooks/github/0123456789abcdef01234567', '/api/webhooks'],
    ['/auth/oidc/github/callback', '/auth/oidc'],
    ['/api/anything', '/api'],
    ['/sites/0123456789abcdef01234567', '/'],
    ['/assets/index-abc.js', '/'],
  ])('route label of %s is %s (ids never become a series)', (path, label) => {
    expect(routeLabel(path)).toBe(label);
  });

  it("a team's token sees only its own sites' series (another team's slug and traffic stay hidden)", () => {
    const text = [
      '# HELP launchpad_site_requests_total x',
      '# TYPE launchpad_site_requests_total counter',
      'launchpad_site_requests_total{site="ours",code="2xx"} 3',
      'launchpad_site_requests_total{site="theirs",code="2xx"} 4',
      'launchpad_site_response_bytes_total{site="theirs"} 10',
      'launchpad_deploy_queue_depth 0',
      'launchpad_http_request_duration_seconds_count{route="/graphql",method="POST",code="200"} 1',
    ].join('\n');
    expect(onlySites(text, new Set(['ours'])).split('\n')).toEqual([
      '# HELP launchpad_site_requests_total x',
      '# TYPE launchpad_site_requests_total counter',
      'launchpad_site_requests_total{site="ours",code="2xx"} 3',
      'launchpad_deploy_queue_depth 0',
      'launchpad_http_request_duration_seconds_count{route="/graphql",method="POST",code="200"} 1',
    ]);
  });
});
