/**
 * Issue 16, acceptance 4: a second engine joined as a swarm worker runs a site's task, pulled from the
 * registry. The worker is a dockerd in its own network namespace on this machine (scripts/swarm-worker.sh):
 * its own network stack, data root and containerd, sharing only the kernel with the manager. The task is
 * reached as Traefik reaches it, by its address on the overlay network, which here crosses from the
 * manager's engine to the worker's over VXLAN on the veth pair.
 *
 * Opt-in (LAUNCHPAD_TEST_SWARM_WORKER=1, root, vxlan, no swarm yet): it makes the shared engine a swarm
 * manager advertising a non-loopback address for the length of the file. See README, "Running on several
 * machines".
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteServiceName } from '../src/runtime/swarm/service-spec.js';
import { docker, eventually, type Launchpad, settledDeploy, startLaunchpad } from './support/harness.js';
import { type Registry, startRegistry } from './support/registry.js';
import { ensureSwarm, leaveSwarm, removeSwarmSites, type SwarmState, TaskClient } from './support/swarm.js';
import { type SwarmWorker, startSwarmWorker, swarmWorkerUnavailable } from './support/swarm-worker.js';
import { makeZip } from './support/zip.js';

const run = promisify(execFile);
const unavailable = await swarmWorkerUnavailable(docker);
if (unavailable) console.warn(`swarm-worker test skipped: ${unavailable}`);

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateSiteInput!) { createSite(input: $input) { id slug status } }`;
const SITE = /* GraphQL */ `
  query Site($id: ID!) {
    site(id: $id) {
      id slug status currentDeploy { id number }
      deploys { id number status error logs { text } }
    }
  }`;

let lp: Launchpad | undefined;
let registry: Registry | undefined;
let worker: SwarmWorker | undefined;
let swarm: SwarmState | undefined;
let client: TaskClient | undefined;

interface Task {
  NodeID: string;
  Status: { State: string };
  DesiredState: string;
}

describe.skipIf(unavailable !== null)('Swarm runtime with a worker engine', () => {
  let workerNode: string;

  beforeAll(async () => {
    registry = await startRegistry();
    worker = await startSwarmWorker(Number(registry.address.split(':')[1]));
    swarm = await ensureSwarm(docker, worker.hostAddr);
    workerNode = await worker.join(docker);
    lp = await startLaunchpad({ LAUNCHPAD_RUNTIME: 'swarm', LAUNCHPAD_REGISTRY: registry.address });
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
      await removeSwarmSites(docker, lp.slugPrefix, registry!.address);
      await lp.cleanup();
    }
    // The worker's images, containers and dirs go with it; its node is removed from the manager.
    await worker?.stop();
    if (swarm) await leaveSwarm(docker, swarm);
    await registry?.stop();
  }, 180_000);

  let siteId: string;
  let slug: string;

  it("a site's task moved onto the worker is pulled from the registry there and answers on the overlay", async () => {
    expect(await worker!.docker.listImages()).toEqual([]);
    const node = (await docker.getNode(workerNode).inspect()) as { Status: { State: string } };
    expect(node.Status.State).toBe('ready');

    slug = `${lp!.slugPrefix}-w`;
    const res = await lp!.upload(
      CREATE,
      { input: { name: slug, slug, sourceType: 'ZIP', file: null } },
      {
        path: 'input.file',
        name: 'site.zip',
        content: await makeZip([['index.html', '<h1>on the worker</h1>']]),
      },
    );
    expect(res.errors).toBeUndefined();
    siteId = res.data!.createSite.id;
    const { deploy } = await settledDeploy(lp!, SITE, siteId, 1, 180_000);
    expect(deploy.status, deploy.error ?? '').toBe('LIVE');

    // The runtime sets no placement, so the task may start anywhere; this pins it to the worker, as an
    // operator would with a constraint (a start-first update: a new task there, then the old one stops).
    const service = siteServiceName(slug);
    await run('docker', ['service', 'update', '--quiet', '--constraint-add', 'node.role==worker', service]);
    const tasks = await eventually(
      async () => {
        const all = (await docker.listTasks({ filters: { service: [service] } })) as Task[];
        const running = all.filter((t) => t.DesiredState === 'running' && t.Status.State === 'running');
        return running.length === 1 && running[0]!.NodeID === workerNode ? running : undefined;
      },
      120_000,
      'the task to run on the worker alone',
    );
    expect(tasks[0]!.NodeID).toBe(workerNode);

    // The worker's engine had no image; now it holds the deploy's image, by the registry's digest.
    const spec = await docker.getService(service).inspect();
    const image = spec.Spec.TaskTemplate.ContainerSpec.Image as string;
    const digest = image.split('@')[1]!;
    const pulled = await worker!.docker.listImages({
      filters: { reference: [`${registry!.address}/launchpad/${slug}`] },
    });
    expect(pulled.flatMap((i) => i.RepoDigests ?? [])).toContain(
      `${registry!.address}/launchpad/${slug}@${digest}`,
    );
    const containers = await worker!.docker.listContainers({
      filters: { label: [`com.docker.swarm.service.name=${service}`] },
    });
    expect(containers).toHaveLength(1);

    // Reached from the manager's side by its overlay address, as Traefik would.
    await client!.follow(service);
    const addresses = await client!.taskAddresses(service);
    expect(addresses).toHaveLength(1);
    const answer = await client!.get(`${slug}.localhost`);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('on the worker');
    client!.stopFollowing();
  }, 300_000);

  it('delete removes the service, and with it the task on the worker', async () => {
    const res = await lp!.gql(`mutation($id: ID!) { deleteSite(id: $id) }`, { id: siteId });
    expect(res.errors).toBeUndefined();
    await expect(docker.getService(siteServiceName(slug)).inspect()).rejects.toMatchObject({
      statusCode: 404,
    });
    await eventually(
      async () => {
        const left = await worker!.docker.listContainers({
          all: true,
          filters: { label: [`com.docker.swarm.service.name=${siteServiceName(slug)}`] },
        });
        return left.length === 0 ? true : undefined;
      },
      60_000,
      "the worker's task container to go",
    );
    expect(await registry!.tags(`launchpad/${slug}`)).toEqual([]);
  }, 120_000);
});
