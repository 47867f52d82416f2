/**
 * A real image registry for the Swarm tests: Debian's `docker-registry` (the Distribution registry, what
 * `registry:2` runs) on 127.0.0.1 and a free port, with its storage in a temp folder and deletes enabled.
 * Docker allows plain HTTP to loopback registries by default, so the engine pushes and pulls as it would
 * with a real one.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './git-server.js';

export interface Registry {
  /** `127.0.0.1:<port>`, as LAUNCHPAD_REGISTRY takes it. */
  address: string;
  /** The tags of `repository` (`launchpad/<slug>`) the registry holds. */
  tags(repository: string): Promise<string[]>;
  stop(): Promise<void>;
}

/** The registry binary's path, or null when it is not installed (CI installs it: .ci/run). */
export function registryBinary(): string | null {
  try {
    return execFileSync('sh', ['-c', 'command -v docker-registry'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

export async function startRegistry(): Promise<Registry> {
  const binary = registryBinary();
  if (!binary) throw new Error('docker-registry is not installed (apt-get install docker-registry)');
  const root = await mkdtemp(join(tmpdir(), 'launchpad-registry-'));
  let child: ChildProcess | undefined;
  let address = '';
  let log = '';
  for (let attempt = 0; attempt < 5 && !child; attempt++) {
    const port = await freePort();
    address = `127.0.0.1:${port}`;
    const config = join(root, 'config.yml');
    await writeFile(
      config,
      [
        'version: 0.1',
        'log: { level: warn }',
        'storage:',
        `  filesystem: { rootdirectory: ${join(root, 'data')} }`,
        '  delete: { enabled: true }',
        `http: { addr: "${address}" }`,
        '',
      ].join('\n'),
    );
    const proc = spawn(binary, ['serve', config], { stdio: ['ignore', 'ignore', 'pipe'] });
    log = '';
    proc.stderr!.on('data', (d: Buffer) => {
      log = (log + d.toString()).slice(-4000);
    });
    if (await answers(address, proc)) child = proc;
    else proc.kill('SIGKILL');
  }
  if (!child) {
    await rm(root, { recursive: true, force: true });
    throw new Error(`docker-registry did not start: ${log}`);
  }
  const exited = new Promise<void>((resolve) => child!.once('exit', () => resolve()));
  return {
    address,
    async tags(repository) {
      const res = await fetch(`http://${address}/v2/${repository}/tags/list`);
      if (res.status === 404) return [];
      const body = (await res.json()) as { tags?: string[] | null };
      return body.tags ?? [];
    },
    async stop() {
      child!.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child!.exitCode === null) child!.kill('SIGKILL');
      await rm(root, { recursive: true, force: true });
    },
  };
}

async function answers(address: string, proc: ChildProcess): Promise<boolean> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) return false;
    const ok = await fetch(`http://${address}/v2/`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}
