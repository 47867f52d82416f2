/**
 * The Swarm runtime (issue 16) on a single-node swarm with a real registry (Debian's docker-registry on
 * loopback). Sites are reached the way Traefik's swarm provider reaches them: through their running tasks'
 * addresses on the overlay network (this kernel has no IPVS, so service VIPs and the routing mesh do not
 * work here, and nothing depends on them).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteServiceName } from '../src/runtime/swarm/service-spec.js';
import { type GitServer, startGitServer } from './support/git-server.js';
import { docker, eventually, type Launchpad, settledDeploy, startLaunchpad } from './support/harness.js';
import { type Registry, registryBinary, startRegistry } from './support/registry.js';
import { ensureSwarm, leaveSwarm, removeSwarmSites, type SwarmState, TaskClient } from './support/swarm.js';
import { makeZip } from './support/zip.js';

const run = promisify(execFile);
const missing = registryBinary() === null;
if (missing)
  console.warn(
    'swarm-runtime tests skipped: docker-registry is not installed (apt-get install docker-registry)',
  );

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateSiteInput!) { createSite(input: $input) { id slug status } }`;
const DEPLOY = /* GraphQL */ `
  mutation Deploy($id: ID!, $file: File) { deploySite(id: $id, file: $file) { id number status } }`;
const ROLLBACK = /* GraphQL */ `
  mutation Rollback($id: ID!) { rollback(deployId: $id) { id number status } }`;
const SITE = /* GraphQL */ `
  query Site($id: ID!) {
    site(id: $id) {
      id slug status currentDeploy { id number }
      deploys { id number status error logs { text } }
    }
  }`;

let lp: Launchpad;
let registry: Registry;
let client: TaskClient;
let git: GitServer;
let swarm: SwarmState | undefined;

/**
 * How often the Traefik-like client lists the tasks: as slowly as production's Traefik (5 s, traefik/swarm.yml)
 * and a little more. Measured control: with CONTROL_DRAIN=0 (nginx quits at once on SIGTERM) the force-update
 * loop below fails with dozens of refused connections to the old task, so the zero it asserts is the drain's
 * doing. (With a 250 ms poll even no drain showed no failure: a fast poll hides the problem.)
 */
const REFRESH_MS = 6000;
/** LAUNCHPAD_SWARM_DRAIN for this file: longer than the poll, as production's 10 s is longer than 5 s. */
const DRAIN_SECONDS = process.env.CONTROL_DRAIN ?? '8';
/** A placement constraint an operator adds by hand (the one node of the test swarm is a manager). */
const PINNED = 'node.role==manager';

const page = (text: string) => `<!doctype html><h1>${text}</h1>`;

