import { existsSync } from 'node:fs';
import { readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeployEntity, WebhookDeliveryEntity } from '../src/db/entities.js';
import { githubSignature } from '../src/domain/signature.js';
import { DEFAULT_BUDGET } from '../src/services/delivery-budget.js';
import { type GitServer, startGitServer } from './support/git-server.js';
import { docker, eventually, httpGet, type Launchpad, startLaunchpad } from './support/harness.js';
import { makeZip } from './support/zip.js';

let lp: Launchpad;
let git: GitServer;
beforeAll(async () => {
  git = await startGitServer();
  lp = await startLaunchpad({ LAUNCHPAD_GIT_SCHEMES: 'git' });
});
afterAll(async () => {
  await lp?.cleanup();
  await git?.stop();
});

const SITE = /* GraphQL */ `
  query($id: ID!) {
    site(id: $id) {
      id slug status webhookUrl webhookSecret currentDeploy { id number }
      deploys(first: 50) { id number status trigger error commitSha permalink filesPrunedAt sourceDeploy { id } }
      webhookDeliveries(first: 50) { deliveryId event outcome reason deploy { id } }
    }
  }`;

async function site(id: string) {
  return (await lp.gql(SITE, { id })).data!.site;
}

async function settled(siteId: string, number: number) {
  return eventually(
    async () => {
      const s = await site(siteId);
      const d = s?.deploys.find((x: { number: number }) => x.number === number);
      return d && ['LIVE', 'FAILED', 'CANCELLED'].includes(d.status) && s.status !== 'DEPLOYING'
        ? d
        : undefined;
    },
    45_000,
    `deploy #${number}`,
  );
}

async function get(slug: string, path = '/', host = `${slug}.localhost`) {
  const { ip } = await lp.app.runtime.endpoint(slug);
  return httpGet(ip!, path, host);
}

function push(siteId: string, body: string, headers: Record<string, string>) {
  return fetch(`${lp.url}/api/webhooks/github/${siteId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'GitHub-Hookshot/test', ...headers },
    body,
  });
}

/** A push payload in the shape GitHub documents (trimmed of fields we do not read, but not of structure). */
function pushPayload(ref: string, after: string, message: string) {
  return {
    ref,
    before: '0'.repeat(40),
    after,
    created: false,
    deleted: false,
    forced: false,
    base_ref: null,
    compare: `https://github.com/octo/site/compare/000000000000...${after.slice(0, 12)}`,
    commits: [
      {
        id: after,
        tree_id: 'f'.repeat(40),
        distinct: true,
        message,
        timestamp: '2026-11-23T04:00:00Z',
        url: `https://github.com/octo/site/commit/${after}`,
        author: { name: 'Octo Cat', email: 'octo@example.com', username: 'octocat' },
        committer: { name: 'Octo Cat', email: 'octo@example.com', username: 'octocat' },
        added: ['index.html'],
        removed: [],
        modified: [],
      },
    ],
    head_commit: { id: after, message, timestamp: '2026-11-23T04:00:00Z' },
    repository: {
      id: 1,
      name: 'site',
      full_name: 'octo/site',
      default_branch: 'main',
      created_at: 1700000000,
    },
    pusher: { name: 'octocat', email: 'octo@example.com' },
    sender: { login: 'octocat', id: 1 },
  };
}

