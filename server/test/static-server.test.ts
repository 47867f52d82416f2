import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  docker,
  eventually,
  type HttpResult,
  httpGet,
  type Launchpad,
  startLaunchpad,
} from './support/harness.js';
import { makeZip } from './support/zip.js';

// End to end: what a deployed site answers, from its real nginx container (generated config, `_redirects`,
// `_headers`, cache headers, gzip, permalinks, custom domains).

let lp: Launchpad;
beforeAll(async () => {
  lp = await startLaunchpad();
});
afterAll(async () => {
  await lp?.cleanup();
});

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateSiteInput!) { createSite(input: $input) { id slug domains } }`;
const DEPLOY = /* GraphQL */ `
  mutation Deploy($id: ID!, $file: File) { deploySite(id: $id, file: $file) { id number } }`;
const UPDATE = /* GraphQL */ `
  mutation Update($id: ID!, $input: UpdateSiteInput!) { updateSite(id: $id, input: $input) { id spa domains } }`;
const DEPLOYS = /* GraphQL */ `
  query Deploys($id: ID!) {
    site(id: $id) { status deploys(first: 50) { id number status error permalink } }
  }`;
const LOGS = /* GraphQL */ `
  query Logs($id: ID!) { deploy(id: $id) { logs { stream text } } }`;

type Files = [string, Buffer | string][];
interface SettledDeploy {
  id: string;
  number: number;
  status: string;
  error: string | null;
  permalink: string;
}

const html = (text: string) => `<!doctype html><title>${text}</title><h1>${text}</h1>`;

/** Waits until deploy `number` of the site has ended and the site is no longer deploying; asserts LIVE. */
async function live(siteId: string, number: number): Promise<SettledDeploy> {
  const deploy = await eventually(
    async () => {
      const site = (await lp.gql(DEPLOYS, { id: siteId })).data?.site;
      const d = site?.deploys.find((x: SettledDeploy) => x.number === number);
      return d && ['LIVE', 'FAILED', 'CANCELLED'].includes(d.status) && site.status !== 'DEPLOYING'
        ? (d as SettledDeploy)
        : undefined;
    },
    45_000,
    `deploy #${number}`,
  );
  expect(deploy.status, deploy.error ?? '').toBe('LIVE');
  return deploy;
}

