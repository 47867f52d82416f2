import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readNetlifyRules, type TranslatedRules } from '../src/runtime/netlify-rules.js';
import { authFiles, nginxDeployConfig, nginxSiteConfig } from '../src/runtime/nginx-config.js';
import { type NginxSite, nginxTest, startNginxSite, writeTree } from './support/nginx-container.js';

// What a hostile `_redirects` / `_headers` can make a site's real nginx (the site image, config mounted
// read-only at /etc/nginx/conf.d as site-containers.ts does) serve: regression tests for issue 17.

const ID = 'aaaaaaaaaaaaaaaaaaaaaaa1';
const html = (text: string) => `<!doctype html><title>${text}</title>`;

const REDIRECTS = [
  '/escape            /../../../../etc/passwd                      200',
  '/escape-forced     /../../../etc/nginx/conf.d/default.conf      200!',
  '/escape404         /x/../../../etc/passwd                       404',
  '/q  id=:id         /files/:id                                   200!',
  '/rules-file        /_redirects                                  200!',
  '/store id=:id      /blog/:id                                    301',
  '/store             /shop                                        302',
  '/admin/*           /admin/:splat                                200!  Role=admin',
  '/admin/*           /login.html                                  401!',
  '/members/*         200!  Role=member',
  '/.netlify/functions/x  /x                                       200',
  '/unauthorised      /login.html                                  401',
  'https://old.site.localhost/*  https://site.localhost/:splat     301!',
].join('\n');

const HEADERS = [
  '/secret/*',
  '  Basic-Auth: alice:wonderland bob:builder',
  '  X-Secret: yes',
  '/*',
  '  X-Frame-Options: DENY',
  '/blog/*',
  '  X-Blog: yes',
].join('\n');

const FILES: Record<string, string> = {
  'index.html': html('home'),
  '404.html': html('our not-found page'),
  'login.html': html('please log in'),
  'secret/data.html': html('the secret'),
  'admin/panel.html': html('admin panel'),
  'members/page.html': html('members only'),
  'emptydir/readme.txt': 'a folder without index.html',
  'blog/post.html': html('a post'),
  'files/x.txt': 'file x',
  _redirects: REDIRECTS,
  _headers: HEADERS,
};

/** The deploy's rules as activate.ts reads them, and the config files it writes. */
async function configFor(files: Record<string, string>) {
  const dir = await mkdtemp(join(tmpdir(), 'launchpad-rules-'));
  const log: string[] = [];
  try {
    await writeTree(dir, files);
    const rules = (await readNetlifyRules(dir, { system: (t) => log.push(t) })) as TranslatedRules;
    const opts = { spa: false, has404Page: '404.html' in files, rules };
    const conf: Record<string, string> = {
      'default.conf': nginxSiteConfig(opts),
      [`permalinks/${ID}.conf`]: nginxDeployConfig(ID, opts),
    };
    for (const f of authFiles(rules)) conf[f.name] = f.content;
    return { conf, log };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

let site: NginxSite;
let conf: Record<string, string>;
let log: string[];
beforeAll(async () => {
  ({ conf, log } = await configFor(FILES));
  site = await startNginxSite(ID, FILES, conf);
}, 60_000);
afterAll(async () => {
  await site?.cleanup();
});

const basic = (user: string, password: string) => ({
  authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
});

describe('generated config', () => {
  it('passes nginx -t in the site image', async () => {
    const result = await nginxTest(conf);
    expect(result.output).toContain('test is successful');
    expect(result.output).not.toMatch(/\[(warn|emerg|alert)\]/);
  }, 60_000);

  it('warns in the deploy log about every rule it refuses or denies', () => {
    expect(log).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^warning: _redirects line 1: the destination .* leaves the site/),
        expect.stringMatching(/^warning: _redirects line 2: the destination .* leaves the site/),
        expect.stringMatching(/^warning: _redirects line 3: the destination .* leaves the site/),
        expect.stringMatching(/^warning: _redirects line 8: conditions \(Role=admin\) are not supported/),
        expect.stringMatching(/^warning: _redirects line 10: conditions \(Role=member\) are not supported/),
        expect.stringMatching(/^warning: _redirects line 11: rules on \/\.netlify paths are not allowed/),
      ]),
    );
  });
});