describe('GitHub push webhooks', () => {
  let siteId: string;
  let secret: string;
  let slug: string;
  const build = (v: string) =>
    `require('fs').mkdirSync('dist');require('fs').writeFileSync('dist/index.html', ${JSON.stringify(v)})`;

  beforeAll(async () => {
    await git.createRepo('hooked', { 'build.js': build('one') });
    slug = `${lp.slugPrefix}-hook`;
    const res = await lp.gql(
      'mutation($input: CreateSiteInput!) { createSite(input: $input) { id webhookSecret webhookUrl } }',
      {
        input: {
          name: slug,
          slug,
          sourceType: 'GIT',
          gitUrl: git.url('hooked'),
          buildCommand: 'node build.js',
        },
      },
    );
    expect(res.errors).toBeUndefined();
    siteId = res.data!.createSite.id;
    secret = res.data!.createSite.webhookSecret;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(res.data!.createSite.webhookUrl).toBe(`${lp.url}/api/webhooks/github/${siteId}`);
    await settled(siteId, 1);
  });

  it('answers a ping with 200', async () => {
    const body = JSON.stringify({ zen: 'Design for failure.', hook_id: 1 });
    const res = await push(siteId, body, {
      'x-github-event': 'ping',
      'x-github-delivery': 'ping-1',
      'x-hub-signature-256': githubSignature(secret, body),
    });
    expect(res.status).toBe(200);
  });

  it('queues a deploy for a signed push to the branch, answers 202 with its id, serves the new commit', async () => {
    const { head } = await git.commit('hooked', { 'build.js': build('two') }, 'second commit');
    const body = JSON.stringify(pushPayload('refs/heads/main', head, 'second commit'), null, 2);
    const res = await push(siteId, body, {
      'x-github-event': 'push',
      'x-github-delivery': 'delivery-1',
      'x-hub-signature-256': githubSignature(secret, body),
    });
    expect(res.status).toBe(202);
    const { deployId } = (await res.json()) as { deployId: string };
    const deploy = await settled(siteId, 2);
    expect(deploy.id).toBe(deployId);
    expect(deploy.status).toBe('LIVE');
    expect(deploy.trigger).toBe('WEBHOOK');
    expect(deploy.commitSha).toBe(head);
    expect((await get(slug)).body.toString()).toBe('two');
  });

  it('refuses bad signatures and unknown sites, and ignores what should not deploy, recording why', async () => {
    const payload = pushPayload('refs/heads/main', 'a'.repeat(40), 'x');
    const body = JSON.stringify(payload);
    const sign = (b: string) => githubSignature(secret, b);
    const cases: [string, string, Record<string, string>, number, RegExp | null][] = [
      [
        'wrong signature',
        body,
        { 'x-hub-signature-256': githubSignature('wrong', body) },
        401,
        /does not match/,
      ],
      ['missing signature', body, {}, 401, /header missing/],
      [
        'same JSON, other spacing',
        JSON.stringify(payload, null, 4),
        { 'x-hub-signature-256': sign(body) },
        401,
        /does not match/,
      ],
      [
        'another branch',
        JSON.stringify(pushPayload('refs/heads/dev', 'b'.repeat(40), 'x')),
        {},
        200,
        /refs\/heads\/dev/,
      ],
    ];
    for (const [what, b, headers, status, reason] of cases) {
      const signed =
        headers['x-hub-signature-256'] !== undefined || status === 401
          ? headers
          : { 'x-hub-signature-256': sign(b) };
      const res = await push(siteId, b, {
        'x-github-event': 'push',
        'x-github-delivery': `case-${what}`,
        ...signed,
      });
      expect(res.status, what).toBe(status);
      const deliveries = (await site(siteId)).webhookDeliveries;
      const recorded = deliveries.find((d: { deliveryId: string }) => d.deliveryId === `case-${what}`);
      expect(recorded?.reason, what).toMatch(reason!);
      expect(recorded?.deploy, what).toBeNull();
    }
    const unknown = await push('0123456789abcdef01234567', body, {
      'x-github-event': 'push',
      'x-hub-signature-256': sign(body),
    });
    expect(unknown.status).toBe(404);

    // A repeated delivery id that already queued a deploy is a duplicate...
    const again = await push(siteId, JSON.stringify(pushPayload('refs/heads/main', 'c'.repeat(40), 'x')), {});
    expect(again.status).toBe(401);
    const dupBody = JSON.stringify(pushPayload('refs/heads/main', 'c'.repeat(40), 'dup'));
    const dup = await push(siteId, dupBody, {
      'x-github-event': 'push',
      'x-github-delivery': 'delivery-1',
      'x-hub-signature-256': sign(dupBody),
    });
    expect(dup.status).toBe(200);
    expect(((await dup.json()) as { ignored: string }).ignored).toMatch(/already queued/);

    // ...and with auto-deploy off, a push is recorded and ignored.
    await lp.gql('mutation($id: ID!) { updateSite(id: $id, input: { autoDeploy: false }) { id } }', {
      id: siteId,
    });
    const off = await push(siteId, dupBody, {
      'x-github-event': 'push',
      'x-github-delivery': 'off-1',
      'x-hub-signature-256': sign(dupBody),
    });
    expect(off.status).toBe(200);
    expect(((await off.json()) as { ignored: string }).ignored).toMatch(/auto-deploy is off/);
    await lp.gql('mutation($id: ID!) { updateSite(id: $id, input: { autoDeploy: true }) { id } }', {
      id: siteId,
    });

    expect((await site(siteId)).deploys).toHaveLength(2);
  });

  it('refuses a 2 MiB body with 413', async () => {
    const res = await push(siteId, 'x'.repeat(2 * 1024 * 1024), { 'x-github-event': 'push' });
    expect(res.status).toBe(413);
  });

  it('rotates the secret: the old one stops working', async () => {
    const res = await lp.gql('mutation($id: ID!) { rotateWebhookSecret(id: $id) { webhookSecret } }', {
      id: siteId,
    });
    const fresh = res.data!.rotateWebhookSecret.webhookSecret;
    expect(fresh).not.toBe(secret);
    const body = JSON.stringify({ zen: 'x' });
    expect(
      (
        await push(siteId, body, {
          'x-github-event': 'ping',
          'x-hub-signature-256': githubSignature(secret, body),
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await push(siteId, body, {
          'x-github-event': 'ping',
          'x-hub-signature-256': githubSignature(fresh, body),
        })
      ).status,
    ).toBe(200);
    secret = fresh;
  });

  const signedPush = (delivery: string, body: unknown) => {
    const raw = JSON.stringify(body);
    return push(siteId, raw, {
      'x-github-event': 'push',
      'x-github-delivery': delivery,
      'x-hub-signature-256': githubSignature(secret, raw),
    });
  };
  const answer = async (res: Response) => {
    const body = (await res.json()) as { ignored?: string; deployId?: string };
    return { status: res.status, ignored: body.ignored, deployId: body.deployId };
  };

  it('webhook replay with a new delivery id starts no deploy; a force-push back to an earlier commit does', async () => {
    const before = await site(siteId);
    const first = before.deploys.find((d: { number: number }) => d.number === 1).commitSha as string;
    const live = before.deploys.find((d: { number: number }) => d.number === 2).commitSha as string;
    expect(before.currentDeploy.number).toBe(2);

    // The live commit's push, sent again three times at once under fresh delivery ids.
    const replays = await Promise.all(
      [1, 2, 3].map(async (i) =>
        answer(await signedPush(`replay-live-${i}`, pushPayload('refs/heads/main', live, 'second commit'))),
      ),
    );
    for (const r of replays) {
      expect(r.status).toBe(200);
      expect(r.ignored).toMatch(/is already live \(#2\)/);
    }
    // The first commit's original push (before = the zero sha) would roll the site back: ignored too.
    const old = await answer(
      await signedPush('replay-old', pushPayload('refs/heads/main', first, 'initial commit')),
    );
    expect(old.status).toBe(200);
    expect(old.ignored).toMatch(/deployed before \(#1, superseded\).*redeploy/);
    expect((await site(siteId)).deploys).toHaveLength(2);
    const recorded = (await site(siteId)).webhookDeliveries;
    expect(recorded.find((d: { deliveryId: string }) => d.deliveryId === 'replay-old')).toMatchObject({
      outcome: 'IGNORED',
      deploy: null,
    });

    // A real force-push back to the first commit moves the branch from the live head: it deploys.
    await git.forcePush('hooked', first);
    const forced = await signedPush('force-1', {
      ...pushPayload('refs/heads/main', first, 'initial commit'),
      before: live,
      forced: true,
    });
    expect(forced.status).toBe(202);
    const reverted = await settled(siteId, 3);
    expect(reverted).toMatchObject({ status: 'LIVE', commitSha: first });
    expect((await get(slug)).body.toString()).toBe('one');

    // Now the second commit's old push is the replay that would roll forward: ignored.
    const stale = await answer(
      await signedPush('replay-stale', pushPayload('refs/heads/main', live, 'second commit')),
    );
    expect(stale.ignored).toMatch(/deployed before \(#2, superseded\)/);

    // Copies of one new push racing each other under different delivery ids: exactly one deploy.
    const { head } = await git.commit('hooked', { 'build.js': build('three') }, 'third commit');
    const racing = await Promise.all(
      [1, 2, 3].map(async (i) =>
        answer(
          await signedPush(`race-${i}`, {
            ...pushPayload('refs/heads/main', head, 'third commit'),
            before: first,
          }),
        ),
      ),
    );
    expect(racing.filter((r) => r.status === 202)).toHaveLength(1);
    for (const r of racing.filter((x) => x.status !== 202))
      expect(r.ignored).toMatch(/already (being deployed|live)/);
    expect(await settled(siteId, 4)).toMatchObject({ status: 'LIVE', commitSha: head });
    expect((await site(siteId)).deploys).toHaveLength(4);
  });

  it('rejected deliveries flood: 1,000 unsigned POSTs store a bounded number of rows that count the rest', async () => {
    const em = lp.app.orm.em.fork();
    const rejected = () => em.count(WebhookDeliveryEntity, { siteId, outcome: 'REJECTED' });
    const stored = await rejected();
    const body = JSON.stringify(pushPayload('refs/heads/main', 'd'.repeat(40), 'flood'));
    const statuses: number[] = [];
    const sender = async (worker: number) => {
      for (let i = worker; i < 1000; i += 20) {
        const res = await push(siteId, body, { 'x-github-event': 'push', 'x-github-delivery': `flood-${i}` });
        statuses.push(res.status);
        await res.arrayBuffer();
      }
    };
    await Promise.all(Array.from({ length: 20 }, (_, w) => sender(w)));
    expect(statuses).toHaveLength(1000);
    expect(new Set(statuses)).toEqual(new Set([401]));

    const added = (await rejected()) - stored;
    expect(added).toBeGreaterThan(0);
    expect(added).toBeLessThanOrEqual(DEFAULT_BUDGET.rows);
    // The window's count is rewritten at most once a second; one more delivery after that brings it up to date.
    await new Promise((r) => setTimeout(r, DEFAULT_BUDGET.writeEveryMs + 100));
    expect((await push(siteId, body, { 'x-github-event': 'push' })).status).toBe(401);
    const shown = (await site(siteId)).webhookDeliveries as { outcome: string; reason: string }[];
    const summary = shown.find((d) => /more until/.test(d.reason));
    expect(summary?.outcome).toBe('REJECTED');
    const counted = Number(/then (\d+) more until/.exec(summary!.reason)![1]);
    expect(counted + added).toBe(1001);
    expect(summary!.reason).toMatch(/X-Hub-Signature-256 header missing/);
    expect(await rejected()).toBe(stored + added);
  });

  it('deleteSite leaves no webhook deliveries behind (they used to outlive their site)', async () => {
    const em = lp.app.orm.em.fork();
    expect(await em.count(WebhookDeliveryEntity, { siteId })).toBeGreaterThan(0);
    const res = await lp.gql('mutation($id: ID!) { deleteSite(id: $id) }', { id: siteId });
    expect(res.errors).toBeUndefined();
    expect(await em.count(WebhookDeliveryEntity, { siteId })).toBe(0);
    expect(await em.count(DeployEntity, { siteId })).toBe(0);
  });
});

describe('rollback, permalinks and retention', () => {
  let siteId: string;
  let slug: string;

  async function deployVersion(v: number) {
    const zip = await makeZip([['index.html', `version ${v}`]]);
    if (!siteId) {
      const res = await lp.upload(
        'mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }',
        { input: { name: slug, slug, sourceType: 'ZIP', file: null } },
        { path: 'input.file', name: 's.zip', content: zip },
      );
      siteId = res.data!.createSite.id;
    } else {
      const res = await lp.upload(
        'mutation($id: ID!, $file: File) { deploySite(id: $id, file: $file) { id } }',
        { id: siteId, file: null },
        {
          path: 'file',
          name: 's.zip',
          content: zip,
        },
      );
      expect(res.errors).toBeUndefined();
    }
    return settled(siteId, v);
  }

  it('rolls back at once with no failed request and no container restart; permalinks serve each deploy', async () => {
    slug = `${lp.slugPrefix}-rb`;
    const d1 = await deployVersion(1);
    await deployVersion(2);
    const d3 = await deployVersion(3);
    expect(d3.status).toBe('LIVE');
    const before = await docker.getContainer(`launchpad-site-${slug}`).inspect();

    let stop = false;
    const statuses: number[] = [];
    const loop = (async () => {
      while (!stop) statuses.push((await get(slug)).status);
    })();
    const res = await lp.gql(
      'mutation($id: ID!) { rollback(deployId: $id) { id number status trigger sourceDeploy { id } } }',
      {
        id: d1.id,
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.rollback).toMatchObject({
      number: 4,
      status: 'LIVE',
      trigger: 'ROLLBACK',
      sourceDeploy: { id: d1.id },
    });
    // The mutation returns once the swap is done: the very next request gets deploy 1's files.
    expect((await get(slug)).body.toString()).toBe('version 1');
    stop = true;
    await loop;
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const after = await docker.getContainer(`launchpad-site-${slug}`).inspect();
    expect(after.Id).toBe(before.Id);
    expect(after.State.StartedAt).toBe(before.State.StartedAt);

    const s = await site(siteId);
    expect(s.currentDeploy.number).toBe(4);
    expect(s.deploys.find((d: { number: number }) => d.number === 3).status).toBe('SUPERSEDED');
    for (const d of s.deploys) {
      const host = new URL(d.permalink).host;
      expect(host).toBe(`${d.id}--${slug}.localhost`);
      const expected = d.number === 4 ? 'version 1' : `version ${d.number}`;
      expect((await get(slug, '/', host)).body.toString(), `permalink of #${d.number}`).toBe(expected);
    }
    const current = await get(slug, '/', `${'0'.repeat(24)}--${slug}.localhost`);
    expect(current.status).toBe(404);
  });

  it('keeps the files of the newest 10 deploys, the current one among them; a pruned deploy cannot come back', async () => {
    for (let v = 5; v <= 16; v++) await deployVersion(v);
    const dirs = (await readdir(join(lp.dataDir, 'sites', slug, 'deploys'), { withFileTypes: true })).filter(
      (e) => e.isDirectory(),
    );
    expect(dirs).toHaveLength(10);
    const current = (await readlink(join(lp.dataDir, 'sites', slug, 'current'))).replace('deploys/', '');
    expect(dirs.map((d) => d.name)).toContain(current);
    const s = await site(siteId);
    const pruned = s.deploys.filter((d: { filesPrunedAt: string | null }) => d.filesPrunedAt);
    expect(pruned.length).toBeGreaterThan(0);
    const d1 = s.deploys.find((d: { number: number }) => d.number === 1);
    expect(d1.filesPrunedAt).not.toBeNull();
    const logs = await lp.gql('query($id: ID!) { deploy(id: $id) { logs { text } } }', { id: d1.id });
    expect(logs.data!.deploy.logs.length).toBeGreaterThan(0);
    const res = await lp.gql('mutation($id: ID!) { rollback(deployId: $id) { id } }', { id: d1.id });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deployId' });
    expect(res.errors?.[0]?.message).toMatch(/removed by retention/);
    expect(existsSync(join(lp.dataDir, 'sites', slug, 'deploys', d1.id))).toBe(false);
  });
});
