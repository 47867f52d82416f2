import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type Launchpad, startLaunchpad } from './support/harness.js';
import { makeZip } from './support/zip.js';

// Issue 17, "Consistency under concurrency": deploy numbers are reserved atomically and a site's
// rollbacks are decided one at a time, so requests that race on one site neither collide nor both win.

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateSiteInput!) { createSite(input: $input) { id } }`;
const DEPLOY = /* GraphQL */ `
  mutation Deploy($id: ID!, $file: File) { deploySite(id: $id, file: $file) { id number status } }`;
const ROLLBACK = /* GraphQL */ `
  mutation Rollback($id: ID!) { rollback(deployId: $id) { id number status trigger sourceDeploy { id } } }`;
const SITE = /* GraphQL */ `
  query Site($id: ID!) {
    site(id: $id) {
      status
      currentDeploy { id number trigger sourceDeploy { id } }
      deploys { id number status trigger }
    }
  }`;

interface DeployRow {
  id: string;
  number: number;
  status: string;
  trigger: string;
}

let lp: Launchpad;

beforeAll(async () => {
  lp = await startLaunchpad();
});
afterAll(async () => {
  await lp?.cleanup();
});

async function createSite(slug: string, text: string): Promise<string> {
  const res = await lp.upload(
    CREATE,
    { input: { name: slug, slug, sourceType: 'ZIP', file: null } },
    { path: 'input.file', name: 'site.zip', content: await makeZip([['index.html', text]]) },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.createSite.id;
}

async function upload(siteId: string, text: string) {
  const zip = await makeZip([['index.html', text]]);
  return lp.upload(DEPLOY, { id: siteId, file: null }, { path: 'file', name: 'site.zip', content: zip });
}

/** The site once nothing of it is queued or running any more. */
async function settled(siteId: string, count: number) {
  return eventually(
    async () => {
      const site = (await lp.gql(SITE, { id: siteId })).data?.site;
      const done = site?.deploys.every((d: DeployRow) =>
        ['LIVE', 'SUPERSEDED', 'FAILED', 'CANCELLED'].includes(d.status),
      );
      return site && site.deploys.length === count && done && site.status !== 'DEPLOYING' ? site : undefined;
    },
    60_000,
    `${count} settled deploys of ${siteId}`,
  );
}

/** Archives on disk that no deploy row refers to: what a failed upload must not leave behind. */
async function orphanedArchives(deploys: DeployRow[]): Promise<string[]> {
  const files = await readdir(join(lp.dataDir, 'archives'));
  const all = await lp.gql<{ sites: { deploys: { id: string }[] }[] }>('{ sites { deploys { id } } }');
  const known = new Set(
    [...deploys, ...(all.data?.sites ?? []).flatMap((s) => s.deploys)].map((d) => `${d.id}.zip`),
  );
  return files.filter((f) => !known.has(f));
}

describe('concurrent requests on one site', () => {
  it('two uploads to the same site at once both queue, numbered n and n+1, no orphaned archive', async () => {
    const siteId = await createSite(`${lp.slugPrefix}-twin`, 'version 1');
    await settled(siteId, 1);

    const [a, b] = await Promise.all([upload(siteId, 'version 2a'), upload(siteId, 'version 2b')]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect([a.data!.deploySite.number, b.data!.deploySite.number].sort()).toEqual([2, 3]);

    const site = await settled(siteId, 3);
    expect(site.deploys.map((d: DeployRow) => d.number).sort()).toEqual([1, 2, 3]);
    expect(await orphanedArchives(site.deploys)).toEqual([]);
    // The counter in the database moved past both: no later flush wrote a stale number back.
    const next = await upload(siteId, 'version 4');
    expect(next.errors).toBeUndefined();
    expect(next.data!.deploySite.number).toBe(4);
    await settled(siteId, 4);
  });

  it('three rollbacks at once: exactly one goes live', async () => {
    const siteId = await createSite(`${lp.slugPrefix}-rb3`, 'version 1');
    const first = (await settled(siteId, 1)).deploys[0] as DeployRow;
    expect((await upload(siteId, 'version 2')).errors).toBeUndefined();
    expect((await settled(siteId, 2)).currentDeploy.number).toBe(2);

    const answers = await Promise.all([1, 2, 3].map(() => lp.gql(ROLLBACK, { id: first.id })));
    const won = answers.filter((r) => !r.errors);
    const refused = answers.filter((r) => r.errors);
    expect(won).toHaveLength(1);
    expect(won[0]?.data?.rollback).toMatchObject({
      number: 3,
      status: 'LIVE',
      trigger: 'ROLLBACK',
      sourceDeploy: { id: first.id },
    });
    expect(refused).toHaveLength(2);
    for (const r of refused) {
      expect(r.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(r.errors?.[0]?.message).toMatch(/already current/);
    }

    // The refused rollbacks left no row and no permalink; one ROLLBACK deploy serves deploy 1's files.
    const site = await settled(siteId, 3);
    expect(site.deploys.filter((d: DeployRow) => d.trigger === 'ROLLBACK')).toHaveLength(1);
    expect(site.deploys.filter((d: DeployRow) => d.status === 'LIVE')).toHaveLength(1);
    expect(site.currentDeploy).toMatchObject({ number: 3, sourceDeploy: { id: first.id } });
    const folders = await readdir(join(lp.dataDir, 'sites', `${lp.slugPrefix}-rb3`, 'deploys'));
    expect(folders.sort()).toEqual(site.deploys.map((d: DeployRow) => d.id).sort());

    // Coming back to the same files again, one by one, is refused the same way.
    const again = await lp.gql(ROLLBACK, { id: first.id });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});
