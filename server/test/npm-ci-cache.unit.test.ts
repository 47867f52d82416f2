import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NPM_CI_STAMP, writeBuildTools } from '../src/pipeline/npm-ci-cache.js';

// The build cache's `npm ci` decision (issue 15), run as a build runs it: the written script under node,
// in a project folder, with the real npm it would hand over to. Skipping is right only for a node_modules
// that a real `npm ci` of exactly these inputs left untouched; everything else must run the real npm ci.

const REAL_NPM = spawnSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).stdout.trim();
const PACKAGE = { name: 'app', version: '1.0.0', devDependencies: { tiny: '1.0.0' } };
const LOCK = {
  name: 'app',
  lockfileVersion: 3,
  packages: { '': PACKAGE, 'node_modules/tiny': { version: '1.0.0', dev: true } },
};

let tools: string;
let project: string;

beforeEach(async () => {
  tools = await mkdtemp(join(tmpdir(), 'lp-tools-'));
  project = await mkdtemp(join(tmpdir(), 'lp-project-'));
  await writeBuildTools(tools);
  await writeFile(join(project, 'package.json'), JSON.stringify(PACKAGE));
  await writeFile(join(project, 'package-lock.json'), JSON.stringify(LOCK));
  await install();
});
afterEach(async () => {
  await rm(tools, { recursive: true, force: true });
  await rm(project, { recursive: true, force: true });
});

/** What `npm ci` leaves: the package folder, then npm's hidden lockfile, written last. */
async function install() {
  await mkdir(join(project, 'node_modules/tiny'), { recursive: true });
  await writeFile(join(project, 'node_modules/tiny/index.js'), 'module.exports = 1;');
  const past = new Date(Date.now() - 60_000);
  await utimes(join(project, 'node_modules/tiny'), past, past);
  await writeFile(
    join(project, 'node_modules/.package-lock.json'),
    JSON.stringify({ ...LOCK, packages: { 'node_modules/tiny': LOCK.packages['node_modules/tiny'] } }),
  );
}

function decide(mode: 'check' | 'stamp', args: string[] = [], env: Record<string, string> = {}) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([n]) => !/^npm_/i.test(n) && n !== 'NODE_ENV'),
  );
  return spawnSync(process.execPath, [join(tools, 'npm-ci-cache.cjs'), mode, 'ci', ...args], {
    cwd: project,
    env: { ...clean, LAUNCHPAD_REAL_NPM: REAL_NPM, ...env },
    encoding: 'utf8',
  });
}
const skips = (args?: string[], env?: Record<string, string>) => decide('check', args, env).status === 0;

describe('npm ci over a cached node_modules', () => {
  it('skips after a real npm ci of the same inputs stamped it, and says so', () => {
    expect(skips()).toBe(false); // not stamped: a tree of unknown origin
    expect(decide('stamp').status).toBe(0);
    const check = decide('check');
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('skipping npm ci');
  });

  const changes: [string, () => Promise<unknown>, string[]?, Record<string, string>?][] = [
    ['a changed lockfile', () => writeFile(join(project, 'package-lock.json'), `${JSON.stringify(LOCK)} `)],
    [
      'a changed dependency in package.json',
      () =>
        writeFile(join(project, 'package.json'), JSON.stringify({ ...PACKAGE, dependencies: { x: '1' } })),
    ],
    ['a project .npmrc', () => writeFile(join(project, '.npmrc'), 'omit=dev\n')],
    ['other arguments', async () => {}, ['--omit=dev']],
    ['NODE_ENV=production', async () => {}, [], { NODE_ENV: 'production' }],
    ['an npm_config_ variable', async () => {}, [], { npm_config_legacy_peer_deps: 'true' }],
    [
      'a package folder changed after the install (npm would not trust its hidden lockfile either)',
      () =>
        writeFile(join(project, 'node_modules/tiny/extra.js'), '').then(() =>
          rm(join(project, 'node_modules/tiny/extra.js')),
        ),
    ],
    ['a package removed', () => rm(join(project, 'node_modules/tiny'), { recursive: true })],
    [
      'npm install run after npm ci (the hidden lockfile rewritten)',
      () =>
        writeFile(
          join(project, 'node_modules/.package-lock.json'),
          JSON.stringify({ ...LOCK, packages: { 'node_modules/tiny': { version: '1.0.1' } } }),
        ),
    ],
    [
      'root install scripts, which npm ci runs and a skip would not',
      () =>
        writeFile(
          join(project, 'package.json'),
          JSON.stringify({ ...PACKAGE, scripts: { postinstall: 'node gen.js' } }),
        ),
    ],
    [
      'workspaces, whose node_modules the cache does not keep',
      () => writeFile(join(project, 'package.json'), JSON.stringify({ ...PACKAGE, workspaces: ['a'] })),
    ],
    ['no lockfile', () => rm(join(project, 'package-lock.json'))],
    ['a malformed package.json', () => writeFile(join(project, 'package.json'), '{')],
  ];
  it.each(changes)('runs the real npm ci after %s', async (_what, change, args = [], env = {}) => {
    expect(decide('stamp').status).toBe(0);
    expect(skips()).toBe(true);
    await change();
    expect(skips(args, env)).toBe(false);
  });

  it('a scripts change other than install scripts keeps the skip (scripts do not shape node_modules)', async () => {
    expect(decide('stamp').status).toBe(0);
    await writeFile(
      join(project, 'package.json'),
      JSON.stringify({ ...PACKAGE, scripts: { build: 'vite build' } }),
    );
    expect(skips()).toBe(true);
  });

  it('a refused check removes the stamp, so only a new real npm ci can make the tree trusted again', async () => {
    expect(decide('stamp').status).toBe(0);
    expect(skips([], { NODE_ENV: 'production' })).toBe(false);
    expect(existsSync(join(project, 'node_modules', NPM_CI_STAMP))).toBe(false);
    expect(skips()).toBe(false);
  });

  it('the shim hands every other command to the real npm unchanged', async () => {
    const run = spawnSync(join(tools, 'npm'), ['--version'], {
      cwd: project,
      env: { ...process.env, PATH: `${tools}:${process.env.PATH}` },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    const real = spawnSync(REAL_NPM, ['--version'], { encoding: 'utf8' }).stdout;
    expect(run.stdout).toBe(real);
    expect(await readFile(join(tools, 'npm'), 'utf8')).toMatch(/^#!\/bin\/sh\n/);
  });
});
