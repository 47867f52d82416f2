import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diskUsage } from '../src/runtime/disk-usage.js';
import { CREATE_DIGEST, describeFiles, multipart, sha256, UPLOAD_FILES } from './support/digest.js';
import { eventually, httpGet, type Launchpad, startLaunchpad } from './support/harness.js';

// Issue 15: content-addressed deploys and digest uploads, against the real engine and real files.

const CREATE_SITE = /* GraphQL */ `
  mutation($input: CreateSiteInput!) { createSite(input: $input) { id slug status deploys { id } } }`;
const SITE = /* GraphQL */ `
  query($id: ID!) {
    site(id: $id) { status currentDeploy { id } deploys(first: 50) { id number status error startedAt finishedAt permalink filesPrunedAt } }
  }`;
const ROLLBACK = 'mutation($id: ID!) { rollback(deployId: $id) { id number status } }';

const FILES = 10_000;
let lp: Launchpad;

beforeAll(async () => {
  lp = await startLaunchpad({ LAUNCHPAD_MAX_FILES: String(FILES + 50), LAUNCHPAD_KEEP_DEPLOYS: '2' });
});
afterAll(async () => {
  await lp?.cleanup();
});

async function createEmptySite(suffix: string) {
  const slug = `${lp.slugPrefix}-${suffix}`;
  const res = await lp.gql(CREATE_SITE, { input: { name: slug, slug, sourceType: 'ZIP' } });
  expect(res.errors).toBeUndefined();
  return res.data!.createSite as { id: string; slug: string; status: string; deploys: unknown[] };
}

/** Creates a digest deploy (multipart: a 10,000-file list is over the 1 MiB JSON cap) and uploads what it asks for. */
async function digestDeploy(siteId: string, files: Map<string, Buffer>) {
  const started = Date.now();
  const created = await multipart(lp, CREATE_DIGEST, { siteId, files: describeFiles(files) });
  expect(created.errors).toBeUndefined();
  const { deploy, required } = created.data!.createDigestDeploy as { deploy: any; required: string[] };
  const bySha = new Map([...files.values()].map((c) => [sha256(c), c]));
  let left = required;
  for (let i = 0; i < required.length; i += 500) {
    const batch = required.slice(i, i + 500).map((sha) => ({ name: sha, content: bySha.get(sha)! }));
    const res = await multipart(lp, UPLOAD_FILES, { deployId: deploy.id }, batch);
    expect(res.errors).toBeUndefined();
    left = res.data!.uploadDeployFiles.required;
  }
  expect(left).toEqual([]);
  return { deploy, required, ms: Date.now() - started };
}

async function settled(siteId: string, number: number) {
  return eventually(
    async () => {
      const site = (await lp.gql(SITE, { id: siteId })).data?.site;
      const d = site?.deploys.find((x: { number: number }) => x.number === number);
      return d && ['LIVE', 'FAILED', 'CANCELLED'].includes(d.status) && site.status !== 'DEPLOYING'
        ? d
        : undefined;
    },
    180_000,
    `deploy #${number}`,
  );
}

async function get(slug: string, path: string, host = `${slug}.localhost`) {
  const { ip } = await lp.app.runtime.endpoint(slug);
  return httpGet(ip!, path, host);
}

const storeUsage = () => lp.app.data.store.usage();
/** Bytes of every distinct inode under files/ and sites/ (hard links count once), metadata included. */
const disk = async () =>
  (await diskUsage(join(lp.dataDir, 'files'))) + (await diskUsage(join(lp.dataDir, 'sites')));

