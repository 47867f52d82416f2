import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubSignature } from '../src/domain/signature.js';
import { type GitServer, startGitServer } from './support/git-server.js';
import { eventually, httpGet, type Launchpad, settledDeploy, startLaunchpad } from './support/harness.js';

// Branch deploys and pull request previews (issue 15) against a real engine, a real git server and real
// GitHub payloads: the `pull_request` examples of @octokit/webhooks-examples, signed like GitHub signs them.

interface Example {
  name: string;
  examples: Record<string, any>[];
}
const examples: Example[] = createRequire(import.meta.url)('@octokit/webhooks-examples');
/** GitHub's own example delivery of this pull_request action (a copy: tests change its head commit). */
function pullRequestExample(action: string): Record<string, any> {
  const found = examples.find((e) => e.name === 'pull_request')!.examples.find((e) => e.action === action);
  if (!found) throw new Error(`no pull_request example for ${action}`);
  return structuredClone(found);
}

const SITE = /* GraphQL */ `
  query Site($id: ID!) {
    site(id: $id) {
      id status currentDeploy { id number }
      deploys { id number status context branch pullRequest url error filesPrunedAt commitSha }
    }
  }`;

const build = (text: string) =>
  `require('fs').mkdirSync('dist');require('fs').writeFileSync('dist/index.html', ${JSON.stringify(text)})`;

let lp: Launchpad;
let git: GitServer;
let siteId: string;
let slug: string;
let secret: string;
// The examples' pull request #2 is into `master` of Codertocat/Hello-World, from its branch `changes`.
const PR = 2;

beforeAll(async () => {
  git = await startGitServer();
  lp = await startLaunchpad({
    LAUNCHPAD_GIT_SCHEMES: 'git',
    LAUNCHPAD_BUILD_TIMEOUT: '60',
    // Retention keeps the current production deploy only: branch and preview deploys must survive it.
    LAUNCHPAD_KEEP_DEPLOYS: '1',
  });
  await git.createRepo('hello', { 'build.js': build('production one') }, { branch: 'master' });
  slug = `${lp.slugPrefix}-pv`;
  const res = await lp.gql(
    'mutation($input: CreateSiteInput!) { createSite(input: $input) { id webhookSecret deployPreviews branchDeploys } }',
    {
      input: {
        name: slug,
        slug,
        sourceType: 'GIT',
        gitUrl: git.url('hello'),
        branch: 'master',
        buildCommand: 'node build.js',
        deployPreviews: true,
      },
    },
  );
  expect(res.errors).toBeUndefined();
  expect(res.data!.createSite).toMatchObject({ deployPreviews: true, branchDeploys: false });
  siteId = res.data!.createSite.id;
  secret = res.data!.createSite.webhookSecret;
  expect((await settled(1)).deploy.status).toBe('LIVE');
}, 120_000);

afterAll(async () => {
  await lp?.cleanup();
  await git?.stop();
});

const settled = (number: number) => settledDeploy(lp, SITE, siteId, number, 90_000);

async function get(host: string, path = '/') {
  const { ip } = await lp.app.runtime.endpoint(slug);
  return httpGet(ip!, path, host);
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
      'x-hub-signature-256': githubSignature(secret, body),
    },
    body,
  });
}

const deployFolder = (deployId: string) => join(lp.dataDir, 'sites', slug, 'deploys', deployId);

async function expectProductionUnchanged() {
  const { site } = await settled(1);
  expect(site.currentDeploy.number).toBe(1);
  expect(site.status).toBe('LIVE');
  expect((await get(`${slug}.localhost`)).body.toString()).toBe('production one');
}

