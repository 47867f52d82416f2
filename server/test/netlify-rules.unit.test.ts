import { describe, expect, it } from 'vitest';
import {
  parseHeaders,
  parseRedirects,
  type RedirectRule,
  translateRules,
} from '../src/runtime/netlify-rules.js';

const rule = (line: string) => {
  const { rules, warnings } = parseRedirects(line);
  expect(warnings).toEqual([]);
  return rules[0]!;
};
const translated = (text: string) => {
  const { rules, warnings } = parseRedirects(text);
  expect(warnings).toEqual([]);
  return translateRules(rules, []);
};
/** Runs a translated rule the way nginx does, on a decoded path; `null` when it does not match. */
const apply = (text: string, path: string) => {
  const { nginx } = translated(text);
  const r = nginx.rewrites[0]!;
  // nginx matches bytes (PCRE without UTF mode): give JavaScript the UTF-8 bytes as one char each.
  const m = new RegExp(r.pattern).exec(Buffer.from(path).toString('latin1'));
  const out = m ? r.target.replace(/\$([1-9])/g, (_, n: string) => m[Number(n)] ?? '') : null;
  return out === null ? null : Buffer.from(out, 'latin1').toString();
};

describe('parseRedirects', () => {
  it.each<[string, Omit<RedirectRule, 'line'>]>([
    ['/old /new 301', { from: '/old', to: '/new', status: 301, force: false }],
    ['/old /new', { from: '/old', to: '/new', status: 301, force: false }],
    ['/blog/* /posts/:splat 302', { from: '/blog/*', to: '/posts/:splat', status: 302, force: false }],
    ['/api/* /index.html 200', { from: '/api/*', to: '/index.html', status: 200, force: false }],
    [
      '/news/:year/:month /blog/:year/:month 301',
      { from: '/news/:year/:month', to: '/blog/:year/:month', status: 301, force: false },
    ],
    ['/x https://example.com/y 302', { from: '/x', to: 'https://example.com/y', status: 302, force: false }],
    ['/app/* /app/index.html 200!', { from: '/app/*', to: '/app/index.html', status: 200, force: true }],
    ['/ecommerce /store-closed 404', { from: '/ecommerce', to: '/store-closed', status: 404, force: false }],
    ['  /a\t/b   302  # moved for now', { from: '/a', to: '/b', status: 302, force: false }],
    ['/a /b#top 301', { from: '/a', to: '/b#top', status: 301, force: false }],
  ])('%s', (line, expected) => {
    expect(rule(line)).toEqual({ line: 1, ...expected });
  });

  it('skips comments and blank lines, keeps file order and line numbers', () => {
    const { rules, warnings } = parseRedirects(
      '# header\r\n\r\n/one /1\n  # indented comment\n/two /2 302\n',
    );
    expect(warnings).toEqual([]);
    expect(rules.map((r) => [r.line, r.from])).toEqual([
      [3, '/one'],
      [5, '/two'],
    ]);
  });

  it.each([
    ['/a /b 307', /line 1: status 307 is not supported/],
    ['/.netlify/functions/* /x 200', /line 1: rules on \/\.netlify paths are not allowed/],
    ['https://blog.example.com/.netlify/x /y 301', /line 1: rules on \/\.netlify paths/],
    [
      'https://blog.example.com:8080/* /y 301',
      /line 1: the source .* is not an http\(s\) URL with a host name/,
    ],
    ['//blog.example.com/* /y 301', /line 1: the source .* has no scheme/],
    ['/store id=../x /blog 301', /line 1: "id=..\/x" is not a query-parameter condition/],
    ['/app/* 302', /line 1: missing destination/],
    ['/a /b 200 oops', /line 1: unrecognised text after the destination \(oops\)/],
    ['/a', /line 1: missing destination/],
    ['/a b c', /line 1: missing destination/],
    ['old /new', /line 1: the source "old" must be a path/],
    ['/api/* https://api.example.com/:splat 200', /line 1: proxying to another site/],
    ['/a/*/b /c', /line 1: a splat \(\*\) is supported only as the whole last segment/],
    ['/a* /c', /line 1: a splat/],
    ['/a/:1x /c', /line 1: ":1x" is not a valid placeholder/],
  ])('warns about %s and skips it', (line, why) => {
    const { rules, warnings } = parseRedirects(line);
    expect(rules).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(why);
    expect(warnings[0]).toMatch(/rule skipped$/);
  });

  it('reports every bad line and keeps the good ones', () => {
    const { rules, warnings } = parseRedirects('/a /b\n/c\n/d /e 418\n/f /g 302');
    expect(rules.map((r) => r.line)).toEqual([1, 4]);
    expect(warnings.map((w) => w.slice(0, 18))).toEqual(['_redirects line 2:', '_redirects line 3:']);
  });
});

