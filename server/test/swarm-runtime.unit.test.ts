import { lstat, mkdir, mkdtemp, readFile, readlink, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import {
  appDockerfile,
  entrypointScript,
  stageStaticContext,
  staticDockerfile,
} from '../src/runtime/swarm/image-context.js';
import { siteServiceSpec } from '../src/runtime/swarm/service-spec.js';
import { siteImage } from '../src/runtime/swarm/site-image.js';

const SITE_ID = 'a'.repeat(24);
const DEPLOY_ID = 'b'.repeat(24);
const routing = { domain: 'example.com', network: 'launchpad', https: false };

describe('LAUNCHPAD_RUNTIME and LAUNCHPAD_REGISTRY (issue 16)', () => {
  it('defaults to the single-host driver and needs no registry then', () => {
    expect(loadConfig({})).toMatchObject({ runtime: 'docker', registry: null, swarmDrainSeconds: 10 });
  });

  it('refuses swarm without a registry, at start, naming LAUNCHPAD_REGISTRY', () => {
    expect(() => loadConfig({ LAUNCHPAD_RUNTIME: 'swarm' })).toThrow(ConfigError);
    expect(() => loadConfig({ LAUNCHPAD_RUNTIME: 'swarm' })).toThrow(
      /^LAUNCHPAD_REGISTRY: is required with LAUNCHPAD_RUNTIME=swarm/,
    );
  });

  it.each([
    ['LAUNCHPAD_RUNTIME', 'kubernetes'],
    ['LAUNCHPAD_REGISTRY', 'http://registry:5000'],
    ['LAUNCHPAD_REGISTRY', 'registry:5000/path'],
    ['LAUNCHPAD_REGISTRY', 'Registry'],
    ['LAUNCHPAD_SWARM_DRAIN', '-1'],
  ])('stops on %s=%s with a message naming the variable', (name, value) => {
    const env = { LAUNCHPAD_RUNTIME: 'swarm', LAUNCHPAD_REGISTRY: '127.0.0.1:5000', [name]: value };
    expect(() => loadConfig(env)).toThrow(new RegExp(`^${name}: `));
  });

  it('takes a registry host with a port', () => {
    const c = loadConfig({ LAUNCHPAD_RUNTIME: 'swarm', LAUNCHPAD_REGISTRY: 'registry.internal:5000' });
    expect(c).toMatchObject({ runtime: 'swarm', registry: 'registry.internal:5000' });
  });
});

describe('site images', () => {
  it('are named <registry>/launchpad/<slug>:<deployId>', () => {
    expect(siteImage('127.0.0.1:5000', 'my-site', DEPLOY_ID)).toBe(
      `127.0.0.1:5000/launchpad/my-site:${DEPLOY_ID}`,
    );
  });

  it.each([
    ['a slug that would leave the repository', '../x', DEPLOY_ID],
    ['a slug with a tag in it', 'x:latest', DEPLOY_ID],
    ['a deploy id that is no id', 'site', 'latest'],
  ])('refuse %s', (_what, slug, deployId) => {
    expect(() => siteImage('r:5000', slug, deployId)).toThrow(/Refusing/);
  });

  it('of a static site are three steps: the static image, one COPY of fixed paths, one LABEL', () => {
    expect(
      staticDockerfile('nginx:alpine', { 'dev.launchpad.managed': 'true', 'dev.launchpad.site': SITE_ID }),
    ).toBe(
      [
        'FROM nginx:alpine',
        'COPY rootfs/ /',
        `LABEL "dev.launchpad.managed"="true" "dev.launchpad.site"="${SITE_ID}"`,
        '',
      ].join('\n'),
    );
  });

  it('of a server app put the files in /app over the runtime image', () => {
    expect(appDockerfile('node:20-alpine')).toBe(['FROM node:20-alpine', 'COPY rootfs/ /', ''].join('\n'));
  });

  it('drain before nginx quits gracefully: the wait comes first in the TERM trap', () => {
    const script = entrypointScript(10);
    expect(script).toContain(`trap 'sleep 10; kill -QUIT "$pid"' TERM INT`);
    expect(() => entrypointScript(1.5)).toThrow();
  });

  it('hold the deploy under deploys/<id> with current pointing at it, and the config under conf.d', async () => {
    const root = await mkdtemp(join(tmpdir(), 'lp-context-'));
    try {
      const files = join(root, 'files');
      await mkdir(join(files, 'sub'), { recursive: true });
      await writeFile(join(files, 'index.html'), 'hello');
      await writeFile(join(files, 'sub', 'a.css'), 'body{}');
      const ctx = join(root, 'ctx');
      await stageStaticContext(ctx, {
        deployId: DEPLOY_ID,
        files,
        config: [
          ['default.conf', 'server {}'],
          [`permalinks/${DEPLOY_ID}.conf`, 'server {}'],
        ],
        baseImage: 'nginx:alpine',
        drainSeconds: 5,
      });
      const served = join(ctx, 'rootfs/srv/site/deploys', DEPLOY_ID, 'index.html');
      expect(await readFile(served, 'utf8')).toBe('hello');
      // A hard link, not a copy: the content store's bytes are not written again.
      expect((await stat(served)).ino).toBe((await stat(join(files, 'index.html'))).ino);
      expect(await readFile(join(ctx, 'rootfs/srv/site/deploys', DEPLOY_ID, 'sub', 'a.css'), 'utf8')).toBe(
        'body{}',
      );
      expect((await lstat(join(ctx, 'rootfs/srv/site/current'))).isSymbolicLink()).toBe(true);
      expect(await readlink(join(ctx, 'rootfs/srv/site/current'))).toBe(`deploys/${DEPLOY_ID}`);
      expect(await readFile(join(ctx, 'rootfs/etc/nginx/conf.d/default.conf'), 'utf8')).toBe('server {}');
      expect((await stat(join(ctx, 'rootfs/var/log/launchpad'))).isDirectory()).toBe(true);
      expect(await readFile(join(ctx, 'rootfs/launchpad-entrypoint.sh'), 'utf8')).toContain('sleep 5;');
      await expect(
        stageStaticContext(join(root, 'bad'), {
          deployId: DEPLOY_ID,
          files,
          config: [['../escape.conf', 'x']],
          baseImage: 'nginx:alpine',
          drainSeconds: 5,
        }),
      ).rejects.toThrow(/Refusing the path/);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('a site service spec', () => {
  const base = {
    site: { id: SITE_ID, slug: 'blog', domains: ['blog.example.org'] },
    app: null,
    deployId: DEPLOY_ID,
    image: `r:5000/launchpad/blog:${DEPLOY_ID}@sha256:${'c'.repeat(64)}`,
    networkId: 'net123',
    routing,
    instanceId: 'inst1',
    probeHost: 'lp-0123456789ab.invalid',
    drainSeconds: 10,
  };

  it('carries the Traefik labels on the service (deploy.labels) with the swarm network and the port', () => {
    const labels = siteServiceSpec(base).Labels!;
    expect(labels).toMatchObject({
      'traefik.enable': 'true',
      'traefik.swarm.network': 'launchpad',
      'traefik.http.services.launchpad-blog.loadbalancer.server.port': '80',
      'traefik.http.routers.launchpad-blog.rule': 'Host(`blog.example.com`) || Host(`blog.example.org`)',
      'dev.launchpad.managed': 'true',
      'dev.launchpad.site': SITE_ID,
      'dev.launchpad.instance': 'inst1',
      'dev.launchpad.deploy': DEPLOY_ID,
    });
    expect(labels['traefik.docker.network']).toBeUndefined();
  });

  it('needs no routing mesh: dnsrr endpoints, no published port', () => {
    const spec = siteServiceSpec(base);
    expect(spec.EndpointSpec).toEqual({ Mode: 'dnsrr' });
    expect(spec.TaskTemplate!.Networks).toEqual([{ Target: 'net123' }]);
  });

  it('rolls start-first, gated by a health check on the new config, rolling back when it fails', () => {
    const spec = siteServiceSpec(base) as any;
    expect(spec.UpdateConfig).toMatchObject({
      Order: 'start-first',
      FailureAction: 'rollback',
      Parallelism: 1,
    });
    expect(spec.RollbackConfig).toMatchObject({ Order: 'start-first' });
    expect(spec.TaskTemplate.ContainerSpec.HealthCheck.Test).toEqual([
      'CMD',
      'wget',
      '-q',
      '-O',
      '/dev/null',
      '--header',
      'Host: lp-0123456789ab.invalid',
      'http://127.0.0.1/',
    ]);
    // The old task's drain fits inside the grace period Swarm gives it before SIGKILL.
    expect(spec.TaskTemplate.ContainerSpec.StopGracePeriod).toBeGreaterThan(10 * 1e9);
    expect(spec.TaskTemplate.ContainerSpec.CapabilityDrop).toEqual(['ALL']);
  });

  it('runs a server app on its own port with its health path, the command passed in the environment', () => {
    const app = {
      image: 'node:20-alpine',
      command: 'node "server.js"',
      port: 3000,
      healthCheckPath: '/health',
      env: [{ name: 'A', value: 'b' }],
    };
    const spec = siteServiceSpec({ ...base, app, probeHost: null }) as any;
    expect(spec.Labels['traefik.http.services.launchpad-blog.loadbalancer.server.port']).toBe('3000');
    const c = spec.TaskTemplate.ContainerSpec;
    expect(c.HealthCheck.Test.at(-1)).toBe('http://127.0.0.1:3000/health');
    expect(c.Env).toEqual(
      expect.arrayContaining(['A=b', 'PORT=3000', 'LAUNCHPAD_START_COMMAND=node "server.js"']),
    );
    // The user's command never becomes part of the script text.
    expect(c.Command.join(' ')).not.toContain('server.js');
  });

  it('refuses a slug that could break out of a Traefik rule', () => {
    expect(() => siteServiceSpec({ ...base, site: { ...base.site, slug: 'x`)||Host(`evil' } })).toThrow();
  });
});
