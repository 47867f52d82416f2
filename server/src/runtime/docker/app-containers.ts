import { realpath } from 'node:fs/promises';
import type Docker from 'dockerode';
import { engineError, ensureImage, isNotFound } from '../images.js';
import { APP_LABEL, instanceFilter, MANAGED_LABEL, ownership, SITE_LABEL } from '../labels.js';
import type { AppSpec } from '../ports.js';

/** `launchpad-app-<slug>-<deployId>`: one container per deploy of a server app (api.md). */
export const appContainerName = (slug: string, deployId: string) => `launchpad-app-${slug}-${deployId}`;
const APP_NAME = /^\/?launchpad-app-([a-z0-9-]+)-([0-9a-f]{24})$/;

const MiB = 1024 * 1024;
/**
 * An app's share of the host, in the style of the build limits: bounded memory (no swap beyond it), CPU and
 * processes, so a fork bomb or a memory leak stops at its own container.
 */
export const DEFAULT_APP_LIMITS = { memoryBytes: 512 * MiB, nanoCpus: 1e9, pids: 256 } as const;
/** The node images' unprivileged user; numeric, so it works in images that do not name it. */
export const APP_USER = '1000:1000';
/** Docker restarts a crashing app this often (with its own doubling delay) before it gives up. */
export const APP_RESTARTS = 5;

export interface AppContainer {
  id: string;
  name: string;
  slug: string;
  deployId: string;
  siteId: string | null;
  running: boolean;
}

export interface AppState {
  running: boolean;
  restarting: boolean;
  exitCode: number;
  restartCount: number;
  oomKilled: boolean;
  ip: string | null;
}

/**
 * The app containers of server sites (issue 14) on one engine, for one Launchpad instance. An app runs its
 * start command (`sh -c`, inside the container only) over the deploy's files, mounted read-only at /app,
 * as an unprivileged user with no capabilities, no new privileges, no docker.sock and bounded resources,
 * on the sites network where the site's nginx reaches it by name.
 */
export class AppContainers {
  constructor(
    private readonly docker: Docker,
    private readonly opts: { network: string; instanceId: string },
  ) {}

  /** Creates and starts the app of `deployId` (a leftover of the same name is replaced). */
  async start(
    site: { id: string; slug: string },
    deployId: string,
    files: string,
    app: AppSpec,
    networkId: string,
  ): Promise<string> {
    const name = appContainerName(site.slug, deployId);
    await this.remove(name);
    await ensureImage(this.docker, app.image);
    // Docker would mount a symlink itself (a rollback's permalink folder), not what it points to.
    const source = await realpath(files);
    const memory = DEFAULT_APP_LIMITS.memoryBytes;
    const create: Docker.ContainerCreateOptions = {
      name,
      Image: app.image,
      // The image's entrypoint is kept (the node image's runs a command as it is).
      Cmd: ['sh', '-c', app.command],
      WorkingDir: '/app',
      User: APP_USER,
      // Defaults first, the site's own variables next; PORT last, since nginx proxies to that port.
      Env: [
        'HOME=/tmp',
        'NODE_ENV=production',
        // npm's "new version available" notice would end up in every app's log.
        'NPM_CONFIG_UPDATE_NOTIFIER=false',
        ...app.env.map(({ name: n, value }) => `${n}=${value}`),
        `PORT=${app.port}`,
      ],
      Labels: { ...ownership(site.id, this.opts.instanceId), [APP_LABEL]: deployId },
      ExposedPorts: { [`${app.port}/tcp`]: {} },
      HostConfig: {
        Mounts: [{ Type: 'bind', Source: source, Target: '/app', ReadOnly: true }],
        Tmpfs: { '/tmp': 'rw,exec,nosuid,nodev,size=64m,mode=1777' },
        NetworkMode: networkId,
        Memory: memory,
        MemorySwap: memory,
        NanoCpus: DEFAULT_APP_LIMITS.nanoCpus,
        PidsLimit: DEFAULT_APP_LIMITS.pids,
        SecurityOpt: ['no-new-privileges'],
        CapDrop: ['ALL'],
        Privileged: false,
        Init: true,
        RestartPolicy: { Name: 'on-failure', MaximumRetryCount: APP_RESTARTS },
        // Runtime logs are kept by the engine, bounded: what `siteRuntimeLog` tails.
        LogConfig: { Type: 'json-file', Config: { 'max-size': '10m', 'max-file': '2' } },
      },
      NetworkingConfig: { EndpointsConfig: { [networkId]: {} } },
    };
    try {
      const container = await this.docker.createContainer(create);
      await container.start();
      return name;
    } catch (err) {
      await this.remove(name);
      throw engineError(err);
    }
  }

