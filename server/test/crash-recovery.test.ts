import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DeployEntity, SiteEntity } from '../src/db/entities.js';
import { newId } from '../src/domain/ids.js';
import type { Deploy, DeployStatus, Site } from '../src/domain/model.js';
import { switchCurrent } from '../src/pipeline/publish.js';
import { siteSpec } from '../src/pipeline/site-spec.js';
import { docker, eventually, httpGet, type Launchpad, startLaunchpad } from './support/harness.js';
import { makeZip } from './support/zip.js';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
});

async function launch(env: Record<string, string> = {}): Promise<Launchpad> {
  const lp = await startLaunchpad(env);
  cleanups.push(() => lp.cleanup());
  return lp;
}

/** The same data dir and network after a crash: a new process that starts with recovery. */
async function restart(lp: Launchpad, env: Record<string, string> = {}): Promise<Launchpad> {
  await lp.stop();
  const again = await startLaunchpad(env, { dataDir: lp.dataDir, network: lp.network });
  cleanups.push(() => again.stop());
  return again;
}

async function deployZip(lp: Launchpad, slug: string, siteId: string | null, text: string) {
  const content = await makeZip([['index.html', text]]);
  const file = { name: 's.zip', content };
  const res = siteId
    ? await lp.upload(
        'mutation($id: ID!, $file: File) { deploySite(id: $id, file: $file) { id } }',
        { id: siteId, file: null },
        { ...file, path: 'file' },
      )
    : await lp.upload(
        'mutation($input: CreateSiteInput!) { createSite(input: $input) { id deploys { id } } }',
        { input: { name: slug, slug, sourceType: 'ZIP', file: null } },
        { ...file, path: 'input.file' },
      );
  expect(res.errors).toBeUndefined();
  const id = siteId ? res.data!.deploySite.id : res.data!.createSite.deploys[0].id;
  const deploy = await eventually(async () => {
    const d = (await lp.gql('query($id: ID!) { deploy(id: $id) { id status site { id } } }', { id })).data
      ?.deploy;
    return d?.status === 'LIVE' ? d : undefined;
  }, 60_000);
  return { id: deploy.id as string, siteId: deploy.site.id as string };
}

/**
 * What an activation leaves when the process dies after switching `current` and before storing LIVE: a
 * PUBLISHING row, the deploy's folder, its config applied by the runtime, `current` pointing at it.
 */
async function crashMidSwitch(lp: Launchpad, siteId: string, files: Record<string, string>): Promise<string> {
  const em = lp.app.orm.em.fork();
  const site = (await em.findOneOrFail(SiteEntity, { id: siteId })) as Site;
  const id = newId();
  const row: Deploy = {
    id,
    siteId,
    number: site.nextDeployNumber,
    status: 'PUBLISHING',
    trigger: 'UPLOAD',
    commitSha: null,
    commitMessage: null,
    error: null,
    archive: null,
    sourceDeployId: null,
    filesPrunedAt: null,
    createdAt: new Date(),
    startedAt: new Date(),
    finishedAt: null,
    context: 'PRODUCTION',
    branch: null,
    pullRequest: null,
  };
  site.nextDeployNumber++;
  em.create(DeployEntity, row);
  await em.flush();
  const folder = lp.app.data.deploy(site.slug, id);
  await mkdir(folder, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(folder, name), text);
  const log = { write() {}, system() {} };
  const applied = await lp.app.runtime.apply(siteSpec(site, lp.app.secrets), { id, files: folder }, log);
  await lp.app.runtime.waitUntilServing(siteSpec(site, lp.app.secrets), applied);
  await switchCurrent(lp.app.data.current(site.slug), id);
  return id;
}

async function serve(lp: Launchpad, slug: string, host = `${slug}.localhost`) {
  const { ip } = await lp.app.runtime.endpoint(slug);
  return httpGet(ip!, '/', host);
}

async function deployOf(lp: Launchpad, id: string) {
  return (await lp.gql('query($id: ID!) { deploy(id: $id) { status error } }', { id })).data!.deploy as {
    status: DeployStatus;
    error: string | null;
  };
}

async function siteOf(lp: Launchpad, id: string) {
  return (
    await lp.gql('query($id: ID!) { site(id: $id) { status currentDeploy { id } } }', {
      id,
    })
  ).data!.site as { status: string; currentDeploy: { id: string } | null };
}

