import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubSignature } from '../src/domain/signature.js';
import { type GitServer, startGitServer } from './support/git-server.js';
import { type Launchpad, settledDeploy, startLaunchpad } from './support/harness.js';

// A pull request's code is anyone's: a fork can open one and its build runs whatever it likes (issue 15).
// Against a real engine, a real git server and GitHub's own pull_request payload: the preview build prints
// its whole environment and lists /cache, and tries to leave something in the cache for production; it must
// see no secret value and no production cache, and leave nothing behind. Production and branch deploys
// (a branch is pushed by someone with write access to the repository, as on Netlify) see both.

const SECRET = 'hunter2-production-only-7f3a9c';
const digest = (text: string) => createHash('sha256').update(text).digest('hex');

// Prints every variable (values included: the log masks secret ones, which is what must never happen in a
// preview), the sha256 of each (unmasked, so the test can tell the secret arrived), what /cache and
// node_modules hold, then tries to write both, as an install would.
const build = (who: string) => `
const fs = require('node:fs');
const digest = (v) => require('node:crypto').createHash('sha256').update(v).digest('hex');
for (const [name, value] of Object.entries(process.env).sort()) {
  console.log('env ' + name + '=' + value);
  console.log('env-sha256 ' + name + ' ' + digest(value));
}
const listing = fs.existsSync('/cache') ? fs.readdirSync('/cache').sort().join(',') : 'none';
console.log('cache: ' + (listing || 'empty'));
console.log('node_modules: ' + (fs.existsSync('node_modules/left-pad/who') ? fs.readFileSync('node_modules/left-pad/who', 'utf8') : 'fresh'));
try { fs.writeFileSync('/cache/written-by-${who}', 'x'); console.log('cache write: ok'); }
catch (err) { console.log('cache write: ' + err.code); }
fs.mkdirSync('node_modules/left-pad', { recursive: true });
fs.writeFileSync('node_modules/left-pad/who', '${who}');
fs.mkdirSync('dist');
fs.writeFileSync('dist/index.html', '${who}');
`;
const LOCK = JSON.stringify({ name: 'isolated', lockfileVersion: 3, packages: { '': { version: '1.0.0' } } });

const SITE = /* GraphQL */ `
  query Site($id: ID!) {
    site(id: $id) {
      id status currentDeploy { number }
      deploys { id number status context error }
    }
  }`;

interface Example {
  name: string;
  examples: Record<string, any>[];
}
const examples: Example[] = createRequire(import.meta.url)('@octokit/webhooks-examples');
function pullRequestExample(action: string): Record<string, any> {
  const found = examples.find((e) => e.name === 'pull_request')!.examples.find((e) => e.action === action);
  return structuredClone(found!);
}
// The examples' pull request #2 is into `master` of Codertocat/Hello-World, from its branch `changes`.
const PR = 2;

let lp: Launchpad;
let git: GitServer;
let siteId: string;
let webhookSecret: string;

beforeAll(async () => {
  git = await startGitServer();
  lp = await startLaunchpad({ LAUNCHPAD_GIT_SCHEMES: 'git', LAUNCHPAD_BUILD_TIMEOUT: '60' });
  await git.createRepo(
    'isolated',
    { 'build.js': build('production'), 'package-lock.json': LOCK },
    { branch: 'master' },
  );
  const slug = `${lp.slugPrefix}-iso`;
  const res = await lp.gql(
    'mutation($input: CreateSiteInput!) { createSite(input: $input) { id webhookSecret } }',
    {
      input: {
        name: slug,
        slug,
        sourceType: 'GIT',
        gitUrl: git.url('isolated'),
        branch: 'master',
        buildCommand: 'node build.js',
        envVars: [
          { name: 'PLAIN_SETTING', value: 'plain-value' },
          { name: 'API_TOKEN', value: SECRET, secret: true },
        ],
        deployPreviews: true,
        branchDeploys: true,
      },
    },
  );
  expect(res.errors).toBeUndefined();
  siteId = res.data!.createSite.id;
  webhookSecret = res.data!.createSite.webhookSecret;
}, 60_000);

afterAll(async () => {
  await lp?.cleanup();
  await git?.stop();
});

