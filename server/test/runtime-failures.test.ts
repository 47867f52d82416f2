import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkNginxConfig } from '../src/runtime/docker/nginx-check.js';
import { ConfigRefusedError } from '../src/runtime/errors.js';
import { docker, eventually, httpGet, type Launchpad, startLaunchpad } from './support/harness.js';
import { makeZip } from './support/zip.js';

// Failures of the runtime that a user can act on reach `Deploy.error` with their reason, and leave the site
// serving what it served before: nothing half-applied stays on disk or in nginx.

let lp: Launchpad;
const foreign: string[] = [];
beforeAll(async () => {
  lp = await startLaunchpad();
});
afterAll(async () => {
  for (const id of foreign)
    await docker
      .getContainer(id)
      .remove({ force: true })
      .catch(() => {});
  await lp?.cleanup();
});

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateSiteInput!) { createSite(input: $input) { id } }`;
const DEPLOY = /* GraphQL */ `
  mutation Deploy($id: ID!, $file: File) { deploySite(id: $id, file: $file) { id number } }`;
const SITE = /* GraphQL */ `
  query Site($id: ID!) {
    site(id: $id) {
      status currentDeploy { id number }
      deploys(first: 50) { id number status error logs { text } }
    }
  }`;

type Files = [string, string][];
interface Settled {
  id: string;
  number: number;
  status: string;
  error: string | null;
  logs: { text: string }[];
}

async function settled(siteId: string, number: number): Promise<Settled> {
  return eventually(
    async () => {
      const site = (await lp.gql(SITE, { id: siteId })).data?.site;
      const d = site?.deploys.find((x: Settled) => x.number === number);
      return d && ['LIVE', 'FAILED', 'CANCELLED'].includes(d.status) && site.status !== 'DEPLOYING'
        ? (d as Settled)
        : undefined;
    },
    60_000,
    `deploy #${number}`,
  );
}

