import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('has the defaults of api.md', () => {
    const c = loadConfig({}, '/srv/launchpad');
    expect(c).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/srv/launchpad/data',
      domain: 'localhost',
      publicUrl: null,
      adminToken: null,
      network: 'launchpad',
      staticImage: 'nginx:alpine',
      buildImage: 'node:20-alpine',
      buildConcurrency: 2,
      buildTimeoutSeconds: 900,
      gitSchemes: ['https'],
      keepDeploys: 10,
      https: false,
    });
  });

  it.each([
    ['LAUNCHPAD_PORT', '80a'],
    ['LAUNCHPAD_PORT', '70000'],
    ['LAUNCHPAD_DOMAIN', 'Not A Domain'],
    ['LAUNCHPAD_NETWORK', '-bad'],
    ['LAUNCHPAD_BUILD_CONCURRENCY', '0'],
    ['LAUNCHPAD_GIT_SCHEMES', 'https,file'],
    ['LAUNCHPAD_GIT_SCHEMES', 'ext'],
    ['LAUNCHPAD_PUBLISH_PORTS', 'maybe'],
    ['LAUNCHPAD_PUBLIC_URL', 'ftp://example.com'],
    ['LAUNCHPAD_ADMIN_TOKEN', 'short'],
    ['LAUNCHPAD_STATIC_IMAGE', 'UPPER CASE'],
  ])('stops on %s=%s with a message naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^${name}: `));
  });

  it('reads every variable', () => {
    const c = loadConfig({
      LAUNCHPAD_PORT: '0',
      LAUNCHPAD_DATA: '/var/lib/launchpad',
      LAUNCHPAD_DOMAIN: 'sites.example.com',
      LAUNCHPAD_PUBLIC_URL: 'https://launchpad.example.com/',
      LAUNCHPAD_GIT_SCHEMES: 'https, git',
      LAUNCHPAD_PUBLISH_PORTS: 'true',
      LAUNCHPAD_ACME_EMAIL: 'ops@example.com',
    });
    expect(c.port).toBe(0);
    expect(c.dataDir).toBe('/var/lib/launchpad');
    expect(c.publicUrl).toBe('https://launchpad.example.com');
    expect(c.gitSchemes).toEqual(['https', 'git']);
    expect(c.publishPorts).toBe(true);
    expect(c.https).toBe(true);
  });

  it('takes a postgres:// LAUNCHPAD_DATABASE_URL and refuses anything else without repeating it', () => {
    expect(loadConfig({}).databaseUrl).toBeNull();
    const url = 'postgres://launchpad:s3cret-pw@db.internal:5432/launchpad';
    expect(loadConfig({ LAUNCHPAD_DATABASE_URL: url }).databaseUrl).toBe(url);
    expect(loadConfig({ LAUNCHPAD_DATABASE_URL: 'postgresql://db/lp' }).databaseUrl).toBe(
      'postgresql://db/lp',
    );
    for (const bad of ['mysql://root:s3cret-pw@db/lp', 'sqlite:///tmp/x.db', 'not a url s3cret-pw']) {
      expect(() => loadConfig({ LAUNCHPAD_DATABASE_URL: bad })).toThrow(
        /^LAUNCHPAD_DATABASE_URL: must be postgres:/,
      );
      try {
        loadConfig({ LAUNCHPAD_DATABASE_URL: bad });
      } catch (err) {
        expect(String(err)).not.toContain('s3cret-pw');
      }
    }
  });
});
