import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_RULE_LIMITS,
  parseHeaders,
  parseRedirects,
  type RedirectRule,
  RulesLimitError,
  readNetlifyRules,
  translateRules,
} from '../src/runtime/netlify-rules.js';
import { nginxSiteConfig } from '../src/runtime/nginx-config.js';
import { nginxTest } from './support/nginx-container.js';

// Bounds on site-supplied rule files (issue 17): what a hostile `_redirects` / `_headers` can cost the
// control plane, and what it can make nginx refuse.

let dir: string;
let log: string[];
const sink = { system: (t: string) => log.push(t) };
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'launchpad-limits-'));
  log = [];
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const lines = (n: number, make: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => make(i)).join('\n');

describe('readNetlifyRules', () => {
  it('a 300 MB _redirects fails the deploy at once, without reading it into memory', async () => {
    await writeFile(join(dir, '_redirects'), '');
    await truncate(join(dir, '_redirects'), 300 * 1024 * 1024);
    const heap = process.memoryUsage().heapUsed;
    const started = Date.now();
    await expect(readNetlifyRules(dir, sink)).rejects.toThrow(/_redirects is larger than 1024 KiB/);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(50 * 1024 * 1024);
  });

  it('the size limit is the one passed in (a lowered limit refuses a smaller file)', async () => {
    await writeFile(
      join(dir, '_headers'),
      lines(5000, (i) => `/p${i}\n  X-A: b`),
    );
    const limits = { ...DEFAULT_RULE_LIMITS, fileBytes: 10_000 };
    await expect(readNetlifyRules(dir, sink, limits)).rejects.toThrow('_headers is larger than 9 KiB');
  });

  it('more rules than the limit fail the deploy with a message naming the limit', async () => {
    await writeFile(
      join(dir, '_redirects'),
      lines(DEFAULT_RULE_LIMITS.redirectRules + 1, (i) => `/a${i} /b${i}`),
    );
    await expect(readNetlifyRules(dir, sink)).rejects.toThrow(
      `_redirects has more than ${DEFAULT_RULE_LIMITS.redirectRules} rules`,
    );
  });

  it('tens of thousands of rules (limits raised) neither overflow the stack nor block for seconds', async () => {
    const limits = { ...DEFAULT_RULE_LIMITS, redirectRules: 50_000, fileBytes: 8 * 1024 * 1024 };
    await writeFile(
      join(dir, '_redirects'),
      lines(40_000, (i) => `/old/${i}/* /new/${i}/:splat 302`),
    );
    let longestTick = 0;
    let last = Date.now();
    const timer = setInterval(() => {
      longestTick = Math.max(longestTick, Date.now() - last);
      last = Date.now();
    }, 5);
    const rules = await readNetlifyRules(dir, sink, limits);
    clearInterval(timer);
    expect(rules!.rewrites).toHaveLength(40_000);
    const config = nginxSiteConfig({ spa: false, has404Page: false, rules });
    expect(config.length).toBeGreaterThan(1_000_000);
    // Reading yields between chunks; generous bound for a loaded 2-core machine.
    expect(longestTick).toBeLessThan(2000);
  });

  it('returns undefined without either file, and ignores a folder named _redirects', async () => {
    expect(await readNetlifyRules(dir, sink)).toBeUndefined();
    await mkdir(join(dir, '_redirects'));
    expect(await readNetlifyRules(dir, sink)).toBeUndefined();
    expect(log).toEqual([]);
  });

  it('logs warnings and the count, and strips a byte-order mark', async () => {
    await writeFile(join(dir, '_redirects'), '\uFEFF/a /b 302\n/c /d 307\n');
    const rules = await readNetlifyRules(dir, sink);
    expect(rules!.rewrites.map((r) => r.pattern)).toEqual(['^/a/?$']);
    expect(log).toEqual([
      'warning: _redirects line 2: status 307 is not supported (use 200, 301, 302, 401 or 404); rule skipped',
      'applied 1 redirect rule(s) and 0 header rule(s)',
    ]);
  });
});

