import { describe, expect, it } from 'vitest';
import { restartBackoff } from '../src/pipeline/container-watch.js';
import { type EngineEvent, siteEvent } from '../src/runtime/docker/container-watch.js';

const SITE = 'c'.repeat(24);
const event = (Action: string, name: string, extra: Record<string, string> = {}): EngineEvent => ({
  Type: 'container',
  Action,
  time: 1_700_000_000,
  Actor: { ID: `id-${name}`, Attributes: { name, 'dev.launchpad.site': SITE, ...extra } },
});

describe('site events from the engine event stream', () => {
  it('reports a killed site server as down, with the signal as its reason, and its start as up', () => {
    const notes = new Map<string, string>();
    expect(siteEvent(event('kill', 'launchpad-site-blog', { signal: '9' }), notes, () => false)).toBeNull();
    expect(siteEvent(event('die', 'launchpad-site-blog', { exitCode: '137' }), notes, () => false)).toEqual({
      kind: 'down',
      siteId: SITE,
      slug: 'blog',
      serverId: 'id-launchpad-site-blog',
      reason: 'killed (signal 9)',
      at: new Date(1_700_000_000_000),
    });
    expect(siteEvent(event('start', 'launchpad-site-blog'), notes, () => false)).toMatchObject({
      kind: 'up',
      slug: 'blog',
    });
    expect(notes.size).toBe(0);
  });

  it('names an out-of-memory kill and a plain exit', () => {
    const notes = new Map<string, string>();
    siteEvent(event('oom', 'launchpad-site-a'), notes, () => false);
    siteEvent(event('kill', 'launchpad-site-a', { signal: '9' }), notes, () => false);
    expect(siteEvent(event('die', 'launchpad-site-a'), notes, () => false)).toMatchObject({
      reason: 'out of memory',
    });
    expect(siteEvent(event('die', 'launchpad-site-a', { exitCode: '1' }), notes, () => false)).toMatchObject({
      reason: 'exited with code 1',
    });
  });

  it('ignores config checks, builds, foreign containers and servers Launchpad removed itself', () => {
    const notes = new Map<string, string>();
    expect(siteEvent(event('die', 'launchpad-config-check-0a1b2c'), notes, () => false)).toBeNull();
    expect(siteEvent(event('die', `launchpad-build-${SITE}`), notes, () => false)).toBeNull();
    const foreign = event('die', 'launchpad-site-x');
    delete foreign.Actor!.Attributes!['dev.launchpad.site'];
    expect(siteEvent(foreign, notes, () => false)).toBeNull();
    expect(
      siteEvent({ ...event('die', 'launchpad-site-x'), Type: 'network' }, notes, () => false),
    ).toBeNull();
    expect(siteEvent(event('die', 'launchpad-site-gone'), notes, (slug) => slug === 'gone')).toBeNull();
  });
});

describe('server app events from the engine event stream', () => {
  const DEPLOY = 'd'.repeat(24);
  it('reports an app container that died or was removed, naming its deploy', () => {
    const notes = new Map<string, string>();
    expect(
      siteEvent(event('die', `launchpad-app-api-${DEPLOY}`, { exitCode: '4' }), notes, () => false),
    ).toEqual({
      kind: 'app-down',
      siteId: SITE,
      slug: 'api',
      deployId: DEPLOY,
      reason: 'exited with code 4',
      at: new Date(1_700_000_000_000),
    });
    expect(siteEvent(event('destroy', `launchpad-app-api-${DEPLOY}`), notes, () => false)).toMatchObject({
      kind: 'app-down',
      deployId: DEPLOY,
      reason: 'removed',
    });
  });

  it('ignores an app container’s start, a foreign one and a name that is no deploy id', () => {
    const notes = new Map<string, string>();
    expect(siteEvent(event('start', `launchpad-app-api-${DEPLOY}`), notes, () => false)).toBeNull();
    expect(siteEvent(event('die', 'launchpad-app-api-notadeploy'), notes, () => false)).toBeNull();
    const foreign = event('die', `launchpad-app-api-${DEPLOY}`);
    delete foreign.Actor!.Attributes!['dev.launchpad.site'];
    expect(siteEvent(foreign, notes, () => false)).toBeNull();
  });
});

describe('restart backoff', () => {
  it('doubles from a second and stops growing at a minute', () => {
    expect([0, 1, 2, 3, 10].map(restartBackoff)).toEqual([1000, 2000, 4000, 8000, 60_000]);
  });
});