describe('a crash between the current switch and the database commit', () => {
  it('kill -9 after the switch: the site serves what the database calls current again, rollback to it is "already current", leftovers go, kept deploys stay', async () => {
    const lp = await launch();
    const slug = `${lp.slugPrefix}-crash`;
    const d1 = await deployZip(lp, slug, null, 'version 1');
    const d2 = await deployZip(lp, slug, d1.siteId, 'version 2');
    const siteId = d1.siteId;
    const crashed = await crashMidSwitch(lp, siteId, {
      'index.html': 'never went live',
      _headers: '/*\n  X-Crashed: yes\n',
    });
    // The defect's state: the site serves a deploy the database does not call current.
    const before = await serve(lp, slug);
    expect(before.body.toString()).toBe('never went live');
    expect(before.headers['x-crashed']).toBe('yes');

    // Leftovers of deploys that never went live: a cancelled deploy's folder, an orphan folder, archive and
    // log with no row, a deleted site's folder.
    const em = lp.app.orm.em.fork();
    const cancelled = newId();
    em.create(DeployEntity, {
      id: cancelled,
      siteId,
      number: 99,
      status: 'CANCELLED',
      trigger: 'UPLOAD',
      commitSha: null,
      commitMessage: null,
      error: null,
      archive: null,
      sourceDeployId: null,
      filesPrunedAt: null,
      createdAt: new Date(),
      startedAt: null,
      finishedAt: new Date(),
      context: 'PRODUCTION',
      branch: null,
      pullRequest: null,
    } satisfies Deploy);
    await em.flush();
    const orphan = newId();
    const paths = {
      cancelled: lp.app.data.deploy(slug, cancelled),
      orphan: lp.app.data.deploy(slug, orphan),
      orphanArchive: lp.app.data.archive(orphan),
      orphanLog: lp.app.data.log(orphan),
      ghostSite: lp.app.data.site(`${lp.slugPrefix}-ghost`),
      crashed: lp.app.data.deploy(slug, crashed),
      crashedPermalink: join(lp.app.data.site(slug), 'nginx', 'permalinks', `${crashed}.conf`),
    };
    for (const dir of [paths.cancelled, paths.orphan, join(paths.ghostSite, 'deploys')])
      await mkdir(dir, { recursive: true });
    await writeFile(paths.orphanArchive, 'PK');
    await writeFile(paths.orphanLog, 'line\n');
    expect(existsSync(paths.crashedPermalink)).toBe(true);

    const again = await restart(lp);

    const after = await serve(again, slug);
    expect(after.body.toString()).toBe('version 2');
    expect(after.headers['x-crashed']).toBeUndefined();
    expect(await siteOf(again, siteId)).toEqual({ status: 'LIVE', currentDeploy: { id: d2.id } });
    expect(await deployOf(again, crashed)).toEqual({ status: 'FAILED', error: 'interrupted by restart' });

    const toCurrent = await again.gql('mutation($id: ID!) { rollback(deployId: $id) { id } }', { id: d2.id });
    expect(toCurrent.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(toCurrent.errors?.[0]?.message).toMatch(/already current/);
    const toCrashed = await again.gql('mutation($id: ID!) { rollback(deployId: $id) { id } }', {
      id: crashed,
    });
    expect(toCrashed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    for (const [what, path] of Object.entries(paths)) expect(existsSync(path), what).toBe(false);
    const kept = await readdir(again.app.data.deploys(slug));
    expect(kept.sort()).toEqual([d1.id, d2.id].sort());
    // The kept deploys still serve at their permalinks and can come back.
    expect((await serve(again, slug, `${d1.id}--${slug}.localhost`)).body.toString()).toBe('version 1');
    const back = await again.gql('mutation($id: ID!) { rollback(deployId: $id) { status } }', { id: d1.id });
    expect(back.data?.rollback).toEqual({ status: 'LIVE' });
    expect((await serve(again, slug)).body.toString()).toBe('version 1');
  }, 180_000);

  it('kill -9 after the switch when retention already pruned the previous deploy (keep 1): the switch is finished, not left half-done', async () => {
    const env = { LAUNCHPAD_KEEP_DEPLOYS: '1' };
    const lp = await launch(env);
    const slug = `${lp.slugPrefix}-keep1`;
    const d1 = await deployZip(lp, slug, null, 'version 1');
    const crashed = await crashMidSwitch(lp, d1.siteId, { 'index.html': 'version 2' });
    // What retention did just before the commit that never came.
    const em = lp.app.orm.em.fork();
    await em.nativeUpdate(DeployEntity, { id: d1.id }, { filesPrunedAt: new Date() });
    const { rm } = await import('node:fs/promises');
    await rm(lp.app.data.deploy(slug, d1.id), { recursive: true });

    const again = await restart(lp, env);
    expect((await serve(again, slug)).body.toString()).toBe('version 2');
    expect(await siteOf(again, d1.siteId)).toEqual({ status: 'LIVE', currentDeploy: { id: crashed } });
    expect(await deployOf(again, crashed)).toEqual({ status: 'LIVE', error: null });
    expect((await deployOf(again, d1.id)).status).toBe('SUPERSEDED');
    expect(await readdir(again.app.data.deploys(slug))).toEqual([crashed]);
  }, 180_000);

  it('kill -9 after the switch of a first deploy: the site serves nothing instead of a deploy that never went live', async () => {
    const lp = await launch();
    const slug = `${lp.slugPrefix}-first`;
    const d1 = await deployZip(lp, slug, null, 'version 1');
    // The same site as if its first deploy had been the one interrupted.
    const em = lp.app.orm.em.fork();
    await em.nativeUpdate(SiteEntity, { id: d1.siteId }, { currentDeployId: null, status: 'DEPLOYING' });
    await em.nativeUpdate(DeployEntity, { id: d1.id }, { status: 'PUBLISHING', finishedAt: null });

    const again = await restart(lp);
    expect(await siteOf(again, d1.siteId)).toEqual({ status: 'FAILED', currentDeploy: null });
    expect((await deployOf(again, d1.id)).status).toBe('FAILED');
    expect(existsSync(again.app.data.current(slug))).toBe(false);
    expect(existsSync(again.app.data.deploy(slug, d1.id))).toBe(false);
    expect(await docker.listContainers({ all: true, filters: { name: [`launchpad-site-${slug}`] } })).toEqual(
      [],
    );
  }, 180_000);
});
