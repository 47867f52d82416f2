import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type Launchpad, startLaunchpad } from './support/harness.js';
import { makeZip } from './support/zip.js';

let lp: Launchpad;
beforeAll(async () => {
  lp = await startLaunchpad({ LAUNCHPAD_MAX_UPLOAD_MB: '1' });
});
afterAll(async () => {
  await lp?.cleanup();
});

describe('upload size limit (LAUNCHPAD_MAX_UPLOAD_MB)', () => {
  it('refuses a larger archive with PAYLOAD_TOO_LARGE and keeps nothing of it', async () => {
    const zip = await makeZip([['big.bin', randomBytes(2 * 1024 * 1024)]]); // random: does not compress
    const res = await lp.upload(
      'mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }',
      { input: { name: 'big', sourceType: 'ZIP', file: null } },
      { path: 'input.file', name: 'big.zip', content: zip },
    );
    expect(res.status).toBe(413);
    expect(res.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await lp.gql('{ sites { id } }')).data!.sites).toEqual([]);
    expect(await readdir(join(lp.dataDir, 'archives'))).toEqual([]);
  });
});

describe('upload size limit at its default (100 MB)', () => {
  let big: Launchpad;
  beforeAll(async () => {
    big = await startLaunchpad();
  });
  afterAll(async () => {
    await big?.cleanup();
  });

  it("accepts a 30 MB archive: yoga's 25 MB default body limit no longer overrides the setting", async () => {
    const zip = await makeZip([
      ['index.html', '<p>big</p>'],
      ['video.bin', randomBytes(30 * 1024 * 1024)], // random: the archive really is 30 MB
    ]);
    expect(zip.length).toBeGreaterThan(30 * 1024 * 1024);
    const res = await big.upload(
      'mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }',
      { input: { name: 'big', slug: `${big.slugPrefix}-big`, sourceType: 'ZIP', file: null } },
      { path: 'input.file', name: 'big.zip', content: zip },
    );
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    const status = await eventually(
      async () => {
        const site = await big.gql('query($id: ID!) { site(id: $id) { status } }', {
          id: res.data!.createSite.id,
        });
        const s = site.data?.site?.status;
        return s === 'LIVE' || s === 'FAILED' ? s : undefined;
      },
      120_000,
      'the deploy to settle',
    );
    expect(status).toBe('LIVE');
  }, 180_000);
});
