import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gqlAs, signUp, wsAs } from './support/accounts.js';
import { eventually, type Launchpad, startLaunchpad } from './support/harness.js';
import { startReceiver } from './support/receiver.js';

// Issue 13: a team's delivery history is live. notificationDeliveryUpdated tells the team's members (and the
// ADMIN token) about each delivery as the outbox worker makes it and as each attempt ends (retrying,
// delivered, failed for good), over a real graphql-ws socket; a member of another team hears nothing.

const PASSWORD = 'correct horse battery';
const WATCH = /* GraphQL */ `
  subscription($t: ID!) {
    notificationDeliveryUpdated(teamId: $t) {
      id channelId event attempts ok responseStatus error nextAttemptAt
    }
  }`;
const DELIVERIES = /* GraphQL */ `
  query($t: ID!) {
    team(id: $t) {
      notificationChannels { id deliveries { id channelId event attempts ok responseStatus error nextAttemptAt } }
    }
  }`;

interface Delivery {
  id: string;
  channelId: string;
  event: string;
  attempts: number;
  ok: boolean;
  responseStatus: number | null;
  error: string | null;
  nextAttemptAt: string | null;
}

/** Everything one subscription receives: deliveries, errors, and whether it completed. */
function follow(client: Client, teamId: string) {
  const seen = {
    deliveries: [] as Delivery[],
    errors: [] as { extensions?: { code?: string } }[],
    done: false,
  };
  client.subscribe<{ notificationDeliveryUpdated: Delivery }>(
    { query: WATCH, variables: { t: teamId } },
    {
      next: (msg) => {
        if (msg.errors) seen.errors.push(...(msg.errors as never[]));
        if (msg.data) seen.deliveries.push(msg.data.notificationDeliveryUpdated);
      },
      error: (err) => {
        seen.errors.push(...((Array.isArray(err) ? err : [err]) as never[]));
      },
      complete: () => {
        seen.done = true;
      },
    },
  );
  return seen;
}

let lp: Launchpad;
const clients: Client[] = [];
const receivers: Awaited<ReturnType<typeof startReceiver>>[] = [];

beforeAll(async () => {
  // Three attempts at most, 300 ms apart then 900 ms: a delivery ends (either way) within seconds.
  lp = await startLaunchpad({
    LAUNCHPAD_NOTIFY_RETRY_MS: '300',
    LAUNCHPAD_NOTIFY_ATTEMPTS: '3',
    // Each user signs up into a team of its own.
    LAUNCHPAD_SIGNUP: 'open',
  });
});
afterAll(async () => {
  for (const c of clients) await c.dispose();
  for (const r of receivers) await r.stop();
  await lp?.cleanup();
});

