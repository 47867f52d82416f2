/**
 * A second Docker engine joined to the test swarm as a worker: scripts/swarm-worker.sh starts it in its own
 * network namespace (a veth pair to the host, its own data root, exec root, containerd and socket), the
 * nearest thing to a second machine this one has. Its loopback registry port leads to the host's, so it
 * pulls site images from the registry the manager pushed them to.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Docker from 'dockerode';

const run = promisify(execFile);
const SCRIPT = join(import.meta.dirname, '..', '..', '..', 'scripts', 'swarm-worker.sh');

export interface SwarmWorker {
  /** A client of the worker's own engine. */
  docker: Docker;
  /** The manager must advertise this address (the host side of the veth) for the worker to reach it. */
  hostAddr: string;
  /** The worker's swarm node id, once joined. */
  nodeId: string | null;
  join(manager: Docker): Promise<string>;
  /** Leaves the swarm, removes its node from the manager, stops the engine, removes netns, veth and dirs. */
  stop(): Promise<void>;
}

/**
 * Why a worker engine cannot run here, or null when it can. LAUNCHPAD_TEST_SWARM_WORKER=1 opts in: the
 * test makes the shared engine a swarm manager advertising a veth address, which other test files of a
 * parallel run would then join in on (README, "Running on several machines").
 */
export async function swarmWorkerUnavailable(manager: Docker): Promise<string | null> {
  if (process.env.LAUNCHPAD_TEST_SWARM_WORKER !== '1') return 'LAUNCHPAD_TEST_SWARM_WORKER is not 1';
  if (process.getuid?.() !== 0) return 'not root (a network namespace and a second dockerd need it)';
  if (!existsSync('/sys/module/vxlan')) return 'the kernel has no vxlan module (overlay networks)';
  for (const cmd of ['ip', 'nsenter', 'iptables', 'dockerd', 'docker-registry']) {
    const found = await run('sh', ['-c', `command -v ${cmd}`]).then(
      () => true,
      () => false,
    );
    if (!found) return `${cmd} is not installed`;
  }
  const info = (await manager.info()) as { Swarm?: { LocalNodeState?: string } };
  // A swarm that exists already (another test file's) advertises loopback, which a worker cannot reach.
  if (info.Swarm?.LocalNodeState !== 'inactive') return 'the engine is in a swarm already';
  return null;
}

export async function startSwarmWorker(registryPort: number): Promise<SwarmWorker> {
  const { stdout } = await run('bash', [SCRIPT, 'start', String(registryPort)]).catch(async (err) => {
    await run('bash', [SCRIPT, 'stop']).catch(() => {});
    throw err;
  });
  const vars = Object.fromEntries(
    stdout
      .trim()
      .split('\n')
      .map((line) => line.split('=', 2) as [string, string]),
  );
  const worker: SwarmWorker = {
    docker: new Docker({ socketPath: vars.WORKER_SOCKET! }),
    hostAddr: vars.HOST_ADDR!,
    nodeId: null,
    async join(manager) {
      const swarm = (await manager.swarmInspect()) as { JoinTokens: { Worker: string } };
      await worker.docker.swarmJoin({
        ListenAddr: `${vars.WORKER_ADDR}:2377`,
        AdvertiseAddr: vars.WORKER_ADDR,
        RemoteAddrs: [`${vars.HOST_ADDR}:2377`],
        JoinToken: swarm.JoinTokens.Worker,
      });
      const info = (await worker.docker.info()) as { Swarm: { NodeID: string } };
      worker.nodeId = info.Swarm.NodeID;
      return worker.nodeId;
    },
    async stop() {
      await run('bash', [SCRIPT, 'stop']);
      if (worker.nodeId) {
        // Only the worker's own node, by its id.
        const manager = new Docker();
        await manager
          .getNode(worker.nodeId)
          .remove({ force: true })
          .catch(() => {});
      }
    },
  };
  return worker;
}
