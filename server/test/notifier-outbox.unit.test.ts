import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTeamRows } from '../src/accounts/teams.js';
import { DeployEntity } from '../src/db/entities.js';
import {
  NotificationAttemptEntity,
  NotificationChannelEntity,
  NotificationDeliveryEntity,
  NotificationEventEntity,
} from '../src/db/notify-entities.js';
import type { Orm } from '../src/db/orm.js';
import { newId } from '../src/domain/ids.js';
import { createEventBus } from '../src/events/pubsub.js';
import { postOnce } from '../src/notify/http-post.js';
import type { NotificationEventName } from '../src/notify/model.js';
import { Notifier, type NotifierDeps } from '../src/notify/notifier.js';
import { DeployState } from '../src/pipeline/state.js';
import { SecretBox } from '../src/secrets/box.js';
import { eventually } from './support/harness.js';
import { startReceiver } from './support/receiver.js';
import { seedSites } from './support/seed.js';
import { openTestDatabase } from './support/test-database.js';

// The outbox against a real database and a real HTTP receiver: which channels an event reaches, once per
// transition, and what a restart leaves behind.

const box = new SecretBox(Buffer.alloc(32, 7));
const bus = createEventBus();
let dir: string;
let orm: Orm;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let notifier: Notifier | null = null;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'launchpad-outbox-'));
  orm = await openTestDatabase(dir);
  receiver = await startReceiver([200]);
});
afterEach(async () => {
  await notifier?.stop();
  notifier = null;
});
afterAll(async () => {
  await orm?.close(true);
  await receiver?.stop();
  await rm(dir, { recursive: true, force: true });
});

function newNotifier(extra: Partial<NotifierDeps> = {}): Notifier {
  return new Notifier({
    orm,
    bus,
    secrets: box,
    urls: { site: (slug) => `http://${slug}.test`, permalink: (id, slug) => `http://${id}--${slug}.test` },
    transports: { post: (url, body, headers) => postOnce(url, body, headers, 5000), mail: null },
    retryBaseMs: 100,
    maxAttempts: 3,
    pollMs: 200,
    ...extra,
  });
}

function startNotifier(extra: Partial<NotifierDeps> = {}): Notifier {
  notifier = newNotifier(extra);
  notifier.start();
  return notifier;
}

async function channel(
  teamId: string,
  events: NotificationEventName[],
  enabled = true,
  kind: 'WEBHOOK' | 'SLACK' = 'WEBHOOK',
  target = receiver.url,
): Promise<string> {
  const em = orm.em.fork();
  const now = new Date();
  const c = em.create(NotificationChannelEntity, {
    id: newId(),
    teamId,
    kind,
    target,
    events,
    enabled,
    secret: kind === 'WEBHOOK' ? box.seal('s') : null,
    createdAt: now,
    updatedAt: now,
  });
  await em.flush();
  return c.id;
}

