import { describe, expect, it } from 'vitest';
import { BadInputError } from '../src/domain/errors.js';
import { newServerAppFields, serverAppPatch } from '../src/domain/server-app.js';
import { parseHeaders, translateRules } from '../src/runtime/netlify-rules.js';
import { nginxAppConfig } from '../src/runtime/nginx-app-config.js';

describe('server app settings', () => {
  it('fill in the api.md defaults for a SERVER site', () => {
    expect(newServerAppFields('SERVER', {}, 'node:20-alpine')).toEqual({
      startCommand: 'npm start',
      port: 3000,
      healthCheckPath: '/',
      runtimeImage: 'node:20-alpine',
    });
  });

  it('stay empty on a STATIC site, which refuses them', () => {
    expect(newServerAppFields('STATIC', {}, 'node:20-alpine')).toEqual({
      startCommand: null,
      port: null,
      healthCheckPath: null,
      runtimeImage: null,
    });
    expect(() => newServerAppFields('STATIC', { port: 3000 }, 'x')).toThrow(BadInputError);
    expect(() => serverAppPatch('STATIC', { startCommand: 'node a.js' })).toThrow(BadInputError);
  });

  const refused: [string, Record<string, unknown>, string][] = [
    ['port 0', { port: 0 }, 'port'],
    ['port 65536', { port: 65536 }, 'port'],
    ['a fractional port', { port: 3000.5 }, 'port'],
    ['port 80, the front door nginx listens on', { port: 80 }, 'port'],
    ['a health path without a leading slash', { healthCheckPath: 'health' }, 'healthCheckPath'],
    ['a health path with a space (request line splitting)', { healthCheckPath: '/a b' }, 'healthCheckPath'],
    ['a health path with CRLF (header injection)', { healthCheckPath: '/a\r\nX: y' }, 'healthCheckPath'],
    ['an empty start command', { startCommand: '  ' }, 'startCommand'],
    ['a start command with a newline', { startCommand: 'node a.js\nrm -rf /' }, 'startCommand'],
    ['a start command with a NUL', { startCommand: 'node a.js\0' }, 'startCommand'],
    ['an oversized start command', { startCommand: 'x'.repeat(4097) }, 'startCommand'],
    ['an image that is a docker flag', { runtimeImage: '--privileged' }, 'runtimeImage'],
    ['an image with a space', { runtimeImage: 'node:20 -v /:/host' }, 'runtimeImage'],
    ['an image with upper case', { runtimeImage: 'Node:20' }, 'runtimeImage'],
  ];
  for (const [what, input, field] of refused) {
    it(`refuses ${what}`, () => {
      let error: unknown;
      try {
        serverAppPatch('SERVER', input);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(BadInputError);
      expect((error as BadInputError).field).toBe(field);
    });
  }

  it('accepts what apps really use', () => {
    expect(
      serverAppPatch('SERVER', {
        startCommand: 'node server.js --port "$PORT"',
        port: 8080,
        healthCheckPath: '/healthz?full=1',
        runtimeImage: 'ghcr.io/acme/runtime:1.2.3',
      }),
    ).toEqual({
      startCommand: 'node server.js --port "$PORT"',
      port: 8080,
      healthCheckPath: '/healthz?full=1',
      runtimeImage: 'ghcr.io/acme/runtime:1.2.3',
    });
  });
});

describe('the nginx config in front of a server app', () => {
  const config = nginxAppConfig({ upstreamHost: 'launchpad-app-shop-0123456789abcdef01234567', port: 3000 });

  it('proxies to the app by name through Docker DNS, resolved per request', () => {
    expect(config).toContain('resolver 127.0.0.11');
    expect(config).toContain('"launchpad-app-shop-0123456789abcdef01234567:3000"');
    expect(config).toContain('proxy_pass http://$launchpad_upstream;');
  });

  it('passes WebSocket upgrades and the client address on', () => {
    expect(config).toContain('proxy_set_header Upgrade $http_upgrade;');
    expect(config).toContain('proxy_set_header Connection $launchpad_connection;');
    expect(config).toContain('proxy_set_header X-Real-IP $remote_addr;');
    expect(config).toContain('proxy_set_header X-Forwarded-Proto $launchpad_forwarded_proto;');
    expect(config).toMatch(/client_max_body_size \d+;/);
  });

  it('never serves files from the deploy folder (the app’s source)', () => {
    expect(config).not.toMatch(/\broot\b|try_files|alias/);
  });

  it('applies _headers', () => {
    const headers = parseHeaders('/*\n  X-Frame-Options: DENY\n');
    const rules = translateRules([], headers.rules).nginx;
    const withHeaders = nginxAppConfig({
      upstreamHost: 'launchpad-app-a-0123456789abcdef01234567',
      port: 3000,
      rules,
    });
    expect(withHeaders).toContain('add_header X-Frame-Options $launchpad_header_0_0 always;');
    expect(withHeaders).toContain('set $launchpad_header_0_0 "DENY";');
  });

  it('refuses an upstream that is not a container name (config injection)', () => {
    expect(() => nginxAppConfig({ upstreamHost: 'a;} server {', port: 3000 })).toThrow();
    expect(() => nginxAppConfig({ upstreamHost: 'app', port: 0 })).toThrow();
  });
});