describe.skipIf(missing)('Swarm runtime', () => {
  beforeAll(async () => {
    swarm = await ensureSwarm(docker);
    registry = await startRegistry();
    git = await startGitServer();
    lp = await startLaunchpad({
      LAUNCHPAD_RUNTIME: 'swarm',
      LAUNCHPAD_REGISTRY: registry.address,
      LAUNCHPAD_SWARM_DRAIN: DRAIN_SECONDS,
      LAUNCHPAD_GIT_SCHEMES: 'git',
    });
    client = await TaskClient.start(docker, {
      network: lp.network,
      name: `${lp.slugPrefix}-task-client`,
      image: 'node:20-alpine',
      labels: { 'dev.launchpad.test': 'swarm-task-client' },
    });
  }, 180_000);

  afterAll(async () => {
    await client?.stop();
    if (lp) {
      await removeSwarmSites(docker, lp.slugPrefix, registry.address);
      await lp.cleanup();
    }
    await registry?.stop();
    await git?.stop();
    if (swarm) await leaveSwarm(docker, swarm);
  }, 180_000);

  async function deployed(siteId: string, number: number) {
    const { site, deploy } = await settledDeploy(lp, SITE, siteId, number, 180_000);
    if (deploy.status !== 'LIVE') {
      const log = deploy.logs.map((l: { text: string }) => l.text).join('\n');
      throw new Error(`deploy #${number} ended ${deploy.status}: ${deploy.error}\n${log}`);
    }
    return { site, deploy };
  }

  /** Requests in a loop (two at a time) until stopped; every answer that is not 200 counts as failed. */
  function requestLoop(host: string) {
    let running = true;
    const failures: string[] = [];
    const bodies = new Set<string>();
    let total = 0;
    const worker = async () => {
      while (running) {
        try {
          const res = await client.get(host);
          total++;
          bodies.add(res.body);
          if (res.status !== 200) failures.push(`${res.status} from ${res.task}: ${res.body.slice(0, 120)}`);
        } catch (err) {
          total++;
          failures.push((err as Error).message);
        }
      }
    };
    const done = Promise.all([worker(), worker()]);
    return {
      failures,
      bodies,
      get total() {
        return total;
      },
      async stop() {
        running = false;
        await done;
      },
    };
  }

  let zipSiteId: string;
  let zipSlug: string;
  let firstDeploy: string;

  it('a zip site deploys as the service launchpad-site-<slug> with its image in the registry, and answers through its task address', async () => {
    zipSlug = `${lp.slugPrefix}-zip`;
    const res = await lp.upload(
      CREATE,
      { input: { name: zipSlug, slug: zipSlug, sourceType: 'ZIP', file: null } },
      { path: 'input.file', name: 'site.zip', content: await makeZip([['index.html', page('version one')]]) },
    );
    expect(res.errors).toBeUndefined();
    zipSiteId = res.data!.createSite.id;
    const { deploy } = await deployed(zipSiteId, 1);
    firstDeploy = deploy.id;

    const service = await docker.getService(siteServiceName(zipSlug)).inspect();
    const labels = service.Spec.Labels as Record<string, string>;
    expect(labels['dev.launchpad.managed']).toBe('true');
    expect(labels['dev.launchpad.site']).toBe(zipSiteId);
    expect(labels['traefik.enable']).toBe('true');
    expect(labels['traefik.swarm.network']).toBe(lp.network);
    expect(labels[`traefik.http.services.launchpad-${zipSlug}.loadbalancer.server.port`]).toBe('80');
    expect(labels[`traefik.http.routers.launchpad-${zipSlug}.rule`]).toBe(`Host(\`${zipSlug}.localhost\`)`);
    expect(service.Spec.EndpointSpec.Mode).toBe('dnsrr');
    expect(service.Spec.UpdateConfig.Order).toBe('start-first');
    expect(service.Spec.TaskTemplate.ContainerSpec.Image).toMatch(
      new RegExp(`^${registry.address}/launchpad/${zipSlug}:${firstDeploy}@sha256:[0-9a-f]{64}$`),
    );
    expect(await registry.tags(`launchpad/${zipSlug}`)).toEqual([firstDeploy]);

    await client.follow(siteServiceName(zipSlug), REFRESH_MS);
    const answer = await client.get(`${zipSlug}.localhost`);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('version one');
    // Its own permalink host is served by the same task.
    const permalink = await client.get(`${firstDeploy}--${zipSlug}.localhost`);
    expect(permalink.body).toContain('version one');
  }, 240_000);

  it('survives `docker service update --force` (a new task, start-first) with no failed request', async () => {
    const host = `${zipSlug}.localhost`;
    const before = await client.taskAddresses(siteServiceName(zipSlug));
    const loop = requestLoop(host);
    // An operator also pins the site to some nodes (here: managers, which this one-node swarm's node is).
    await run(
      'docker',
      [
        'service',
        'update',
        '--force',
        '--constraint-add',
        PINNED,
        '--detach=false',
        '--quiet',
        siteServiceName(zipSlug),
      ],
      {
        timeout: 180_000,
      },
    );
    const after = await eventually(
      async () => {
        const now = await client.taskAddresses(siteServiceName(zipSlug));
        return now.length === 1 && now[0] !== before[0] ? now : undefined;
      },
      60_000,
      'the replaced task',
    );
    // The old task drains (LAUNCHPAD_SWARM_DRAIN) before it stops; requests keep going through it all.
    await new Promise((r) => setTimeout(r, (Number(DRAIN_SECONDS) + 2) * 1000));
    await loop.stop();
    expect(loop.failures).toEqual([]);
    expect(loop.total).toBeGreaterThan(10);
    const answer = await client.getFrom(after[0]!, host);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('version one');
  }, 240_000);

  it('redeploys and rolls back as rolling updates under a request loop with 0 failed requests', async () => {
    const host = `${zipSlug}.localhost`;
    const loop = requestLoop(host);
    const two = await lp.upload(
      DEPLOY,
      { id: zipSiteId, file: null },
      { path: 'file', name: 'site.zip', content: await makeZip([['index.html', page('version two')]]) },
    );
    expect(two.errors).toBeUndefined();
    const { deploy: second } = await deployed(zipSiteId, 2);
    await eventually(
      async () => ((await client.get(host)).body.includes('version two') ? true : undefined),
      30_000,
      'version two to be served',
    );
    expect(await registry.tags(`launchpad/${zipSlug}`)).toEqual(
      expect.arrayContaining([firstDeploy, second.id]),
    );

    const back = await lp.gql(ROLLBACK, { id: firstDeploy });
    expect(back.errors).toBeUndefined();
    const { site } = await deployed(zipSiteId, 3);
    expect(site.currentDeploy.number).toBe(3);
    await eventually(
      async () => ((await client.get(host)).body.includes('version one') ? true : undefined),
      30_000,
      'version one to be served again',
    );
    // Let the rollback's old task drain and stop while the loop still runs.
    await new Promise((r) => setTimeout(r, (Number(DRAIN_SECONDS) + 2) * 1000));
    await loop.stop();
    expect(loop.failures).toEqual([]);
    expect(loop.total).toBeGreaterThan(20);
    expect([...loop.bodies].some((b) => b.includes('version two'))).toBe(true);
    const service = await docker.getService(siteServiceName(zipSlug)).inspect();
    expect(service.Spec.TaskTemplate.ContainerSpec.Image).toContain(`:${site.currentDeploy.id}@sha256:`);
    // The operator's placement outlived both updates.
    expect(service.Spec.TaskTemplate.Placement?.Constraints).toEqual([PINNED]);
  }, 360_000);

  it('a git site is built on the manager (isolated build container) and deploys as a service', async () => {
    const slug = `${lp.slugPrefix}-git`;
    await git.createRepo(`${slug}`, {
      'build.js': `require('node:fs').mkdirSync('dist', { recursive: true });
require('node:fs').writeFileSync('dist/index.html', '<p>built from git: ' + process.env.GREETING + '</p>');`,
    });
    const res = await lp.gql(CREATE, {
      input: {
        name: slug,
        slug,
        sourceType: 'GIT',
        gitUrl: git.url(slug),
        buildCommand: 'node build.js',
        envVars: [{ name: 'GREETING', value: 'hello swarm' }],
      },
    });
    expect(res.errors).toBeUndefined();
    const siteId = res.data!.createSite.id;
    await deployed(siteId, 1);
    await client.follow(siteServiceName(slug), REFRESH_MS);
    const answer = await client.get(`${slug}.localhost`);
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('<p>built from git: hello swarm</p>');
    const deleted = await lp.gql(`mutation($id: ID!) { deleteSite(id: $id) }`, { id: siteId });
    expect(deleted.errors).toBeUndefined();
  }, 300_000);

  it('a server app runs as a service from its runtime image, confined, reached on its own port', async () => {
    const slug = `${lp.slugPrefix}-app`;
    const server = `require('node:http').createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end(req.url === '/health' ? 'ok' : 'app says ' + process.env.GREETING + ' uid=' + process.getuid());
}).listen(Number(process.env.PORT));`;
    const res = await lp.upload(
      `mutation Create($input: CreateSiteInput!) { createSite(input: $input) { id } }`,
      {
        input: {
          name: slug,
          slug,
          sourceType: 'ZIP',
          kind: 'SERVER',
          startCommand: 'node server.js',
          port: 3000,
          healthCheckPath: '/health',
          envVars: [{ name: 'GREETING', value: 'hello' }],
          file: null,
        },
      },
      { path: 'input.file', name: 'app.zip', content: await makeZip([['server.js', server]]) },
    );
    expect(res.errors).toBeUndefined();
    const siteId = res.data!.createSite.id;
    await deployed(siteId, 1);
    const service = await docker.getService(siteServiceName(slug)).inspect();
    expect(service.Spec.Labels[`traefik.http.services.launchpad-${slug}.loadbalancer.server.port`]).toBe(
      '3000',
    );
    const [task] = await client.taskAddresses(siteServiceName(slug));
    const answer = await client.getFrom(task!, `${slug}.localhost`, '/', 3000);
    expect(answer.status).toBe(200);
    // Not root, as on one engine.
    expect(answer.body).toBe('app says hello uid=1000');
    const deleted = await lp.gql(`mutation($id: ID!) { deleteSite(id: $id) }`, { id: siteId });
    expect(deleted.errors).toBeUndefined();
  }, 300_000);

  it('delete leaves no service, image (here or in the registry), container or network of the site', async () => {
    expect((await registry.tags(`launchpad/${zipSlug}`)).length).toBeGreaterThan(0);
    const res = await lp.gql(`mutation($id: ID!) { deleteSite(id: $id) }`, { id: zipSiteId });
    expect(res.errors).toBeUndefined();
    await expect(docker.getService(siteServiceName(zipSlug)).inspect()).rejects.toMatchObject({
      statusCode: 404,
    });
    const images = await docker.listImages({
      filters: { reference: [`${registry.address}/launchpad/${zipSlug}`] },
    });
    expect(images).toEqual([]);
    expect(await registry.tags(`launchpad/${zipSlug}`)).toEqual([]);
    const siteLabel = `dev.launchpad.site=${zipSiteId}`;
    expect(await docker.listContainers({ all: true, filters: { label: [siteLabel] } })).toEqual([]);
    expect(await docker.listNetworks({ filters: { label: [siteLabel] } })).toEqual([]);
    expect(await docker.listServices({ filters: { label: [siteLabel] } })).toEqual([]);
  }, 120_000);
});