describe('per-line limits', () => {
  it.each<[string, () => unknown, RegExp]>([
    [
      'a header value of thousands of characters',
      () => parseHeaders(`/*\n  X-Big: ${'a'.repeat(3000)}`),
      /_headers line 2: the X-Big value is longer than 2000 characters/,
    ],
    [
      'repeated header lines joined past the limit',
      () => parseHeaders(`/*\n${lines(3, () => `  X-Big: ${'a'.repeat(900)}`)}`),
      /_headers line 4: the joined X-Big value is longer than 2000 characters/,
    ],
    [
      'a line over 4096 bytes',
      () => parseRedirects(`/a /${'b'.repeat(5000)}`),
      /_redirects line 1 is longer than 4096 bytes/,
    ],
    [
      'a source path over 512 characters',
      () => parseRedirects(`/${'a'.repeat(600)} /b`),
      /the source is longer than 512/,
    ],
    [
      'a header path over 512 characters',
      () => parseHeaders(`/${'a'.repeat(600)}\n  X-A: b`),
      /the path is longer than 512/,
    ],
    [
      'more header lines than the limit',
      () => parseHeaders(`/*\n${lines(DEFAULT_RULE_LIMITS.headerLines + 1, (i) => `  X-H${i}: v`)}`),
      /_headers has more than 500 header lines/,
    ],
    [
      'more header blocks than the limit',
      () => parseHeaders(lines(DEFAULT_RULE_LIMITS.headerBlocks + 1, (i) => `/p${i}\n  X-A: b`)),
      /_headers has more than 200 path blocks/,
    ],
    [
      'a Basic-Auth line without a password',
      () => parseHeaders('/admin/*\n  Basic-Auth: alice'),
      /Basic-Auth takes "user:password"/,
    ],
    [
      'a Basic-Auth line under a refused path',
      () => parseHeaders('admin\n  Basic-Auth: a:b'),
      /Basic-Auth under a path/,
    ],
  ])('%s fails the deploy', (_, parse, why) => {
    expect(parse).toThrow(RulesLimitError);
    expect(parse).toThrow(why);
  });

  it.each([
    ['_redirects', () => translateRules(parseRedirects(`/${'中'.repeat(300)} /b`).rules, [])],
    ['_headers', () => translateRules([], parseHeaders(`/${'中'.repeat(300)}\n  X-A: b`).rules)],
  ])('a %s path that escapes to more than nginx reads in one token fails the deploy', (_, run) => {
    expect(run).toThrow(RulesLimitError);
    expect(run).toThrow(/too long once written as an nginx pattern/);
  });

  it('never puts a password in an error message', () => {
    expect(() => parseHeaders('/a\n  Basic-Auth: alice:secret1 bob')).toThrow(/^(?!.*secret1).*$/s);
  });

  it('a config with every value at its limit passes nginx -t in the site image', async () => {
    // Quotes are escaped, so this value is a 4002-character token: nginx takes up to 4095.
    const value = '"'.repeat(DEFAULT_RULE_LIMITS.valueChars);
    const path = `/${'%C3%A9'.repeat(84)}`; // 505 characters, each byte a \xHH escape
    const r = parseRedirects(`${path}/* /${'t'.repeat(1990)}/:splat 302`);
    const h = parseHeaders(`${path}\n  X-Long: ${value}`);
    const t = translateRules(r.rules, h.rules);
    expect([...r.warnings, ...h.warnings, ...t.warnings]).toEqual([]);
    const result = await nginxTest({
      'default.conf': nginxSiteConfig({ spa: true, has404Page: true, rules: t.nginx }),
    });
    expect(result.output).toContain('test is successful');
  }, 60_000);

  it('a config at the rule-count limits passes nginx -t in the site image', async () => {
    const r = parseRedirects(
      lines(DEFAULT_RULE_LIMITS.redirectRules, (i) => `/old/${i}/:slug /new/${i}/:slug 301`),
    );
    const h = parseHeaders(
      lines(DEFAULT_RULE_LIMITS.headerBlocks, (i) => `/p${i}/*\n  X-A: ${i}\n  X-B: ${i}`),
    );
    const t = translateRules(r.rules, h.rules);
    const started = Date.now();
    const result = await nginxTest({
      'default.conf': nginxSiteConfig({ spa: false, has404Page: true, rules: t.nginx }),
    });
    expect(result.output).toContain('test is successful');
    expect(result.output).not.toMatch(/\[(warn|emerg)\]/);
    console.log(`nginx -t at the limits: ${Date.now() - started} ms`);
  }, 120_000);
});

describe('new _redirects syntax', () => {
  it.each<[string, Omit<RedirectRule, 'line'>]>([
    [
      '/store id=:id /blog/:id 301',
      {
        from: '/store',
        to: '/blog/:id',
        status: 301,
        force: false,
        query: [{ key: 'id', value: { placeholder: 'id' } }],
      },
    ],
    [
      '/a id=5 debug /b 302',
      {
        from: '/a',
        to: '/b',
        status: 302,
        force: false,
        query: [
          { key: 'id', value: { literal: '5' } },
          { key: 'debug', value: null },
        ],
      },
    ],
    [
      '/admin/* 200! Role=admin',
      { from: '/admin/*', to: '/admin/:splat', status: 200, force: true, conditions: ['Role=admin'] },
    ],
    [
      '/ /anz 302 Country=au,nz',
      { from: '/', to: '/anz', status: 302, force: false, conditions: ['Country=au,nz'] },
    ],
    ['/x /login 401!', { from: '/x', to: '/login', status: 401, force: true }],
    [
      'https://Blog.Example.com/* https://www.example.com/:splat 301!',
      {
        from: '/*',
        to: 'https://www.example.com/:splat',
        status: 301,
        force: true,
        origin: { scheme: 'https', host: 'blog.example.com' },
      },
    ],
    [
      'http://example.com /home 302',
      { from: '/', to: '/home', status: 302, force: false, origin: { scheme: 'http', host: 'example.com' } },
    ],
  ])('%s', (text, expected) => {
    const { rules, warnings } = parseRedirects(text);
    expect(warnings).toEqual([]);
    expect(rules).toEqual([{ line: 1, ...expected }]);
  });
});

