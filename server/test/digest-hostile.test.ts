import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeployEntity } from '../src/db/entities.js';
import { CREATE_DIGEST, describeFiles, multipart, sha256, UPLOAD_FILES } from './support/digest.js';
import { eventually, httpGet, type Launchpad, startLaunchpad } from './support/harness.js';

// Issue 15, hostile digest inputs: every one refused with BAD_USER_INPUT, and nothing half-done (no deploy
// row, no staged file, no blob, no temp file).

const SITE = 'query($id: ID!) { site(id: $id) { status deploys(first: 50) { id number status error } } }';
let lp: Launchpad;
let siteId: string;
let slug: string;
const files = new Map([
  ['a.txt', Buffer.from('alpha')],
  ['sub/b.txt', Buffer.from('bravo!')],
]);
const A = sha256(files.get('a.txt')!);
const B = sha256(files.get('sub/b.txt')!);
const code = (res: { errors?: { extensions?: { code?: string } }[] }) => res.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  lp = await startLaunchpad({ LAUNCHPAD_MAX_FILES: '5' });
  slug = `${lp.slugPrefix}-hostile`;
  const res = await lp.gql('mutation($i: CreateSiteInput!) { createSite(input: $i) { id } }', {
    i: { name: slug, slug, sourceType: 'ZIP' },
  });
  siteId = res.data!.createSite.id;
});
afterAll(async () => {
  await lp?.cleanup();
});

const deploysOf = async () => (await lp.gql(SITE, { id: siteId })).data!.site.deploys as any[];
const temps = () => readdir(join(lp.dataDir, 'files', '.tmp'));
const staged = () => readdir(join(lp.dataDir, 'uploads'));

describe('createDigestDeploy refuses a hostile file list, leaving nothing behind', () => {
  it.each([
    ['path traversal', [{ path: '../../etc/passwd', sha256: A, size: 5 }]],
    ['an absolute path', [{ path: '/etc/passwd', sha256: A, size: 5 }]],
    ['a backslash traversal', [{ path: '..\\..\\x', sha256: A, size: 5 }]],
    ['a malformed digest', [{ path: 'a.txt', sha256: 'nothex', size: 5 }]],
    ['too many files', Array.from({ length: 6 }, (_, i) => ({ path: `f${i}`, sha256: A, size: 5 }))],
  ])('%s', async (_name, list) => {
    const res = await lp.gql(CREATE_DIGEST, { siteId, files: list });
    expect(code(res)).toBe('BAD_USER_INPUT');
    expect(await deploysOf()).toEqual([]);
    expect(await staged()).toEqual([]);
  });
});

describe('uploadDeployFiles checks every part against its digest and size', () => {
  let deployId: string;

  it('a digest deploy waits for its files as UPLOADING', async () => {
    const res = await lp.gql(CREATE_DIGEST, { siteId, files: describeFiles(files) });
    expect(res.errors).toBeUndefined();
    const { deploy, required } = res.data!.createDigestDeploy;
    expect(deploy.status).toBe('UPLOADING');
    expect(new Set(required)).toEqual(new Set([A, B]));
    deployId = deploy.id;
  });

  it.each([
    ['bytes that do not hash to the name (same size)', [{ name: A, content: Buffer.from('alphZ') }]],
    ['more bytes than listed', [{ name: A, content: Buffer.from('alpha and more') }]],
    ['fewer bytes than listed', [{ name: A, content: Buffer.from('alp') }]],
    ['a digest that is not part of the deploy', [{ name: sha256('other'), content: Buffer.from('other') }]],
    ['a part not named by a digest', [{ name: 'index.html', content: Buffer.from('alpha') }]],
    [
      'the same digest twice',
      [
        { name: A, content: files.get('a.txt')! },
        { name: A, content: files.get('a.txt')! },
      ],
    ],
    // A good part with a bad one: the request is refused as a whole, the good part is not kept either.
    [
      'a good part next to a bad one',
      [
        { name: B, content: files.get('sub/b.txt')! },
        { name: A, content: Buffer.from('alphZ') },
      ],
    ],
  ])('refuses %s, storing nothing', async (_name, parts) => {
    const res = await multipart(lp, UPLOAD_FILES, { deployId }, parts);
    expect(code(res)).toBe('BAD_USER_INPUT');
    expect(await lp.app.data.store.has(A)).toBe(false);
    expect(await lp.app.data.store.has(B)).toBe(false);
    expect(await temps()).toEqual([]);
    const deploy = (await deploysOf()).find((d) => d.id === deployId);
    expect(deploy.status).toBe('UPLOADING');
  });

  it('takes the right bytes, starts by itself and serves them; later uploads are a CONFLICT', async () => {
    const first = await multipart(lp, UPLOAD_FILES, { deployId }, [
      { name: A, content: files.get('a.txt')! },
    ]);
    expect(first.errors).toBeUndefined();
    expect(first.data!.uploadDeployFiles.required).toEqual([B]);
    const last = await multipart(lp, UPLOAD_FILES, { deployId }, [
      { name: B, content: files.get('sub/b.txt')! },
    ]);
    expect(last.data!.uploadDeployFiles.required).toEqual([]);
    await eventually(async () => ((await deploysOf())[0].status === 'LIVE' ? true : undefined), 60_000);
    const { ip } = await lp.app.runtime.endpoint(slug);
    expect((await httpGet(ip!, '/sub/b.txt', `${slug}.localhost`)).body.toString()).toBe('bravo!');
    const late = await multipart(lp, UPLOAD_FILES, { deployId }, [{ name: A, content: files.get('a.txt')! }]);
    expect(code(late)).toBe('CONFLICT');
  });

  it('refuses a size that does not match the blob the server holds', async () => {
    const res = await lp.gql(CREATE_DIGEST, { siteId, files: [{ path: 'a.txt', sha256: A, size: 6 }] });
    expect(code(res)).toBe('BAD_USER_INPUT');
    expect(await staged()).toEqual([]);
    expect(await deploysOf()).toHaveLength(1);
  });

  it('a redeploy of the same files needs no upload and goes live at once', async () => {
    const res = await lp.gql(CREATE_DIGEST, { siteId, files: describeFiles(files) });
    expect(res.data!.createDigestDeploy.required).toEqual([]);
    await eventually(async () => ((await deploysOf())[0]?.status === 'LIVE' ? true : undefined), 60_000);
  });
});