describe('pull request previews', () => {
  let first: string;

  it('opened → a PREVIEW deploy of the head commit, served at pr-<n>--<slug>', async () => {
    const { head } = await git.commit('hello', { 'build.js': build('preview one') }, 'change', {
      branch: 'changes',
    });
    await git.setRef('hello', `refs/pull/${PR}/head`, head);
    const payload = pullRequestExample('opened');
    expect(payload.number).toBe(PR);
    payload.pull_request.head.sha = head;
    const res = await deliver('pull_request', payload, 'pr-opened');
    expect(res.status).toBe(202);
    const { deployId } = (await res.json()) as { deployId: string };

    const { deploy } = await settled(2);
    expect(deploy).toMatchObject({
      id: deployId,
      status: 'LIVE',
      context: 'PREVIEW',
      pullRequest: PR,
      branch: 'changes',
      commitSha: head,
      url: `http://pr-${PR}--${slug}.localhost`,
    });
    first = deploy.id;
    expect((await get(`pr-${PR}--${slug}.localhost`)).body.toString()).toBe('preview one');
    await expectProductionUnchanged();
  });

  it('synchronize → a new preview deploy replaces it; the head is fetched from the base repository, not the fork', async () => {
    const { head } = await git.commit('hello', { 'build.js': build('preview two') }, 'more', {
      branch: 'changes',
    });
    await git.setRef('hello', `refs/pull/${PR}/head`, head);
    const payload = pullRequestExample('synchronize');
    payload.pull_request.head.sha = head;
    // A fork's pull request: its repository is somewhere else, which a preview must never clone.
    payload.pull_request.head.repo = {
      ...payload.pull_request.head.repo,
      full_name: 'mallory/Hello-World',
      clone_url: 'git://127.0.0.1:1/mallory.git',
      git_url: 'git://127.0.0.1:1/mallory.git',
    };
    const res = await deliver('pull_request', payload, 'pr-sync');
    expect(res.status).toBe(202);

    const { deploy, site } = await settled(3);
    expect(deploy).toMatchObject({ status: 'LIVE', context: 'PREVIEW', pullRequest: PR, commitSha: head });
    expect((await get(`pr-${PR}--${slug}.localhost`)).body.toString()).toBe('preview two');
    const replaced = site.deploys.find((d: { id: string }) => d.id === first);
    expect(replaced.status).toBe('SUPERSEDED');
    expect(replaced.filesPrunedAt).not.toBeNull();
    expect(existsSync(deployFolder(first))).toBe(false);
    await expectProductionUnchanged();
  });

  it('a repeated delivery of the same head queues nothing', async () => {
    const payload = pullRequestExample('synchronize');
    payload.pull_request.head.sha = (await settled(3)).deploy.commitSha;
    const res = await deliver('pull_request', payload, 'pr-sync-again');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { ignored: string }).ignored).toMatch(/already deployed/);
  });

  it('a rollback to a preview deploy is refused: it never becomes production', async () => {
    const { deploy } = await settled(3);
    const res = await lp.gql('mutation($id: ID!) { rollback(deployId: $id) { id } }', { id: deploy.id });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await expectProductionUnchanged();
  });

  it('closed → the preview host answers 404 and its files are gone; production never changed', async () => {
    const { deploy } = await settled(3);
    const res = await deliver('pull_request', pullRequestExample('closed'), 'pr-closed');
    expect(res.status).toBe(200);
    expect((await get(`pr-${PR}--${slug}.localhost`)).status).toBe(404);
    expect(existsSync(deployFolder(deploy.id))).toBe(false);
    const site = (await lp.gql(SITE, { id: siteId })).data!.site;
    const closed = site.deploys.find((d: { id: string }) => d.id === deploy.id);
    expect(closed.status).toBe('SUPERSEDED');
    expect(closed.filesPrunedAt).not.toBeNull();
    // Any other such host is not found either, never the production site.
    expect((await get(`pr-99--${slug}.localhost`)).status).toBe(404);
    await expectProductionUnchanged();
  });

  it('ignores pull requests with previews off, and rejects a body that is not a pull request', async () => {
    await lp.gql('mutation($id: ID!) { updateSite(id: $id, input: { deployPreviews: false }) { id } }', {
      id: siteId,
    });
    const res = await deliver('pull_request', pullRequestExample('reopened'), 'pr-reopened-off');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { ignored: string }).ignored).toBe('deploy previews are off');
    const bad = await deliver('pull_request', { action: 'opened', number: 'x' }, 'pr-bad');
    expect(bad.status).toBe(400);
    expect((await settled(1)).site.deploys).toHaveLength(3);
  });
});