/** Creates a zip site (slug `<prefix>-<name>`) and waits for its first deploy to go live. */
async function createSite(name: string, files: Files, input: Record<string, unknown> = {}) {
  const slug = `${lp.slugPrefix}-${name}`;
  const res = await lp.upload(
    CREATE,
    { input: { name: slug, slug, sourceType: 'ZIP', file: null, ...input } },
    { path: 'input.file', name: 'site.zip', content: await makeZip(files) },
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  const siteId: string = res.data!.createSite.id;
  return { siteId, slug, deploy: await live(siteId, 1) };
}

/** Deploys the site again, with a new archive or (none given) the last one, and waits until it is live. */
async function redeploy(siteId: string, files?: Files): Promise<SettledDeploy> {
  const res = files
    ? await lp.upload(
        DEPLOY,
        { id: siteId, file: null },
        { path: 'file', name: 'site.zip', content: await makeZip(files) },
      )
    : await lp.gql(DEPLOY, { id: siteId });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return live(siteId, res.data!.deploySite.number);
}

async function updateSite(siteId: string, input: Record<string, unknown>) {
  const res = await lp.gql(UPDATE, { id: siteId, input });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.updateSite;
}

async function systemLog(deployId: string): Promise<string[]> {
  const logs: { stream: string; text: string }[] = (await lp.gql(LOGS, { id: deployId })).data!.deploy.logs;
  return logs.filter((l) => l.stream === 'SYSTEM').map((l) => l.text);
}

/** A GET to the site's container (by its address on the Launchpad network) with any request headers. */
async function get(
  slug: string,
  path: string,
  opts: { host?: string; headers?: Record<string, string> } = {},
): Promise<HttpResult> {
  const { ip } = await lp.app.runtime.endpoint(slug);
  expect(ip).toBeTruthy();
  return httpGet(ip!, path, opts.host ?? `${slug}.localhost`, 80, opts.headers);
}

async function routerRule(slug: string): Promise<{ containerId: string; rule: string | undefined }> {
  const info = await docker.getContainer(`launchpad-site-${slug}`).inspect();
  return { containerId: info.Id, rule: info.Config.Labels[`traefik.http.routers.launchpad-${slug}.rule`] };
}

describe('a missing path', () => {
  describe('with a 404.html in the site', () => {
    let slug: string;
    beforeAll(async () => {
      ({ slug } = await createSite('own404', [
        ['index.html', html('home')],
        ['404.html', html('our own not-found page')],
        ['docs/index.html', html('docs')],
      ]));
    });

    it.each(['/missing', '/missing.js', '/docs/missing/deeper', '/app/route'])(
      '%s gets the site 404.html with status 404',
      async (path) => {
        const res = await get(slug, path);
        expect(res.status).toBe(404);
        expect(res.body.toString()).toBe(html('our own not-found page'));
        expect(String(res.headers['content-type'])).toMatch(/^text\/html/);
        // A cached 404 would outlive the deploy that adds the page.
        expect(res.headers['cache-control']).toBeUndefined();
      },
    );

    it('still serves the files that exist', async () => {
      expect((await get(slug, '/')).body.toString()).toBe(html('home'));
      expect((await get(slug, '/docs/')).body.toString()).toBe(html('docs'));
    });
  });

  describe('without a 404.html', () => {
    let slug: string;
    beforeAll(async () => {
      ({ slug } = await createSite('plain404', [['index.html', html('home')]]));
    });

    it("gets nginx's plain 404, without the server version", async () => {
      const res = await get(slug, '/missing');
      expect(res.status).toBe(404);
      expect(res.body.toString()).toMatch(/<title>404 Not Found<\/title>/);
      expect(res.body.toString()).not.toMatch(/nginx\//);
      expect(res.headers.server).toBe('nginx');
    });
  });
});

describe('SPA fallback', () => {
  let siteId: string;
  let slug: string;
  const files: Files = [
    ['index.html', html('spa shell')],
    ['app.js', 'console.log("app")'],
    ['about.html', html('about')],
  ];
  beforeAll(async () => {
    ({ siteId, slug } = await createSite('spa', files));
  });

  it('is off by default: an unknown route is a 404', async () => {
    expect((await get(slug, '/app/route')).status).toBe(404);
    expect((await get(slug, '/app.js')).status).toBe(200);
  });

  it('turned on by updateSite, takes effect on the live files without a redeploy', async () => {
    expect((await updateSite(siteId, { spa: true })).spa).toBe(true);
    const res = await get(slug, '/app/route');
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe(html('spa shell'));
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('serves index.html for unknown routes after a redeploy, while missing files with an extension stay 404', async () => {
    await redeploy(siteId, files);
    for (const path of ['/app/route', '/app/route/', '/settings', '/a/b/c?x=1']) {
      const res = await get(slug, path);
      expect(res.status, path).toBe(200);
      expect(res.body.toString(), path).toBe(html('spa shell'));
    }
    for (const path of ['/missing.js', '/assets/missing.css', '/img/logo.png']) {
      expect((await get(slug, path)).status, path).toBe(404);
    }
    // Real files and pretty URLs are not shadowed by the fallback.
    expect((await get(slug, '/app.js')).body.toString()).toBe('console.log("app")');
    expect((await get(slug, '/about')).body.toString()).toBe(html('about'));
  });

  it('turned off again, unknown routes are 404 again', async () => {
    expect((await updateSite(siteId, { spa: false })).spa).toBe(false);
    expect((await get(slug, '/app/route')).status).toBe(404);
    await redeploy(siteId);
    expect((await get(slug, '/app/route')).status).toBe(404);
  });
});

describe('_redirects', () => {
  let slug: string;
  let deployId: string;
  const redirects = [
    '# Netlify _redirects',
    '/old            /new                 301',
    '/blog/*         /posts/:splat        302',
    '/api/*          /index.html          200',
    '/about          /index.html          200   # about.html exists: not shadowed',
    '/style.css      /index.html          200',
    '/forced.txt     /index.html          200!',
    '/store id=:id   /blog/:id            301',
    '/               /anz                 302   Country=au,nz',
    '/proxy/*        https://api.example.com/:splat 200',
    '/gone           /new                 307',
    '/news/:year/:slug  /articles/:slug/:year',
    '/legacy/*       /404.html            404',
  ].join('\n');
  beforeAll(async () => {
    let deploy: SettledDeploy;
    ({ slug, deploy } = await createSite('redirects', [
      ['index.html', html('home')],
      ['404.html', html('not found here')],
      ['about.html', html('about')],
      ['style.css', 'body { color: red }'],
      ['forced.txt', 'shadowed by a forced rule'],
      ['_redirects', redirects],
    ]));
    deployId = deploy.id;
  });

  it('redirects /old to /new with a 301 and a relative Location, keeping the query string', async () => {
    const res = await get(slug, '/old');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/new');
    expect((await get(slug, '/old/')).headers.location).toBe('/new');
    const withQuery = await get(slug, '/old?ref=mail&x=1');
    expect(withQuery.status).toBe(301);
    expect(withQuery.headers.location).toBe('/new?ref=mail&x=1');
  });

  it('redirects a splat with 302: /blog/a/b goes to /posts/a/b', async () => {
    const res = await get(slug, '/blog/a/b');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/posts/a/b');
    expect((await get(slug, '/blog/2024/hello-world.html')).headers.location).toBe(
      '/posts/2024/hello-world.html',
    );
  });

  it('fills placeholders, with 301 when no status is given', async () => {
    const res = await get(slug, '/news/2024/launch');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/articles/launch/2024');
  });

  it('rewrites /api/* to index.html with status 200, the URL unchanged', async () => {
    for (const path of ['/api/users/1', '/api/']) {
      const res = await get(slug, path);
      expect(res.status, path).toBe(200);
      expect(res.headers.location, path).toBeUndefined();
      expect(res.body.toString(), path).toBe(html('home'));
      expect(String(res.headers['content-type']), path).toMatch(/^text\/html/);
    }
  });

  it('serves a 404 rule target with status 404', async () => {
    const res = await get(slug, '/legacy/page');
    expect(res.status).toBe(404);
    expect(res.body.toString()).toBe(html('not found here'));
  });

  it('never shadows an existing file with a rule that is not forced', async () => {
    const css = await get(slug, '/style.css');
    expect(css.status).toBe(200);
    expect(css.body.toString()).toBe('body { color: red }');
    expect(String(css.headers['content-type'])).toMatch(/^text\/css/);
    // about.html answers /about (pretty URL), so the /about rule does not apply either.
    expect((await get(slug, '/about')).body.toString()).toBe(html('about'));
  });

  it('applies a forced rule (200!) even over an existing file', async () => {
    const res = await get(slug, '/forced.txt');
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe(html('home'));
  });

  it('leaves unsupported rules unapplied', async () => {
    expect((await get(slug, '/proxy/x')).status).toBe(404);
    expect((await get(slug, '/gone')).status).toBe(404);
  });

  // Issue 17: a condition Launchpad cannot evaluate (Country=) denies rather than allows, and query
  // parameters are matched as Netlify documents.
  it('denies the paths of a rule whose conditions it cannot evaluate: the 404 page, not the content', async () => {
    const res = await get(slug, '/');
    expect([res.status, res.body.toString()]).toEqual([404, html('not found here')]);
  });

  it('matches query parameters: /store?id=4 redirects to /blog/4', async () => {
    const res = await get(slug, '/store?id=4');
    expect([res.status, res.headers.location]).toEqual([301, '/blog/4']);
    expect((await get(slug, '/store')).status).toBe(404);
  });

  it('names every line it cannot serve in the deploy log, as SYSTEM lines', async () => {
    const log = await systemLog(deployId);
    const warnings = log.filter((l) => l.startsWith('warning: _redirects'));
    expect(warnings).toEqual([
      expect.stringMatching(/^warning: _redirects line 9: conditions \(Country=au,nz\) are not supported/),
      expect.stringMatching(/^warning: _redirects line 10: proxying to another site .*not supported/),
      expect.stringMatching(/^warning: _redirects line 11: status 307 is not supported/),
    ]);
    expect(log).toContain('applied 10 redirect rule(s) and 0 header rule(s)');
  });
});

describe('_headers', () => {
  let slug: string;
  let deployId: string;
  const headers = [
    '# security headers on everything',
    '/*',
    '  X-Frame-Options: DENY',
    '  X-Content-Type-Options: nosniff',
    '/secret/*',
    '  X-Robots-Tag: noindex',
    '/docs/page.html',
    '  X-Custom: one',
    '  X-Custom: two',
    '/assets/*',
    '  Cache-Control: public, max-age=60',
    '/bad',
    '  Set-Cookie: a=b',
  ].join('\n');
  beforeAll(async () => {
    let deploy: SettledDeploy;
    ({ slug, deploy } = await createSite('headers', [
      ['index.html', html('home')],
      ['secret/page.html', html('secret')],
      ['docs/page.html', html('docs page')],
      ['assets/app.js', 'console.log(1)'],
      ['_headers', headers],
      ['_redirects', '/moved /index.html 301'],
    ]));
    deployId = deploy.id;
  });

  it('adds /* headers to every response', async () => {
    for (const path of ['/', '/index.html', '/secret/page.html', '/docs/page.html', '/assets/app.js']) {
      const res = await get(slug, path);
      expect(res.status, path).toBe(200);
      expect(res.headers['x-frame-options'], path).toBe('DENY');
      expect(res.headers['x-content-type-options'], path).toBe('nosniff');
    }
    const redirect = await get(slug, '/moved');
    expect(redirect.status).toBe(301);
    expect(redirect.headers['x-frame-options']).toBe('DENY');
  });

  // Known gap: nginx's add_header skips 4xx/5xx unless marked `always`, so a 404 carries no `_headers`
  // header (X-Frame-Options included). Turn this back into `it` once nginx-config.ts adds `always`.
  it('adds /* headers to a 404 too', async () => {
    const res = await get(slug, '/missing');
    expect(res.status).toBe(404);
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('adds a path-specific header only on its path', async () => {
    expect((await get(slug, '/secret/page.html')).headers['x-robots-tag']).toBe('noindex');
    expect((await get(slug, '/')).headers['x-robots-tag']).toBeUndefined();
    expect((await get(slug, '/docs/page.html')).headers['x-robots-tag']).toBeUndefined();
    // A repeated name within a block is one comma-joined header.
    expect((await get(slug, '/docs/page.html')).headers['x-custom']).toBe('one, two');
    expect((await get(slug, '/secret/page.html')).headers['x-custom']).toBeUndefined();
  });

  it('lets a Cache-Control from _headers replace the default one', async () => {
    const res = await get(slug, '/assets/app.js');
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect((await get(slug, '/')).headers['cache-control']).toBe('no-cache');
  });

  it('warns about a header it will not set, and does not set it', async () => {
    expect((await get(slug, '/bad')).headers['set-cookie']).toBeUndefined();
    const log = await systemLog(deployId);
    expect(log).toContain('warning: _headers line 13: the Set-Cookie header cannot be set here; skipped');
    expect(log).toContain('applied 1 redirect rule(s) and 4 header rule(s)');
  });
});

describe('cache headers and compression', () => {
  let slug: string;
  // Compressible text well above gzip_min_length.
  const big = Array.from({ length: 2000 }, (_, i) => `line ${i}: the quick brown fox`).join('\n');
  const hashedJs = `export const data = ${JSON.stringify(big)};`;
  beforeAll(async () => {
    ({ slug } = await createSite('cache', [
      ['index.html', html('home')],
      ['about/index.html', html('about')],
      ['assets/index-BXk2_3aQ.js', hashedJs],
      ['assets/app.3f2a1b9c.css', 'body{}'],
      ['assets/carousel-settings.js', 'console.log("not hashed")'],
      ['big.txt', big],
      ['tiny.txt', 'tiny'],
    ]));
  });

  it('makes HTML revalidate (no-cache)', async () => {
    for (const path of ['/', '/index.html', '/about/']) {
      const res = await get(slug, path);
      expect(res.status, path).toBe(200);
      expect(res.headers['cache-control'], path).toBe('no-cache');
    }
  });

  it('caches hashed assets for a year, immutable; other files briefly', async () => {
    for (const path of ['/assets/index-BXk2_3aQ.js', '/assets/app.3f2a1b9c.css']) {
      expect((await get(slug, path)).headers['cache-control'], path).toBe(
        'public, max-age=31536000, immutable',
      );
    }
    expect((await get(slug, '/assets/carousel-settings.js')).headers['cache-control']).toBe(
      'public, max-age=300',
    );
    expect((await get(slug, '/big.txt')).headers['cache-control']).toBe('public, max-age=300');
  });

  it('answers a conditional request with 304, keeping the Cache-Control', async () => {
    const first = await get(slug, '/assets/index-BXk2_3aQ.js');
    const etag = String(first.headers.etag);
    expect(etag).toBeTruthy();
    const again = await get(slug, '/assets/index-BXk2_3aQ.js', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('gzips large text when the client accepts it, and only then', async () => {
    for (const [path, content] of [
      ['/big.txt', big],
      ['/assets/index-BXk2_3aQ.js', hashedJs],
    ] as const) {
      const zipped = await get(slug, path, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
      expect(zipped.status, path).toBe(200);
      expect(zipped.headers['content-encoding'], path).toBe('gzip');
      expect(String(zipped.headers.vary), path).toMatch(/Accept-Encoding/i);
      expect(zipped.body.length, path).toBeLessThan(content.length / 2);
      expect(gunzipSync(zipped.body).toString(), path).toBe(content);

      const plain = await get(slug, path);
      expect(plain.headers['content-encoding'], path).toBeUndefined();
      expect(plain.body.toString(), path).toBe(content);
    }
    const tiny = await get(slug, '/tiny.txt', { headers: { 'accept-encoding': 'gzip' } });
    expect(tiny.headers['content-encoding']).toBeUndefined();
  });
});

describe('permalinks', () => {
  let siteId: string;
  let slug: string;
  let first: SettledDeploy;
  let second: SettledDeploy;
  beforeAll(async () => {
    ({
      siteId,
      slug,
      deploy: first,
    } = await createSite('permalink', [
      ['index.html', html('version one')],
      ['only-in-one.txt', 'one'],
      ['404.html', html('not found in one')],
      ['_redirects', '/go /one 302'],
      ['_headers', '/*\n  X-Version: one'],
    ]));
    second = await redeploy(siteId, [
      ['index.html', html('version two')],
      ['_redirects', '/go /two 302'],
      ['_headers', '/*\n  X-Version: two'],
    ]);
  });

  it('<deployId>--<slug> serves that deploy, whichever is current', async () => {
    expect(first.permalink).toBe(`http://${first.id}--${slug}.localhost`);
    const host = new URL(first.permalink).host;
    expect((await get(slug, '/', { host })).body.toString()).toBe(html('version one'));
    expect((await get(slug, '/only-in-one.txt', { host })).body.toString()).toBe('one');

    expect((await get(slug, '/')).body.toString()).toBe(html('version two'));
    expect((await get(slug, '/only-in-one.txt')).status).toBe(404);
    const current = new URL(second.permalink).host;
    expect((await get(slug, '/', { host: current })).body.toString()).toBe(html('version two'));
    expect((await get(slug, '/only-in-one.txt', { host: current })).status).toBe(404);
  });

  it('applies the current redirect rules on the live host', async () => {
    expect((await get(slug, '/go')).headers.location).toBe('/two');
    expect((await get(slug, '/')).headers['x-version']).toBe('two');
  });

  it("keeps each deploy's own _redirects, _headers and 404 page on its permalink", async () => {
    const one = new URL(first.permalink).host;
    const go = await get(slug, '/go', { host: one });
    expect([go.status, go.headers.location]).toEqual([302, '/one']);
    expect((await get(slug, '/', { host: one })).headers['x-version']).toBe('one');
    const missing = await get(slug, '/nope', { host: one });
    expect([missing.status, missing.body.toString()]).toEqual([404, html('not found in one')]);

    const two = new URL(second.permalink).host;
    expect((await get(slug, '/go', { host: two })).headers.location).toBe('/two');
    expect((await get(slug, '/', { host: two })).headers['x-version']).toBe('two');
    const missingTwo = await get(slug, '/nope', { host: two });
    expect(missingTwo.status).toBe(404);
    expect(missingTwo.body.toString()).not.toContain('not found in one');
    // The live host has no 404.html either.
    expect((await get(slug, '/nope')).body.toString()).not.toContain('not found in one');
  });

  it('answers 404 for a deploy id that has no files', async () => {
    const res = await get(slug, '/', { host: `${'0'.repeat(24)}--${slug}.localhost` });
    expect(res.status).toBe(404);
  });

  // Last: it changes the current deploy.
  it("after a rollback, the live host and the rollback's permalink use the rules of the deploy it restored", async () => {
    const res = await lp.gql('mutation($id: ID!) { rollback(deployId: $id) { id number } }', {
      id: first.id,
    });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const rollback = await live(siteId, res.data!.rollback.number);
    expect((await get(slug, '/')).body.toString()).toBe(html('version one'));
    expect((await get(slug, '/go')).headers.location).toBe('/one');
    expect((await get(slug, '/nope')).body.toString()).toBe(html('not found in one'));

    const own = new URL(rollback.permalink).host;
    expect((await get(slug, '/go', { host: own })).headers.location).toBe('/one');
    expect((await get(slug, '/nope', { host: own })).body.toString()).toBe(html('not found in one'));
    // The deploy it replaced keeps its own rules on its permalink.
    const two = new URL(second.permalink).host;
    expect((await get(slug, '/go', { host: two })).headers.location).toBe('/two');
    expect((await get(slug, '/', { host: two })).body.toString()).toBe(html('version two'));
  });
});

describe('custom domains', () => {
  let siteId: string;
  let slug: string;
  beforeAll(async () => {
    ({ siteId, slug } = await createSite('domains', [['index.html', html('custom domain home')]], {
      domains: ['www.example.com'],
    }));
  });

  it('routes the custom domain to the site container, next to <slug>.<domain>', async () => {
    const { rule } = await routerRule(slug);
    expect(rule).toContain('Host(`www.example.com`)');
    expect(rule).toContain(`Host(\`${slug}.localhost\`)`);
    const res = await get(slug, '/', { host: 'www.example.com' });
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe(html('custom domain home'));
  });

  it.each([
    ['not a host'],
    ['-bad.example.com'],
    ['example'],
    ['1.2.3.4'],
    ['*.example.com'],
    ['other-site.localhost'],
  ])('refuses %j with BAD_USER_INPUT on the domains field', async (bad) => {
    const created = await lp.upload(
      CREATE,
      {
        input: {
          name: 'bad domain',
          slug: `${lp.slugPrefix}-baddomain`,
          sourceType: 'ZIP',
          file: null,
          domains: [bad],
        },
      },
      { path: 'input.file', name: 'site.zip', content: await makeZip([['index.html', 'x']]) },
    );
    expect(created.errors?.[0]?.extensions?.code, JSON.stringify(created.errors)).toBe('BAD_USER_INPUT');
    expect(created.errors?.[0]?.extensions?.field).toBe('domains');

    const updated = await lp.gql(UPDATE, { id: siteId, input: { domains: ['ok.example.com', bad] } });
    expect(updated.errors?.[0]?.extensions?.code, JSON.stringify(updated.errors)).toBe('BAD_USER_INPUT');
    expect(updated.errors?.[0]?.extensions?.field).toBe('domains');
  });

  it('no refused domain made a site or touched the live one', async () => {
    const sites = (await lp.gql('{ sites { slug domains } }')).data!.sites;
    expect(sites.map((s: { slug: string }) => s.slug)).not.toContain(`${lp.slugPrefix}-baddomain`);
    expect(sites.find((s: { slug: string }) => s.slug === slug).domains).toEqual(['www.example.com']);
    expect((await routerRule(slug)).rule).toContain('Host(`www.example.com`)');
  });

  it('updateSite with a new domain recreates the container with the new rule; a redeploy keeps it', async () => {
    const before = await routerRule(slug);
    const updated = await updateSite(siteId, { domains: ['Shop.Example.org.'] });
    expect(updated.domains).toEqual(['shop.example.org']);

    const after = await routerRule(slug);
    expect(after.containerId).not.toBe(before.containerId);
    expect(after.rule).toContain('Host(`shop.example.org`)');
    expect(after.rule).not.toContain('www.example.com');
    expect((await get(slug, '/', { host: 'shop.example.org' })).body.toString()).toBe(
      html('custom domain home'),
    );

    await redeploy(siteId, [['index.html', html('redeployed')]]);
    const redeployed = await routerRule(slug);
    expect(redeployed.containerId).toBe(after.containerId);
    expect(redeployed.rule).toBe(after.rule);
    expect((await get(slug, '/', { host: 'shop.example.org' })).body.toString()).toBe(html('redeployed'));
  });
});

// Issue 17: what a hostile `_headers` / `_redirects` can do through a real deploy.
describe('hostile rule files', () => {
  let siteId: string;
  let slug: string;
  beforeAll(async () => {
    ({ siteId, slug } = await createSite('hostile', [
      ['index.html', html('version one')],
      ['secret/page.html', html('the secret')],
      ['_headers', '/secret/*\n  Basic-Auth: alice:wonderland\n  X-Frame-Options: DENY'],
    ]));
  });

  it('Basic-Auth protects its path with a 401 challenge and never sends the credentials', async () => {
    const res = await get(slug, '/secret/page.html');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Basic realm=/);
    expect(JSON.stringify(res.headers)).not.toMatch(/wonderland|basic-auth/i);
    const authorization = `Basic ${Buffer.from('alice:wonderland').toString('base64')}`;
    const ok = await get(slug, '/secret/page.html', { headers: { authorization } });
    expect([ok.status, ok.body.toString()]).toEqual([200, html('the secret')]);
    expect((await get(slug, '/')).status).toBe(200);
  });

  it('a _redirects over the size limit fails the deploy with a clear message, and the live deploy stays', async () => {
    const huge = Array.from({ length: 40_000 }, (_, i) => `/old/${i}/*  /new/${i}/:splat  301`).join('\n');
    const res = await lp.upload(
      DEPLOY,
      { id: siteId, file: null },
      {
        path: 'file',
        name: 'site.zip',
        content: await makeZip([
          ['index.html', html('version two')],
          ['_redirects', huge],
        ]),
      },
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const number = res.data!.deploySite.number;
    const failed = await eventually(
      async () => {
        const site = (await lp.gql(DEPLOYS, { id: siteId })).data?.site;
        const d = site?.deploys.find((x: SettledDeploy) => x.number === number);
        return d?.status === 'FAILED' && site.status !== 'DEPLOYING' ? (d as SettledDeploy) : undefined;
      },
      45_000,
      `deploy #${number} failing`,
    );
    expect(failed.error).toMatch(/_redirects is larger than 1024 KiB/);
    expect((await get(slug, '/')).body.toString()).toBe(html('version one'));
  });
});
