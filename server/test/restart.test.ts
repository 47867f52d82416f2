import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startGitServer } from './support/git-server.js';
import { docker, eventually, httpGet, startLaunchpad } from './support/harness.js';
import { spawnedInstance } from './support/spawn-server.js';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
});

/** A control plane as its own process on a fresh data dir and network (removed after the file). */
async function spawnInstance(env: Record<string, string>) {
  const instance = await spawnedInstance({ env: { LAUNCHPAD_GIT_SCHEMES: 'git', ...env } });
  cleanups.push(() => instance.cleanup());
  return instance;
}

describe('a server killed mid-build', () => {
  it('fails the interrupted deploy, removes its container and work dir, keeps serving, runs what was queued', async () => {
    const git = await startGitServer();
    cleanups.push(() => git.stop());
    await git.createRepo('site', {
      'build.js': "require('fs').mkdirSync('dist');require('fs').writeFileSync('dist/index.html','v1')",
    });
    const instance = await spawnInstance({ LAUNCHPAD_BUILD_CONCURRENCY: '1' });
    const { dataDir, network, env } = instance;

    const create = (slug: string) =>
      instance.gql('mutation($input: CreateSiteInput!) { createSite(input: $input) { id deploys { id } } }', {
        input: {
          name: slug,
          slug,
          sourceType: 'GIT',
          gitUrl: git.url('site'),
          buildCommand: 'node build.js',
        },
      });
    const slug = `r${randomBytes(3).toString('hex')}`;
    const a = (await create(slug)).data!.createSite;
    await eventually(async () => {
      const s = (await instance.gql('query($id: ID!) { site(id: $id) { status } }', { id: a.id })).data?.site;
      return s?.status === 'LIVE' ? true : undefined;
    });

    // A build that never ends, and a second site whose deploy waits behind it (concurrency 1).
    await instance.gql(
      'mutation($id: ID!) { updateSite(id: $id, input: { buildCommand: "sleep 600" }) { id } }',
      { id: a.id },
    );
    const running = (await instance.gql('mutation($id: ID!) { deploySite(id: $id) { id } }', { id: a.id }))
      .data!.deploySite.id;
    await eventually(async () => {
      const list = await docker.listContainers({ filters: { name: [`launchpad-build-${running}`] } });
      return list.length ? true : undefined;
    });
    const b = (await create(`${slug}-b`)).data!.createSite;

    await instance.kill();

    const { NetworkSettings } = await docker.getContainer(`launchpad-site-${slug}`).inspect();
    const ip = NetworkSettings.Networks[network]!.IPAddress;
    expect((await httpGet(ip, '/', `${slug}.localhost`)).body.toString()).toBe('v1');

    const again = await startLaunchpad(env, { dataDir, network });
    cleanups.push(() => again.stop());
    const interrupted = (
      await again.gql('query($id: ID!) { deploy(id: $id) { status error } }', { id: running })
    ).data!.deploy;
    expect(interrupted).toEqual({ status: 'FAILED', error: 'interrupted by restart' });
    expect(
      await docker.listContainers({ all: true, filters: { name: [`launchpad-build-${running}`] } }),
    ).toEqual([]);
    expect((await readdir(join(dataDir, 'work'))).filter((d) => d === running)).toEqual([]);
    expect((await httpGet(ip, '/', `${slug}.localhost`)).body.toString()).toBe('v1');

    const queued = b.deploys[0].id;
    const done = await eventually(async () => {
      const d = (await again.gql('query($id: ID!) { deploy(id: $id) { status } }', { id: queued })).data
        ?.deploy;
      return d?.status === 'LIVE' || d?.status === 'FAILED' ? d : undefined;
    }, 45_000);
    expect(done.status).toBe('LIVE');
  }, 240_000); // two server starts, a clone and builds: generous on a loaded machine
});

describe('a server killed while a SERVER deploy’s new app starts', () => {
  it('serves its last good app after the restart and leaves no orphaned app container', async () => {
    const git = await startGitServer();
    cleanups.push(() => git.stop());
    // v1 answers at once; v2 takes ten minutes to listen, so the kill comes while its health check waits.
    const server = (version: string, delayMs: number) => `
      const http = require('node:http');
      const server = http.createServer((req, res) => res.end('app ${version}'));
      setTimeout(() => server.listen(Number(process.env.PORT)), ${delayMs});
    `;
    await git.createRepo('app', { 'server.js': server('v1', 0) });
    const instance = await spawnInstance({ LAUNCHPAD_APP_HEALTH_TIMEOUT: '600' });
    const { dataDir, network, env } = instance;

    const slug = `r${randomBytes(3).toString('hex')}`;
    const created = await instance.gql(
      'mutation($input: CreateSiteInput!) { createSite(input: $input) { id deploys { id } } }',
      {
        input: {
          name: slug,
          slug,
          kind: 'SERVER',
          sourceType: 'GIT',
          gitUrl: git.url('app'),
          startCommand: 'node server.js',
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const site = created.data!.createSite;
    const good = site.deploys[0].id as string;
    await eventually(async () => {
      const s = (await instance.gql('query($id: ID!) { site(id: $id) { status } }', { id: site.id })).data
        ?.site;
      return s?.status === 'LIVE' ? true : undefined;
    }, 120_000);
    const serve = async () => {
      const { NetworkSettings } = await docker.getContainer(`launchpad-site-${slug}`).inspect();
      const ip = NetworkSettings.Networks[network]!.IPAddress;
      return (await httpGet(ip, '/', `${slug}.localhost`)).body.toString();
    };
    expect(await serve()).toBe('app v1');

    await git.commit('app', { 'server.js': server('v2', 600_000) }, 'v2 starts slowly');
    const starting = (
      await instance.gql('mutation($id: ID!) { deploySite(id: $id) { id } }', { id: site.id })
    ).data!.deploySite.id as string;
    // Killed once the new app's container runs (its health check is waiting).
    await eventually(
      async () => {
        const list = await docker.listContainers({
          filters: { name: [`launchpad-app-${slug}-${starting}`] },
        });
        return list.length ? true : undefined;
      },
      120_000,
      'the new app container',
    );
    await instance.kill();

    const again = await startLaunchpad(env, { dataDir, network });
    cleanups.push(() => again.stop());
    const interrupted = (await again.gql('query($id: ID!) { deploy(id: $id) { status } }', { id: starting }))
      .data!.deploy;
    expect(interrupted.status).toBe('FAILED');
    const apps = await docker.listContainers({ all: true, filters: { name: [`launchpad-app-${slug}-`] } });
    expect(apps.map((c) => c.Names[0]!.slice(1))).toEqual([`launchpad-app-${slug}-${good}`]);
    expect(await serve()).toBe('app v1');
    const current = (
      await again.gql('query($id: ID!) { site(id: $id) { status currentDeploy { id } } }', {
        id: site.id,
      })
    ).data!.site;
    expect(current).toEqual({ status: 'LIVE', currentDeploy: { id: good } });
  }, 240_000); // two server starts, a clone and an app start: generous on a loaded machine
});
