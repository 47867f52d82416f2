import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  parseHeaders,
  parseRedirects,
  type TranslatedRules,
  translateRules,
} from '../src/runtime/netlify-rules.js';
import {
  CACHE,
  HASHED_ASSET_PATTERN,
  nginxDeployConfig,
  nginxSiteConfig,
  withConfigProbe,
} from '../src/runtime/nginx-config.js';

const none: TranslatedRules = { rewrites: [], headers: [] };

function rulesFrom(redirects: string, headers = ''): TranslatedRules {
  const r = parseRedirects(redirects);
  const h = parseHeaders(headers);
  const t = translateRules(r.rules, h.rules);
  expect([...r.warnings, ...h.warnings, ...t.warnings]).toEqual([]);
  return t.nginx;
}

/** The two `server { ... }` bodies without their listen / server_name / root lines. */
function serverBodies(config: string): string[] {
  return [...config.matchAll(/^server \{\n([\s\S]*?)^\}$/gm)].map((m) =>
    m[1]!
      .split('\n')
      .filter((l) => !/^ {4}(listen|server_name|root) /.test(l))
      .join('\n'),
  );
}

describe('nginxSiteConfig', () => {
  const plain = nginxSiteConfig({ spa: false, has404Page: false });

  it('serves current/ by default and deploys/<id>/ to permalink hosts', () => {
    expect(plain).toContain(
      'server {\n    listen 80 default_server;\n    server_name _;\n    root /srv/site/current;\n',
    );
    expect(plain).toContain(
      'server {\n    listen 80;\n    server_name "~^(?<deploy>[0-9a-f]{24})--";\n    root /srv/site/deploys/$deploy;\n',
    );
    const [main, permalink] = serverBodies(plain);
    expect(permalink).toBe(main);
  });

  it('captures only 24-hex deploy ids from permalink hosts', () => {
    const regex = new RegExp(/server_name "~(.*)";/.exec(plain)![1]!.replace('(?<deploy>', '('));
    expect(regex.exec('0123456789abcdef01234567--my-site.example.com')?.[1]).toBe('0123456789abcdef01234567');
    expect(regex.test('my-site.example.com')).toBe(false);
    expect(regex.test('0123456789abcdef0123456--my-site.example.com')).toBe(false);
    expect(regex.test('../../../etc--my-site.example.com')).toBe(false);
  });

  it.each([
    ['index index.html;'],
    ['try_files $uri $uri/ $uri.html =404;'],
    ['disable_symlinks off;'],
    ['absolute_redirect off;'],
    ['server_tokens off;'],
    ['gzip on;'],
    ['gzip_vary on;'],
    ['add_header Cache-Control $launchpad_cache_default;'],
  ])('has %s in both servers', (line) => {
    for (const body of serverBodies(plain)) expect(body).toContain(`    ${line}\n`);
  });

  it('never caches open files: the current symlink must be looked up on every request', () => {
    expect(plain).not.toContain('open_file_cache');
  });

  it('compresses text types', () => {
    const types = /gzip_types ([^;]+);/.exec(plain)![1]!.split(' ');
    expect(types).toEqual(
      expect.arrayContaining(['text/css', 'application/javascript', 'text/javascript', 'image/svg+xml']),
    );
    expect(types).not.toContain('text/html'); // always compressed; listing it makes nginx warn
  });

  it.each([
    [false, false, 0, false],
    [true, false, 2, false],
    [false, true, 0, true],
    [true, true, 2, true],
  ])(
    'has404Page=%s spa=%s: %i error_page lines, SPA fallback %s',
    (has404Page, spa, errorPages, fallback) => {
      const config = nginxSiteConfig({ spa, has404Page });
      expect(config.match(/^ {4}error_page 404 \/404\.html;$/gm) ?? []).toHaveLength(errorPages);
      expect(config.includes('try_files $uri $uri/ $uri.html @spa;')).toBe(fallback);
      expect(config.includes('location @spa {')).toBe(fallback);
      expect(config.includes('try_files $uri $uri/ $uri.html =404;')).toBe(!fallback);
    },
  );

  it('sends the SPA fallback for routes only: a missing file with an extension stays a 404', () => {
    const config = nginxSiteConfig({ spa: true, has404Page: false });
    const spa = /location @spa \{\n([\s\S]*?)\n {4}\}/.exec(config)![1]!;
    expect(spa).toBe(
      '        if ($uri ~ "\\\\.[A-Za-z0-9]+$") {\n            return 404;\n        }\n        try_files /index.html =404;',
    );
  });

  it('adds nothing for rules when there are none', () => {
    expect(nginxSiteConfig({ spa: false, has404Page: false, rules: none })).toBe(plain);
    expect(plain).not.toMatch(/rewrite|launchpad_routed|launchpad_path/);
  });

  it('runs _redirects in file order; only rules without ! are shadowed by files', () => {
    const config = nginxSiteConfig({
      spa: false,
      has404Page: false,
      rules: rulesFrom('/old /new 301\n/blog/* /posts/:splat 302\n/app/* /app/index.html 200!\n'),
    });
    const body = serverBodies(config)[0]!;
    const rulesPart = body.slice(body.indexOf('# _redirects line 1'), body.indexOf('location /'));
    expect(rulesPart).toBe(
      [
        '# _redirects line 1: 301',
        '    if ($launchpad_probe ~ "^1:/old/?$") {',
        '        break;',
        '    }',
        '    rewrite "^/old/?$" "/new" permanent;',
        '    # _redirects line 2: 302',
        '    if ($launchpad_probe ~ "^1:/blog(?:/(.*))?$") {',
        '        break;',
        '    }',
        '    rewrite "^/blog(?:/(.*))?$" "/posts/$1" redirect;',
        '    # _redirects line 3: 200!',
        '    rewrite "^/app(?:/(.*))?$" "/app/index.html" last;',
        '',
        '    ',
      ].join('\n'),
    );
    // The rules run once, before files are looked up, on the path the client asked for.
    expect(body).toContain(
      '    if ($launchpad_routed) {\n        break;\n    }\n    set $launchpad_routed 1;\n',
    );
    expect(body.indexOf('set $launchpad_probe')).toBeLessThan(body.indexOf('# _redirects line 1'));
  });

  it('leaves out the file probe when every rule is forced', () => {
    const config = nginxSiteConfig({ spa: false, has404Page: false, rules: rulesFrom('/a /b 302!') });
    expect(config).not.toContain('launchpad_probe');
    expect(config).not.toContain('-f $request_filename');
  });

  it('serves a 404 rule through error_page with the rule target', () => {
    const config = nginxSiteConfig({
      spa: false,
      has404Page: true,
      rules: rulesFrom('/en/* /en/404.html 404'),
    });
    expect(config).toContain('    error_page 404 $launchpad_404;\n');
    expect(config).not.toContain('error_page 404 /404.html;');
    expect(config).toContain('    set $launchpad_404 /404.html;\n');
    expect(config).toContain(
      '    if ($uri ~ "^/en(?:/(.*))?$") {\n        set $launchpad_404 "/en/404.html";\n        return 404;\n    }\n',
    );
  });

  // Was one `map` per header: nginx builds a large hash per map at every start, see nginx-config.ts.
  it('adds _headers through one variable per block and header, set from the requested path', () => {
    const config = nginxSiteConfig({
      spa: false,
      has404Page: false,
      rules: rulesFrom(
        '',
        `/*\n  X-Frame-Options: DENY\n  Content-Security-Policy: default-src 'self'; img-src "data:"`,
      ),
    });
    expect(config).toContain(
      '    if ($launchpad_path ~ "^/.*$") {\n' +
        '        set $launchpad_header_0_0 "DENY"; # X-Frame-Options\n' +
        `        set $launchpad_header_0_1 "default-src 'self'; img-src \\"data:\\""; # Content-Security-Policy\n` +
        '    }\n',
    );
    expect(config).toContain('    add_header X-Frame-Options $launchpad_header_0_0 always;\n');
    expect(config).toContain('    add_header Content-Security-Policy $launchpad_header_0_1 always;\n');
    expect(config).toContain('    set $launchpad_path $uri;\n');
  });

  it('lets a Cache-Control from _headers replace the default one', () => {
    const config = nginxSiteConfig({
      spa: false,
      has404Page: false,
      rules: rulesFrom('', '/assets/*\n  Cache-Control: public, max-age=60\n/*\n  Cache-Control: private'),
    });
    expect(config).toContain(
      'map "$launchpad_header_0_0$launchpad_header_1_0" $launchpad_cache_control {\n' +
        '    "" $launchpad_cache_default;\n    default "";\n}\n',
    );
    expect(config).toContain('    add_header Cache-Control $launchpad_cache_control;\n');
    expect(config).not.toContain('add_header Cache-Control $launchpad_cache_default;');
  });

  it.each<[string, TranslatedRules]>([
    [
      'an unanchored pattern',
      { rewrites: [{ line: 1, pattern: '/a', target: '/b', status: 301, force: true }], headers: [] },
    ],
    [
      'a variable in a target',
      { rewrites: [{ line: 1, pattern: '^/a', target: '/$host', status: 301, force: true }], headers: [] },
    ],
    [
      'a line break in a pattern',
      { rewrites: [{ line: 1, pattern: '^/a\n}', target: '/b', status: 301, force: true }], headers: [] },
    ],
    [
      'a variable in a header value',
      {
        rewrites: [],
        headers: [{ line: 1, pattern: '^/', headers: [{ name: 'X-A', value: '$http_cookie' }] }],
      },
    ],
    [
      'a bad header name',
      { rewrites: [], headers: [{ line: 1, pattern: '^/', headers: [{ name: 'X-A "x"', value: 'v' }] }] },
    ],
  ])('refuses rules with %s', (_, rules) => {
    expect(() => nginxSiteConfig({ spa: false, has404Page: false, rules })).toThrow(/Refusing/);
  });

  it('quotes what it interpolates: quotes and backslashes are escaped for nginx', () => {
    const config = nginxSiteConfig({
      spa: false,
      has404Page: false,
      rules: {
        rewrites: [],
        headers: [{ line: 1, pattern: '^/a\\.b$', headers: [{ name: 'X-A', value: 'say "hi"; {ok}' }] }],
      },
    });
    expect(config).toContain('    if ($launchpad_path ~ "^/a\\\\.b$") {\n');
    expect(config).toContain(' "say \\"hi\\"; {ok}"; # X-A\n');
  });
});

