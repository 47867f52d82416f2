import type { Launchpad } from './harness.js';
import { makeZip } from './zip.js';

/**
 * A zip site whose deploy runs `node build.js` (the given script) in the build container and publishes
 * `dist/`: the quickest way to make a deploy print what a test or benchmark needs. Throws on API errors.
 */
export async function createBuildSite(
  lp: Launchpad,
  slug: string,
  buildJs: string,
): Promise<{ siteId: string; deployId: string }> {
  const res = await lp.upload(
    'mutation($input: CreateSiteInput!) { createSite(input: $input) { id deploys { id } } }',
    {
      input: {
        name: slug,
        slug,
        sourceType: 'ZIP',
        file: null,
        buildCommand: 'node build.js',
        outputDir: 'dist',
      },
    },
    { path: 'input.file', name: 'site.zip', content: await makeZip([['build.js', buildJs]]) },
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return {
    siteId: res.data!.createSite.id as string,
    deployId: res.data!.createSite.deploys[0].id as string,
  };
}