describe('an abandoned digest deploy', () => {
  it('is cancelled by the sweep once it received nothing for LAUNCHPAD_UPLOAD_TIMEOUT; its staged files go', async () => {
    const res = await lp.gql(CREATE_DIGEST, {
      siteId,
      files: [{ path: 'new.txt', sha256: sha256('new'), size: 3 }],
    });
    const { id } = res.data!.createDigestDeploy.deploy;
    expect(await staged()).toEqual([id]);
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(join(lp.dataDir, 'uploads', id, 'manifest.json'), old, old);
    expect(await lp.app.digestDeploys.sweep()).toEqual({ expired: 1, removed: 1 });
    const deploy = (await deploysOf()).find((d) => d.id === id);
    expect(deploy.status).toBe('CANCELLED');
    expect(deploy.error).toMatch(/No files were uploaded for 60 minute/);
    expect(await staged()).toEqual([]);
  });

  it('keeps the staged files of a deploy that runs on another control plane, until it ended', async () => {
    const res = await lp.gql(CREATE_DIGEST, {
      siteId,
      files: [{ path: 'elsewhere.txt', sha256: sha256('elsewhere'), size: 9 }],
    });
    const { id } = res.data!.createDigestDeploy.deploy;
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(join(lp.dataDir, 'uploads', id, 'manifest.json'), old, old);
    // Claimed by another replica (its queue, not this one's, runs it): the sweep of the leader leaves it.
    const em = lp.app.orm.em.fork();
    await em.nativeUpdate(DeployEntity, { id }, { status: 'BUILDING' });
    expect(await lp.app.digestDeploys.sweep()).toEqual({ expired: 0, removed: 0 });
    expect(await staged()).toEqual([id]);
    await em.nativeUpdate(DeployEntity, { id }, { status: 'FAILED' });
    expect(await lp.app.digestDeploys.sweep()).toEqual({ expired: 0, removed: 1 });
    expect(await staged()).toEqual([]);
  });

  it('leaves a folder whose deploy row is not written yet (a create still staging) until the upload timeout', async () => {
    // createDigestDeploy stages its files before it writes the deploy's row; a sweep in between must not
    // take them. A crash there leaves such a folder for good: it goes once it is older than the timeout.
    const id = 'a'.repeat(24);
    const folder = join(lp.dataDir, 'uploads', id);
    await mkdir(join(folder, 'files'), { recursive: true });
    await writeFile(join(folder, 'manifest.json'), '[]');
    expect(await lp.app.digestDeploys.sweep()).toEqual({ expired: 0, removed: 0 });
    expect(await staged()).toEqual([id]);
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(join(folder, 'manifest.json'), old, old);
    await utimes(folder, old, old);
    expect(await lp.app.digestDeploys.sweep()).toEqual({ expired: 0, removed: 1 });
    expect(await staged()).toEqual([]);
  });

  it('cancelDeploy of an UPLOADING deploy removes its staged files', async () => {
    const res = await lp.gql(CREATE_DIGEST, {
      siteId,
      files: [{ path: 'new.txt', sha256: sha256('new'), size: 3 }],
    });
    const { id } = res.data!.createDigestDeploy.deploy;
    const cancelled = await lp.gql('mutation($id: ID!) { cancelDeploy(id: $id) { status } }', { id });
    expect(cancelled.data!.cancelDeploy.status).toBe('CANCELLED');
    expect(await staged()).toEqual([]);
  });
});
