import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeployEntity, LogLineEntity, SiteEntity } from '../src/db/entities.js';
import type { Deploy } from '../src/domain/model.js';
import {
  docker,
  eventually,
  httpGet,
  type Launchpad,
  recordDeployEvents,
  removeInstanceObjects,
  startLaunchpad,
} from './support/harness.js';
import { makeZip, renameEntry } from './support/zip.js';

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateSiteInput!) {
    createSite(input: $input) { id slug url status deploys { id number status } }
  }`;
const DEPLOY = /* GraphQL */ `
  mutation Deploy($id: ID!, $file: File) { deploySite(id: $id, file: $file) { id number status } }`;
const SITE = /* GraphQL */ `
  query Site($id: ID!) {
    site(id: $id) {
      id slug status url
      currentDeploy { id number status }
      deploys { id number status error trigger logs { seq stream text } }
    }
  }`;

// A little site: nested folders, binary content, the content types a static site uses.
const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(2048)]);
const siteFiles: [string, Buffer][] = [
  ['index.html', Buffer.from('<!doctype html><h1>version one</h1>')],
  ['about/index.html', Buffer.from('<!doctype html><h1>about</h1>')],
  ['assets/app.css', Buffer.from('body { color: rebeccapurple }')],
  ['assets/app.js', Buffer.from('console.log("hi")')],
  ['assets/img/logo.png', png],
  ['data/info.json', Buffer.from('{"ok":true}')],
  ['icon.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')],
];
const contentTypes: Record<string, RegExp> = {
  '.html': /^text\/html/,
  '.css': /^text\/css/,
  '.js': /javascript/,
  '.png': /^image\/png/,
  '.json': /^application\/json/,
  '.svg': /^image\/svg\+xml/,
};

let lp: Launchpad;
let published: Deploy[] = [];

beforeAll(async () => {
  lp = await startLaunchpad({ LAUNCHPAD_MAX_FILES: '20' });
  // Record every status change published on the real event bus (the deploy id is not known in advance).
  published = recordDeployEvents(lp);
});
afterAll(async () => {
  await lp?.cleanup();
});

async function createZipSite(slug: string, files: [string, Buffer | string][] = siteFiles) {
  const zip = await makeZip(files);
  const res = await lp.upload(
    CREATE,
    { input: { name: slug, slug, sourceType: 'ZIP', file: null } },
    {
      path: 'input.file',
      name: 'site.zip',
      content: zip,
    },
  );
  return res;
}

async function waitForDeploy(siteId: string, number: number) {
  return eventually(
    async () => {
      const res = await lp.gql(SITE, { id: siteId });
      const deploy = res.data?.site?.deploys.find((d: { number: number }) => d.number === number);
      return deploy &&
        ['LIVE', 'FAILED', 'CANCELLED'].includes(deploy.status) &&
        res.data!.site.status !== 'DEPLOYING'
        ? { site: res.data!.site, deploy }
        : undefined;
    },
    30_000,
    `deploy #${number}`,
  );
}

async function siteAddress(slug: string): Promise<string> {
  const endpoint = await lp.app.runtime.endpoint(slug);
  expect(endpoint.ip).toBeTruthy();
  return endpoint.ip!;
}