describe('branch deploys', () => {
  const pushPayload = (branch: string, after: string, deleted = false) => ({
    ref: `refs/heads/${branch}`,
    before: '0'.repeat(40),
    after,
    deleted,
    head_commit: deleted ? null : { id: after, message: `work on ${branch}` },
  });

  it('a push to another branch is ignored as before while branch deploys are off', async () => {
    const { head } = await git.commit('hello', { 'build.js': build('staging one') }, 'staging', {
      branch: 'staging',
    });
    const res = await deliver('push', pushPayload('staging', head), 'push-off');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { ignored: string }).ignored).toBe(
      'push to refs/heads/staging, site deploys refs/heads/master',
    );
  });

  it('with branch deploys on, a push to another branch → a BRANCH deploy at <branch>--<slug>', async () => {
    const on = await lp.gql(
      'mutation($id: ID!) { updateSite(id: $id, input: { branchDeploys: true }) { branchDeploys } }',
      { id: siteId },
    );
    expect(on.data?.updateSite.branchDeploys).toBe(true);
    const { head } = await git.commit('hello', { 'build.js': build('staging two') }, 'staging 2', {
      branch: 'staging',
    });
    const res = await deliver('push', pushPayload('staging', head), 'push-on');
    expect(res.status).toBe(202);
    const { deploy } = await settled(4);
    expect(deploy).toMatchObject({
      status: 'LIVE',
      context: 'BRANCH',
      branch: 'staging',
      pullRequest: null,
      commitSha: head,
      url: `http://staging--${slug}.localhost`,
    });
    expect((await get(`staging--${slug}.localhost`)).body.toString()).toBe('staging two');
    await expectProductionUnchanged();
  });

  it('a push to the production branch deploys production; retention leaves the branch deploy alone', async () => {
    const { head } = await git.commit('hello', { 'build.js': build('production two') }, 'prod 2', {
      branch: 'master',
    });
    const res = await deliver('push', pushPayload('master', head), 'push-master');
    expect(res.status).toBe(202);
    const { deploy, site } = await settled(5);
    expect(deploy).toMatchObject({ status: 'LIVE', context: 'PRODUCTION', url: `http://${slug}.localhost` });
    expect(site.currentDeploy.number).toBe(5);
    // LAUNCHPAD_KEEP_DEPLOYS=1: production #1 lost its files, the live branch deploy #4 kept them.
    const byNumber = (n: number) => site.deploys.find((d: { number: number }) => d.number === n);
    expect(byNumber(1).filesPrunedAt).not.toBeNull();
    expect(byNumber(4).filesPrunedAt).toBeNull();
    expect(existsSync(deployFolder(byNumber(4).id))).toBe(true);
    expect((await get(`${slug}.localhost`)).body.toString()).toBe('production two');
    expect((await get(`staging--${slug}.localhost`)).body.toString()).toBe('staging two');
  });

  it('deleting the branch takes its host down', async () => {
    const { deploy } = await settled(4);
    await git.deleteBranch('hello', 'staging');
    const res = await deliver('push', pushPayload('staging', '0'.repeat(40), true), 'push-delete');
    expect(res.status).toBe(200);
    await eventually(async () =>
      (await get(`staging--${slug}.localhost`)).status === 404 ? true : undefined,
    );
    expect(existsSync(deployFolder(deploy.id))).toBe(false);
    expect((await get(`${slug}.localhost`)).body.toString()).toBe('production two');
  });
});
