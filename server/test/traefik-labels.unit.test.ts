import { describe, expect, it } from 'vitest';
import { isValidHostname } from '../src/domain/hostname.js';
import { MANAGED_LABEL, SITE_LABEL } from '../src/runtime/labels.js';
import {
  contextRouterName,
  permalinkRouterName,
  type RoutingConfig,
  routerName,
  siteLabels,
} from '../src/runtime/traefik-labels.js';

const site = { id: 'site-1', slug: 'graceful-fox', domains: [] as string[] };
const http: RoutingConfig = { domain: 'example.com', network: 'launchpad', https: false };
const https: RoutingConfig = { ...http, https: true, certResolver: 'le' };
const deployId = '0123456789abcdef01234567';

const rule = (labels: Record<string, string>, router: string) =>
  labels[`traefik.http.routers.${router}.rule`]!;

/**
 * The HostRegexp value as the Go regex Traefik compiles; the subset used (classes, counts, escaped dots,
 * anchors) means the same in JavaScript.
 */
const permalinkRegex = (labels: Record<string, string>, slug = site.slug) => {
  const m = /^HostRegexp\(`([^`]+)`\)$/.exec(rule(labels, permalinkRouterName(slug)));
  expect(m).not.toBeNull();
  return new RegExp(m![1]!);
};

describe('siteLabels', () => {
  it('labels a site for plain HTTP', () => {
    expect(siteLabels(site, http)).toEqual({
      [MANAGED_LABEL]: 'true',
      [SITE_LABEL]: 'site-1',
      'traefik.enable': 'true',
      'traefik.docker.network': 'launchpad',
      'traefik.http.services.launchpad-graceful-fox.loadbalancer.server.port': '80',
      'traefik.http.routers.launchpad-graceful-fox.rule': 'Host(`graceful-fox.example.com`)',
      'traefik.http.routers.launchpad-graceful-fox.service': 'launchpad-graceful-fox',
      'traefik.http.routers.launchpad-graceful-fox.entrypoints': 'web',
      'traefik.http.routers.launchpad-graceful-fox--permalink.rule':
        'HostRegexp(`^[0-9a-f]{24}--graceful-fox\\.example\\.com$`)',
      'traefik.http.routers.launchpad-graceful-fox--permalink.service': 'launchpad-graceful-fox',
      'traefik.http.routers.launchpad-graceful-fox--permalink.entrypoints': 'web',
    });
  });

  it('adds TLS and the cert resolver on both routers when HTTPS is on', () => {
    const labels = siteLabels(site, https);
    for (const router of [routerName(site.slug), permalinkRouterName(site.slug)]) {
      expect(labels[`traefik.http.routers.${router}.entrypoints`]).toBe('websecure');
      expect(labels[`traefik.http.routers.${router}.tls`]).toBe('true');
      expect(labels[`traefik.http.routers.${router}.tls.certresolver`]).toBe('le');
    }
  });

  it('uses TLS without a resolver when ACME is off', () => {
    const labels = siteLabels(site, { ...http, https: true });
    expect(labels['traefik.http.routers.launchpad-graceful-fox.tls']).toBe('true');
    expect(Object.keys(labels).some((k) => k.endsWith('.tls.certresolver'))).toBe(false);
  });

  it('sets no TLS labels for plain HTTP, even with a resolver configured', () => {
    const labels = siteLabels(site, { ...http, certResolver: 'le' });
    expect(Object.keys(labels).filter((k) => k.includes('.tls'))).toEqual([]);
  });

  it('joins custom domains with || (v3 Host takes exactly one value)', () => {
    const labels = siteLabels({ ...site, domains: ['www.example.org', 'example.org'] }, http);
    expect(rule(labels, 'launchpad-graceful-fox')).toBe(
      'Host(`graceful-fox.example.com`) || Host(`www.example.org`) || Host(`example.org`)',
    );
    expect(rule(labels, 'launchpad-graceful-fox')).not.toMatch(/Host\([^)]*,/);
  });

  it('drops repeated hosts', () => {
    const labels = siteLabels(
      { ...site, domains: ['a.example.org', 'graceful-fox.example.com', 'a.example.org'] },
      http,
    );
    expect(rule(labels, 'launchpad-graceful-fox')).toBe(
      'Host(`graceful-fox.example.com`) || Host(`a.example.org`)',
    );
  });

  it('writes rules in v3 syntax: backticks, one value per matcher, anchored HostRegexp', () => {
    const labels = siteLabels({ ...site, domains: ['x.example.org'] }, http);
    for (const r of [rule(labels, routerName(site.slug)), rule(labels, permalinkRouterName(site.slug))]) {
      expect(r).toMatch(/^(Host|HostRegexp)\(`[^`]+`\)( \|\| (Host|HostRegexp)\(`[^`]+`\))*$/);
      expect(r).not.toMatch(/['"]|\{[a-z]+:/); // no single quotes, no v2 {name:regex} placeholders
    }
    const regex = rule(labels, permalinkRouterName(site.slug));
    expect(regex).toMatch(/^HostRegexp\(`\^.*\$`\)$/);
  });

  it.each([
    [`${deployId}--graceful-fox.example.com`, true],
    [`ffffffffffffffffffffffff--graceful-fox.example.com`, true],
    [`${deployId.toUpperCase()}--graceful-fox.example.com`, false], // Traefik lowercases the host first
    [`${deployId.slice(1)}--graceful-fox.example.com`, false],
    [`${deployId}0--graceful-fox.example.com`, false],
    [`${deployId.slice(0, -1)}g--graceful-fox.example.com`, false],
    [`${deployId}-graceful-fox.example.com`, false],
    [`${deployId}--graceful-fox.example.com.evil.net`, false],
    [`x.${deployId}--graceful-fox.example.com`, false],
    [`${deployId}--graceful-foxXexample.com`, false], // dots are escaped
    [`${deployId}--graceful-fox.exampleXcom`, false],
    [`${deployId}--other.example.com`, false],
    [`${deployId}--graceful-fox-2.example.com`, false],
    ['graceful-fox.example.com', false],
  ])('permalink rule on %s: %s', (host, matches) => {
    expect(permalinkRegex(siteLabels(site, http)).test(host)).toBe(matches);
  });

  it('escapes the domain for the permalink regex', () => {
    const labels = siteLabels({ ...site, slug: 'a' }, { ...http, domain: 'sites.my-host.io' });
    expect(rule(labels, 'launchpad-a--permalink')).toBe(
      'HostRegexp(`^[0-9a-f]{24}--a\\.sites\\.my-host\\.io$`)',
    );
    expect(permalinkRegex(labels, 'a').test(`${deployId}--a.sites.my-host.io`)).toBe(true);
  });

  it('works for a dotless domain such as localhost', () => {
    const labels = siteLabels(site, { ...http, domain: 'localhost' });
    expect(rule(labels, 'launchpad-graceful-fox')).toBe('Host(`graceful-fox.localhost`)');
    expect(permalinkRegex(labels).test(`${deployId}--graceful-fox.localhost`)).toBe(true);
  });

  it('lowercases the domain (Traefik compares lowercased hosts)', () => {
    const labels = siteLabels(site, { ...http, domain: 'Example.COM' });
    expect(rule(labels, 'launchpad-graceful-fox')).toBe('Host(`graceful-fox.example.com`)');
  });

  it('keeps a 37-character slug and a 24-character id within one 63-character DNS label', () => {
    const slug = 'a'.repeat(37);
    const label = `${deployId}--${slug}`;
    expect(label).toHaveLength(63);
    expect(permalinkRegex(siteLabels({ ...site, slug }, http), slug).test(`${label}.example.com`)).toBe(true);
  });

  it('gives routers names that never collide between sites', () => {
    // `foo`'s permalink router and `foo-permalink`'s main router must differ.
    const a = Object.keys(siteLabels({ ...site, slug: 'foo' }, http));
    const b = Object.keys(siteLabels({ ...site, slug: 'foo-permalink' }, http));
    const routers = (keys: string[]) =>
      new Set(keys.map((k) => /^traefik\.http\.routers\.([^.]+)\./.exec(k)?.[1]).filter(Boolean));
    const shared = [...routers(a)].filter((r) => routers(b).has(r));
    expect(shared).toEqual([]);
  });

  it('is stable: same input, same labels in the same order', () => {
    const input = { ...site, domains: ['b.example.org', 'a.example.org'] };
    expect(JSON.stringify(siteLabels(input, https))).toBe(
      JSON.stringify(siteLabels({ ...input }, { ...https })),
    );
  });

  it.each([
    ['a slug that could break the rule', { ...site, slug: 'x`) || Host(`evil.com' }, http],
    ['an uppercase slug', { ...site, slug: 'Foo' }, http],
    ['an invalid custom domain', { ...site, domains: ['evil.com`) || PathPrefix(`/'] }, http],
    ['an invalid routing domain', site, { ...http, domain: 'example.com`)' }],
    ['an empty routing domain', site, { ...http, domain: '' }],
  ])('refuses %s', (_, input, cfg) => {
    expect(() => siteLabels(input, cfg)).toThrow();
  });
});

