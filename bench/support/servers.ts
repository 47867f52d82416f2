/**
 * Control planes for the benches that run the real entry point as its own process, as in production: this
 * tree's, or a baseline commit's exported beside it, on a data dir and Docker network of their own.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildNetworkOf, removeInstanceObjects } from '../../server/test/support/harness.js';

export const ROOT = resolve(import.meta.dirname, '../..');

/**
 * A commit's server sources, exported once into bench/results/baseline-<sha> (git-ignored; node_modules
 * resolve from the root), for startServer's `root`.
 */
export async function exportBaseline(commit: string): Promise<string> {
  const sha = execFileSync('git', ['rev-parse', '--short', `${commit}^{commit}`], { cwd: ROOT })
    .toString()
    .trim();
  const dir = join(ROOT, 'bench/results', `baseline-${sha}`);
  if (!existsSync(join(dir, 'server/src/main.ts'))) {
    await mkdir(dir, { recursive: true });
    const archive = execFileSync('git', ['archive', sha, 'package.json', 'tsconfig.json', 'server'], {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    });
    execFileSync('tar', ['-x', '-C', dir], { input: archive });
  }
  return dir;
}

export interface ServerOptions {
  /** How results name it ("this tree", "baseline 1416dba"). */
  label: string;
  /** Names its data dir and network (launchpad-bench-<name>-…, lp-bench-<name>-…). */
  name: string;
  /** The tree it runs from: this one (the default) or an exportBaseline() dir. */
  root?: string;
  /** What node runs, from `root`: the sources through tsx unless given (server/dist/main.js, compiled). */
  entry?: string[];
  /** Node's own flags before the entry (--cpu-prof, --max-old-space-size). */
  nodeArgs?: string[];
  /** NODE_ENV=production, as the image sets it (the default). */
  production?: boolean;
  /** Settings over the bench's own (port 0 on 127.0.0.1, data dir, networks, admin token, no published ports). */
  env?: Record<string, string>;
  /** An existing data dir (several servers in turn on one), which stop() leaves in place. */
  dataDir?: string;
  /** An existing network, whose containers stop() leaves in place. */
  network?: string;
  /** How long it may take to say where it listens. */
  startTimeoutMs?: number;
}

export interface BenchServer {
  label: string;
  url: string;
  token: string;
  pid: number;
  dataDir: string;
  network: string;
  /** Settles once the process has ended: how it ended (`SIGKILL`, `exit 1`). */
  exited: Promise<string>;
  /** The last few KB it printed (stdout and stderr). */
  output(): string;
  /** Ends it (SIGTERM unless told), then removes the containers, networks and data dir it made. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

const OUTPUT_KEPT = 4096;

/** Starts a control plane and answers once it says where it listens. */
export async function startServer(opts: ServerOptions): Promise<BenchServer> {
  const root = opts.root ?? ROOT;
  const dataDir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), `launchpad-bench-${opts.name}-`)));
  const network = opts.network ?? `lp-bench-${opts.name}-${randomBytes(4).toString('hex')}`;
  const token = randomBytes(24).toString('hex');
  const entry = opts.entry ?? ['--import', 'tsx', 'server/src/main.ts'];
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), ...entry], {
    cwd: root,
    env: {
      ...process.env,
      ...(opts.production === false ? {} : { NODE_ENV: 'production' }),
      LAUNCHPAD_PORT: '0',
      LAUNCHPAD_HOST: '127.0.0.1',
      LAUNCHPAD_DATA: dataDir,
      LAUNCHPAD_NETWORK: network,
      LAUNCHPAD_BUILD_NETWORK: buildNetworkOf(network),
      LAUNCHPAD_ADMIN_TOKEN: token,
      LAUNCHPAD_PUBLISH_PORTS: 'false',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let url: string | null = null;
  let listening: () => void = () => {};
  const read = (chunk: Buffer) => {
    output += chunk.toString();
    if (url === null) {
      url = /Launchpad is running at (\S+)/.exec(output)?.[1] ?? null;
      if (url !== null) listening();
    } else if (output.length > 2 * OUTPUT_KEPT) {
      output = output.slice(-OUTPUT_KEPT);
    }
  };
  child.stdout.on('data', read);
  child.stderr.on('data', read);
  const exited = new Promise<string>((done) =>
    child.once('exit', (code, signal) => done(signal ?? `exit ${code}`)),
  );
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    child.kill(signal);
    await exited;
    if (!opts.network) await removeInstanceObjects(network);
    if (!opts.dataDir) await rm(dataDir, { recursive: true, force: true });
  };
  const timeoutMs = opts.startTimeoutMs ?? 90_000;
  try {
    await new Promise<void>((res, rej) => {
      const deadline = setTimeout(
        () => rej(new Error(`${opts.label} did not start in ${timeoutMs / 1000} s:\n${output}`)),
        timeoutMs,
      );
      listening = () => {
        clearTimeout(deadline);
        res();
      };
      void exited.then((how) =>
        rej(new Error(`${opts.label} ended (${how}) before it listened:\n${output}`)),
      );
    });
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    label: opts.label,
    url: url!,
    token,
    pid: child.pid!,
    dataDir,
    network,
    exited,
    output: () => output.slice(-OUTPUT_KEPT),
    stop,
  };
}

/** A GraphQL request as the server's admin; fails on errors. */
export async function gql(
  server: BenchServer,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<any> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown };
  if (body.errors) throw new Error(`${server.label}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** User + system CPU time of a process so far, in ms. */
export async function cpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
}
