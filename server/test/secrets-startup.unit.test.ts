import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { SiteEntity } from '../src/db/entities.js';
import type { Site } from '../src/domain/model.js';
import { isSealed, SecretBox } from '../src/secrets/box.js';
import { loadMasterKeys } from '../src/secrets/master-key.js';
import { prepareSecrets } from '../src/secrets/startup.js';
import { openTestDatabase, testDatabaseEnv } from './support/test-database.js';

const PLAIN_WEBHOOK_SECRET = 'a'.repeat(24) + 'plain-webhook-secret-of-v1' + 'b'.repeat(14);

function site(id: string, webhookSecret: string | null): Site {
  return {
    id: id.padEnd(24, '0'),
    slug: id,
    name: id,
    sourceType: 'GIT',
    gitUrl: 'https://example.com/r.git',
    branch: 'main',
    buildCommand: null,
    outputDir: 'dist',
    envVars: [],
    autoDeploy: true,
    spa: false,
    domains: [],
    webhookSecret,
    status: 'CREATED',
    currentDeployId: null,
    localPort: null,
    nextDeployNumber: 1,
    createdAt: new Date(),
    updatedAt: new Date(),
    gitAuth: 'NONE',
    kind: 'STATIC',
    startCommand: null,
    port: null,
    healthCheckPath: null,
    runtimeImage: null,
    teamId: null,
    branchDeploys: false,
    deployPreviews: false,
    buildCache: true,
    buildCacheBytes: 0,
  };
}

describe('start-up step for secrets at rest', () => {
  let dir: string | null = null;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = null;
  });

  it('seals webhook secrets an earlier version stored in plain text, leaving no plain copy in the files', async () => {
    dir = await mkdtemp(join(tmpdir(), 'launchpad-startup-'));
    const orm = await openTestDatabase(dir);
    try {
      const em = orm.em.fork();
      em.create(SiteEntity, site('old-site', PLAIN_WEBHOOK_SECRET));
      em.create(SiteEntity, site('zip-site', null));
      await em.flush();
      const box = await prepareSecrets(
        orm,
        loadConfig({ LAUNCHPAD_DATA: dir, ...(await testDatabaseEnv(dir)) }),
      );
      const stored = await orm.em.fork().findOneOrFail(SiteEntity, { slug: 'old-site' });
      expect(isSealed(stored.webhookSecret!)).toBe(true);
      expect(box.open(stored.webhookSecret!)).toBe(PLAIN_WEBHOOK_SECRET);
      expect((await orm.em.fork().findOneOrFail(SiteEntity, { slug: 'zip-site' })).webhookSecret).toBeNull();
      // A second start changes nothing.
      await prepareSecrets(orm, loadConfig({ LAUNCHPAD_DATA: dir, ...(await testDatabaseEnv(dir)) }));
      const again = await orm.em.fork().findOneOrFail(SiteEntity, { slug: 'old-site' });
      expect(again.webhookSecret).toBe(stored.webhookSecret);
    } finally {
      await orm.close(true);
    }
    for (const name of await readdir(dir)) {
      const bytes = await readFile(join(dir, name)).catch(() => null);
      if (bytes) expect(bytes.includes(Buffer.from(PLAIN_WEBHOOK_SECRET)), name).toBe(false);
    }
  });

  it('refuses to start when stored secrets need a key it was not given, naming the key id', async () => {
    dir = await mkdtemp(join(tmpdir(), 'launchpad-startup-'));
    const other = new SecretBox(Buffer.alloc(32, 9));
    const orm = await openTestDatabase(dir);
    try {
      const em = orm.em.fork();
      em.create(SiteEntity, site('rotated', other.seal('x')));
      await em.flush();
      await expect(
        prepareSecrets(orm, loadConfig({ LAUNCHPAD_DATA: dir, ...(await testDatabaseEnv(dir)) })),
      ).rejects.toThrow(new RegExp(`sealed under key ${other.keyId}`));
    } finally {
      await orm.close(true);
    }
    expect((await loadMasterKeys(dir, null)).box.keyId).not.toBe(other.keyId);
  });

  it('LAUNCHPAD_SECRET_KEY must be base64 of 32 bytes, and the error does not repeat the value', () => {
    const bad = 'not-a-key-but-maybe-a-secret';
    expect(() => loadConfig({ LAUNCHPAD_SECRET_KEY: bad })).toThrow(/^LAUNCHPAD_SECRET_KEY: /);
    try {
      loadConfig({ LAUNCHPAD_SECRET_KEY: bad });
    } catch (err) {
      expect(String(err)).not.toContain(bad);
    }
    const good = Buffer.alloc(32, 3).toString('base64');
    expect(loadConfig({ LAUNCHPAD_SECRET_KEY: good }).secretKey).toBe(good);
  });
});