describe('a 10,000-file site redeployed with one file changed', () => {
  const files = new Map<string, Buffer>();
  for (let i = 0; i < FILES; i++) {
    const dir = `d${String(Math.floor(i / 100)).padStart(2, '0')}`;
    files.set(`${dir}/f${i}.html`, Buffer.from(`<p>file ${i}</p>${'.'.repeat(i % 200)}`));
  }
  files.set('index.html', Buffer.from('<h1>version one</h1>'));
  const changedPath = 'd42/f4242.html';
  const changed = Buffer.from(`<p>changed</p>${'x'.repeat(3000)}`);
  let site: { id: string; slug: string };
  const deploys: any[] = [];

  it('a ZIP site created without a file waits: CREATED, no deploy', async () => {
    const created = await createEmptySite('big');
    expect(created.status).toBe('CREATED');
    expect(created.deploys).toEqual([]);
    site = created;
  });

  it('the second deploy stores one new blob, the disk grows by about that file, both serve their bytes', async () => {
    const first = await digestDeploy(site.id, files);
    expect(first.required).toHaveLength(new Set(describeFiles(files).map((f) => f.sha256)).size);
    deploys.push(await settled(site.id, 1));
    expect(deploys[0].status).toBe('LIVE');
    const blobsBefore = await storeUsage();
    const diskBefore = await disk();

    const second = new Map(files).set(changedPath, changed);
    const again = await digestDeploy(site.id, second);
    // Only the changed file is asked for: every other one is linked from the store.
    expect(again.required).toEqual([sha256(changed)]);
    deploys.push(await settled(site.id, 2));
    expect(deploys[1].status).toBe('LIVE');

    const blobsAfter = await storeUsage();
    expect(blobsAfter.blobs - blobsBefore.blobs).toBe(1);
    expect(blobsAfter.bytes - blobsBefore.bytes).toBe(changed.length);
    const grown = (await disk()) - diskBefore;
    // The new folder's directories (100 of them) are the metadata; no file's bytes but the changed one's.
    expect(grown).toBeLessThan(changed.length + 2 * 1024 * 1024);
    const took = (d: any) => Date.parse(d.finishedAt) - Date.parse(d.startedAt);
    console.log(
      `digest redeploy of ${FILES} files, 1 changed: data dir grew ${grown} bytes (changed file ${changed.length}); ` +
        `deploy #1 ${took(deploys[0])} ms, #2 ${took(deploys[1])} ms (start to LIVE, report only); ` +
        `upload requests: first ${first.ms} ms, second ${again.ms} ms`,
    );

    const current = await get(site.slug, `/${changedPath}`);
    expect(current.body.equals(changed)).toBe(true);
    const oldHost = new URL(deploys[0].permalink).host;
    expect((await get(site.slug, `/${changedPath}`, oldHost)).body.equals(files.get(changedPath)!)).toBe(
      true,
    );
    for (const path of ['index.html', 'd00/f0.html', 'd99/f9999.html']) {
      expect((await get(site.slug, `/${path}`)).body.equals(files.get(path)!), path).toBe(true);
      expect((await get(site.slug, `/${path}`, oldHost)).body.equals(files.get(path)!), path).toBe(true);
    }
    // Both deploy folders are links to the same read-only blob for an unchanged file.
    const a = await stat(join(lp.dataDir, 'sites', site.slug, 'deploys', deploys[0].id, 'd00/f0.html'));
    const b = await stat(join(lp.dataDir, 'sites', site.slug, 'deploys', deploys[1].id, 'd00/f0.html'));
    expect(a.ino).toBe(b.ino);
    expect(a.mode & 0o777).toBe(0o444);
  }, 600_000);

  it('rollback and pruning never break a kept deploy: only blobs no kept deploy links go', async () => {
    const third = new Map(files).set(changedPath, changed).set('index.html', Buffer.from('<h1>three</h1>'));
    await digestDeploy(site.id, third);
    deploys.push(await settled(site.id, 3));
    // LAUNCHPAD_KEEP_DEPLOYS=2: #1 lost its folder, and with it the only link to its f4242.
    const rows = (await lp.gql(SITE, { id: site.id })).data!.site.deploys;
    expect(rows.find((d: any) => d.number === 1).filesPrunedAt).not.toBeNull();
    expect(await lp.app.data.store.has(sha256(files.get(changedPath)!))).toBe(false);
    // #2 still links the first index.html: kept.
    expect(await lp.app.data.store.has(sha256(files.get('index.html')!))).toBe(true);
    expect(await lp.app.data.store.has(sha256(files.get('d00/f0.html')!))).toBe(true);

    // Regression: with LAUNCHPAD_KEEP_DEPLOYS=2 the rollback's own retention pruned the very files it serves
    // (#2 counted as "another" deploy next to the rollback row), and the site answered 404.
    const back = await lp.gql(ROLLBACK, { id: deploys[1].id });
    expect(back.errors).toBeUndefined();
    await settled(site.id, 4);
    const index = await get(site.slug, '/index.html');
    expect(`${index.status} ${index.body}`).toBe(`200 ${files.get('index.html')}`);
    expect((await get(site.slug, `/${changedPath}`)).body.equals(changed)).toBe(true);
    const pruned = await lp.gql(ROLLBACK, { id: deploys[0].id });
    expect(pruned.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    // Every file of every kept deploy still holds the bytes its name promises.
    for (const d of [deploys[1], deploys[2]]) {
      const folder = join(lp.dataDir, 'sites', site.slug, 'deploys', d.id);
      const expected = d === deploys[1] ? new Map(files).set(changedPath, changed) : third;
      const names = (await readdir(folder, { recursive: true, withFileTypes: true })).filter((e) =>
        e.isFile(),
      );
      expect(names).toHaveLength(expected.size);
      for (const path of ['index.html', changedPath, 'd12/f1234.html']) {
        expect((await readFile(join(folder, path))).equals(expected.get(path)!), `${d.number} ${path}`).toBe(
          true,
        );
      }
    }
    // The store holds exactly the blobs the kept deploys link.
    const kept = new Set(
      [...describeFiles(third), ...describeFiles(new Map(files).set(changedPath, changed))].map(
        (f) => f.sha256,
      ),
    );
    expect((await storeUsage()).blobs).toBe(kept.size);
  }, 600_000);

  it('deleting the site leaves no blob of it in the store', async () => {
    const res = await lp.gql('mutation($id: ID!) { deleteSite(id: $id) }', { id: site.id });
    expect(res.errors).toBeUndefined();
    expect((await storeUsage()).blobs).toBe(0);
  });
});
