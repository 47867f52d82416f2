import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { type HttpResult, httpGet } from './harness.js';

const run = promisify(execFile);

/** The site containers' image (LAUNCHPAD_STATIC_IMAGE's default); these tests run nginx as the sites do. */
export const STATIC_IMAGE = process.env.LAUNCHPAD_STATIC_IMAGE ?? 'nginx:alpine';

export interface NginxSite {
  /** `/srv/site` in the container: `current -> deploys/<id>`. */
  siteDir: string;
  /** `/etc/nginx/conf.d` in the container, mounted read-only as Launchpad does. */
  confDir: string;
  get(path: string, opts?: { host?: string; headers?: Record<string, string> }): Promise<HttpResult>;
  cleanup(): Promise<void>;
}

/** Writes `files` (relative path → content) under `dir`, making folders readable by nginx's worker. */
export async function writeTree(dir: string, files: Record<string, string>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true, mode: 0o755 });
    await writeFile(join(dir, path), content, { mode: 0o644 });
  }
}

async function makeDirs(deployId: string, files: Record<string, string>, conf: Record<string, string>) {
  const siteDir = await mkdtemp(join(tmpdir(), 'launchpad-nginx-site-'));
  const confDir = await mkdtemp(join(tmpdir(), 'launchpad-nginx-conf-'));
  await chmod(siteDir, 0o755);
  await chmod(confDir, 0o755);
  await writeTree(join(siteDir, 'deploys', deployId), files);
  await symlink(`deploys/${deployId}`, join(siteDir, 'current'));
  await writeTree(confDir, conf);
  await mkdir(join(confDir, 'permalinks'), { recursive: true, mode: 0o755 });
  return { siteDir, confDir };
}

const binds = (siteDir: string, confDir: string) => [
  '-v',
  `${siteDir}:/srv/site:ro`,
  '-v',
  `${confDir}:/etc/nginx/conf.d:ro`,
];

/** `nginx -t` in the site image on these config files; returns its output (it must say "successful"). */
export async function nginxTest(conf: Record<string, string>): Promise<{ ok: boolean; output: string }> {
  const { siteDir, confDir } = await makeDirs('0'.repeat(24), {}, conf);
  try {
    const args = [
      'run',
      '--rm',
      '--network',
      'none',
      ...binds(siteDir, confDir),
      STATIC_IMAGE,
      'nginx',
      '-t',
    ];
    const result = await run('docker', args, { maxBuffer: 16 * 1024 * 1024 }).then(
      (r) => ({ ok: true, output: r.stderr + r.stdout }),
      (err: { stderr?: string; stdout?: string }) => ({ ok: false, output: `${err.stderr}${err.stdout}` }),
    );
    return { ok: result.ok && /test is successful/.test(result.output), output: result.output };
  } finally {
    await rm(siteDir, { recursive: true, force: true });
    await rm(confDir, { recursive: true, force: true });
  }
}

/**
 * Runs the site image with a deploy's files at `/srv/site/deploys/<deployId>` (current) and the given
 * config files, as site-containers.ts does, and talks to it on its bridge address.
 */
export async function startNginxSite(
  deployId: string,
  files: Record<string, string>,
  conf: Record<string, string>,
): Promise<NginxSite> {
  const { siteDir, confDir } = await makeDirs(deployId, files, conf);
  const name = `launchpad-nginx-test-${randomBytes(4).toString('hex')}`;
  const cleanup = async () => {
    await run('docker', ['rm', '-f', name]).catch(() => undefined);
    await rm(siteDir, { recursive: true, force: true });
    await rm(confDir, { recursive: true, force: true });
  };
  try {
    await run('docker', [
      'run',
      '-d',
      '--name',
      name,
      '--label',
      'launchpad.test=nginx',
      ...binds(siteDir, confDir),
      STATIC_IMAGE,
    ]);
    const { stdout } = await run('docker', ['inspect', '-f', '{{.NetworkSettings.IPAddress}}', name]);
    const ip = stdout.trim();
    const get: NginxSite['get'] = (path, opts = {}) =>
      httpGet(ip, path, opts.host ?? 'site.localhost', 80, opts.headers);
    for (let i = 0; ; i++) {
      const up = await get('/').then(
        () => true,
        () => false,
      );
      if (up) break;
      if (i > 200) {
        const logs = await run('docker', ['logs', name]).catch(() => ({ stderr: '' }));
        throw new Error(`nginx did not start: ${logs.stderr}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return { siteDir, confDir, get, cleanup };
  } catch (err) {
    await cleanup();
    throw err;
  }
}
