import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildNetworkOf, type GraphQLResponse, removeInstanceObjects } from './harness.js';
import { testDatabaseEnv } from './test-database.js';

const ROOT = resolve(import.meta.dirname, '../../..');

/**
 * Runs the real entry point (npm start's process) as a child a test can SIGKILL, and answers once it says
 * where it listens (120 s at most, so a loaded machine has time to compile it). The low-level start: a
 * test that wants an instance (env, restarts, cleanup) takes spawnedInstance below.
 */
export async function spawnServer(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  // On the PostgreSQL test run, the data dir's own database (support/test-database.ts).
  const database = env.LAUNCHPAD_DATA ? await testDatabaseEnv(env.LAUNCHPAD_DATA) : {};
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...database, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${output}`)), 120_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        done(match[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => fail(new Error(`server exited with ${code}:\n${output}`)));
  });
  return { child, url };
}

export interface InstanceOptions {
  /**
   * Settings over the instance's own (port 0, its data dir, network, build network and admin token, ports
   * unpublished). `LAUNCHPAD_DATABASE_URL` here wins over the data dir's test database: replicas name the
   * one PostgreSQL they share.
   */
  env?: Record<string, string>;
  /** An existing data dir (another instance's, for replicas sharing one), which cleanup() leaves in place. */
  dataDir?: string;
  /** An existing sites network (shared with another instance), whose containers cleanup() leaves in place. */
  network?: string;
}

/** The real entry point as a child process, on an instance of its own (or one shared with another). */
export interface SpawnedInstance {
  /** Where the current process listens (a restart listens elsewhere). */
  readonly url: string;
  readonly child: ChildProcess;
  readonly dataDir: string;
  readonly network: string;
  readonly token: string;
  /** The env it runs with, to start the same instance in process (harness startLaunchpad). */
  readonly env: Record<string, string>;
  /** A GraphQL request as the admin token (or `token`; null for none), its answer as it came. */
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
  ): Promise<GraphQLResponse<T>>;
  /** SIGTERM, as an orchestrator stops it: waits until it has shut down. */
  stop(): Promise<void>;
  /** SIGKILL: no shutdown at all. Waits until it is gone. */
  kill(): Promise<void>;
  /** Starts the entry point again on the same env and data dir, once it has been stopped or killed. */
  restart(): Promise<void>;
  /** Kills it, then removes the containers, networks and data dir it made (not those it was given). */
  cleanup(): Promise<void>;
}

/** Starts the real entry point on a fresh data dir and network, or on those `options` name. */
export async function spawnedInstance(options: InstanceOptions = {}): Promise<SpawnedInstance> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'launchpad-spawned-')));
  const network = options.network ?? `lp-test-${randomBytes(4).toString('hex')}`;
  const env: Record<string, string> = {
    LAUNCHPAD_PORT: '0',
    LAUNCHPAD_DATA: dataDir,
    LAUNCHPAD_NETWORK: network,
    LAUNCHPAD_BUILD_NETWORK: buildNetworkOf(network),
    LAUNCHPAD_ADMIN_TOKEN: `spawned-${randomBytes(12).toString('hex')}`,
    LAUNCHPAD_PUBLISH_PORTS: 'false',
    ...options.env,
  };
  const token = env.LAUNCHPAD_ADMIN_TOKEN!;
  let current: { child: ChildProcess; url: string; exited: Promise<void> } | null = null;
  const start = async () => {
    const started = await spawnServer(env);
    const exited = new Promise<void>((done) => {
      if (started.child.exitCode !== null || started.child.signalCode !== null) done();
      else started.child.once('exit', () => done());
    });
    current = { ...started, exited };
  };
  const running = () => {
    if (!current) throw new Error('the instance is not running');
    return current;
  };
  const end = async (signal: NodeJS.Signals) => {
    if (!current) return;
    const { child, exited } = current;
    child.kill(signal);
    await exited;
  };
  const cleanup = async () => {
    await end('SIGKILL');
    if (!options.network) await removeInstanceObjects(network);
    if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await start();
  } catch (err) {
    await cleanup();
    throw err;
  }
  return {
    get url() {
      return running().url;
    },
    get child() {
      return running().child;
    },
    dataDir,
    network,
    token,
    env,
    async gql(query, variables = {}, auth = token) {
      const res = await fetch(`${running().url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(auth ? { authorization: `Bearer ${auth}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as never;
    },
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
    async restart() {
      const { child } = running();
      if (child.exitCode === null && child.signalCode === null) {
        throw new Error('restart() needs the instance stopped or killed first');
      }
      await start();
    },
    cleanup,
  };
}
