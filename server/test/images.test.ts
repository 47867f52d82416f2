import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type Launchpad, startLaunchpad } from './support/harness.js';
import { makeZip } from './support/zip.js';

// An image that is neither on the engine nor pullable (no registry here, and the name is not real anyway).
const MISSING = 'launchpad-test/does-not-exist:never';

let lp: Launchpad;
beforeAll(async () => {
  lp = await startLaunchpad({ LAUNCHPAD_STATIC_IMAGE: MISSING });
});
afterAll(async () => {
  await lp?.cleanup();
});

describe('run-time images', () => {
  it('fails a deploy with a message naming the image and the offline script when it cannot be had', async () => {
    const slug = `${lp.slugPrefix}-noimage`;
    const res = await lp.upload(
      'mutation($input: CreateSiteInput!) { createSite(input: $input) { id deploys { id } } }',
      { input: { name: slug, slug, sourceType: 'ZIP', file: null } },
      { path: 'input.file', name: 's.zip', content: await makeZip([['index.html', 'x']]) },
    );
    expect(res.errors).toBeUndefined();
    const deployId = res.data!.createSite.deploys[0].id;
    const deploy = await eventually(async () => {
      const d = (await lp.gql('query($id: ID!) { deploy(id: $id) { status error } }', { id: deployId })).data!
        .deploy;
      return d.status === 'FAILED' ? d : undefined;
    });
    expect(deploy.error).toContain(MISSING);
    expect(deploy.error).toContain('scripts/make-local-images.sh');
    const site = (
      await lp.gql('query($id: ID!) { site(id: $id) { status } }', { id: res.data!.createSite.id })
    ).data!.site;
    expect(site.status).toBe('FAILED');
  });
});
