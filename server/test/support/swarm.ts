/**
 * The single-node swarm the Swarm runtime's tests run on: the shared engine joins one as its manager when
 * it is not in one (plain containers of other tests are not disturbed by that), and leaves it again only
 * if this run made it.
 */
import { execFile } from 'node:child_process';
import { request } from 'node:http';
import { promisify } from 'node:util';
import type Docker from 'dockerode';

const run = promisify(execFile);

export interface SwarmState {
  initialisedHere: boolean;
  /** `docker swarm init` creates the bridge docker_gwbridge, which leaving the swarm keeps. */
  gwbridgeMadeHere: boolean;
}

/** `advertiseAddr`: where other nodes reach this one (loopback for a swarm of one; support/swarm-worker.ts). */
export async function ensureSwarm(docker: Docker, advertiseAddr = '127.0.0.1'): Promise<SwarmState> {
  const info = (await docker.info()) as { Swarm?: { LocalNodeState?: string; ControlAvailable?: boolean } };
  if (info.Swarm?.LocalNodeState === 'active') {
    if (!info.Swarm.ControlAvailable) throw new Error('this engine is a swarm worker, not a manager');
    return { initialisedHere: false, gwbridgeMadeHere: false };
  }
  const had = (await docker.listNetworks({ filters: { name: [GWBRIDGE] } })).some((n) => n.Name === GWBRIDGE);
  await run('docker', ['swarm', 'init', '--advertise-addr', advertiseAddr]);
  return { initialisedHere: true, gwbridgeMadeHere: !had };
}

/** Leaves the swarm this run made, and removes the bridge its init made (when nothing else uses it). */
export async function leaveSwarm(docker: Docker, state: SwarmState): Promise<void> {
  if (!state.initialisedHere) return;
  await run('docker', ['swarm', 'leave', '--force']);
  if (state.gwbridgeMadeHere)
    await docker
      .getNetwork(GWBRIDGE)
      .remove()
      .catch(() => {});
}

const GWBRIDGE = 'docker_gwbridge';

/**
 * Removes what a test file's Swarm sites left (a failed test may leave one): the services named after the
 * file's slug prefix, once their tasks have stopped, and the site images in `registry`.
 */
export async function removeSwarmSites(docker: Docker, slugPrefix: string, registry: string): Promise<void> {
  const prefix = `launchpad-site-${slugPrefix}`;
  const services = await docker.listServices({ filters: { name: [prefix] } });
  for (const s of services)
    await docker
      .getService(s.ID)
      .remove()
      .catch(() => {});
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const left = await docker.listContainers({
      all: true,
      filters: { label: ['com.docker.swarm.service.name'] },
    });
    if (!left.some((c) => c.Labels['com.docker.swarm.service.name']?.startsWith(prefix))) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const images = await docker.listImages({ filters: { reference: [`${registry}/launchpad/*`] } });
  for (const img of images)
    await docker
      .getImage(img.Id)
      .remove({ force: true })
      .catch(() => {});
}

/**
 * A client that reaches a site the way Traefik's swarm provider does (pkg/provider/docker/pswarm.go): it
 * lists the service's tasks whose desired state and state are `running`, takes their addresses on the
 * overlay network, refreshes that list every `refreshMs`, and sends each request to one of them.
 *
 * The overlay network is not routable from the host, so the requests go through a small forwarder
 * container attached to it (and to the default bridge, with a loopback port): it sends each request to
 * the task address named in a header, nothing else. The forwarder runs the local node image.
 */
export class TaskClient {
  private addresses: string[] = [];
  private next = 0;
  private timer: NodeJS.Timeout | null = null;

  private constructor(
    private readonly docker: Docker,
    private readonly container: Docker.Container,
    private readonly port: number,
    private readonly networkId: string,
  ) {}

  static async start(
    docker: Docker,
    opts: { network: string; name: string; image: string; labels: Record<string, string> },
  ) {
    const network = await docker.getNetwork(opts.network).inspect();
    const container = await docker.createContainer({
      name: opts.name,
      Image: opts.image,
      Labels: opts.labels,
      Cmd: ['node', '-e', FORWARDER],
      ExposedPorts: { '8080/tcp': {} },
      HostConfig: {
        NetworkMode: 'bridge',
        PortBindings: { '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] },
      },
    });
    await container.start();
    await docker.getNetwork(network.Id).connect({ Container: container.id });
    const info = await container.inspect();
    const port = Number(info.NetworkSettings.Ports['8080/tcp']![0]!.HostPort);
    return new TaskClient(docker, container, port, network.Id);
  }

  /** Follows `service`'s running tasks from now on (refreshing every `refreshMs`). */
  async follow(service: string, refreshMs = 250): Promise<void> {
    this.stopFollowing();
    const refresh = async () => {
      this.addresses = await this.taskAddresses(service).catch(() => this.addresses);
    };
    await refresh();
    this.timer = setInterval(refresh, refreshMs);
  }

  stopFollowing(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** The addresses Traefik would route to now. */
  async taskAddresses(service: string): Promise<string[]> {
    const tasks = (await this.docker.listTasks({
      filters: { service: [service], 'desired-state': ['running'] },
    })) as {
      Status: { State: string };
      NetworksAttachments?: { Network: { ID: string }; Addresses?: string[] }[];
    }[];
    return tasks
      .filter((t) => t.Status.State === 'running')
      .flatMap((t) => t.NetworksAttachments ?? [])
      .filter((a) => a.Network.ID === this.networkId)
      .flatMap((a) => (a.Addresses ?? []).map((addr) => addr.split('/')[0]!));
  }

  /** GET `path` with Host `host` from one of the followed tasks (round robin), as Traefik forwards it. */
  get(host: string, path = '/'): Promise<{ status: number; body: string; task: string }> {
    if (this.addresses.length === 0) return Promise.reject(new Error('no running task to send to'));
    const task = this.addresses[this.next++ % this.addresses.length]!;
    return this.getFrom(task, host, path);
  }

  /** GET `path` from the task at `task` (an overlay address), on `port` (the load-balancer port label). */
  getFrom(
    task: string,
    host: string,
    path = '/',
    port = 80,
  ): Promise<{ status: number; body: string; task: string }> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: this.port,
          path,
          headers: { host, 'x-task-address': task, 'x-task-port': String(port) },
          agent: false,
          timeout: 5000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), task }),
          );
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', reject);
      req.end();
    });
  }

  async stop(): Promise<void> {
    this.stopFollowing();
    await this.container.remove({ force: true }).catch(() => {});
  }
}

/** The forwarder: answers 599 (never a status nginx sends) when the task cannot be reached. */
const FORWARDER = `
const http = require('node:http');
http.createServer((req, res) => {
  const target = req.headers['x-task-address'];
  if (!/^[0-9.]+$/.test(target || '')) { res.writeHead(400); return res.end('no task address'); }
  const port = Number(req.headers['x-task-port'] || 80);
  const out = http.request({ host: target, port, path: req.url, method: req.method,
    headers: { host: req.headers.host }, agent: false, timeout: 4000 }, (up) => {
    res.writeHead(up.statusCode, up.headers); up.pipe(res);
  });
  out.on('timeout', () => out.destroy(new Error('timeout')));
  out.on('error', (e) => { res.writeHead(599); res.end('forward failed: ' + e.message); });
  out.end();
}).listen(8080);
`;
