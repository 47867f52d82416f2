/**
 * Zip deploy benchmark (npm run bench): a 500-file, 5 MB site from the createSite mutation to the first
 * HTTP 200 from its container, side by side with a hand-run baseline on the same engine and image (unzip
 * into a folder, `docker run` nginx on it, poll until 200), then redeploy-to-live. Runs alternate so both
 * see the same machine state; medians and the ratio are printed.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { docker, httpGet, startLaunchpad } from '../server/test/support/harness.js';
import { makeZip } from '../server/test/support/zip.js';

const run = promisify(execFile);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const FILES = 500;
const TOTAL_BYTES = 5 * 1024 * 1024;

async function siteZip(marker: string): Promise<Buffer> {
  const per = Math.floor(TOTAL_BYTES / FILES);
  const entries: [string, Buffer][] = [['index.html', Buffer.from(`<!doctype html><p>${marker}</p>`)]];
  for (let i = 1; i < FILES; i++) {
    // Random bytes do not compress: the archive really is ~5 MB, like a site of images.
    entries.push([`assets/${i % 10}/file-${i}.bin`, randomBytes(per)]);
  }
  return makeZip(entries);
}

async function waitFor200(ip: string, host: string, expect: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const res = await httpGet(ip, '/', host).catch(() => null);
    if (res?.status === 200 && res.body.toString().includes(expect)) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`${host} at ${ip} did not serve "${expect}" within 60 s`);
}

async function baseline(zipPath: string, network: string, image: string): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'launchpad-bench-'));
  const name = `launchpad-bench-${randomBytes(4).toString('hex')}`;
  const start = performance.now();
  try {
    await run('python3', ['-m', 'zipfile', '-e', zipPath, dir]);
    await run('chmod', ['-R', 'a+rX', dir]); // mkdtemp makes 0700; nginx workers run as uid 101
    await run('docker', [
      'run',
      '-d',
      '--name',
      name,
      '--network',
      network,
      '-v',
      `${dir}:/usr/share/nginx/html:ro`,
      image,
    ]);
    const info = await docker.getContainer(name).inspect();
    await waitFor200(info.NetworkSettings.Networks[network]!.IPAddress, 'localhost', 'baseline');
    return performance.now() - start;
  } finally {
    await docker
      .getContainer(name)
      .remove({ force: true })
      .catch(() => {});
    await rm(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number) => `${ms.toFixed(0).padStart(5)} ms`;

async function main(): Promise<void> {
  const lp = await startLaunchpad();
  const work = await mkdtemp(join(tmpdir(), 'launchpad-bench-zips-'));
  const launchpad: number[] = [];
  const hand: number[] = [];
  const redeploy: number[] = [];
  try {
    const baselineZip = join(work, 'baseline.zip');
    await writeFile(baselineZip, await siteZip('baseline'));
    await lp.app.runtime.prepare();
    const first = await siteZip('first');
    const second = await siteZip('second');
    console.log(`archive: ${FILES} files, ${(first.length / 1024 / 1024).toFixed(1)} MB; ${ROUNDS} rounds`);
    for (let round = 0; round < ROUNDS; round++) {
      hand.push(await baseline(baselineZip, lp.network, 'nginx:alpine'));

      const slug = `bench-${round}-${randomBytes(3).toString('hex')}`;
      const start = performance.now();
      const res = await lp.upload(
        'mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }',
        { input: { name: slug, slug, sourceType: 'ZIP', file: null } },
        { path: 'input.file', name: 'site.zip', content: first },
      );
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      const siteId = res.data!.createSite.id as string;
      const ip = await waitForIp(lp, slug);
      await waitFor200(ip, `${slug}.localhost`, 'first');
      launchpad.push(performance.now() - start);

      const again = performance.now();
      const re = await lp.upload(
        'mutation($id: ID!, $file: File) { deploySite(id: $id, file: $file) { id } }',
        { id: siteId, file: null },
        { path: 'file', name: 'site.zip', content: second },
      );
      if (re.errors) throw new Error(JSON.stringify(re.errors));
      await waitFor200(ip, `${slug}.localhost`, 'second');
      redeploy.push(performance.now() - again);
      await lp.gql('mutation($id: ID!) { deleteSite(id: $id) }', { id: siteId });
    }
  } finally {
    await lp.cleanup();
    await rm(work, { recursive: true, force: true });
  }
  console.log(
    `hand-run baseline (unzip + docker run + poll)   median ${fmt(median(hand))}   runs ${hand.map(fmt).join(' ')}`,
  );
  console.log(
    `launchpad createSite -> first 200             median ${fmt(median(launchpad))}   runs ${launchpad.map(fmt).join(' ')}`,
  );
  console.log(
    `launchpad redeploy   -> new content served    median ${fmt(median(redeploy))}   runs ${redeploy.map(fmt).join(' ')}`,
  );
  console.log(`ratio launchpad / baseline (first deploy): ${(median(launchpad) / median(hand)).toFixed(2)}`);
}

async function waitForIp(lp: Awaited<ReturnType<typeof startLaunchpad>>, slug: string): Promise<string> {
  for (;;) {
    const endpoint = await lp.app.runtime.endpoint(slug).catch(() => null);
    if (endpoint?.ip) return endpoint.ip;
    await new Promise((r) => setTimeout(r, 10));
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
