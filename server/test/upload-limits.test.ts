import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Launchpad, startLaunchpad } from './support/harness.js';
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