describe('nginxDeployConfig', () => {
  const id = '0123456789abcdef01234567';
  const rules = rulesFrom('/go /one 302', '/*\n  X-Frame-Options: DENY\n  Cache-Control: private');

  it('serves one permalink host from deploys/<id>/', () => {
    const config = nginxDeployConfig(id, { spa: false, has404Page: false });
    expect(config).toContain(
      `server {\n    listen 80;\n    server_name "~^${id}--";\n    root /srv/site/deploys/${id};\n`,
    );
    expect(config).not.toContain('default_server');
    expect(config.match(/^server \{$/gm)).toHaveLength(1);
    const regex = new RegExp(/server_name "~(.*)";/.exec(config)![1]!);
    expect(regex.test(`${id}--my-site.example.com`)).toBe(true);
    expect(regex.test(`x${id}--my-site.example.com`)).toBe(false);
    expect(regex.test(`${'1'.repeat(24)}--my-site.example.com`)).toBe(false);
  });

  it.each([
    [false, false],
    [true, true],
  ])(
    'has the same server body as the live host (spa=%s, has404Page=%s), with its own variables',
    (spa, has404Page) => {
      const main = serverBodies(nginxSiteConfig({ spa, has404Page, rules }))[0]!;
      const own = serverBodies(nginxDeployConfig(id, { spa, has404Page, rules }))[0]!;
      expect(own).toBe(
        main
          .replaceAll('$launchpad_header_', `$lp${id}_header_`)
          .replaceAll('$launchpad_cache_', `$lp${id}_cache_`),
      );
    },
  );

  it("names its http-level variables after the deploy: the live host's maps and other deploys' stay apart", () => {
    const config = nginxDeployConfig(id, { spa: false, has404Page: false, rules });
    const defined = [...config.matchAll(/^map \S+ \$(\S+) \{$/gm)].map((m) => m[1]!);
    expect(defined).toEqual([`lp${id}_cache_default`, `lp${id}_cache_control`]);
    const set = [...config.matchAll(/^ {8}set \$(\S+_header_\S+) /gm)].map((m) => m[1]!);
    expect(set).toEqual([`lp${id}_header_0_0`, `lp${id}_header_0_1`]);
    defined.push(...set);
    // nginx's variables hash (64-byte buckets) takes names of at most 46 characters.
    for (const name of defined) expect(name.length).toBeLessThanOrEqual(46);
    const main = nginxSiteConfig({ spa: false, has404Page: false, rules });
    for (const name of defined) expect(main).not.toContain(`$${name}`);
    expect(main).toContain('map "$status:$uri" $launchpad_cache_default {');
  });

  it('refuses anything but a deploy id', () => {
    expect(() => nginxDeployConfig('../etc', { spa: false, has404Page: false })).toThrow(/Refusing/);
    expect(() => nginxDeployConfig(`${id}0`, { spa: false, has404Page: false })).toThrow(/Refusing/);
  });

  it('is included by the site config before the generic permalink server', () => {
    const main = nginxSiteConfig({ spa: false, has404Page: false });
    const include = main.indexOf('\ninclude conf.d/permalinks/*.conf;\n');
    expect(include).toBeGreaterThan(main.indexOf('server_name _;'));
    expect(include).toBeLessThan(main.indexOf('server_name "~^(?<deploy>'));
  });

  it('changes the probe host when an included file changes', () => {
    const main = nginxSiteConfig({ spa: false, has404Page: false });
    const a = withConfigProbe(main, nginxDeployConfig(id, { spa: false, has404Page: false }));
    const b = withConfigProbe(main, nginxDeployConfig(id, { spa: true, has404Page: false }));
    expect(a.probeHost).not.toBe(b.probeHost);
    expect(a.probeHost).not.toBe(withConfigProbe(main).probeHost);
    expect(a.probeHost).toBe(
      withConfigProbe(main, nginxDeployConfig(id, { spa: false, has404Page: false })).probeHost,
    );
  });
});

describe('Cache-Control', () => {
  const hashed = new RegExp(HASHED_ASSET_PATTERN);
  it.each([
    ['/assets/app.3f2a1b9c.js', true],
    ['/static/js/main.3f2a1b9c.chunk.js', true],
    ['/assets/index-BXk2_3aQ.css', true],
    ['/assets/index-DiwrgTda.js', true],
    ['/assets/Carousel-B-x2_3aQ.js', true],
    ['/assets/app.3f2a1b9c.js.map', true],
    ['/fonts/inter-3f2a1b9c0d1e2f3a.woff2', true],
    ['/app.js', false],
    ['/logo.png', false],
    ['/jquery-3.6.0.min.js', false],
    ['/my-component.js', false],
    ['/widget-carousel.js', false],
    ['/widget-Carousel.js', false],
    ['/settings-settings.json', false],
    ['/assets/index-BXk2_3aQ/readme.txt', false],
    ['/index.html', false],
  ])('%s is hashed: %s', (path, expected) => {
    expect(hashed.test(path)).toBe(expected);
  });

  it('gives HTML no-cache and other files a short lifetime', () => {
    expect(CACHE).toEqual({
      html: 'no-cache',
      hashed: 'public, max-age=31536000, immutable',
      other: 'public, max-age=300',
    });
  });
});

// ---------------------------------------------------------------------------------------------------------
// With a real nginx (not in CI; `apt-get install nginx-light` to run these locally).

const nginxBin = ['nginx', '/usr/sbin/nginx', '/usr/local/sbin/nginx'].find(
  (bin) => spawnSync(bin, ['-v'], { stdio: 'ignore' }).status === 0,
);

/** A stand-in for the nginx:alpine nginx.conf: our file is included inside `http {}`. */
const wrapper = (dir: string) => `
daemon off;
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
events { worker_connections 64; }
http {
    types {
        text/html html; text/css css; application/javascript js; image/png png; text/plain txt;
    }
    default_type application/octet-stream;
    sendfile on;
    access_log off;
    client_body_temp_path ${dir}/tmp-body;
    proxy_temp_path ${dir}/tmp-proxy;
    fastcgi_temp_path ${dir}/tmp-fastcgi;
    uwsgi_temp_path ${dir}/tmp-uwsgi;
    scgi_temp_path ${dir}/tmp-scgi;
    include ${dir}/conf.d/*.conf;
}
`;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The generated config, pointed at a temp site folder and a loopback port instead of /srv/site and :80. */
async function prepare(config: string, siteDir: string, port = 80, permalinks: Record<string, string> = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'launchpad-nginx-'));
  await mkdir(join(dir, 'conf.d', 'permalinks'), { recursive: true });
  const local = (text: string) =>
    text.replaceAll('/srv/site', siteDir).replace(/listen 80\b/g, `listen 127.0.0.1:${port}`);
  await writeFile(join(dir, 'conf.d', 'default.conf'), local(config));
  for (const [id, text] of Object.entries(permalinks)) {
    await writeFile(join(dir, 'conf.d', 'permalinks', `${id}.conf`), local(text));
  }
  await writeFile(join(dir, 'nginx.conf'), wrapper(dir));
  const args = ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')];
  return { dir, args };
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(port: number, path: string, host = 'graceful-fox.example.com', headers = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const A = 'aaaaaaaaaaaaaaaaaaaaaaa1';
const B = 'bbbbbbbbbbbbbbbbbbbbbbb2';

async function makeSite(): Promise<string> {
  const site = await mkdtemp(join(tmpdir(), 'launchpad-site-'));
  const files: Record<string, string> = {
    [`deploys/${A}/index.html`]: '<p>A index</p>',
    [`deploys/${A}/about.html`]: '<p>A about</p>',
    [`deploys/${A}/dir/index.html`]: '<p>A dir</p>',
    [`deploys/${A}/404.html`]: '<p>A not found</p>',
    [`deploys/${A}/store-closed.html`]: '<p>A store closed</p>',
    [`deploys/${A}/app/index.html`]: '<p>A app</p>',
    [`deploys/${A}/app/real.txt`]: 'a real file under a forced rule',
    [`deploys/${A}/shadowed.html`]: '<p>A shadowed</p>',
    [`deploys/${A}/app.3f2a1b9c.js`]: 'console.log(1)',
    [`deploys/${A}/index-BXk2_3aQ.css`]: 'body{}',
    [`deploys/${A}/logo.png`]: 'png',
    [`deploys/${A}/assets/pic.png`]: 'png',
    [`deploys/${A}/style.css`]: `body { color: red; }\n`.repeat(100),
    [`deploys/${B}/index.html`]: '<p>B index</p>',
  };
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(site, path, '..'), { recursive: true });
    await writeFile(join(site, path), content);
  }
  await symlink(`deploys/${A}`, join(site, 'current'));
  // Workers may run as another user when started by root.
  await chmod(site, 0o755);
  return site;
}

