import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deploy } from '../src/domain/model.js';
import { type GitServer, startGitServer } from './support/git-server.js';
import {
  docker,
  eventually,
  httpGet,
  type Launchpad,
  recordDeployEvents,
  settledDeploy,
  startLaunchpad,
} from './support/harness.js';

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateSiteInput!) {
    createSite(input: $input) { id slug status deploys { id number status } }
  }`;
const SITE = /* GraphQL */ `
  query Site($id: ID!) {
    site(id: $id) {
      id status currentDeploy { id number }
      deploys { id number status error trigger commitSha commitMessage logs { seq stream text } }
    }
  }`;

// A build that prints to both streams and writes dist/index.html with an env var in it.
const buildScript = (version: string) => `
const fs = require('node:fs');
console.log('building ${version}');
console.error('a warning on stderr');
for (let i = 1; i <= 5; i++) console.log('step ' + i);
fs.mkdirSync('dist', { recursive: true });
fs.writeFileSync('dist/index.html', '<p>${version}: ' + process.env.GREETING + '</p>');
`;

let lp: Launchpad;
let git: GitServer;
let events: Deploy[] = [];

beforeAll(async () => {
  git = await startGitServer();
  lp = await startLaunchpad({
    LAUNCHPAD_GIT_SCHEMES: 'git',
    // Long enough for a 1 s build on a loaded machine; the timeout case below sleeps past it.
    LAUNCHPAD_BUILD_TIMEOUT: '20',
    LAUNCHPAD_BUILD_CONCURRENCY: '2',
  });
  events = recordDeployEvents(lp);
});
afterAll(async () => {
  await lp?.cleanup();
  await git?.stop();
});

async function createGitSite(slug: string, repo: string, extra: Record<string, unknown> = {}) {
  return lp.gql(CREATE, {
    input: {
      name: slug,
      slug,
      sourceType: 'GIT',
      gitUrl: git.url(repo),
      branch: 'main',
      buildCommand: 'node build.js',
      outputDir: 'dist',
      envVars: [{ name: 'GREETING', value: 'hello from env' }],
      ...extra,
    },
  });
}

const settled = (siteId: string, number: number) => settledDeploy(lp, SITE, siteId, number, 45_000);

async function served(slug: string, path = '/'): Promise<string> {
  const { ip } = await lp.app.runtime.endpoint(slug);
  return (await httpGet(ip!, path, `${slug}.localhost`)).body.toString();
}

/** Build containers of this test's Launchpad (other test files run builds at the same time). */
async function buildContainers(): Promise<string[]> {
  const instance = (await readFile(join(lp.dataDir, 'instance-id'), 'utf8')).trim();
  const list = await docker.listContainers({
    all: true,
    filters: { label: ['dev.launchpad.build', `dev.launchpad.instance=${instance}`] },
  });
  return list.map((c) => c.Names[0]!);
}

async function assertClean(deployId: string) {
  expect(existsSync(join(lp.dataDir, 'work', deployId))).toBe(false);
  expect((await buildContainers()).filter((n) => n.includes(deployId))).toEqual([]);
}

describe('git sites', () => {
  let siteId: string;
  let slug: string;
  let head: string;

  it('clones, builds in a container with the env vars, and serves the output', async () => {
    ({ head } = await git.createRepo('app', { 'build.js': buildScript('v1'), 'README.md': 'hi' }));
    slug = `${lp.slugPrefix}-git`;
    const res = await createGitSite(slug, 'app');
    expect(res.errors).toBeUndefined();
    siteId = res.data!.createSite.id;
    const { deploy, site } = await settled(siteId, 1);
    expect(deploy.error).toBeNull();
    expect(deploy.status).toBe('LIVE');
    expect(site.status).toBe('LIVE');
    expect(deploy.trigger).toBe('GIT');
    expect(deploy.commitSha).toBe(head);
    expect(await served(slug)).toBe('<p>v1: hello from env</p>');

    const lines = deploy.logs as { seq: number; stream: string; text: string }[];
    const build = lines.filter((l) => l.stream !== 'SYSTEM');
    expect(build.filter((l) => l.stream === 'STDOUT').map((l) => l.text)).toEqual([
      'building v1',
      'step 1',
      'step 2',
      'step 3',
      'step 4',
      'step 5',
    ]);
    expect(build.filter((l) => l.stream === 'STDERR').map((l) => l.text)).toEqual(['a warning on stderr']);
    expect(lines.map((l) => l.seq)).toEqual(lines.map((_, i) => i + 1));
    expect(lines.some((l) => l.stream === 'SYSTEM' && /exited with code 0/.test(l.text))).toBe(true);
    const statuses = events.filter((e) => e.id === deploy.id).map((e) => e.status);
    expect(statuses.filter((s, i) => s !== statuses[i - 1])).toEqual([
      'QUEUED',
      'BUILDING',
      'PUBLISHING',
      'LIVE',
    ]);
    await assertClean(deploy.id);
  });

  it('deploys a new commit after a push; the old deploy is superseded', async () => {
    const { head: next } = await git.commit('app', { 'build.js': buildScript('v2') }, 'second version');
    const res = await lp.gql(`mutation($id: ID!) { deploySite(id: $id) { id number } }`, { id: siteId });
    expect(res.errors).toBeUndefined();
    const { deploy, site } = await settled(siteId, 2);
    expect(deploy.status).toBe('LIVE');
    expect(deploy.commitSha).toBe(next);
    expect(deploy.commitMessage).toContain('second version');
    expect(await served(slug)).toBe('<p>v2: hello from env</p>');
    expect(site.deploys.find((d: { number: number }) => d.number === 1).status).toBe('SUPERSEDED');
  });

  describe('a failing deploy says why and leaves the live site as it was', { timeout: 180_000 }, () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['the build exits 1', { buildCommand: 'echo oops; exit 1' }, /exited with code 1/],
      ['the build runs over the timeout', { buildCommand: 'sleep 300' }, /longer than 20 s/],
      [
        'the output dir is missing',
        { buildCommand: 'true', outputDir: 'build' },
        /output directory "build" does not exist/,
      ],
      ['the branch does not exist', { branch: 'no-such-branch' }, /branch "no-such-branch" not found/],
    ];
    for (const [what, patch, error] of cases) {
      it(what, async () => {
        const update = await lp.gql(
          `mutation($id: ID!, $input: UpdateSiteInput!) { updateSite(id: $id, input: $input) { id } }`,
          {
            id: siteId,
            input: patch,
          },
        );
        expect(update.errors).toBeUndefined();
        const res = await lp.gql(`mutation($id: ID!) { deploySite(id: $id) { id number } }`, { id: siteId });
        const { deploy, site } = await settled(siteId, res.data!.deploySite.number);
        expect(deploy.status).toBe('FAILED');
        expect(deploy.error).toMatch(error);
        expect(site.status).toBe('LIVE');
        expect(await served(slug)).toBe('<p>v2: hello from env</p>');
        await assertClean(deploy.id);
        await lp.gql(
          `mutation($id: ID!, $input: UpdateSiteInput!) { updateSite(id: $id, input: $input) { id } }`,
          {
            id: siteId,
            input: { buildCommand: 'node build.js', outputDir: 'dist', branch: 'main' },
          },
        );
      });
    }

    it('the repository cannot be reached', async () => {
      const res = await lp.gql(CREATE, {
        input: {
          name: 'gone',
          slug: `${lp.slugPrefix}-gone`,
          sourceType: 'GIT',
          gitUrl: 'git://127.0.0.1:9/nothing.git',
        },
      });
      expect(res.errors).toBeUndefined();
      const { deploy, site } = await settled(res.data!.createSite.id, 1);
      expect(deploy.status).toBe('FAILED');
      expect(deploy.error).toMatch(/cannot reach|could not|unreachable/i);
      expect(site.status).toBe('FAILED');
      await assertClean(deploy.id);
    });
  });

  describe('hostile inputs are refused before anything is cloned or run', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['file:// URL', { gitUrl: 'file:///etc' }, 'gitUrl'],
      ['ext:: transport', { gitUrl: 'ext::sh -c touch% /tmp/pwned' }, 'gitUrl'],
      ['a local path', { gitUrl: '/etc' }, 'gitUrl'],
      ['an option as branch', { branch: '--upload-pack=touch /tmp/pwned' }, 'branch'],
      ['an output dir outside the checkout', { outputDir: '../../etc' }, 'outputDir'],
      ['an env var name with =', { envVars: [{ name: 'A=B', value: 'x' }] }, 'envVars'],
    ];
    for (const [what, patch, field] of cases) {
      it(what, async () => {
        const before = (await lp.gql('{ sites { id } }')).data!.sites.length;
        const res = await createGitSite(`${lp.slugPrefix}-bad`, 'app', patch);
        expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
        expect((await lp.gql('{ sites { id } }')).data!.sites.length).toBe(before);
        expect(existsSync('/tmp/pwned')).toBe(false);
        expect(await buildContainers()).toEqual([]);
      });
    }
  });
});

// Several builds queue behind each other here: generous bounds, so a loaded machine is slow, not red.
describe('the deploy queue', { timeout: 240_000 }, () => {
  it('runs one deploy per site at a time; a newer queued deploy replaces older queued ones', async () => {
    await git.createRepo('queue', { 'build.js': buildScript('q') });
    const res = await createGitSite(`${lp.slugPrefix}-queue`, 'queue', {
      buildCommand: 'sleep 1; node build.js',
    });
    const siteId = res.data!.createSite.id;
    const ids = [res.data!.createSite.deploys[0].id as string];
    for (let i = 0; i < 4; i++) {
      const d = await lp.gql(`mutation($id: ID!) { deploySite(id: $id) { id } }`, { id: siteId });
      ids.push(d.data!.deploySite.id);
    }
    const { site } = await settled(siteId, 5);
    const byId = new Map(site.deploys.map((d: { id: string; status: string }) => [d.id, d.status]));
    expect(byId.get(ids[4])).toBe('LIVE');
    expect(ids.slice(1, 4).map((id) => byId.get(id))).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED']);
    expect(['SUPERSEDED', 'LIVE']).toContain(byId.get(ids[0]));
    // From the published transitions: never two active deploys of this site at once.
    expect(maxActive(events.filter((e) => ids.includes(e.id)))).toBe(1);
  });

  it('never builds more than LAUNCHPAD_BUILD_CONCURRENCY deploys at once across sites', async () => {
    await git.createRepo('many', { 'build.js': buildScript('m') });
    const ids: string[] = [];
    const siteIds: string[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await createGitSite(`${lp.slugPrefix}-c${i}`, 'many', {
        buildCommand: 'sleep 1; node build.js',
      });
      expect(res.errors).toBeUndefined();
      siteIds.push(res.data!.createSite.id);
      ids.push(res.data!.createSite.deploys[0].id);
    }
    for (const id of siteIds) expect((await settled(id, 1)).deploy.status).toBe('LIVE');
    const max = maxActive(events.filter((e) => ids.includes(e.id)));
    expect(max).toBeLessThanOrEqual(2);
    expect(max).toBe(2);
    for (const id of siteIds) await lp.gql(`mutation($id: ID!) { deleteSite(id: $id) }`, { id });
  });

  it('cancels a running build within seconds and removes its container', async () => {
    await git.createRepo('slow', { 'build.js': buildScript('s') });
    const res = await createGitSite(`${lp.slugPrefix}-slow`, 'slow', { buildCommand: 'sleep 600' });
    const siteId = res.data!.createSite.id;
    const deployId = res.data!.createSite.deploys[0].id;
    await eventually(async () =>
      (await buildContainers()).some((n) => n.includes(deployId)) ? true : undefined,
    );
    const started = Date.now();
    const cancel = await lp.gql(`mutation($id: ID!) { cancelDeploy(id: $id) { id } }`, { id: deployId });
    expect(cancel.errors).toBeUndefined();
    const { deploy } = await settled(siteId, 1);
    expect(deploy.status).toBe('CANCELLED');
    // CANCELLED (not FAILED by the 20 s build timeout) is the proof; the bound is generous for a loaded
    // machine. How fast a cancel lands is a benchmark figure, not a test.
    expect(Date.now() - started).toBeLessThan(20_000);
    await assertClean(deployId);
  });
});

/** The most deploys that were BUILDING or PUBLISHING at the same moment, replayed from the event order. */
function maxActive(transitions: Deploy[]): number {
  const active = new Set<string>();
  let max = 0;
  for (const t of transitions) {
    if (t.status === 'BUILDING' || t.status === 'PUBLISHING') active.add(t.id);
    else active.delete(t.id);
    max = Math.max(max, active.size);
  }
  return max;
}

describe('cleanup', () => {
  it('leaves no work dirs behind', async () => {
    await lp.app.queue.idle();
    expect(await readdir(join(lp.dataDir, 'work'))).toEqual([]);
  });
});