/** The build's own output lines of deploy #number, once it is LIVE. */
async function buildLines(number: number): Promise<string[]> {
  const { deploy } = await settledDeploy(lp, SITE, siteId, number, 90_000);
  expect(deploy.error).toBeNull();
  expect(deploy.status).toBe('LIVE');
  // Each deploy's log on its own: every deploy's logs in one query go over the query cost limit.
  const res = await lp.gql('query($id: ID!) { deploy(id: $id) { logs(first: 1000) { stream text } } }', {
    id: deploy.id,
  });
  expect(res.errors).toBeUndefined();
  return (res.data!.deploy.logs as { stream: string; text: string }[])
    .filter((l) => l.stream === 'STDOUT')
    .map((l) => l.text);
}

function deliver(event: string, payload: unknown, delivery: string) {
  const body = JSON.stringify(payload);
  return fetch(`${lp.url}/api/webhooks/github/${siteId}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/test',
      'x-github-event': event,
      'x-github-delivery': delivery,
      'x-hub-signature-256': githubSignature(webhookSecret, body),
    },
    body,
  });
}

const cacheFolder = () => join(lp.dataDir, 'build-cache', siteId);

describe('a fork pull request build against the site secrets and the production build cache', () => {
  it('production build: sees the secret env var (masked in the log) and its own build cache', async () => {
    const lines = await buildLines(1);
    expect(lines).toContain('env API_TOKEN=***');
    expect(lines).toContain(`env-sha256 API_TOKEN ${digest(SECRET)}`);
    expect(lines).toContain('env PLAIN_SETTING=plain-value');
    expect(lines).toContain('cache: empty');
    expect(lines).toContain('cache write: ok');
    expect(readdirSync(cacheFolder())).toContain('written-by-production');
  }, 150_000);

  it('preview build of a pull request: no secret value anywhere in its environment, no cache, nothing left in it', async () => {
    const before = readdirSync(cacheFolder()).sort();
    const { head } = await git.commit('isolated', { 'build.js': build('preview') }, 'steal', {
      branch: 'changes',
    });
    await git.setRef('isolated', `refs/pull/${PR}/head`, head);
    const payload = pullRequestExample('opened');
    payload.pull_request.head.sha = head;
    // From a fork: another owner's repository.
    payload.pull_request.head.repo = { ...payload.pull_request.head.repo, full_name: 'mallory/Hello-World' };
    const res = await deliver('pull_request', payload, 'pr-fork-opened');
    expect(res.status).toBe(202);

    const lines = await buildLines(2);
    const env = lines.filter((l) => l.startsWith('env '));
    expect(env.length).toBeGreaterThan(3); // it did print its environment
    expect(env).toContain('env PLAIN_SETTING=plain-value'); // plain settings still reach previews
    expect(lines.some((l) => l.includes('API_TOKEN'))).toBe(false);
    expect(lines.some((l) => l.includes('***'))).toBe(false); // no value the log had to mask
    expect(lines.some((l) => l.includes(digest(SECRET)))).toBe(false);
    expect(lines).toContain('cache: none');
    expect(lines).toContain('node_modules: fresh');
    expect(lines).not.toContain('cache write: ok');
    // The production cache is as production left it.
    expect(readdirSync(cacheFolder()).sort()).toEqual(before);
    expect(existsSync(join(cacheFolder(), 'written-by-preview'))).toBe(false);
  }, 150_000);

  it('branch deploy (a branch of the repository itself): secrets and the cache, like production', async () => {
    const { head } = await git.commit('isolated', { 'build.js': build('branch') }, 'staging', {
      branch: 'staging',
    });
    const res = await deliver(
      'push',
      {
        ref: 'refs/heads/staging',
        before: '0'.repeat(40),
        after: head,
        deleted: false,
        head_commit: { id: head, message: 'staging' },
      },
      'push-staging',
    );
    expect(res.status).toBe(202);
    const lines = await buildLines(3);
    expect(lines).toContain(`env-sha256 API_TOKEN ${digest(SECRET)}`);
    expect(lines).toContain('cache: node_modules,written-by-production');
    expect(lines).toContain('node_modules: production');
  }, 150_000);

  it('the next production build sees the secret and a cache the preview never touched', async () => {
    const res = await lp.gql('mutation($id: ID!) { deploySite(id: $id) { number } }', { id: siteId });
    expect(res.errors).toBeUndefined();
    const lines = await buildLines(res.data!.deploySite.number);
    expect(lines).toContain(`env-sha256 API_TOKEN ${digest(SECRET)}`);
    expect(lines).toContain('cache: node_modules,written-by-branch,written-by-production');
    expect(lines).toContain('node_modules: branch');
  }, 150_000);
});