describe('isValidHostname', () => {
  it.each([
    'example.com',
    'www.example.com',
    'a.b.c.d.example.co.uk',
    'xn--bcher-kva.example',
    'my-site.example.com',
    '1password.com',
    'a1.b2',
    `${'a'.repeat(63)}.com`,
    `${Array.from({ length: 4 }, () => 'a'.repeat(62)).join('.')}`, // 251 characters
  ])('accepts %s', (h) => {
    expect(isValidHostname(h)).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['localhost', 'no dot'],
    ['Example.com', 'uppercase'],
    ['*.example.com', 'wildcard'],
    ['-a.example.com', 'leading hyphen'],
    ['a-.example.com', 'trailing hyphen'],
    ['a..example.com', 'empty label'],
    ['example.com.', 'trailing dot'],
    ['.example.com', 'leading dot'],
    [`${'a'.repeat(64)}.com`, 'label over 63'],
    [`${Array.from({ length: 4 }, () => 'a'.repeat(63)).join('.')}`, 'over 253 characters'],
    ['exa_mple.com', 'underscore'],
    ['exa mple.com', 'space'],
    ['127.0.0.1', 'IPv4'],
    ['10.0.0.256', 'IPv4-like'],
    ['::1', 'IPv6'],
    ['[::1]', 'IPv6 literal'],
    ['example.com:8080', 'port'],
    ['bücher.example', 'not punycode'],
    ['evil.com`) || Host(`x.com', 'rule injection'],
  ])('refuses %j (%s)', (h) => {
    expect(isValidHostname(h)).toBe(false);
  });
});

