import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker, eventually, type Launchpad, startLaunchpad } from './support/harness.js';
import { type Received, startReceiver } from './support/receiver.js';
import { makeZip } from './support/zip.js';

// Acceptance 3 of issue 13: `docker kill` of a site container makes exactly one SITE_DOWN and, once
// Launchpad has started it again, exactly one SITE_RECOVERED; uptime drops below 1. And at start: a site
// whose container died while the control plane was off is DOWN once, then RECOVERED once recovery serves it.

let lp: Launchpad;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  receiver = await startReceiver([200]);
  lp = await startLaunchpad();
});
afterAll(async () => {
  await lp?.cleanup();
  await receiver?.stop();
});

async function ok(query: string, variables: Record<string, unknown> = {}) {
  const answer = await lp.gql(query, variables);
  if (answer.errors) throw new Error(`${query}: ${JSON.stringify(answer.errors)}`);
  return answer.data!;
}

const events = (received: Received[]) => received.map((r) => JSON.parse(r.body).event as string);
const count = (name: string) => events(receiver.received).filter((e) => e === name).length;
const container = (slug: string) => docker.getContainer(`launchpad-site-${slug}`);
const SITE = 'query($id: ID!) { site(id: $id) { status uptime incidents { kind reason } } }';

describe('incidents and their notifications', () => {
  it('one SITE_DOWN and one SITE_RECOVERED per docker kill, also across a restart; uptime drops', async () => {
    const teamId = (await ok('mutation { createTeam(name: "Watchers") { id } }')).createTeam.id;
    await ok(
      'mutation($t: ID!, $i: NotificationChannelInput!) { createNotificationChannel(teamId: $t, input: $i) { id } }',
      {
        t: teamId,
        i: {
          kind: 'WEBHOOK',
          target: receiver.url,
          events: ['SITE_DOWN', 'SITE_RECOVERED', 'DEPLOY_SUCCEEDED'],
        },
      },
    );
    const slug = `${lp.slugPrefix}-watched`;
    const created = await lp.upload(
      'mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }',
      { input: { name: slug, slug, sourceType: 'ZIP', teamId, file: null } },
      { path: 'input.file', name: 's.zip', content: await makeZip([['index.html', 'watched']]) },
    );
    expect(created.errors).toBeUndefined();
    const siteId = created.data!.createSite.id as string;
    const site = () => ok(SITE, { id: siteId }).then((d) => d.site);
    await eventually(async () => ((await site()).status === 'LIVE' ? true : undefined), 90_000, 'LIVE');
    await eventually(
      async () => (count('DEPLOY_SUCCEEDED') === 1 ? true : undefined),
      30_000,
      'deploy event',
    );
    expect((await site()).uptime).toBe(1);

    await container(slug).kill();
    await eventually(async () => (count('SITE_RECOVERED') >= 1 ? true : undefined), 90_000, 'SITE_RECOVERED');
    await eventually(async () => ((await site()).status === 'LIVE' ? true : undefined), 30_000, 'LIVE again');
    // Late duplicates would come within the watcher's resync; give them time to show.
    await new Promise((r) => setTimeout(r, 2000));
    expect(events(receiver.received)).toEqual(['DEPLOY_SUCCEEDED', 'SITE_DOWN', 'SITE_RECOVERED']);
    const down = JSON.parse(receiver.received[1]!.body);
    expect(down).toMatchObject({ site: { id: siteId, slug }, deploy: null, incident: { kind: 'DOWN' } });
    const after = await site();
    expect(after.incidents.map((i: { kind: string }) => i.kind)).toEqual(['RECOVERED', 'DOWN']);
    expect(after.uptime).toBeGreaterThan(0);
    expect(after.uptime).toBeLessThan(1);

    // Killed while the control plane is off: DOWN at start, RECOVERED once recovery has served it again.
    await lp.stop();
    await container(slug).kill();
    lp = await startLaunchpad({}, { dataDir: lp.dataDir, network: lp.network });
    await eventually(
      async () => (count('SITE_RECOVERED') >= 2 ? true : undefined),
      90_000,
      'second RECOVERED',
    );
    await eventually(
      async () => ((await site()).status === 'LIVE' ? true : undefined),
      30_000,
      'LIVE at last',
    );
    await new Promise((r) => setTimeout(r, 2000));
    expect(events(receiver.received)).toEqual([
      'DEPLOY_SUCCEEDED',
      'SITE_DOWN',
      'SITE_RECOVERED',
      'SITE_DOWN',
      'SITE_RECOVERED',
    ]);
    const incidents = (await site()).incidents;
    expect(incidents.map((i: { kind: string }) => i.kind)).toEqual([
      'RECOVERED',
      'DOWN',
      'RECOVERED',
      'DOWN',
    ]);
    expect(incidents[1].reason).toMatch(/at start/);
    expect((await container(slug).inspect()).State.Running).toBe(true);
  }, 300_000);
});