async function createSite(slug: string, files: Files): Promise<string> {
  const res = await lp.upload(
    CREATE,
    { input: { name: slug, slug, sourceType: 'ZIP', file: null } },
    { path: 'input.file', name: 'site.zip', content: await makeZip(files) },
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.createSite.id;
}

async function deploy(siteId: string, files: Files): Promise<Settled> {
  const res = await lp.upload(
    DEPLOY,
    { id: siteId, file: null },
    { path: 'file', name: 'site.zip', content: await makeZip(files) },
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return settled(siteId, res.data!.deploySite.number);
}

async function get(slug: string, path = '/') {
  const { ip } = await lp.app.runtime.endpoint(slug);
  expect(ip).toBeTruthy();
  return httpGet(ip!, path, `${slug}.localhost`);
}

/** The site's nginx config folder, file by file (what a container start would load). */
async function configFiles(slug: string): Promise<Record<string, string>> {
  const dir = join(lp.dataDir, 'sites', slug, 'nginx');
  const out: Record<string, string> = {};
  for (const name of await readdir(dir, { recursive: true })) {
    const text = await readFile(join(dir, name), 'utf8').catch(() => null);
    if (text !== null) out[name] = text;
  }
  return out;
}

describe('a container-name clash', () => {
  it('fails the deploy with the reason when a container Launchpad did not make holds the name', async () => {
    const slug = `${lp.slugPrefix}-clash`;
    const squatter = await docker.createContainer({
      name: `launchpad-site-${slug}`,
      Image: 'nginx:alpine',
      Labels: { 'test.owner': 'runtime-failures' },
    });
    foreign.push(squatter.id);

    const siteId = await createSite(slug, [['index.html', 'one']]);
    const first = await settled(siteId, 1);
    expect(first.status).toBe('FAILED');
    expect(first.error).toMatch(
      `A container named launchpad-site-${slug} exists and is not managed by Launchpad`,
    );
    expect(first.logs.at(-1)!.text).toMatch(/deploy failed: A container named/);
    // Not touched: the same container, no Launchpad label added.
    const info = await docker.getContainer(`launchpad-site-${slug}`).inspect();
    expect(info.Id).toBe(squatter.id);
    expect(info.Config.Labels['dev.launchpad.managed']).toBeUndefined();
    // Nothing of the failed deploy is left for a later start to load.
    expect(await configFiles(slug)).toEqual({});
  });
});

/** nginx -s reload signals the master named in its pid file; without the file every reload fails. */
async function breakReload(slug: string): Promise<void> {
  const exec = await docker
    .getContainer(`launchpad-site-${slug}`)
    .exec({ Cmd: ['rm', '/run/nginx.pid'], AttachStdout: true, AttachStderr: true });
  const stream = await exec.start({});
  await new Promise((done) => stream.on('end', done).resume());
  expect((await exec.inspect()).ExitCode).toBe(0);
}

describe('a failed nginx reload', () => {
  it("fails the deploy with nginx's output, keeps serving the previous deploy and its config", async () => {
    const slug = `${lp.slugPrefix}-reload`;
    const siteId = await createSite(slug, [['index.html', 'version one']]);
    expect((await settled(siteId, 1)).status).toBe('LIVE');
    const before = await configFiles(slug);

    await breakReload(slug);

    // New rules change default.conf, so this deploy needs a reload.
    const second = await deploy(siteId, [
      ['index.html', 'version two'],
      ['_redirects', '/old /new 301'],
    ]);
    expect(second.status).toBe('FAILED');
    expect(second.error).toMatch(/^nginx reload failed \(exit 1\): .*nginx\.pid/);
    expect(await configFiles(slug)).toEqual(before);
    const site = (await lp.gql(SITE, { id: siteId })).data!.site;
    expect(site).toMatchObject({ status: 'LIVE', currentDeploy: { number: 1 } });
    const page = await get(slug);
    expect(page.body.toString()).toBe('version one');
    expect((await get(slug, '/old')).status).toBe(404);
  });
});

describe('a 5,000-character _headers value (it once left a config on disk that crash-looped nginx)', () => {
  it('fails the deploy with the reason, leaves the live config as it was, survives a container restart', async () => {
    const slug = `${lp.slugPrefix}-hdr`;
    const siteId = await createSite(slug, [['index.html', 'version one']]);
    expect((await settled(siteId, 1)).status).toBe('LIVE');
    const before = await configFiles(slug);

    const second = await deploy(siteId, [
      ['index.html', 'version two'],
      ['_headers', `/*\n  X-Huge: ${'a'.repeat(5000)}\n`],
    ]);
    expect(second.status).toBe('FAILED');
    // Refused by the rules' own limits now, before any config is written (see the nginx -t gate below).
    expect(second.error).toMatch(/_headers line 2 is longer than/);
    expect(await configFiles(slug)).toEqual(before);
    expect((await get(slug)).body.toString()).toBe('version one');

    // What made the site crash-loop before: its next start loads the config on disk.
    await docker.getContainer(`launchpad-site-${slug}`).restart();
    const page = await eventually(async () => {
      const res = await get(slug).catch(() => undefined);
      return res?.status === 200 ? res : undefined;
    });
    expect(page.body.toString()).toBe('version one');
    expect((await docker.getContainer(`launchpad-site-${slug}`).inspect()).State.Restarting).toBe(false);

    // No config check container outlives its check.
    const checks = await docker.listContainers({
      all: true,
      filters: { label: ['dev.launchpad.config-check'] },
    });
    expect(checks.filter((c) => c.Labels['dev.launchpad.site'] === siteId)).toEqual([]);
  });
});

describe('the nginx -t gate', () => {
  it("refuses a config nginx cannot load with nginx's own words, in a check container that does not outlive it", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'launchpad-config-check-'));
    const siteId = `check-${randomBytes(6).toString('hex')}`;
    try {
      await writeFile(
        join(dir, 'default.conf'),
        `server { listen 80; add_header X-Huge "${'a'.repeat(5000)}"; }\n`,
      );
      const check = checkNginxConfig(docker, {
        image: 'nginx:alpine',
        configDir: dir,
        siteId,
        instanceId: 'runtime-failures-test',
      });
      await expect(check).rejects.toBeInstanceOf(ConfigRefusedError);
      await expect(check).rejects.toThrow(
        /^nginx refused the server config made for this deploy: .*\[emerg\]/,
      );
      const left = await docker.listContainers({
        all: true,
        filters: { label: ['dev.launchpad.config-check'] },
      });
      expect(left.filter((c) => c.Labels['dev.launchpad.site'] === siteId)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('a rollback and a settings change that nginx cannot take', () => {
  it('fail with the reason (rollback row FAILED, settings unchanged), logged, the site served as before', async () => {
    const slug = `${lp.slugPrefix}-undo`;
    const siteId = await createSite(slug, [
      ['index.html', 'version one'],
      ['_redirects', '/old /new 301'],
    ]);
    const first = await settled(siteId, 1);
    expect(first.status).toBe('LIVE');
    expect((await deploy(siteId, [['index.html', 'version two']])).status).toBe('LIVE');

    // A settings change is logged in the current deploy's log, after its last line.
    const spa = await lp.gql('mutation($id: ID!) { updateSite(id: $id, input: { spa: true }) { spa } }', {
      id: siteId,
    });
    expect(spa.errors).toBeUndefined();
    let current = (await lp.gql(SITE, { id: siteId })).data!.site.deploys.find(
      (d: Settled) => d.number === 2,
    ) as Settled;
    const texts = current.logs.map((l) => l.text);
    expect(texts).toContain('site settings changed: serving this deploy with them');
    expect(texts.at(-1)).toMatch(/^container running/);
    expect((await get(slug, '/some/route')).body.toString()).toBe('version two');

    await breakReload(slug);
    const rollback = await lp.gql('mutation($id: ID!) { rollback(deployId: $id) { id } }', { id: first.id });
    expect(rollback.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
    expect(rollback.errors?.[0]?.message).toMatch(/^nginx reload failed/);
    const rolled = await settled(siteId, 3);
    expect(rolled.status).toBe('FAILED');
    expect(rolled.error).toMatch(/^nginx reload failed \(exit 1\): .*nginx\.pid/);
    expect(rolled.logs.map((l) => l.text)).toContain(`deploy failed: ${rolled.error}`);
    expect(await readdir(join(lp.dataDir, 'sites', slug, 'deploys'))).not.toContain(rolled.id);

    const off = await lp.gql('mutation($id: ID!) { updateSite(id: $id, input: { spa: false }) { spa } }', {
      id: siteId,
    });
    expect(off.errors?.[0]?.message).toMatch(/^nginx reload failed/);
    const after = await lp.gql('query($id: ID!) { site(id: $id) { spa status currentDeploy { number } } }', {
      id: siteId,
    });
    expect(after.data!.site).toEqual({ spa: true, status: 'LIVE', currentDeploy: { number: 2 } });
    current = (await lp.gql(SITE, { id: siteId })).data!.site.deploys.find((d: Settled) => d.number === 2);
    expect(current.logs.at(-1)!.text).toMatch(/^settings not applied: nginx reload failed/);
    expect((await get(slug, '/some/route')).body.toString()).toBe('version two');
  });
});