describe('the notification outbox', () => {
  it("reaches only the enabled channels of the site's team that subscribe to the event, once per transition", async () => {
    const em = orm.em.fork();
    const teamA = createTeamRows(em, 'A', null, new Date());
    const teamB = createTeamRows(em, 'B', null, new Date());
    await em.flush();
    const [site] = await seedSites(em, 1, { deploysPerSite: 1, deliveriesPerSite: 0, teamId: teamA.id });
    const subscribed = await channel(teamA.id, ['SITE_DOWN', 'SITE_RECOVERED']);
    const other = await channel(teamA.id, ['DEPLOY_FAILED']);
    const disabled = await channel(teamA.id, ['SITE_DOWN'], false);
    const otherTeam = await channel(teamB.id, ['SITE_DOWN', 'SITE_RECOVERED']);

    // DOWN twice (a resync repeating itself), then LIVE twice: one incident and one event each.
    const state = new DeployState(orm.em.fork(), bus);
    const s = (await state.site(site!.id))!;
    await state.setSite(s, { status: 'DOWN' }, 'killed');
    await state.setSite(s, { status: 'DOWN' }, 'found stopped');
    await state.setSite(s, { status: 'LIVE' }, 'runs again');
    await state.setSite(s, { status: 'LIVE' }, 'runs again');
    expect(await orm.em.fork().count(NotificationEventEntity, { siteId: site!.id })).toBe(2);

    startNotifier();
    await eventually(async () => (receiver.received.length >= 2 ? true : undefined), 10_000, 'deliveries');
    const deliveries = await eventually(async () => {
      const d = await orm.em.fork().find(NotificationDeliveryEntity, {}, { orderBy: { at: 'asc' } });
      return d.length === 2 && d.every((x) => x.state === 'OK') ? d : undefined;
    });
    expect(deliveries.map((d) => [d.channelId, d.event])).toEqual([
      [subscribed, 'SITE_DOWN'],
      [subscribed, 'SITE_RECOVERED'],
    ]);
    for (const id of [other, disabled, otherTeam]) {
      expect(await orm.em.fork().count(NotificationDeliveryEntity, { channelId: id })).toBe(0);
    }
    expect(await orm.em.fork().count(NotificationEventEntity, { dispatchedAt: null })).toBe(0);
    expect(await orm.em.fork().count(NotificationAttemptEntity, {})).toBe(2);

    // A deploy that is already FAILED and is ended again (a retried cleanup) fires nothing more.
    const deploy = await orm.em.fork().findOne(DeployEntity, { siteId: site!.id });
    await state.end(deploy!.id, site!.id, 'FAILED', 'broke');
    await state.end(deploy!.id, site!.id, 'FAILED', 'broke');
    expect(await orm.em.fork().count(NotificationEventEntity, { event: 'DEPLOY_FAILED' })).toBe(1);
  });

  /** A pending test send made `ageMs` ago, as a send's caller records it before its one attempt. */
  async function pendingTestSend(team: string, ageMs: number): Promise<string> {
    const em = orm.em.fork();
    const channelId = await channel(team, ['SITE_DOWN']);
    const sent = em.create(NotificationDeliveryEntity, {
      id: newId(),
      channelId,
      event: 'DEPLOY_SUCCEEDED',
      body: '{}',
      at: new Date(Date.now() - ageMs),
      state: 'PENDING',
      attempts: 0,
      nextAttemptAt: null,
      responseStatus: null,
      error: null,
      test: true,
    });
    await em.flush();
    return sent.id;
  }

  const stateOf = async (id: string) => (await orm.em.fork().findOne(NotificationDeliveryEntity, { id }))!;

  it('a test send cut off by a restart ends FAILED at the next start instead of pending for ever', async () => {
    const em = orm.em.fork();
    const team = createTeamRows(em, 'C', null, new Date());
    await em.flush();
    const cut = await pendingTestSend(team.id, 1000);
    startNotifier();
    const after = await eventually(async () => {
      const d = await stateOf(cut);
      return d.state === 'FAILED' ? d : undefined;
    });
    expect(after.error).toMatch(/interrupted/);
  });

  it('with other control planes, leaves a test send another replica may be attempting, until its lease ran out', async () => {
    const em = orm.em.fork();
    const team = createTeamRows(em, 'CS', null, new Date());
    await em.flush();
    // This replica just took the lead; another answered a "send test" a moment ago and is attempting it.
    const underWay = await pendingTestSend(team.id, 1000);
    const cut = await pendingTestSend(team.id, 60_000);
    const n = startNotifier({ sharedDatabase: true, attemptLeaseMs: 30_000 });
    await eventually(async () => ((await stateOf(cut)).state === 'FAILED' ? true : undefined));
    // Passes go on meanwhile (a poll every 200 ms): the one under way is still the other replica's.
    await n.stop();
    expect((await stateOf(underWay)).state).toBe('PENDING');
    // Its lease over, its caller is gone too.
    const later = startNotifier({
      sharedDatabase: true,
      attemptLeaseMs: 30_000,
      now: () => new Date(Date.now() + 31_000),
    });
    await eventually(async () => ((await stateOf(underWay)).state === 'FAILED' ? true : undefined));
    await later.stop();
  });

  it('SLACK posts { text } unsigned; a receiver that never answers is cut off and says so, not its URL', async () => {
    const em = orm.em.fork();
    const team = createTeamRows(em, 'D', null, new Date());
    await em.flush();
    const n = startNotifier();
    const slack = await channel(team.id, ['SITE_DOWN'], true, 'SLACK');
    const before = receiver.received.length;
    const sent = await n.test((await orm.em.fork().findOne(NotificationChannelEntity, { id: slack }))!);
    expect(sent).toMatchObject({ state: 'OK', attempts: 1, responseStatus: 200 });
    // The Slack post, not a retry of an earlier test's webhook that the running notifier sent meanwhile
    // (webhooks always carry X-Launchpad-Delivery; the Slack format has no headers of ours).
    const got = receiver.received.slice(before).find((r) => r.headers['x-launchpad-delivery'] === undefined)!;
    expect(got).toBeDefined();
    expect(Object.keys(JSON.parse(got.body))).toEqual(['text']);
    expect(got.headers['x-launchpad-signature-256']).toBeUndefined();

    // A listener that accepts the connection and never answers.
    const { createServer } = await import('node:net');
    const silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const port = (silent.address() as { port: number }).port;
    try {
      const hook = await channel(
        team.id,
        ['SITE_DOWN'],
        true,
        'WEBHOOK',
        `http://127.0.0.1:${port}/secret-path-token`,
      );
      const slow = new Notifier({
        orm,
        bus,
        secrets: box,
        urls: { site: (x) => x, permalink: (x) => x },
        transports: { post: (url, body, headers) => postOnce(url, body, headers, 500), mail: null },
        retryBaseMs: 100,
        maxAttempts: 3,
      });
      const cut = await slow.test((await orm.em.fork().findOne(NotificationChannelEntity, { id: hook }))!);
      expect(cut).toMatchObject({ state: 'FAILED', attempts: 1, responseStatus: null });
      expect(cut.error).toMatch(/no answer within/);
      expect(cut.error).not.toContain('secret-path-token');
    } finally {
      silent.close();
    }
  });

  it('fans each event out once when two notifiers work the outbox at the same moment', async () => {
    // What a control plane that has just lost leadership and finishes its pass does beside the new leader.
    const em = orm.em.fork();
    const team = createTeamRows(em, 'E', null, new Date());
    await em.flush();
    const [site] = await seedSites(em, 1, { deploysPerSite: 1, deliveriesPerSite: 0, teamId: team.id });
    const channelId = await channel(team.id, ['SITE_DOWN', 'SITE_RECOVERED']);
    const state = new DeployState(orm.em.fork(), bus);
    const s = (await state.site(site!.id))!;
    for (let i = 0; i < 10; i++) {
      await state.setSite(s, { status: 'DOWN' }, 'killed');
      await state.setSite(s, { status: 'LIVE' }, 'runs again');
    }
    const both = [newNotifier(), newNotifier()];
    for (const n of both) n.start();
    await eventually(
      async () =>
        (await orm.em.fork().count(NotificationEventEntity, { dispatchedAt: null })) === 0 ? true : undefined,
      30_000,
      'the outbox emptied',
    );
    const deliveries = await eventually(async () => {
      const d = await orm.em.fork().find(NotificationDeliveryEntity, { channelId });
      return d.length >= 20 && d.every((x) => x.state === 'OK') ? d : undefined;
    });
    await Promise.all(both.map((n) => n.stop()));
    expect(await orm.em.fork().count(NotificationDeliveryEntity, { channelId })).toBe(20);
    // And each sent once: one attempt per delivery, one request per delivery id.
    const ids = deliveries.map((d) => d.id);
    expect(await orm.em.fork().count(NotificationAttemptEntity, { deliveryId: { $in: ids } })).toBe(20);
    const sent = receiver.received.filter((r) => ids.includes(String(r.headers['x-launchpad-delivery'])));
    expect(sent).toHaveLength(20);
  });
});
