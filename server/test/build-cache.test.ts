import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GitServer, startGitServer } from './support/git-server.js';
import { type Launchpad, settledDeploy, startLaunchpad } from './support/harness.js';

// The per-site build cache (issue 15) against the real engine and a real git server: what a build sees in
// its cache folder (/cache, npm_config_cache) and in node_modules restored by lockfile, across builds,
// sites, a clear and the switch.

const SITE = /* GraphQL */ `
  query Site($id: ID!) {
    site(id: $id) {
      id status buildCache buildCacheBytes
      deploys { id number status error logs { stream text } }
    }
  }`;

// Stands in for `npm ci`: reports what it finds from earlier builds, then leaves an installed package and
// a package-manager cache entry behind, as an install does.
const BUILD = `
const fs = require('node:fs');
const path = require('node:path');
const cache = process.env.npm_config_cache;
console.log('node_modules: ' + (fs.existsSync('node_modules/left-pad/index.js') ? 'restored' : 'fresh'));
console.log('npm cache: ' + (!cache ? 'none' : fs.existsSync(path.join(cache, 'marker')) ? 'warm' : 'cold'));
fs.mkdirSync('node_modules/left-pad', { recursive: true });
fs.writeFileSync('node_modules/left-pad/index.js', 'module.exports = 1;');
if (cache) {
  fs.mkdirSync(cache, { recursive: true });
  fs.writeFileSync(path.join(cache, 'marker'), 'x'.repeat(4096));
}
fs.mkdirSync('dist', { recursive: true });
fs.writeFileSync('dist/index.html', 'built');
`;
const LOCK = (v: string) =>
  JSON.stringify({ name: 'cached', lockfileVersion: 3, packages: { '': { version: v } } });

let lp: Launchpad;
let git: GitServer;

beforeAll(async () => {
  git = await startGitServer();
  lp = await startLaunchpad({ LAUNCHPAD_GIT_SCHEMES: 'git', LAUNCHPAD_BUILD_TIMEOUT: '60' });
  await git.createRepo('cached', { 'build.js': BUILD, 'package-lock.json': LOCK('1.0.0') });
}, 60_000);
afterAll(async () => {
  await lp?.cleanup();
  await git?.stop();
});

async function createSite(name: string): Promise<string> {
  const res = await lp.gql(
    'mutation($input: CreateSiteInput!) { createSite(input: $input) { id buildCache } }',
    {
      input: {
        name,
        slug: `${lp.slugPrefix}-${name}`,
        sourceType: 'GIT',
        gitUrl: git.url('cached'),
        buildCommand: 'node build.js',
      },
    },
  );
  expect(res.errors).toBeUndefined();
  expect(res.data!.createSite.buildCache).toBe(true);
  return res.data!.createSite.id;
}

/** The build's own lines of deploy #number, and the site as it is then. */
async function built(siteId: string, number: number) {
  const { deploy, site } = await settledDeploy(lp, SITE, siteId, number, 90_000);
  expect(deploy.error).toBeNull();
  expect(deploy.status).toBe('LIVE');
  const lines = (deploy.logs as { stream: string; text: string }[]).map((l) => l.text);
  return { lines, site };
}

async function redeploy(siteId: string) {
  const res = await lp.gql('mutation($id: ID!) { deploySite(id: $id) { number } }', { id: siteId });
  expect(res.errors).toBeUndefined();
  return res.data!.deploySite.number as number;
}

