import { existsSync } from 'node:fs';
import { join } from 'node:path';
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
