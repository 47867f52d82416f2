/**
 * Deploy lifecycle benchmark (npm run bench): with a client requesting the site in a steady loop,
 * 20 redeploys and 20 rollbacks, timing each from mutation to the first response with the new content and
 * counting failed requests; plus the webhook answer time (signed push → 202) next to a ping baseline on
 * the same HTTP server (/healthz), so the ratio shows what queueing a deploy adds.
 */
import { randomBytes } from 'node:crypto';
import { githubSignature } from '../server/src/domain/signature.js';
import { startGitServer } from '../server/test/support/git-server.js';
import { httpGet, type Launchpad, startLaunchpad } from '../server/test/support/harness.js';
import { makeZip } from '../server/test/support/zip.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p99 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))]!;
const fmt = (ms: number) => `${ms.toFixed(1).padStart(7)} ms`;

async function until(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return; // e.g. the container is not listening yet
    await new Promise((r) => setTimeout(r, 2));
  }
  throw new Error('timed out');
}

async function swaps(lp: Launchpad) {
  const slug = `bench-rb-${randomBytes(3).toString('hex')}`;
  const upload = async (id: string | null, v: number) => {
    const content = await makeZip([['index.html', `version ${v}`]]);
    return id
      ? lp.upload(
          'mutation($id: ID!, $file: File) { deploySite(id: $id, file: $file) { id } }',
          { id, file: null },
          { path: 'file', name: 's.zip', content },
        )
      : lp.upload(
          'mutation($input: CreateSiteInput!) { createSite(input: $input) { id deploys { id } } }',
          { input: { name: slug, slug, sourceType: 'ZIP', file: null } },
          { path: 'input.file', name: 's.zip', content },
        );
  };
  const created = await upload(null, 0);
  const siteId = created.data!.createSite.id as string;
  const firstDeploy = created.data!.createSite.deploys[0].id as string;
  await until(async () => !!(await lp.app.runtime.endpoint(slug).catch(() => null))?.ip);
  const { ip } = await lp.app.runtime.endpoint(slug);
  const body = async () => (await httpGet(ip!, '/', `${slug}.localhost`)).body.toString();
  await until(async () => (await body()) === 'version 0');

  let requests = 0;
  let failed = 0;
  let stop = false;
  const loop = (async () => {
    while (!stop) {
      const res = await httpGet(ip!, '/', `${slug}.localhost`).catch(() => null);
      requests++;
      if (res?.status !== 200) failed++;
    }
  })();
  const redeploy: number[] = [];
  const rollback: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    let start = performance.now();
    await upload(siteId, round);
    await until(async () => (await body()) === `version ${round}`);
    redeploy.push(performance.now() - start);
    await lp.app.queue.idle(); // the row goes LIVE a moment after nginx serves the files

    start = performance.now();
    const res = await lp.gql('mutation($id: ID!) { rollback(deployId: $id) { id } }', { id: firstDeploy });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    await until(async () => (await body()) === 'version 0');
    rollback.push(performance.now() - start);
  }
  stop = true;
  await loop;
  return { redeploy, rollback, requests, failed };
}

async function webhookTimes(lp: Launchpad) {
  const git = await startGitServer();
  try {
    const { head } = await git.createRepo('hook', { 'index.html': 'hi' });
    const res = await lp.gql(
      'mutation($input: CreateSiteInput!) { createSite(input: $input) { id webhookSecret } }',
      {
        input: {
          name: 'hook',
          slug: `bench-hook-${randomBytes(3).toString('hex')}`,
          sourceType: 'GIT',
          gitUrl: git.url('hook'),
          outputDir: '.',
        },
      },
    );
    const { id, webhookSecret } = res.data!.createSite;
    const push: number[] = [];
    const health: number[] = [];
    for (let i = 0; i < ROUNDS * 2; i++) {
      const body = JSON.stringify({ ref: 'refs/heads/main', after: head, head_commit: { message: 'bench' } });
      let start = performance.now();
      const r = await fetch(`${lp.url}/api/webhooks/github/${id}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-github-event': 'push',
          'x-github-delivery': `bench-${i}`,
          'x-hub-signature-256': githubSignature(webhookSecret, body),
        },
        body,
      });
      await r.arrayBuffer();
      if (r.status !== 202) throw new Error(`webhook answered ${r.status}`);
      push.push(performance.now() - start);
      start = performance.now();
      await (await fetch(`${lp.url}/healthz`)).arrayBuffer();
      health.push(performance.now() - start);
    }
    await lp.app.queue.idle();
    return { push, health };
  } finally {
    await git.stop();
  }
}

async function main(): Promise<void> {
  // Keep every deploy's files: the bench rolls back to deploy #1 after each redeploy.
  const lp = await startLaunchpad({ LAUNCHPAD_GIT_SCHEMES: 'git', LAUNCHPAD_KEEP_DEPLOYS: '100' });
  try {
    const s = await swaps(lp);
    const w = await webhookTimes(lp);
    console.log(`${ROUNDS} redeploys and ${ROUNDS} rollbacks under a request loop (${s.requests} requests)`);
    console.log(
      `  redeploy (upload -> new content served)  median ${fmt(median(s.redeploy))}  p99 ${fmt(p99(s.redeploy))}`,
    );
    console.log(
      `  rollback (mutation -> old content served) median ${fmt(median(s.rollback))}  p99 ${fmt(p99(s.rollback))}`,
    );
    console.log(`  failed requests: ${s.failed} of ${s.requests}`);
    console.log(
      `webhook answer (signed push -> 202)       median ${fmt(median(w.push))}  p99 ${fmt(p99(w.push))}`,
    );
    console.log(
      `baseline GET /healthz on the same server  median ${fmt(median(w.health))}  p99 ${fmt(p99(w.health))}`,
    );
    console.log(`ratio webhook / healthz (median): ${(median(w.push) / median(w.health)).toFixed(2)}`);
  } finally {
    await lp.cleanup();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