describe('build cache', () => {
  let a: string;
  let b: string;

  it('the first build is cold; the second sees its npm cache and node_modules restored', async () => {
    a = await createSite('a');
    const first = await built(a, 1);
    expect(first.lines).toContain('node_modules: fresh');
    expect(first.lines).toContain('npm cache: cold');
    expect(first.site.buildCacheBytes).toBeGreaterThan(4096);

    const second = await built(a, await redeploy(a));
    expect(second.lines).toContain('node_modules: restored');
    expect(second.lines).toContain('npm cache: warm');
    expect(second.lines.some((l) => l.startsWith('restored node_modules from the build cache'))).toBe(true);
  });

  it('two sites building the same repository never share a cache', async () => {
    b = await createSite('b');
    const first = await built(b, 1);
    expect(first.lines).toContain('node_modules: fresh');
    expect(first.lines).toContain('npm cache: cold');
  });

  it('a changed lockfile gets fresh node_modules; the npm cache stays', async () => {
    await git.commit('cached', { 'package-lock.json': LOCK('1.0.1') }, 'bump');
    const next = await built(a, await redeploy(a));
    expect(next.lines).toContain('node_modules: fresh');
    expect(next.lines).toContain('npm cache: warm');
  });

  it('clearBuildCache makes the next build cold again', async () => {
    const res = await lp.gql('mutation($id: ID!) { clearBuildCache(siteId: $id) { buildCacheBytes } }', {
      id: a,
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.clearBuildCache.buildCacheBytes).toBe(0);
    expect(existsSync(join(lp.dataDir, 'build-cache', a))).toBe(false);
    const cold = await built(a, await redeploy(a));
    expect(cold.lines).toContain('node_modules: fresh');
    expect(cold.lines).toContain('npm cache: cold');
  });

  it('buildCache off: the build gets no cache folder at all', async () => {
    const res = await lp.gql(
      'mutation($id: ID!) { updateSite(id: $id, input: { buildCache: false }) { buildCache } }',
      {
        id: b,
      },
    );
    expect(res.data?.updateSite.buildCache).toBe(false);
    const off = await built(b, await redeploy(b));
    expect(off.lines).toContain('node_modules: fresh');
    expect(off.lines).toContain('npm cache: none');
  });

  it('deleting a site deletes its cache', async () => {
    expect(existsSync(join(lp.dataDir, 'build-cache', a))).toBe(true);
    const res = await lp.gql('mutation($id: ID!) { deleteSite(id: $id) }', { id: a });
    expect(res.errors).toBeUndefined();
    expect(existsSync(join(lp.dataDir, 'build-cache', a))).toBe(false);
  });
});

/**
 * A real `npm ci` in the build container, offline: its one dependency is a tarball in the repository
 * (kept as base64, written out by the build command, so the repository holds text only).
 */
async function npmProject(): Promise<Record<string, string>> {
  const run = promisify(execFile);
  const dir = await mkdtemp(join(tmpdir(), 'lp-npm-project-'));
  try {
    await writeFile(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'tiny', version: '1.0.0', main: 'index.js' }),
    );
    await writeFile(join(dir, 'index.js'), "module.exports = 'tiny works';\n");
    await run('npm', ['pack', '--silent'], { cwd: dir });
    const tarball = await readFile(join(dir, 'tiny-1.0.0.tgz'));
    const app = {
      name: 'app',
      version: '1.0.0',
      private: true,
      dependencies: { tiny: 'file:tiny-1.0.0.tgz' },
    };
    await rm(join(dir, 'package.json'));
    await writeFile(join(dir, 'package.json'), JSON.stringify(app));
    await run('npm', ['install', '--package-lock-only', '--no-audit', '--no-fund'], { cwd: dir });
    return {
      'package.json': JSON.stringify(app, null, 2),
      'package-lock.json': await readFile(join(dir, 'package-lock.json'), 'utf8'),
      'tiny.b64': tarball.toString('base64'),
      'unpack.js':
        "require('fs').writeFileSync('tiny-1.0.0.tgz', Buffer.from(require('fs').readFileSync('tiny.b64', 'utf8'), 'base64'));",
      'build.js':
        "require('fs').mkdirSync('dist'); require('fs').writeFileSync('dist/index.html', require('tiny')); console.log('built with ' + require('tiny'));",
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('npm ci with the build cache', () => {
  it('a warm npm ci keeps the restored node_modules instead of reinstalling it; cleared, it installs again', async () => {
    await git.createRepo('npm', await npmProject());
    const res = await lp.gql('mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }', {
      input: {
        name: 'npm',
        slug: `${lp.slugPrefix}-npm`,
        sourceType: 'GIT',
        gitUrl: git.url('npm'),
        buildCommand: 'node unpack.js && npm ci --no-audit --no-fund && node build.js',
      },
    });
    expect(res.errors).toBeUndefined();
    const id = res.data!.createSite.id as string;
    const skipped = (lines: string[]) => lines.some((l) => l.includes('skipping npm ci'));

    const cold = await built(id, 1);
    expect(cold.lines.some((l) => /added 1 package/.test(l))).toBe(true);
    expect(skipped(cold.lines)).toBe(false);
    expect(cold.lines).toContain('built with tiny works');

    const warm = await built(id, await redeploy(id));
    expect(warm.lines.some((l) => l.startsWith('restored node_modules from the build cache'))).toBe(true);
    expect(skipped(warm.lines)).toBe(true);
    expect(warm.lines.some((l) => /added 1 package/.test(l))).toBe(false);
    expect(warm.lines).toContain('built with tiny works');

    await lp.gql('mutation($id: ID!) { clearBuildCache(siteId: $id) { id } }', { id });
    const cleared = await built(id, await redeploy(id));
    expect(skipped(cleared.lines)).toBe(false);
    expect(cleared.lines.some((l) => /added 1 package/.test(l))).toBe(true);
  }, 300_000);
});