describe('translateRules: redirects', () => {
  it.each([
    // [rule, request path, result]
    ['/old /new 301', '/old', '/new'],
    ['/old /new 301', '/old/', '/new'],
    ['/old /new 301', '/older', null],
    ['/old /new 301', '/x/old', null],
    ['/blog/* /posts/:splat 302', '/blog/2024/hello', '/posts/2024/hello'],
    ['/blog/* /posts/:splat 302', '/blog/', '/posts/'],
    ['/blog/* /posts/:splat 302', '/blog', '/posts/'],
    ['/blog/* /posts/:splat 302', '/blogs/x', null],
    ['/api/* /index.html 200', '/api/users/1', '/index.html'],
    ['/* /index.html 200', '/anything/at/all', '/index.html'],
    ['/news/:year/:month /blog/:year/:month 301', '/news/2024/05', '/blog/2024/05'],
    ['/news/:year/:month /blog/:year/:month 301', '/news/2024/05/', '/blog/2024/05'],
    ['/news/:year/:month /blog/:year/:month 301', '/news/2024', null],
    ['/news/:year/:month /blog/:year/:month 301', '/news/2024/05/06', null],
    ['/n/:month/:year /blog-:year-:month.html 301', '/n/05/2024', '/blog-2024-05.html'],
    ['/docs/* https://docs.example.com/:splat 301!', '/docs/a/b', 'https://docs.example.com/a/b'],
    ['/x https://example.com:8443/y 302', '/x', 'https://example.com:8443/y'],
    ['/a.b /c 301', '/a.b', '/c'],
    ['/a.b /c 301', '/axb', null],
    ['/caf%C3%A9 /cafe 301', '/café', '/cafe'],
    ['/with%20space /s 301', '/with space', '/s'],
    ['/ /home 302', '/', '/home'],
    ['/ /home 302', '/x', null],
  ])('%s: %s → %s', (text, path, expected) => {
    expect(apply(text, path)).toBe(expected);
  });

  it('keeps status, force and line', () => {
    const { nginx } = translated('\n/app/* /app/index.html 200!');
    expect(nginx.rewrites).toEqual([
      { line: 2, pattern: '^/app(?:/(.*))?$', target: '/app/index.html', status: 200, force: true },
    ]);
  });

  it('writes literal characters as escapes, so nothing in a path can reach nginx syntax', () => {
    const { nginx } = translated('/a";}{$x\'(.+)\\ /b 301');
    expect(nginx.rewrites[0]!.pattern).toBe('^/a\\x22\\x3b\\x7d\\x7b\\x24x\\x27\\x28\\.\\x2b\\x29\\x5c/?$');
    expect(new RegExp(nginx.rewrites[0]!.pattern).test('/a";}{$x\'(.+)\\')).toBe(true);
  });

  it.each([
    ['/a /b$host 301', 'holds characters'],
    ['/a /b";return"x 301', 'holds characters'],
    ['/a /b;c 301', 'holds characters'],
    ['/a /{x} 301', 'holds characters'],
    ["/a /it's 301", 'holds characters'],
    ['/a /b\\c 301', 'holds characters'],
    ['/a /é 301', 'holds characters'],
    ['/a%zz /b 301', 'invalid %-escape'],
    ['/:a/:b/:c/:d/:e/:f/:g/:h/:i/:j /x 301', 'more than 9 placeholders'],
  ])('refuses %s', (text, why) => {
    const { rules } = parseRedirects(text);
    const { nginx, warnings } = translateRules(rules, []);
    expect(nginx.rewrites).toEqual([]);
    expect(warnings).toEqual([
      expect.stringMatching(new RegExp(`^_redirects line 1: .*${why}.*; rule skipped$`)),
    ]);
  });

  it('warns about a placeholder the source does not have, and keeps it as text', () => {
    const { rules } = parseRedirects('/a/:id /b/:slug 301');
    const { nginx, warnings } = translateRules(rules, []);
    expect(nginx.rewrites[0]!.target).toBe('/b/:slug');
    expect(warnings).toEqual([
      '_redirects line 1: ":slug" in the destination is not a placeholder of the source; kept as text',
    ]);
  });

  it('never lets a target reference an nginx variable', () => {
    const lines = ['/a/:id /b/:id', '/c/* /d/:splat', '/e /f', '/g/* https://x.example/:splat'];
    for (const r of translated(lines.join('\n')).nginx.rewrites) {
      expect(r.target).not.toMatch(/\$(?![1-9])/);
    }
  });
});

