import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamRows } from '../src/accounts/teams.js';
import { type App, buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { DeployEntity, SiteEntity } from '../src/db/entities.js';
import { NotificationChannelEntity, NotificationDeliveryEntity } from '../src/db/notify-entities.js';
import { newId } from '../src/domain/ids.js';
import type { Deploy } from '../src/domain/model.js';
import { DeployState } from '../src/pipeline/state.js';
import { eventually } from './support/harness.js';
import { startReceiver } from './support/receiver.js';
import { seedSites } from './support/seed.js';
import { onPostgres, testDatabaseUrl } from './support/test-database.js';

// Two control planes on one PostgreSQL and one data dir, as in production: the background duties run on
// the leader only, so the notification outbox is worked once (one delivery per event, one request), and
// when the leader stops the other one takes the duties over.
describe.skipIf(!onPostgres)('background duties of two control planes on one PostgreSQL', () => {
  const token = 'test-token-0123456789abcdef';
  let dir: string;
  let a: App;
  let b: App;
  let aStopped = false;
  let urls: { a: string; b: string };
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'launchpad-leader-'));
    receiver = await startReceiver([200]);
    const config = loadConfig({
      LAUNCHPAD_PORT: '0',
      LAUNCHPAD_DATA: dir,
      LAUNCHPAD_NETWORK: `lp-test-${randomBytes(4).toString('hex')}`,
      LAUNCHPAD_ADMIN_TOKEN: token,
      LAUNCHPAD_PUBLISH_PORTS: 'false',
      LAUNCHPAD_DATABASE_URL: (await testDatabaseUrl(dir))!,
    });
    // One after the other: the first to start leads.
    a = await buildApp(config);
    urls = { a: (await a.start()).url, b: '' };
    b = await buildApp(config);
    urls.b = (await b.start()).url;
  }, 120_000);
  afterAll(async () => {
    if (!aStopped) await a?.stop();
    await b?.stop();
    await receiver?.stop();
    await rm(dir, { recursive: true, force: true });
  }, 60_000);

  async function leaderGauge(url: string): Promise<string> {
    const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    return (await res.text()).split('\n').find((l) => l.startsWith('launchpad_leader '))!;
  }

  /** Fails a seeded deploy through `app` (its database and its bus): the outbox gets one DEPLOY_FAILED. */
  async function failDeploy(app: App, deploy: Deploy): Promise<void> {
    await new DeployState(app.orm.em.fork(), app.bus).end(deploy.id, deploy.siteId, 'FAILED', 'broke');
  }

  /** The deliveries of a deploy's event once all are delivered, and the requests the receiver got for it. */
  async function delivered(app: App, deployId: string) {
    const deliveries = await eventually(
      async () => {
        const all = await app.orm.em.fork().find(NotificationDeliveryEntity, {});
        const mine = all.filter(
          (d) => (JSON.parse(d.body) as { deploy?: { id: string } }).deploy?.id === deployId,
        );
        return mine.length > 0 && mine.every((d) => d.state === 'OK') ? mine : undefined;
      },
      30_000,
      'the delivery',
    );
    const requests = receiver.received.filter((r) => r.body.includes(deployId));
    return { deliveries, requests };
  }

  it('runs the duties on one replica: each notification is delivered once, and the other takes over', async () => {
    expect([a.leadership.isLeader, b.leadership.isLeader]).toEqual([true, false]);
    expect(await leaderGauge(urls.a)).toBe('launchpad_leader 1');
    expect(await leaderGauge(urls.b)).toBe('launchpad_leader 0');

    const em = a.orm.em.fork();
    const team = createTeamRows(em, 'Leaders', null, new Date());
    await em.flush();
    const [site] = await seedSites(em, 1, { deploysPerSite: 3, deliveriesPerSite: 0, teamId: team.id });
    // Served by nothing: a site without a current deploy is none of the site watcher's business.
    await em.nativeUpdate(SiteEntity, { id: site!.id }, { currentDeployId: null, status: 'FAILED' });
    const now = new Date();
    em.create(NotificationChannelEntity, {
      id: newId(),
      teamId: team.id,
      kind: 'WEBHOOK',
      target: receiver.url,
      events: ['DEPLOY_FAILED'],
      enabled: true,
      secret: a.secrets.seal('s'),
      createdAt: now,
      updatedAt: now,
    });
    await em.flush();
    const deploys = await em.find(DeployEntity, { siteId: site!.id }, { orderBy: { number: 'asc' } });

    // Staged through the replica that does not lead: the leader hears of it over the database and sends it.
    await failDeploy(b, deploys[0]!);
    const first = await delivered(a, deploys[0]!.id);
    // A second event as a barrier: the outbox is worked in order, so a second fan-out of the first event
    // would have happened by the time the second one is delivered.
    await failDeploy(a, deploys[1]!);
    const second = await delivered(a, deploys[1]!.id);
    for (const { deliveries } of [first, second]) {
      expect(deliveries).toHaveLength(1);
      expect(deliveries[0]!.attempts).toBe(1);
    }
    expect(receiver.received.filter((r) => r.body.includes(deploys[0]!.id))).toHaveLength(1);
    expect(second.requests).toHaveLength(1);

    // The leader stops (its lock is freed at once): the other replica leads and works the outbox.
    aStopped = true;
    await a.stop();
    await eventually(async () => (b.leadership.isLeader ? true : undefined), 30_000, 'b leads');
    expect(await leaderGauge(urls.b)).toBe('launchpad_leader 1');
    await failDeploy(b, deploys[2]!);
    const third = await delivered(b, deploys[2]!.id);
    expect(third.deliveries).toHaveLength(1);
    expect(third.requests).toHaveLength(1);
  });
});