describe('live delivery history', () => {
  it("streams each delivery and every attempt to the team's members and the admin token, nothing to another team", {
    timeout: 180_000,
  }, async () => {
    const owner = await signUp(lp.url, 'owner@example.com', PASSWORD);
    const outsider = await signUp(lp.url, 'outsider@example.com', PASSWORD);
    const teamOf = async (as: { cookie: string }) =>
      (await gqlAs(lp.url, as, '{ viewer { teams { id } } }')).data!.viewer.teams[0].id as string;
    const teamId = await teamOf(owner);
    const otherTeamId = await teamOf(outsider);
    expect(otherTeamId).not.toBe(teamId);

    // One receiver answers 500 then 200 (delivered on the second attempt), one always 500 (failed after 3).
    const flaky = await startReceiver([500, 200]);
    const broken = await startReceiver([500]);
    receivers.push(flaky, broken);
    const channelIds: string[] = [];
    for (const receiver of [flaky, broken]) {
      const made = await gqlAs(
        lp.url,
        owner,
        'mutation($t: ID!, $i: NotificationChannelInput!) { createNotificationChannel(teamId: $t, input: $i) { id } }',
        { t: teamId, i: { kind: 'WEBHOOK', target: receiver.url, events: ['DEPLOY_FAILED'] } },
      );
      expect(made.errors, JSON.stringify(made.errors)).toBeUndefined();
      channelIds.push(made.data!.createNotificationChannel.id);
    }
    const [flakyId, brokenId] = channelIds as [string, string];
    // Probes: a channel of each team for no event of this test, whose test sends show a subscription is live.
    const probe = await startReceiver([200]);
    receivers.push(probe);
    const probeChannel = async (as: { cookie: string }, team: string) =>
      (
        await gqlAs(
          lp.url,
          as,
          'mutation($t: ID!, $i: NotificationChannelInput!) { createNotificationChannel(teamId: $t, input: $i) { id } }',
          { t: team, i: { kind: 'WEBHOOK', target: probe.url, events: ['SITE_RECOVERED'] } },
        )
      ).data!.createNotificationChannel.id as string;
    const probeId = await probeChannel(owner, teamId);
    const otherProbeId = await probeChannel(outsider, otherTeamId);

    const connect = (as: Parameters<typeof wsAs>[1]) => {
      const client = wsAs(lp.url, as);
      clients.push(client);
      return client;
    };
    const asMember = follow(connect(owner), teamId);
    const asAdmin = follow(connect({ token: lp.token }), teamId);
    const trespasser = follow(connect(outsider), teamId);
    const ownTeam = follow(connect(outsider), otherTeamId);
    // The outsider's subscription to the team is refused at once, as reading its channels is.
    await eventually(async () => (trespasser.errors.length > 0 ? true : undefined), 30_000, 'the refusal');
    expect(trespasser.errors[0]?.extensions?.code).toBe('NOT_FOUND');
    // Test sends to the probes until every subscription has heard one: from then on, none can miss an event.
    const live = async (as: { cookie: string }, channelId: string, seen: (typeof asMember)[]) =>
      eventually(
        async () => {
          await gqlAs(lp.url, as, 'mutation($id: ID!) { testNotificationChannel(id: $id) { id } }', {
            id: channelId,
          });
          return seen.every((s) => s.deliveries.some((d) => d.channelId === channelId)) ? true : undefined;
        },
        30_000,
        'the subscriptions to be live',
      );
    await live(owner, probeId, [asMember, asAdmin]);
    await live(outsider, otherProbeId, [ownTeam]);

    // A deploy that fails without Docker (its repository cannot be reached) stages DEPLOY_FAILED.
    const slug = `${lp.slugPrefix}-live`;
    const site = await gqlAs(
      lp.url,
      owner,
      'mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }',
      { input: { name: slug, slug, sourceType: 'GIT', gitUrl: 'https://127.0.0.1:9/nothing.git', teamId } },
    );
    expect(site.errors, JSON.stringify(site.errors)).toBeUndefined();

    const finished = (seen: typeof asMember, channelId: string) =>
      seen.deliveries.some((d) => d.channelId === channelId && d.nextAttemptAt === null && d.attempts > 0);
    await eventually(
      async () =>
        [asMember, asAdmin].every((s) => finished(s, flakyId) && finished(s, brokenId)) ? true : undefined,
      120_000,
      'both deliveries to end, as the subscribers hear it',
    );

    const shape = (d: Delivery) => ({
      attempts: d.attempts,
      ok: d.ok,
      responseStatus: d.responseStatus,
      error: d.error === null ? null : 'error',
      retrying: d.nextAttemptAt !== null,
    });
    const ofChannel = (seen: typeof asMember, channelId: string) =>
      seen.deliveries.filter((d) => d.channelId === channelId);
    for (const seen of [asMember, asAdmin]) {
      expect(seen.errors).toEqual([]);
      const flakyEvents = ofChannel(seen, flakyId);
      const brokenEvents = ofChannel(seen, brokenId);
      const probes = ofChannel(seen, probeId);
      expect(flakyEvents.length + brokenEvents.length + probes.length).toBe(seen.deliveries.length);
      // New (not attempted yet), failed and retrying, delivered.
      expect(flakyEvents.map(shape)).toEqual([
        { attempts: 0, ok: false, responseStatus: null, error: null, retrying: true },
        { attempts: 1, ok: false, responseStatus: 500, error: 'error', retrying: true },
        { attempts: 2, ok: true, responseStatus: 200, error: null, retrying: false },
      ]);
      // New, two retries, failed for good after the third attempt.
      expect(brokenEvents.map(shape)).toEqual([
        { attempts: 0, ok: false, responseStatus: null, error: null, retrying: true },
        { attempts: 1, ok: false, responseStatus: 500, error: 'error', retrying: true },
        { attempts: 2, ok: false, responseStatus: 500, error: 'error', retrying: true },
        { attempts: 3, ok: false, responseStatus: 500, error: 'error', retrying: false },
      ]);
      // One delivery per channel, the same id on every event, the one the receiver got.
      expect(new Set(flakyEvents.map((d) => d.id))).toEqual(
        new Set([flaky.received[0]!.headers['x-launchpad-delivery']]),
      );
      expect(new Set(brokenEvents.map((d) => d.id)).size).toBe(1);
      for (const d of [...flakyEvents, ...brokenEvents]) expect(d.event).toBe('DEPLOY_FAILED');
    }
    expect(flaky.received.map((r) => r.answered)).toEqual([500, 200]);
    expect(broken.received.map((r) => r.answered)).toEqual([500, 500, 500]);

    // The last event of each delivery is what the history query answers.
    const stored = (await gqlAs(lp.url, owner, DELIVERIES, { t: teamId })).data!.team.notificationChannels;
    for (const channelId of [flakyId, brokenId]) {
      const events = ofChannel(asMember, channelId);
      expect(stored.find((c: { id: string }) => c.id === channelId).deliveries).toEqual([events.at(-1)]);
    }

    // The outsider heard nothing of the team: not through the refused subscription, and through its own
    // team's only its own probe.
    expect(trespasser.deliveries).toEqual([]);
    expect(ownTeam.deliveries.length).toBeGreaterThan(0);
    expect(ownTeam.deliveries.filter((d) => d.channelId !== otherProbeId)).toEqual([]);
    expect(ownTeam.errors).toEqual([]);
    expect(ownTeam.done).toBe(false);
  });
});