describe('deploying a zip', () => {
  let siteId: string;
  let slug: string;
  let containerId: string;

  it('publishes an uploaded archive to its own container, byte for byte, routed by Traefik labels', async () => {
    slug = `${lp.slugPrefix}-one`;
    const res = await createZipSite(slug);
    expect(res.errors).toBeUndefined();
    const site = res.data!.createSite;
    siteId = site.id;
    expect(site.url).toBe(`http://${slug}.localhost`);
    expect(site.deploys[0].status).toBe('QUEUED');

    const { deploy, site: after } = await waitForDeploy(siteId, 1);
    expect(deploy.status).toBe('LIVE');
    expect(after.status).toBe('LIVE');
    expect(after.currentDeploy.id).toBe(deploy.id);
    const statuses = published.filter((d) => d.id === deploy.id).map((d) => d.status);
    expect(statuses).toEqual(['QUEUED', 'PUBLISHING', 'LIVE']);
    const logText = deploy.logs.map((l: { text: string }) => l.text).join('\n');
    expect(logText).toMatch(/extracted 7 files/);
    expect(logText).toMatch(/published/);
    expect(logText).toMatch(/container running/);

    const ip = await siteAddress(slug);
    for (const [name, content] of siteFiles) {
      const got = await httpGet(ip, `/${name}`, `${slug}.localhost`);
      expect(got.status, name).toBe(200);
      expect(got.body.equals(content), `${name} byte for byte`).toBe(true);
      const ext = name.slice(name.lastIndexOf('.'));
      expect(String(got.headers['content-type']), name).toMatch(contentTypes[ext]!);
    }
    expect((await httpGet(ip, '/about/', `${slug}.localhost`)).body.toString()).toContain('about');

    const info = await docker.getContainer(`launchpad-site-${slug}`).inspect();
    containerId = info.Id;
    const labels = info.Config.Labels;
    expect(labels['dev.launchpad.managed']).toBe('true');
    expect(labels['dev.launchpad.site']).toBe(siteId);
    expect(labels['traefik.enable']).toBe('true');
    const routers = Object.entries(labels).filter(
      ([k, v]) =>
        /^traefik\.http\.routers\.[^.]+\.rule$/.test(k) && v.includes(`Host(\`${slug}.localhost\`)`),
    );
    expect(routers).toHaveLength(1);
    const router = routers[0]![0].split('.')[3];
    const service = labels[`traefik.http.routers.${router}.service`];
    expect(labels[`traefik.http.services.${service}.loadbalancer.server.port`]).toBe('80');
    expect(labels['traefik.docker.network']).toBe(lp.network);
    expect(info.HostConfig.RestartPolicy?.Name).toBe('unless-stopped');
    // Everything is read-only but the site's own access-log folder (issue 13), which its nginx appends to.
    const writable = info.Mounts.filter((m) => m.RW !== false);
    expect(writable.map((m) => [m.Source, m.Destination])).toEqual([
      [join(lp.dataDir, 'traffic', siteId), '/var/log/launchpad'],
    ]);
  });

  it('swaps a redeploy in under the same container with no failed request', async () => {
    const ip = await siteAddress(slug);
    let stop = false;
    const results: number[] = [];
    const bodies = new Set<string>();
    const loop = (async () => {
      while (!stop) {
        const got = await httpGet(ip, '/', `${slug}.localhost`);
        results.push(got.status);
        bodies.add(got.body.toString());
      }
    })();
    const zip = await makeZip([['index.html', '<!doctype html><h1>version two</h1>']]);
    const res = await lp.upload(
      DEPLOY,
      { id: siteId, file: null },
      { path: 'file', name: 'v2.zip', content: zip },
    );
    expect(res.errors).toBeUndefined();
    const { deploy, site } = await waitForDeploy(siteId, 2);
    expect(deploy.status).toBe('LIVE');
    expect(deploy.trigger).toBe('UPLOAD');
    await new Promise((r) => setTimeout(r, 200));
    stop = true;
    await loop;

    expect((await httpGet(ip, '/', `${slug}.localhost`)).body.toString()).toContain('version two');
    expect(results.length).toBeGreaterThan(5);
    expect(results.every((s) => s === 200)).toBe(true);
    expect([...bodies].every((b) => b.includes('version one') || b.includes('version two'))).toBe(true);
    expect((await docker.getContainer(`launchpad-site-${slug}`).inspect()).Id).toBe(containerId);
    const first = site.deploys.find((d: { number: number }) => d.number === 1);
    expect(first.status).toBe('SUPERSEDED');
    expect(await readlink(join(lp.dataDir, 'sites', slug, 'current'))).toBe(`deploys/${deploy.id}`);
  });

  it('redeploys the last archive when no file is sent', async () => {
    const res = await lp.gql(DEPLOY, { id: siteId });
    expect(res.errors).toBeUndefined();
    expect(res.data!.deploySite.number).toBe(3);
    const { deploy } = await waitForDeploy(siteId, 3);
    expect(deploy.status).toBe('LIVE');
    expect(deploy.trigger).toBe('REDEPLOY');
    expect((await httpGet(await siteAddress(slug), '/', `${slug}.localhost`)).body.toString()).toContain(
      'version two',
    );
  });

  describe('hostile archives are refused whole, and the live site stays as it was', () => {
    const cases: [string, () => Promise<Buffer>][] = [
      [
        'zip-slip ../',
        async () =>
          renameEntry(
            await makeZip([
              ['index.html', 'x'],
              ['XX/evil.txt', 'pwned'],
            ]),
            'XX/evil.txt',
            '../evil.txt',
          ),
      ],
      [
        'absolute path',
        async () =>
          renameEntry(
            await makeZip([
              ['index.html', 'x'],
              ['Xtmp/evil.txt', 'pwned'],
            ]),
            'Xtmp/evil.txt',
            '/tmp/evil.txt',
          ),
      ],
      [
        'symlink entry',
        () => makeZip([['index.html', 'x'], { name: 'passwd', content: '/etc/passwd', mode: 0o120777 }]),
      ],
      [
        'too many files',
        () => makeZip(Array.from({ length: 30 }, (_, i) => [`f${i}.txt`, 'x'] as [string, string])),
      ],
      ['a text file named .zip', async () => Buffer.from('this is not a zip archive at all\n')],
    ];
    for (const [attack, build] of cases) {
      it(attack, async () => {
        const before = await readdir(lp.dataDir, { recursive: true });
        const zip = await build();
        const res = await lp.upload(
          DEPLOY,
          { id: siteId, file: null },
          { path: 'file', name: 'bad.zip', content: zip },
        );
        expect(res.errors?.[0]?.extensions?.code, JSON.stringify(res.errors)).toBe('BAD_USER_INPUT');
        expect(res.errors?.[0]?.extensions?.field).toBe('file');
        expect(res.data?.deploySite ?? null).toBeNull();
        const got = await httpGet(await siteAddress(slug), '/', `${slug}.localhost`);
        expect(got.body.toString()).toContain('version two');
        expect(await readdir(join(lp.dataDir, 'work'))).toEqual([]);
        const after = await readdir(lp.dataDir, { recursive: true });
        expect(after.filter((p) => !before.includes(p) && !p.startsWith('logs'))).toEqual([]);
        expect(existsSync('/tmp/evil.txt')).toBe(false);
        expect(existsSync(join(lp.dataDir, '..', 'evil.txt'))).toBe(false);
      });
    }
  });

  it('deletes a site: no container, no files, no rows; a second delete is NOT_FOUND', async () => {
    const deployIds = (await lp.gql(SITE, { id: siteId })).data!.site.deploys.map(
      (d: { id: string }) => d.id,
    );
    const res = await lp.gql(`mutation($id: ID!) { deleteSite(id: $id) }`, { id: siteId });
    expect(res.errors).toBeUndefined();
    expect(res.data!.deleteSite).toBe(siteId);
    await expect(docker.getContainer(`launchpad-site-${slug}`).inspect()).rejects.toMatchObject({
      statusCode: 404,
    });
    expect(existsSync(join(lp.dataDir, 'sites', slug))).toBe(false);
    for (const id of deployIds) {
      expect(existsSync(join(lp.dataDir, 'logs', `${id}.log`))).toBe(false);
      expect((await lp.gql(`query($id: ID!) { deploy(id: $id) { id } }`, { id })).data!.deploy).toBeNull();
    }
    expect((await lp.gql(SITE, { id: siteId })).data!.site).toBeNull();
    const em = lp.app.orm.em.fork();
    expect(await em.count(LogLineEntity, { deployId: { $in: deployIds } })).toBe(0);
    expect(await em.count(DeployEntity, { siteId })).toBe(0);
    expect(await em.count(SiteEntity, { id: siteId })).toBe(0);
    const again = await lp.gql(`mutation($id: ID!) { deleteSite(id: $id) }`, { id: siteId });
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('restart', () => {
  it('keeps every site state, and a live site stays served while the server is down', async () => {
    const slug = `${lp.slugPrefix}-restart`;
    const res = await createZipSite(slug, [['index.html', 'still here']]);
    const siteId = res.data!.createSite.id;
    await waitForDeploy(siteId, 1);
    const ip = await siteAddress(slug);
    const { dataDir, network } = lp;
    await lp.stop();

    expect((await httpGet(ip, '/', `${slug}.localhost`)).body.toString()).toBe('still here');

    const again = await startLaunchpad({}, { dataDir, network });
    try {
      const site = (await again.gql(SITE, { id: siteId })).data!.site;
      expect(site.status).toBe('LIVE');
      expect(site.currentDeploy.status).toBe('LIVE');
      const endpoint = await again.app.runtime.endpoint(slug);
      expect((await httpGet(endpoint.ip!, '/', `${slug}.localhost`)).body.toString()).toBe('still here');
    } finally {
      await again.cleanup();
      await removeInstanceObjects(network);
    }
  });
});