  /** The app's state, or null when it does not exist. */
  async state(name: string): Promise<AppState | null> {
    let info: Docker.ContainerInspectInfo;
    try {
      info = await this.docker.getContainer(name).inspect();
    } catch (err) {
      if (isNotFound(err)) return null;
      throw engineError(err);
    }
    return {
      running: info.State.Running && !info.State.Restarting,
      restarting: info.State.Restarting,
      exitCode: info.State.ExitCode,
      restartCount: info.RestartCount,
      oomKilled: info.State.OOMKilled,
      ip: info.NetworkSettings.Networks?.[this.opts.network]?.IPAddress || null,
    };
  }

  /** Starts an existing app that is not running (after an engine or control-plane restart). */
  async ensureRunning(name: string): Promise<void> {
    const state = await this.state(name);
    if (state && !state.running && !state.restarting) {
      await this.docker
        .getContainer(name)
        .start()
        .catch((err) => {
          throw engineError(err);
        });
    }
  }

  /** The last `lines` lines the app wrote (stdout and stderr), oldest first; "" when it is gone. */
  async tail(name: string, lines: number): Promise<string> {
    try {
      const buf = (await this.docker
        .getContainer(name)
        .logs({ stdout: true, stderr: true, tail: lines, follow: false })) as unknown as Buffer;
      return demuxBuffer(buf)
        .map((f) => f.text)
        .join('');
    } catch (err) {
      if (isNotFound(err)) return '';
      throw engineError(err);
    }
  }

  /** Stops gracefully (SIGTERM, then SIGKILL after `graceSeconds`) and removes it. Gone already is fine. */
  async stop(name: string, graceSeconds: number): Promise<void> {
    const container = this.docker.getContainer(name);
    await container.stop({ t: graceSeconds }).catch(() => {});
    await this.remove(name);
  }

  async remove(name: string): Promise<void> {
    let info: Docker.ContainerInspectInfo;
    try {
      info = await this.docker.getContainer(name).inspect();
    } catch (err) {
      if (isNotFound(err)) return;
      throw engineError(err);
    }
    // Never a container Launchpad did not make, whatever its name.
    if (info.Config.Labels?.[MANAGED_LABEL] !== 'true') return;
    await this.docker
      .getContainer(info.Id)
      .remove({ force: true })
      .catch((err) => {
        if (!isNotFound(err)) throw engineError(err);
      });
  }

  /** Every app container of this instance, running or not. */
  async list(): Promise<AppContainer[]> {
    const containers = await this.docker
      .listContainers({ all: true, filters: { label: instanceFilter(this.opts.instanceId, APP_LABEL) } })
      .catch((err) => {
        throw engineError(err);
      });
    const out: AppContainer[] = [];
    for (const c of containers) {
      const match = c.Names.map((n) => APP_NAME.exec(n)).find(Boolean);
      if (!match) continue;
      out.push({
        id: c.Id,
        name: match[0].replace(/^\//, ''),
        slug: match[1]!,
        deployId: match[2]!,
        siteId: c.Labels[SITE_LABEL] ?? null,
        running: c.State === 'running',
      });
    }
    return out;
  }
}

/** Splits the engine's multiplexed log format (8-byte header per frame: stream, size) into frames. */
export function demuxBuffer(buf: Buffer): { stream: 'STDOUT' | 'STDERR'; text: string }[] {
  const frames: { stream: 'STDOUT' | 'STDERR'; text: string }[] = [];
  let at = 0;
  while (at + 8 <= buf.length) {
    const size = buf.readUInt32BE(at + 4);
    const stream = buf[at] === 2 ? 'STDERR' : 'STDOUT';
    frames.push({ stream, text: buf.subarray(at + 8, at + 8 + size).toString('utf8') });
    at += 8 + size;
  }
  return frames;
}
