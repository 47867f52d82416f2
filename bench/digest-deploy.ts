/**
 * Digest deploy benchmark (npm run bench; issue 15): a 10,000-file site redeployed with one file changed,
 * end to end (request to LIVE), as a digest deploy (createDigestDeploy, upload what is required) side by
 * side with a full zip redeploy of the same files (deploySite with the whole archive). Each round changes a
 * different file; rounds alternate so machine load hits both. Each runs on its own instance (its own data dir
 * and content store): one site's stored files would otherwise spare the other its uploads. Prints medians, the ratio, the bytes each
 * sent and how much the data dir grew per redeploy; writes the lines to bench/results/digest-deploy.txt.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { diskUsage } from '../server/src/runtime/disk-usage.js';
import {
  CREATE_DIGEST,
  describeFiles,
  multipart,
  sha256,
  UPLOAD_FILES,
} from '../server/test/support/digest.js';
import { type Launchpad, startLaunchpad } from '../server/test/support/harness.js';
import { makeZip } from '../server/test/support/zip.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const FILES = 10_000;
const ROOT = resolve(import.meta.dirname, '..');

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;

function siteFiles(round: number): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (let i = 0; i < FILES; i++) {
    files.set(
      `d${String(Math.floor(i / 100)).padStart(2, '0')}/f${i}.html`,
      Buffer.from(`<p>file ${i}</p>${'.'.repeat(i % 400)}`),
    );
  }
  // One file differs per round (round 0 is the first deploy).
  files.set('index.html', Buffer.from(`<h1>round ${round}</h1>`));
  return files;
}

async function waitLive(lp: Launchpad, deployId: string): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    const status = (await lp.gql('query($id: ID!) { deploy(id: $id) { status error } }', { id: deployId }))
      .data?.deploy;
    if (status?.status === 'LIVE') return;
    if (status && ['FAILED', 'CANCELLED'].includes(status.status))
      throw new Error(`deploy ${status.status}: ${status.error}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('deploy did not go live');
}

async function zipDeploy(lp: Launchpad, siteId: string, files: Map<string, Buffer>) {
  const zip = await makeZip([...files]);
  const start = performance.now();
  const res = await lp.upload(
    'mutation($id: ID!, $file: File) { deploySite(id: $id, file: $file) { id } }',
    { id: siteId, file: null },
    { path: 'file', name: 'site.zip', content: zip },
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  await waitLive(lp, res.data!.deploySite.id);
  return { ms: performance.now() - start, sent: zip.length };
}

async function digestDeploy(lp: Launchpad, siteId: string, files: Map<string, Buffer>) {
  const start = performance.now();
  const created = await multipart(lp, CREATE_DIGEST, { siteId, files: describeFiles(files) });
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  const { deploy, required } = created.data!.createDigestDeploy;
  const bySha = new Map([...files.values()].map((c) => [sha256(c), c]));
  let sent = 0;
  for (let i = 0; i < required.length; i += 500) {
    const parts = (required as string[])
      .slice(i, i + 500)
      .map((sha) => ({ name: sha, content: bySha.get(sha)! }));
    sent += parts.reduce((n, p) => n + p.content.length, 0);
    const res = await multipart(lp, UPLOAD_FILES, { deployId: deploy.id }, parts);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
  }
  await waitLive(lp, deploy.id);
  return { ms: performance.now() - start, sent, required: required.length };
}

async function main() {
  const env = { LAUNCHPAD_KEEP_DEPLOYS: String(ROUNDS + 2) };
  const lp = await startLaunchpad(env);
  const other = await startLaunchpad(env);
  const lines: string[] = [];
  const say = (line: string) => {
    console.log(line);
    lines.push(line);
  };
  try {
    const create = (on: Launchpad, slug: string) =>
      on.gql('mutation($i: CreateSiteInput!) { createSite(input: $i) { id } }', {
        i: { name: slug, slug, sourceType: 'ZIP' },
      });
    const zipSite = (await create(lp, `${lp.slugPrefix}-zip`)).data!.createSite.id;
    const digestSite = (await create(other, `${other.slugPrefix}-digest`)).data!.createSite.id;
    const first = {
      zip: await zipDeploy(lp, zipSite, siteFiles(0)),
      digest: await digestDeploy(other, digestSite, siteFiles(0)),
    };
    say(
      `first deploy of ${FILES} files: zip ${first.zip.ms.toFixed(0)} ms, digest ${first.digest.ms.toFixed(0)} ms`,
    );
    const data = (on: Launchpad) => diskUsage(on.dataDir);
    const zip: number[] = [];
    const digest: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const files = siteFiles(round);
      let before = await data(lp);
      const z = await zipDeploy(lp, zipSite, files);
      const zipGrew = (await data(lp)) - before;
      before = await data(other);
      const d = await digestDeploy(other, digestSite, files);
      const digestGrew = (await data(other)) - before;
      zip.push(z.ms);
      digest.push(d.ms);
      say(
        `round ${round}: zip redeploy ${z.ms.toFixed(0)} ms (sent ${z.sent} B, data dir +${zipGrew} B); ` +
          `digest redeploy ${d.ms.toFixed(0)} ms (${d.required} file(s) required, sent ${d.sent} B, data dir +${digestGrew} B)`,
      );
    }
    say(
      `median redeploy with 1 of ${FILES} files changed: digest ${median(digest).toFixed(0)} ms vs zip ${median(zip).toFixed(0)} ms ` +
        `= ${(median(digest) / median(zip)).toFixed(2)}x (load average ${loadavg()[0]!.toFixed(1)})`,
    );
    await mkdir(join(ROOT, 'bench/results'), { recursive: true });
    await writeFile(join(ROOT, 'bench/results/digest-deploy.txt'), `${lines.join('\n')}\n`);
  } finally {
    await lp.cleanup();
    await other.cleanup();
  }
}

await main();