describe('rewrite targets cannot leave the deploy', () => {
  it.each(['/escape', '/escape-forced', '/escape404'])(
    'a rewrite from %s to ../../etc/passwd serves the 404 page, not the container files',
    async (path) => {
      const res = await site.get(path);
      expect(res.status).toBe(404);
      expect(res.body.toString()).toBe(html('our not-found page'));
    },
  );

  it.each([
    '/q?id=..',
    '/q?id=..%2f..%2f..%2f..%2fetc%2fpasswd',
    '/q?id=%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/q?id=.%2e',
  ])('a query placeholder in a rewrite target cannot reach outside the deploy: %s', async (path) => {
    const res = await site.get(path);
    expect(res.status).toBe(404);
    expect(res.body.toString()).not.toMatch(/root:|server \{/);
  });

  it('still fills a query placeholder in a rewrite target', async () => {
    const res = await site.get('/q?id=x.txt');
    expect([res.status, res.body.toString()]).toEqual([200, 'file x']);
  });
});

describe('the rule files themselves', () => {
  it.each(['/_redirects', '/_headers', '/%5Fredirects', '/_headers/', '/rules-file'])(
    '%s answers the 404 page: _redirects and _headers are never served',
    async (path) => {
      const res = await site.get(path);
      expect(res.status).toBe(404);
      expect(res.body.toString()).not.toMatch(/Basic-Auth|wonderland|200!/);
    },
  );
});

describe('Basic-Auth in _headers', () => {
  it('challenges with 401 and WWW-Authenticate, and never sends the credentials to visitors', async () => {
    for (const path of ['/secret/data.html', '/secret/', '/secret']) {
      const res = await site.get(path);
      expect(res.status, path).toBe(401);
      expect(res.headers['www-authenticate'], path).toMatch(/^Basic realm=/);
      expect(JSON.stringify(res.headers), path).not.toMatch(/wonderland|builder|basic-auth/i);
      expect(res.body.toString(), path).not.toContain('the secret');
    }
    const open = await site.get('/');
    expect(JSON.stringify(open.headers)).not.toMatch(/wonderland|builder|basic-auth/i);
  });

  it('serves the path to a listed user only', async () => {
    const ok = await site.get('/secret/data.html', { headers: basic('alice', 'wonderland') });
    expect([ok.status, ok.body.toString(), ok.headers['x-secret']]).toEqual([200, html('the secret'), 'yes']);
    expect((await site.get('/secret/data.html', { headers: basic('bob', 'builder') })).status).toBe(200);
    expect((await site.get('/secret/data.html', { headers: basic('alice', 'builder') })).status).toBe(401);
    expect((await site.get('/secret/data.html', { headers: basic('mallory', 'wonderland') })).status).toBe(
      401,
    );
  });

  it('writes salted hashes, never a password, to the user file and the config', async () => {
    const files = Object.entries(conf).filter(([name]) => name.startsWith('auth/'));
    expect(files).toHaveLength(1);
    expect(files[0]![1]).toMatch(/^alice:\{SSHA\}[A-Za-z0-9+/=]+\nbob:\{SSHA\}[A-Za-z0-9+/=]+\n$/);
    for (const text of Object.values(conf)) expect(text).not.toMatch(/wonderland|builder/);
    const onDisk = await readFile(join(site.confDir, files[0]![0]), 'utf8');
    expect(onDisk).toBe(files[0]![1]);
  });
});

describe('conditions Launchpad cannot evaluate', () => {
  it('a Role= rule denies the gated files and lets the next rule answer (401 with the login page)', async () => {
    const res = await site.get('/admin/panel.html');
    expect([res.status, res.body.toString()]).toEqual([401, html('please log in')]);
    expect(res.headers['www-authenticate']).toBeUndefined();
  });

  it('a Role= rule with no later rule answers the 404 page, not the gated content', async () => {
    for (const path of ['/members/page.html', '/members/', '/members/anything']) {
      const res = await site.get(path);
      expect([path, res.status, res.body.toString()]).toEqual([path, 404, html('our not-found page')]);
    }
  });
});

describe("Netlify's documented behaviours", () => {
  it('matches query parameters: /store?id=x redirects to /blog/x, dropping the matched parameters', async () => {
    const withId = await site.get('/store?id=hello');
    expect([withId.status, withId.headers.location]).toEqual([301, '/blog/hello']);
    expect((await site.get('/store?utm=a&id=two')).headers.location).toBe('/blog/two');
    const without = await site.get('/store?other=1');
    expect([without.status, without.headers.location]).toEqual([302, '/shop?other=1']);
  });

  it('applies a domain-level rule to its own host and scheme only', async () => {
    const https = { host: 'old.site.localhost', headers: { 'x-forwarded-proto': 'https' } };
    const res = await site.get('/a/b', https);
    expect([res.status, res.headers.location]).toEqual([301, 'https://site.localhost/a/b']);
    expect((await site.get('/a/b', { host: 'old.site.localhost' })).status).toBe(404);
    expect((await site.get('/', { headers: { 'x-forwarded-proto': 'https' } })).status).toBe(200);
  });

  it('serves a 401 rule target with status 401', async () => {
    const res = await site.get('/unauthorised');
    expect([res.status, res.body.toString()]).toEqual([401, html('please log in')]);
  });

  it('answers the 404 page, not 403, for a folder without index.html', async () => {
    const res = await site.get('/emptydir/');
    expect([res.status, res.body.toString()]).toEqual([404, html('our not-found page')]);
  });

  it('applies _headers /blog/* to /blog itself', async () => {
    expect((await site.get('/blog')).headers['x-blog']).toBe('yes');
    expect((await site.get('/blog/post.html')).headers['x-blog']).toBe('yes');
    expect((await site.get('/')).headers['x-blog']).toBeUndefined();
  });

  it('keeps the same rules on the deploy permalink', async () => {
    const host = `${ID}--site.localhost`;
    expect((await site.get('/secret/data.html', { host })).status).toBe(401);
    expect((await site.get('/escape', { host })).status).toBe(404);
    expect((await site.get('/members/page.html', { host })).status).toBe(404);
  });
});

describe('the request-time guard, for rules that reach nginx with dot segments', () => {
  // translate.ts already refuses such destinations; this is nginx-config.ts's second line, for values
  // only known at request time.
  let raw: NginxSite;
  let rawConf: Record<string, string>;
  beforeAll(async () => {
    const rules: TranslatedRules = {
      rewrites: [
        { line: 1, pattern: '^/a$', target: '/../../../../etc/passwd', status: 200, force: true },
        {
          line: 2,
          pattern: '^/b$',
          target: '/./../../../../etc/nginx/conf.d/default.conf',
          status: 404,
          force: true,
        },
      ],
      headers: [],
    };
    rawConf = { 'default.conf': nginxSiteConfig({ spa: true, has404Page: false, rules }) };
    raw = await startNginxSite(ID, { 'index.html': html('home') }, rawConf);
  }, 60_000);
  afterAll(async () => {
    await raw?.cleanup();
  });

  it('passes nginx -t in the site image', async () => {
    expect((await nginxTest(rawConf)).output).toContain('test is successful');
  }, 60_000);

  it.each(['/a', '/b'])('%s never serves the container files', async (path) => {
    const res = await raw.get(path);
    expect(res.status).toBe(404);
    expect(res.body.toString()).not.toMatch(/root:|server \{/);
  });
});