describe('branch and pull request hosts (issue 15)', () => {
  const contexts = { ...site, contexts: true };
  const contextRegex = (labels: Record<string, string>) => {
    const m = /^HostRegexp\(`([^`]+)`\)$/.exec(rule(labels, contextRouterName(site.slug)));
    expect(m).not.toBeNull();
    return new RegExp(m![1]!);
  };

  it('adds no router while branch deploys and previews are off', () => {
    expect(Object.keys(siteLabels(site, http)).some((k) => k.includes('--contexts'))).toBe(false);
  });

  it('routes them to the same service, with TLS like the others', () => {
    const labels = siteLabels(contexts, https);
    const prefix = `traefik.http.routers.${contextRouterName(site.slug)}`;
    expect(labels[`${prefix}.service`]).toBe(routerName(site.slug));
    expect(labels[`${prefix}.entrypoints`]).toBe('websecure');
    expect(labels[`${prefix}.tls`]).toBe('true');
  });

  it.each([
    ['pr-2--graceful-fox.example.com', true],
    ['staging--graceful-fox.example.com', true],
    ['feature-login-3fa9c1--graceful-fox.example.com', true],
    [`${deployId}--graceful-fox.example.com`, true], // a permalink: the same site either way
    ['graceful-fox.example.com', false],
    ['pr-2--other.example.com', false],
    ['pr-2--graceful-fox-2.example.com', false],
    ['pr-2--graceful-fox.example.com.evil.net', false],
    ['x.pr-2--graceful-fox.example.com', false],
    ['pr-2--graceful-foxXexample.com', false],
    ['-x--graceful-fox.example.com', false],
    ['pr_2--graceful-fox.example.com', false],
  ])('context rule on %s: %s', (host, matches) => {
    expect(contextRegex(siteLabels(contexts, http)).test(host)).toBe(matches);
  });
});
