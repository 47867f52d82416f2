import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually } from './support/harness.js';
import { startReceiver } from './support/receiver.js';
import { type SpawnedInstance, spawnedInstance } from './support/spawn-server.js';

// Acceptance 4 of issue 13: a WEBHOOK channel whose receiver answers 500 twice, then 200, gets the
// delivery on the third attempt (same X-Launchpad-Delivery id, a valid signature over the raw body each
// time), although the control plane was SIGKILLed between the first and the second attempt.

async function gql(server: SpawnedInstance, query: string, variables: Record<string, unknown> = {}) {
  const answer = await server.gql(query, variables);
  if (answer.errors) throw new Error(`${query}: ${JSON.stringify(answer.errors)}`);
  return answer.data!;
}

const DELIVERIES = `query($t: ID!) { team(id: $t) { notificationChannels { id deliveries { id event attempts ok responseStatus error } } } }`;

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
});

describe('webhook notifications survive a killed control plane', () => {
  it('delivers DEPLOY_FAILED on the third attempt, signed, with the same delivery id, across a SIGKILL', async () => {
    const receiver = await startReceiver([500, 500, 200]);
    cleanups.push(() => receiver.stop());
    const server = await spawnedInstance({
      // Long enough that the kill below lands between the first and the second attempt.
      env: { LAUNCHPAD_NOTIFY_RETRY_MS: '6000' },
    });
    cleanups.push(() => server.cleanup());

    const teamId = (await gql(server, 'mutation { createTeam(name: "Ops") { id } }')).createTeam.id;
    const channel = (
      await gql(
        server,
        'mutation($t: ID!, $i: NotificationChannelInput!) { createNotificationChannel(teamId: $t, input: $i) { id kind secret events enabled } }',
        { t: teamId, i: { kind: 'WEBHOOK', target: receiver.url, events: ['DEPLOY_FAILED'] } },
      )
    ).createNotificationChannel;
    expect(channel).toMatchObject({ kind: 'WEBHOOK', events: ['DEPLOY_FAILED'], enabled: true });
    expect(channel.secret).toMatch(/^[0-9a-f]{64}$/);

    // A deploy that fails without Docker: its repository cannot be reached.
    const slug = `n${randomBytes(3).toString('hex')}`;
    await gql(server, 'mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }', {
      input: { name: slug, slug, sourceType: 'GIT', gitUrl: 'https://127.0.0.1:9/nothing.git', teamId },
    });

    // The first attempt is made and recorded; then the control plane dies before the second.
    await eventually(
      async () => {
        const d = (await gql(server, DELIVERIES, { t: teamId })).team.notificationChannels[0].deliveries;
        return d[0]?.attempts === 1 ? true : undefined;
      },
      60_000,
      'the first attempt',
    );
    expect(receiver.received).toHaveLength(1);
    await server.kill();

    await server.restart();
    await eventually(
      async () => (receiver.received.length >= 3 ? true : undefined),
      90_000,
      'three attempts',
    );
    const delivered = await eventually(
      async () => {
        const d = (await gql(server, DELIVERIES, { t: teamId })).team.notificationChannels[0].deliveries;
        return d[0]?.ok ? d : undefined;
      },
      30_000,
      'the delivery to be recorded as delivered',
    );

    expect(receiver.received.map((r) => r.answered)).toEqual([500, 500, 200]);
    const ids = new Set(receiver.received.map((r) => r.headers['x-launchpad-delivery']));
    expect(ids.size).toBe(1);
    expect(delivered).toEqual([
      { id: [...ids][0], event: 'DEPLOY_FAILED', attempts: 3, ok: true, responseStatus: 200, error: null },
    ]);
    for (const r of receiver.received) {
      expect(r.headers['x-launchpad-event']).toBe('DEPLOY_FAILED');
      const expected = Buffer.from(
        `sha256=${createHmac('sha256', channel.secret).update(r.body).digest('hex')}`,
      );
      const got = Buffer.from(String(r.headers['x-launchpad-signature-256']));
      expect(got.length === expected.length && timingSafeEqual(got, expected)).toBe(true);
      expect(r.body).toBe(receiver.received[0]!.body);
    }
    const payload = JSON.parse(receiver.received[2]!.body);
    expect(payload).toMatchObject({
      event: 'DEPLOY_FAILED',
      site: { slug, url: expect.stringContaining(slug) },
      deploy: { number: 1, status: 'FAILED', error: expect.any(String) },
      incident: null,
    });
    expect(payload.deploy.logTail.join('\n')).toContain('deploy failed');
    // Nothing else was sent: one event, one delivery.
    await new Promise((r) => setTimeout(r, 1000));
    expect(receiver.received).toHaveLength(3);
  }, 240_000); // two server starts and attempts 6 s apart: generous on a loaded machine
});