describe.skipIf(!nginxBin)('with a real nginx', () => {
  const rules = rulesFrom(
    [
      '/old /new 301',
      '/blog/* /posts/:splat 302',
      '/news/:year/:month /archive/:year/:month 301',
      '/docs/* https://docs.example.com/:splat 301!',
      '/app/* /app/index.html 200!',
      '/ecommerce /store-closed 404',
      '/about /elsewhere 301', // shadowed by about.html
      '/shadowed /first 301', // first match, shadowed: the file wins over the forced rule below
      '/shadowed /second 302!',
      '/pretty /index.html 200',
      `/we"ird;{x}'%20 /new 301`, // every character nginx cares about, in a source path
    ].join('\n'),
    [
      '/*',
      '  X-Frame-Options: DENY',
      `  Content-Security-Policy: default-src 'self'; img-src "data:"`,
      '/assets/*',
      '  Cache-Control: public, max-age=60',
      `/we"ird;{x}'`,
      `  X-Odd: a;b {c} #d 'e' "f"`,
    ].join('\n'),
  );

  it.each([
    [false, false, none],
    [true, false, none],
    [false, true, none],
    [true, true, none],
    [true, true, rules],
    [false, false, rules],
  ])('nginx -t accepts spa=%s has404Page=%s with rules %#', async (spa, has404Page, r) => {
    const { dir, args } = await prepare(nginxSiteConfig({ spa, has404Page, rules: r }), '/nonexistent');
    const result = spawnSync(nginxBin!, ['-t', ...args], { encoding: 'utf8' });
    await rm(dir, { recursive: true, force: true });
    expect(result.stderr).toContain('test is successful');
    expect(result.stderr).not.toMatch(/\[(warn|emerg|alert)\]/);
  });

  describe.each([
    ['spa, 404 page and rules', { spa: true, has404Page: true, rules }],
    ['defaults', { spa: false, has404Page: false }],
  ])('serving a site (%s)', (name, opts) => {
    let site: string;
    let dir: string;
    let port: number;
    let proc: ChildProcess;

    beforeAll(async () => {
      site = await makeSite();
      port = await freePort();
      const prepared = await prepare(nginxSiteConfig(opts), site, port);
      dir = prepared.dir;
      proc = spawn(nginxBin!, prepared.args, { stdio: 'ignore' });
      await waitForNginx(port, name);
    });

    afterAll(async () => {
      proc?.kill();
      await rm(site, { recursive: true, force: true });
      await rm(dir, { recursive: true, force: true });
    });

    const full = opts.spa;

    it('serves current/ with pretty URLs and directory redirects that keep the client host', async () => {
      expect((await get(port, '/')).body).toBe('<p>A index</p>');
      expect((await get(port, '/about')).body).toBe('<p>A about</p>');
      expect((await get(port, '/dir/')).body).toBe('<p>A dir</p>');
      const dirRedirect = await get(port, '/dir');
      expect(dirRedirect.status).toBe(301);
      expect(dirRedirect.headers.location).toBe('/dir/');
      expect((await get(port, '/')).headers.server).toBe('nginx');
    });

    it('caches HTML never, hashed assets for a year, other files briefly', async () => {
      expect((await get(port, '/')).headers['cache-control']).toBe(CACHE.html);
      expect((await get(port, '/about')).headers['cache-control']).toBe(CACHE.html);
      expect((await get(port, '/app.3f2a1b9c.js')).headers['cache-control']).toBe(CACHE.hashed);
      expect((await get(port, '/index-BXk2_3aQ.css')).headers['cache-control']).toBe(CACHE.hashed);
      expect((await get(port, '/logo.png')).headers['cache-control']).toBe(CACHE.other);
      expect((await get(port, '/dir')).headers['cache-control']).toBeUndefined();
    });

    it('gzips text', async () => {
      const res = await get(port, '/style.css', undefined, { 'accept-encoding': 'gzip' });
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(res.headers.vary).toBe('Accept-Encoding');
    });

    it('serves permalink hosts from deploys/<id>/', async () => {
      expect((await get(port, '/', `${B}--graceful-fox.example.com`)).body).toBe('<p>B index</p>');
      expect((await get(port, '/', `${A}--graceful-fox.example.com`)).body).toBe('<p>A index</p>');
      expect((await get(port, '/', `${'c'.repeat(24)}--graceful-fox.example.com`)).status).toBe(404);
    });

    it('answers 404s: the 404 page when there is one, the SPA fallback for routes only', async () => {
      const route = await get(port, '/some/route');
      const asset = await get(port, '/missing.js');
      expect(asset.status).toBe(404);
      if (full) {
        expect(route.status).toBe(200);
        expect(route.body).toBe('<p>A index</p>');
        expect(route.headers['cache-control']).toBe(CACHE.html);
        expect(asset.body).toBe('<p>A not found</p>');
      } else {
        expect(route.status).toBe(404);
        expect(asset.body).not.toContain('A not found');
      }
    });

    it.runIf(full)('applies _redirects with Netlify semantics', async () => {
      const expectRedirect = async (path: string, status: number, location: string) => {
        const res = await get(port, path);
        expect([path, res.status, res.headers.location]).toEqual([path, status, location]);
      };
      await expectRedirect('/old', 301, '/new');
      await expectRedirect('/old/', 301, '/new');
      await expectRedirect('/old?x=1', 301, '/new?x=1');
      await expectRedirect('/blog/2024/hello', 302, '/posts/2024/hello');
      await expectRedirect('/news/2024/05', 301, '/archive/2024/05');
      await expectRedirect('/docs/a/b', 301, 'https://docs.example.com/a/b');
      await expectRedirect(`/we"ird;{x}'%20`, 301, '/new');
      // Forced 200: a rewrite even over a real file.
      expect((await get(port, '/app/some/route')).body).toBe('<p>A app</p>');
      expect((await get(port, '/app/real.txt')).body).toBe('<p>A app</p>');
      // Unforced 200 on a path without a file.
      const pretty = await get(port, '/pretty');
      expect([pretty.status, pretty.body]).toEqual([200, '<p>A index</p>']);
      // 404 with the target's content.
      const closed = await get(port, '/ecommerce');
      expect([closed.status, closed.body]).toEqual([404, '<p>A store closed</p>']);
      // Shadowing: a file at the path wins over a rule without `!`, and stops the rules.
      expect((await get(port, '/about')).status).toBe(200);
      const shadowed = await get(port, '/shadowed');
      expect([shadowed.status, shadowed.body]).toEqual([200, '<p>A shadowed</p>']);
    });

    it.runIf(full)('escapes captures in Location: no header splitting from %0d%0a', async () => {
      const res = await get(port, '/news/a%0d%0aSet-Cookie:%20x=1/05');
      expect(res.status).toBe(301);
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(res.headers.location).toBe('/archive/a%0D%0ASet-Cookie:%20x=1/05');
      // A splat does not match across a line break at all.
      expect((await get(port, '/blog/a%0d%0aSet-Cookie:%20x=1')).headers['set-cookie']).toBeUndefined();
    });

    it.runIf(full)(
      'applies _headers from every matching block, on the path the client asked for',
      async () => {
        for (const path of ['/', '/about', '/some/route', '/assets/pic.png']) {
          const res = await get(port, path);
          expect(res.headers['x-frame-options']).toBe('DENY');
          expect(res.headers['content-security-policy']).toBe(`default-src 'self'; img-src "data:"`);
        }
        expect((await get(port, `/we"ird;{x}'`)).headers['x-odd']).toBe(`a;b {c} #d 'e' "f"`);
        // Replaces the default Cache-Control rather than adding a second one.
        expect((await get(port, '/assets/pic.png')).headers['cache-control']).toBe('public, max-age=60');
      },
    );

    // Last: it swaps the symlink.
    it('follows a swapped current symlink on the next request, without a reload', async () => {
      await symlink(`deploys/${B}`, join(site, 'current.next'));
      await rename(join(site, 'current.next'), join(site, 'current'));
      expect((await get(port, '/')).body).toBe('<p>B index</p>');
    });
  });

  describe("per-deploy permalink configs: each permalink keeps its deploy's rules", () => {
    const C = 'ccccccccccccccccccccccc3';
    const D = 'ddddddddddddddddddddddd4';
    let site: string;
    let dir: string;
    let port: number;
    let proc: ChildProcess;
    const host = (id: string) => `${id}--graceful-fox.example.com`;

    beforeAll(async () => {
      site = await makeSite();
      await mkdir(join(site, 'deploys', C));
      await writeFile(join(site, 'deploys', C, 'index.html'), '<p>C index</p>');
      // A rollback deploy: its folder is a symlink to the deploy it restored.
      await symlink(A, join(site, 'deploys', D));
      port = await freePort();
      const current = {
        spa: false,
        has404Page: false,
        rules: rulesFrom('/go /current 302', '/*\n  X-Version: current'),
      };
      const prepared = await prepare(nginxSiteConfig(current), site, port, {
        [A]: nginxDeployConfig(A, { spa: true, has404Page: true, rules }),
        [B]: nginxDeployConfig(B, {
          spa: false,
          has404Page: false,
          rules: rulesFrom('/go /b 302', '/*\n  X-Version: b\n  Cache-Control: private'),
        }),
        [D]: nginxDeployConfig(D, { spa: true, has404Page: true, rules }),
      });
      dir = prepared.dir;
      const check = spawnSync(nginxBin!, ['-t', ...prepared.args], { encoding: 'utf8' });
      expect(check.stderr).toContain('test is successful');
      expect(check.stderr).not.toMatch(/\[(warn|emerg|alert)\]/);
      proc = spawn(nginxBin!, prepared.args, { stdio: 'ignore' });
      await waitForNginx(port, 'per-deploy permalinks');
    });

    afterAll(async () => {
      proc?.kill();
      await rm(site, { recursive: true, force: true });
      await rm(dir, { recursive: true, force: true });
    });

    it('the live host uses the current config', async () => {
      const go = await get(port, '/go');
      expect([go.status, go.headers.location, go.headers['x-version']]).toEqual([302, '/current', 'current']);
      expect((await get(port, '/old')).status).toBe(404);
      expect((await get(port, '/some/route')).status).toBe(404);
    });

    it("a permalink with its own file uses that deploy's rules, 404 page and SPA setting", async () => {
      const old = await get(port, '/old', host(A));
      expect([old.status, old.headers.location]).toEqual([301, '/new']);
      expect((await get(port, '/some/route', host(A))).body).toBe('<p>A index</p>');
      expect((await get(port, '/missing.js', host(A))).body).toBe('<p>A not found</p>');
      const pic = await get(port, '/assets/pic.png', host(A));
      expect(pic.headers['cache-control']).toBe('public, max-age=60');
      expect(pic.headers['x-frame-options']).toBe('DENY');
      expect(pic.headers['x-version']).toBeUndefined();

      const b = await get(port, '/go', host(B));
      expect([b.status, b.headers.location, b.headers['x-version']]).toEqual([302, '/b', 'b']);
      const index = await get(port, '/', host(B));
      expect([index.body, index.headers['cache-control'], index.headers['x-frame-options']]).toEqual([
        '<p>B index</p>',
        'private',
        undefined,
      ]);
      expect((await get(port, '/some/route', host(B))).status).toBe(404);
    });

    it('a rollback permalink serves the restored folder through its symlink, with its rules', async () => {
      const id = D;
      expect((await get(port, '/', host(id))).body).toBe('<p>A index</p>');
      expect((await get(port, '/old', host(id))).headers.location).toBe('/new');
    });

    it('a permalink without a file falls back to the generic server and the current rules', async () => {
      expect((await get(port, '/', host(C))).body).toBe('<p>C index</p>');
      const go = await get(port, '/go', host(C));
      expect([go.status, go.headers.location, go.headers['x-version']]).toEqual([302, '/current', 'current']);
      expect((await get(port, '/', host('e'.repeat(24)))).status).toBe(404);
    });
  });
});

/** Resolves once the nginx started by a test answers on `port` (5 s at most). */
async function waitForNginx(port: number, name: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const up = await get(port, '/').then(
      () => true,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nginx did not start (${name})`);
}
