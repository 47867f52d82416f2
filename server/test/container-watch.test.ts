import { mkdtemp, rm } from 'node:fs/promises';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker, eventually, httpGet, type Launchpad, startLaunchpad } from './support/harness.js';
import { makeZip } from './support/zip.js';

let lp: Launchpad;
const cleanups: (() => Promise<void>)[] = [];
beforeAll(async () => {
  lp = await startLaunchpad();
});
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
  await lp?.cleanup();
});

async function createSite(slug: string, text: string): Promise<string> {
  const res = await lp.upload(
    'mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }',
    { input: { name: slug, slug, sourceType: 'ZIP', file: null } },
    { path: 'input.file', name: 's.zip', content: await makeZip([['index.html', text]]) },
  );
  expect(res.errors).toBeUndefined();
  const id = res.data!.createSite.id as string;
  await eventually(async () => ((await status(id)) === 'LIVE' ? true : undefined), 60_000, `${slug} live`);
  return id;
}

async function status(id: string): Promise<string | undefined> {
  return (await lp.gql('query($id: ID!) { site(id: $id) { status } }', { id })).data?.site?.status;
}

/** The site's body once it answers, read from its container (which a restart may have moved). */
async function serves(slug: string): Promise<string> {
  return eventually(
    async () => {
      const { ip } = await lp.app.runtime.endpoint(slug);
      const res = await httpGet(ip!, '/', `${slug}.localhost`);
      return res.status === 200 ? res.body.toString() : undefined;
    },
    60_000,
    `${slug} to serve`,
  );
}

/** Every status the API announced for `siteId` on graphql-ws, as a dashboard sees them. */
function watchStatuses(siteId: string): { seen: string[]; stop: () => void } {
  const client = lp.ws();
  const seen: string[] = [];
  const off = client.subscribe<{ siteUpdated: { status: string } }>(
    { query: 'subscription($id: ID) { siteUpdated(id: $id) { status } }', variables: { id: siteId } },
    { next: (m) => m.data && seen.push(m.data.siteUpdated.status), error: () => {}, complete: () => {} },
  );
  return {
    seen,
    stop: () => {
      off();
      void client.dispose();
    },
  };
}

const container = (slug: string) => docker.getContainer(`launchpad-site-${slug}`);

describe('site containers stopped behind Launchpad’s back', () => {
  it('docker kill of a site container: it serves again and the API reports DOWN, then LIVE', async () => {
    const slug = `${lp.slugPrefix}-killed`;
    const siteId = await createSite(slug, 'still here');
    const statuses = watchStatuses(siteId);
    try {
      // The subscription is live once it hears of a change made through the API (made until it does).
      await eventually(
        async () => {
          await lp.gql('mutation($id: ID!) { updateSite(id: $id, input: { name: "renamed" }) { id } }', {
            id: siteId,
          });
          return statuses.seen.length > 0 ? true : undefined;
        },
        30_000,
        'subscription',
      );
      await container(slug).kill();
      await eventually(async () => (statuses.seen.includes('DOWN') ? true : undefined), 30_000, 'DOWN');
      expect(await serves(slug)).toBe('still here');
      await eventually(async () => ((await status(siteId)) === 'LIVE' ? true : undefined), 30_000, 'LIVE');
      expect(statuses.seen.slice(statuses.seen.indexOf('DOWN'))).toContain('LIVE');
      expect((await container(slug).inspect()).State.Running).toBe(true);
    } finally {
      statuses.stop();
    }
  }, 120_000);

  it('docker rm -f of a site container: it is created again and serves', async () => {
    const slug = `${lp.slugPrefix}-removed`;
    const siteId = await createSite(slug, 'back again');
    const before = (await container(slug).inspect()).Id;
    await container(slug).remove({ force: true });
    expect(await serves(slug)).toBe('back again');
    expect((await container(slug).inspect()).Id).not.toBe(before);
    await eventually(async () => ((await status(siteId)) === 'LIVE' ? true : undefined), 30_000, 'LIVE');
  }, 120_000);

  it('a deleted site is not resurrected by the watcher', async () => {
    const slug = `${lp.slugPrefix}-deleted`;
    const siteId = await createSite(slug, 'to delete');
    const res = await lp.gql('mutation($id: ID!) { deleteSite(id: $id) }', { id: siteId });
    expect(res.errors).toBeUndefined();
    // Events are handled in order: once a site killed after the deletion is back, the deleted site's
    // removal has been seen (and any restart of it would have come first).
    const witness = `${lp.slugPrefix}-witness`;
    await createSite(witness, 'witness');
    await container(witness).kill();
    expect(await serves(witness)).toBe('witness');
    expect(await docker.listContainers({ all: true, filters: { name: [`launchpad-site-${slug}`] } })).toEqual(
      [],
    );
  }, 120_000);
});

/**
 * The engine's socket behind a relay the test can cut: what the control plane sees when the engine restarts
 * (its event stream ends, new connections are refused for a while). The engine itself is never touched.
 */