describe('parseHeaders', () => {
  it('reads path blocks with indented headers', () => {
    const text = [
      '# security for every page',
      '/*',
      '  X-Frame-Options: DENY',
      '  X-Content-Type-Options: nosniff',
      '',
      '/assets/*',
      '\tCache-Control: public, max-age=31536000, immutable',
      '/about',
      '  Link: </style.css>; rel=preload; as=style',
    ].join('\n');
    const { rules, warnings } = parseHeaders(text);
    expect(warnings).toEqual([]);
    expect(rules).toEqual([
      {
        line: 2,
        path: '/*',
        headers: [
          { name: 'X-Frame-Options', value: 'DENY' },
          { name: 'X-Content-Type-Options', value: 'nosniff' },
        ],
      },
      {
        line: 6,
        path: '/assets/*',
        headers: [{ name: 'Cache-Control', value: 'public, max-age=31536000, immutable' }],
      },
      { line: 8, path: '/about', headers: [{ name: 'Link', value: '</style.css>; rel=preload; as=style' }] },
    ]);
  });

  it('joins a name repeated in one block into one comma-separated value', () => {
    const { rules } = parseHeaders('/*\n  cache-control: max-age=0\n  Cache-Control: no-cache\n');
    expect(rules[0]!.headers).toEqual([{ name: 'cache-control', value: 'max-age=0, no-cache' }]);
  });

  it.each([
    ['  X-A: b', /line 1: a header line comes before any path line/],
    ['/*\n  no colon here', /line 2: "no colon here" is not a "Name: value" header line/],
    ['/*\n  Set-Cookie: a=b', /line 2: the Set-Cookie header cannot be set here/],
    ['/*\n  location: /x', /line 2: the location header cannot be set here/],
    ['/*\n  Content-Type: text/plain', /line 2: the Content-Type header cannot be set here/],
    ['/*\n  X Bad: v', /line 2: "X Bad" is not a valid header name/],
    ['/*\n  X-Empty:', /line 2: the X-Empty header has no value/],
    ['*.js\n  X-A: b', /line 1: "\*\.js" is not a path \(paths start with \/\); block skipped/],
    ['/a /b\n  X-A: b', /line 1: "\/a \/b" has spaces; a path line holds one path; block skipped/],
    ['/lonely', /line 1: no headers under "\/lonely"; block skipped/],
  ])('warns about %j', (text, why) => {
    const { warnings } = parseHeaders(text);
    expect(warnings).toEqual([expect.stringMatching(why)]);
  });
});

describe('translateRules: headers', () => {
  const block = (text: string) => {
    const parsed = parseHeaders(text);
    expect(parsed.warnings).toEqual([]);
    return translateRules([], parsed.rules);
  };

  it.each([
    ['/*', '/', true],
    ['/*', '/a/b.css', true],
    ['/assets/*', '/assets/app.js', true],
    // Netlify: `/path/*` covers the folder itself too (issue 17).
    ['/assets/*', '/assets', true],
    ['/assets/*', '/assetsx', false],
    ['/assets/*', '/other/app.js', false],
    ['/about', '/about', true],
    ['/about', '/about/', true],
    ['/about', '/about/team', false],
    ['/*.js', '/a/b.js', true],
    ['/*.js', '/a/b.jsx', false],
    ['/blog/:slug', '/blog/hello', true],
    ['/blog/:slug', '/blog/hello/more', false],
    ['/', '/', true],
    ['/', '/x', false],
  ])('%s matches %s: %s', (path, request, matches) => {
    const { nginx } = block(`${path}\n  X-A: b`);
    expect(new RegExp(nginx.headers[0]!.pattern).test(request)).toBe(matches);
  });

  it('passes CSP-style values (quotes, semicolons) through unchanged', () => {
    const { nginx, warnings } = block(
      `/*\n  Content-Security-Policy: default-src 'self'; img-src "data:" {x}`,
    );
    expect(warnings).toEqual([]);
    expect(nginx.headers[0]!.headers[0]!.value).toBe(`default-src 'self'; img-src "data:" {x}`);
  });

  it.each(['a $http_cookie b', 'a\\b', 'caf\u00e9', 'a\u0007b'])('refuses the value %j', (value) => {
    const { nginx, warnings } = translateRules(
      [],
      [{ line: 3, path: '/*', headers: [{ name: 'X-A', value }] }],
    );
    expect(nginx.headers).toEqual([]);
    expect(warnings).toEqual([expect.stringMatching(/^_headers line 3: the X-A value holds a character/)]);
  });
});