describe('translateRules: rewrite destinations stay inside the deploy', () => {
  it.each([
    ['/a /b/../c 200', '/c'],
    ['/a /b/./c/ 200', '/b/c/'],
    ['/a /b/.. 404', '/'],
    ['/a /b/%2E%2E/c 200', '/c'],
    ['/a/* /x/../:splat 200', '/$1'],
    ['/a /../b 301', '/../b'], // a redirect: the browser resolves it, nothing is served from disk
  ])('%s goes to %s', (text, target) => {
    const { rules } = parseRedirects(text);
    const { nginx, warnings } = translateRules(rules, []);
    expect(warnings).toEqual([]);
    expect(nginx.rewrites[0]!.target).toBe(target);
  });

  it.each([
    '/a /../etc/passwd 200',
    '/a /x/../../etc 404',
    '/a /%2e%2e/etc 200!',
    '/a /b/../../../c?x=1 401',
  ])('refuses %s', (text) => {
    const { rules } = parseRedirects(text);
    const { nginx, warnings } = translateRules(rules, []);
    expect(nginx.rewrites).toEqual([]);
    expect(warnings).toEqual([
      expect.stringMatching(/^_redirects line 1: the destination .* leaves the site.*; rule skipped$/),
    ]);
  });
});

describe('translateRules: query conditions', () => {
  const run = (text: string, args: string) => {
    const { rules } = parseRedirects(text);
    const r = translateRules(rules, []).nginx.rewrites[0]!;
    const m = new RegExp(r.query!).exec(args);
    return m ? r.target.replace(/\$\{q([1-9])\}/g, (_, n: string) => m[Number(n)] ?? '') : null;
  };
  it.each([
    ['/s id=:id /b/:id 301', 'id=7', '/b/7?'],
    ['/s id=:id /b/:id 301', 'x=1&id=7&y=2', '/b/7?'],
    ['/s id=:id /b/:id 301', 'ids=7', null],
    ['/s id=:id /b/:id 301', 'id=..', null],
    ['/s id=:id /b/:id 301', 'id=a/b', null],
    ['/s id=:id tag=:t /p/:t/:id 301', 'tag=x&id=1', '/p/x/1?'],
    ['/s id=:id tag=:t /p/:t/:id 301', 'id=1', null],
    ['/s id=5 /five 302', 'id=5', '/five?'],
    ['/s id=5 /five 302', 'id=55', null],
    ['/s debug /d 302', 'a=1&debug', '/d?'],
    ['/s debug /d 302', 'debugger=1', null],
  ])('%s with ?%s → %s', (text, args, expected) => {
    expect(run(text, args)).toBe(expected);
  });
});

describe('translateRules: unevaluable conditions and Basic-Auth', () => {
  it('turns a Role= rule into a denial, with a warning', () => {
    const { rules } = parseRedirects('/admin/* 200! Role=admin');
    const { nginx, warnings } = translateRules(rules, []);
    expect(nginx.rewrites[0]).toMatchObject({ pattern: '^/admin(?:/(.*))?$', deny: true });
    expect(warnings).toEqual([
      expect.stringMatching(/line 1: conditions \(Role=admin\) are not supported; .*denied/),
    ]);
  });

  it('takes Basic-Auth out of the headers into a salted-hash user file', () => {
    const { rules, warnings } = parseHeaders('/admin/*\n  Basic-Auth: alice:pa55 bob:x:y\n  X-A: b');
    expect(warnings).toEqual([]);
    expect(rules[0]!.headers).toEqual([{ name: 'X-A', value: 'b' }]);
    expect(rules[0]!.basicAuth).toEqual([
      { user: 'alice', password: 'pa55' },
      { user: 'bob', password: 'x:y' },
    ]);
    const { nginx } = translateRules([], rules);
    expect(nginx.auth).toHaveLength(1);
    expect(nginx.auth![0]!.pattern).toBe('^/admin(?:/.*)?$');
    expect(nginx.auth![0]!.userFile).toMatch(/^alice:\{SSHA\}\S+\nbob:\{SSHA\}\S+\n$/);
    expect(nginx.auth![0]!.userFile).not.toContain('pa55');
    // The same file gives the same hashes (no reload when nothing changed); another path, other salts.
    expect(
      translateRules([], parseHeaders('/admin/*\n  Basic-Auth: alice:pa55 bob:x:y').rules).nginx.auth![0]!
        .userFile,
    ).toBe(nginx.auth![0]!.userFile);
    const other = translateRules([], parseHeaders('/other/*\n  Basic-Auth: alice:pa55').rules).nginx
      .auth![0]!;
    expect(other.userFile.split('\n')[0]).not.toBe(nginx.auth![0]!.userFile.split('\n')[0]);
  });
});