async function engineRelay(): Promise<{
  socket: string;
  cut(): void;
  resume(): void;
  close(): Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'launchpad-relay-'));
  const socket = join(dir, 'docker.sock');
  const open = new Set<Socket>();
  let refusing = false;
  const server: Server = createServer((client) => {
    if (refusing) return void client.destroy();
    const engine = connect('/var/run/docker.sock');
    open.add(client).add(engine);
    client.pipe(engine).pipe(client);
    const drop = () => {
      client.destroy();
      engine.destroy();
      open.delete(client);
      open.delete(engine);
    };
    client.on('error', drop).on('close', drop);
    engine.on('error', drop).on('close', drop);
  });
  await new Promise<void>((done) => server.listen(socket, done));
  return {
    socket,
    cut() {
      refusing = true;
      for (const s of open) s.destroy();
    },
    resume() {
      refusing = false;
    },
    async close() {
      for (const s of open) s.destroy();
      await new Promise((done) => server.close(done));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

describe('the engine event stream breaks', () => {
  it('reconnects, and a site container killed while the stream was down is found and started again', async () => {
    const relay = await engineRelay();
    cleanups.push(() => relay.close());
    const viaRelay = await startLaunchpad({ LAUNCHPAD_DOCKER_HOST: `unix://${relay.socket}` });
    cleanups.push(() => viaRelay.cleanup());
    const slug = `${viaRelay.slugPrefix}-gap`;
    const res = await viaRelay.upload(
      'mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }',
      { input: { name: slug, slug, sourceType: 'ZIP', file: null } },
      { path: 'input.file', name: 's.zip', content: await makeZip([['index.html', 'after the gap']]) },
    );
    expect(res.errors).toBeUndefined();
    const siteId = res.data!.createSite.id as string;
    const siteStatus = async () =>
      (await viaRelay.gql('query($id: ID!) { site(id: $id) { status } }', { id: siteId })).data?.site?.status;
    await eventually(async () => ((await siteStatus()) === 'LIVE' ? true : undefined), 60_000, 'live');

    // The engine "restarts": the stream ends and reconnecting fails while the container is killed, so its
    // events never reach the watcher; only the comparison after reconnecting can notice.
    relay.cut();
    await container(slug).kill();
    expect((await container(slug).inspect()).State.Running).toBe(false);
    relay.resume();

    await eventually(
      async () => ((await container(slug).inspect()).State.Running ? true : undefined),
      60_000,
      'restart after reconnecting',
    );
    await eventually(async () => ((await siteStatus()) === 'LIVE' ? true : undefined), 30_000, 'LIVE');
    const { ip } = await viaRelay.app.runtime.endpoint(slug);
    const page = await eventually(async () => {
      const r = await httpGet(ip!, '/', `${slug}.localhost`).catch(() => undefined);
      return r?.status === 200 ? r : undefined;
    });
    expect(page.body.toString()).toBe('after the gap');
  }, 180_000);

  it('a server app stopped while the stream was down (as an engine restart leaves it) runs again', async () => {
    const relay = await engineRelay();
    cleanups.push(() => relay.close());
    const viaRelay = await startLaunchpad({ LAUNCHPAD_DOCKER_HOST: `unix://${relay.socket}` });
    cleanups.push(() => viaRelay.cleanup());
    const slug = `${viaRelay.slugPrefix}-app-gap`;
    const app = "require('http').createServer((q, s) => s.end('app after the gap')).listen(process.env.PORT)";
    const res = await viaRelay.upload(
      'mutation($input: CreateSiteInput!) { createSite(input: $input) { id currentDeploy { id } } }',
      {
        input: {
          name: slug,
          slug,
          kind: 'SERVER',
          startCommand: 'node server.js',
          sourceType: 'ZIP',
          file: null,
        },
      },
      { path: 'input.file', name: 's.zip', content: await makeZip([['server.js', app]]) },
    );
    expect(res.errors).toBeUndefined();
    const siteId = res.data!.createSite.id as string;
    const current = await eventually(
      async () => {
        const site = (
          await viaRelay.gql('query($id: ID!) { site(id: $id) { status currentDeploy { id } } }', {
            id: siteId,
          })
        ).data?.site;
        return site?.status === 'LIVE' ? (site.currentDeploy.id as string) : undefined;
      },
      60_000,
      'live',
    );
    const appContainer = docker.getContainer(`launchpad-app-${slug}-${current}`);

    // A stopped app is not restarted by its on-failure policy; only the comparison after reconnecting can
    // notice it.
    relay.cut();
    await appContainer.stop({ t: 1 });
    relay.resume();

    await eventually(
      async () => ((await appContainer.inspect()).State.Running ? true : undefined),
      60_000,
      'the app running again after reconnecting',
    );
    const { ip } = await viaRelay.app.runtime.endpoint(slug);
    const page = await eventually(async () => {
      const r = await httpGet(ip!, '/', `${slug}.localhost`).catch(() => undefined);
      return r?.status === 200 ? r : undefined;
    }, 30_000);
    expect(page.body.toString()).toBe('app after the gap');
  }, 180_000);
});
