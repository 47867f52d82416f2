import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SiteEntity } from '../src/db/entities.js';
import type { Orm } from '../src/db/orm.js';
import { SiteGitAccessEntity } from '../src/db/secret-entities.js';
import type { Site } from '../src/domain/model.js';
import { keyIdOf, type SecretBox, sealedKeyId } from '../src/secrets/box.js';
import { keyFile, loadMasterKeys, nextKeyFile, readKeyFile } from '../src/secrets/master-key.js';
import { openTestDatabase, testDatabaseEnv } from './support/test-database.js';

const SCRIPT = resolve(import.meta.dirname, '../src/scripts/rotate-key.ts');
const SITES = 5;
const plainOf = (i: number) => ({
  env: `env-secret-${i}-value`,
  webhook: `webhook-secret-${i}-value`,
  token: `ghp_token_${i}_value`,
  key: `-----BEGIN OPENSSH PRIVATE KEY-----\nkey-${i}\n-----END OPENSSH PRIVATE KEY-----\n`,
});

/** Stores SITES sites with every kind of secret, sealed under the data dir's key. */
async function seed(dir: string): Promise<void> {
  const { box } = await loadMasterKeys(dir, null);
  const orm = await openTestDatabase(dir);
  try {
    const em = orm.em.fork();
    for (let i = 0; i < SITES; i++) {
      const p = plainOf(i);
      em.create(SiteEntity, {
        id: `site${i}`.padEnd(24, '0'),
        slug: `rotate-${i}`,
        name: `Site ${i}`,
        sourceType: 'GIT',
        gitUrl: 'https://example.com/repo.git',
        branch: 'main',
        buildCommand: null,
        outputDir: 'dist',
        envVars: [
          { name: 'PLAIN', value: 'visible' },
          { name: 'SECRET', value: box.seal(p.env), secret: true },
        ],
        autoDeploy: true,
        spa: false,
        domains: [],
        webhookSecret: box.seal(p.webhook),
        status: 'CREATED',
        currentDeployId: null,
        localPort: null,
        nextDeployNumber: 1,
        createdAt: new Date(),
        updatedAt: new Date(),
        gitAuth: 'TOKEN',
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
      } satisfies Site);
      em.create(SiteGitAccessEntity, {
        siteId: `site${i}`.padEnd(24, '0'),
        gitToken: box.seal(p.token),
        deployKeyPublic: 'ssh-ed25519 AAAA test',
        deployKeyPrivate: box.seal(p.key),
        deployKeyFingerprint: 'SHA256:test',
        deployKeyCreatedAt: new Date(),
        sshHost: null,
        sshHostKeys: null,
      });
    }
    await em.flush();
  } finally {
    await orm.close(true);
  }
}

/** Every stored sealed value, by what it should open to. */
async function stored(orm: Orm): Promise<{ sealed: string; plain: string }[]> {
  const em = orm.em.fork();
  const out: { sealed: string; plain: string }[] = [];
  for (const site of await em.find(SiteEntity, {}, { orderBy: { slug: 'asc' } })) {
    const p = plainOf(Number(site.slug.split('-')[1]));
    out.push({ sealed: site.webhookSecret!, plain: p.webhook });
    out.push({ sealed: site.envVars.find((v) => v.secret)!.value, plain: p.env });
    expect(site.envVars.find((v) => !v.secret)).toEqual({ name: 'PLAIN', value: 'visible' });
    const access = await em.findOneOrFail(SiteGitAccessEntity, { siteId: site.id });
    out.push({ sealed: access.gitToken!, plain: p.token });
    out.push({ sealed: access.deployKeyPrivate!, plain: p.key });
  }
  expect(out).toHaveLength(SITES * 4);
  return out;
}

/** Opens every stored value with the keys Launchpad would load from the data dir now. */
async function expectAllReadable(dir: string): Promise<{ box: SecretBox; keyIds: Set<string> }> {
  const { box } = await loadMasterKeys(dir, null);
  const orm = await openTestDatabase(dir);
  try {
    const values = await stored(orm);
    for (const { sealed, plain } of values) expect(box.open(sealed)).toBe(plain);
    return { box, keyIds: new Set(values.map((v) => sealedKeyId(v.sealed)!)) };
  } finally {
    await orm.close(true);
  }
}

interface Run {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
  /** Resolves once the script printed a line containing `text`. */
  printed(text: string): Promise<void>;
}

async function rotate(dir: string, env: Record<string, string> = {}): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], {
    env: { PATH: process.env.PATH, LAUNCHPAD_DATA: dir, ...(await testDatabaseEnv(dir)), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const waiters: { text: string; done: () => void }[] = [];
  const onData = (chunk: Buffer) => {
    out += chunk.toString();
    for (const w of waiters.filter((x) => out.includes(x.text))) w.done();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return {
    child,
    output: () => out,
    exit,
    printed: (text) =>
      new Promise<void>((done, fail) => {
        if (out.includes(text)) return done();
        waiters.push({ text, done });
        void exit.then(() =>
          out.includes(text) ? done() : fail(new Error(`exited without "${text}":\n${out}`)),
        );
      }),
  };
}

describe('npm run rotate-key', () => {
  let dir: string | null = null;
  const children: ChildProcess[] = [];
  afterEach(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    children.length = 0;
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = null;
  });

  it('re-seals every secret under a new key, and the old key opens none of them', async () => {
    dir = await mkdtemp(join(tmpdir(), 'launchpad-rotate-'));
    await seed(dir);
    const oldKey = (await readKeyFile(keyFile(dir)))!;
    const run = await rotate(dir);
    children.push(run.child);
    expect(await run.exit, run.output()).toBe(0);
    const newKey = (await readKeyFile(keyFile(dir)))!;
    expect(keyIdOf(newKey)).not.toBe(keyIdOf(oldKey));
    await expect(stat(nextKeyFile(dir))).rejects.toThrow();
    expect((await stat(keyFile(dir))).mode & 0o777).toBe(0o600);
    const { keyIds } = await expectAllReadable(dir);
    expect([...keyIds]).toEqual([keyIdOf(newKey)]);
    // No key material and no secret in what the script printed.
    for (const k of [oldKey, newKey]) expect(run.output()).not.toContain(k.toString('base64'));
    expect(run.output()).not.toContain(plainOf(0).token);
  });

  it('killed with SIGKILL inside its transaction: every secret still opens, and a second run finishes', async () => {
    dir = await mkdtemp(join(tmpdir(), 'launchpad-rotate-'));
    await seed(dir);
    const oldId = keyIdOf((await readKeyFile(keyFile(dir)))!);
    // Hold the database's write lock, so the script is certainly stopped before its commit.
    const holder = await openTestDatabase(dir);
    const knex = holder.em.getKnex();
    const trx = await knex.transaction();
    await trx.raw('update sites set name = name');
    try {
      const run = await rotate(dir);
      children.push(run.child);
      await run.printed('in one transaction');
      run.child.kill('SIGKILL');
      expect(await run.exit).toBe(null);
    } finally {
      await trx.rollback();
      await holder.close(true);
    }
    const nextId = keyIdOf((await readKeyFile(nextKeyFile(dir)))!);
    const interrupted = await expectAllReadable(dir);
    expect([...interrupted.keyIds]).toEqual([oldId]); // nothing of the transaction was kept

    const again = await rotate(dir);
    children.push(again.child);
    expect(await again.exit, again.output()).toBe(0);
    expect(again.output()).toContain(`finishing the interrupted rotation to key ${nextId}`);
    const finished = await expectAllReadable(dir);
    expect([...finished.keyIds]).toEqual([nextId]);
    expect(keyIdOf((await readKeyFile(keyFile(dir)))!)).toBe(nextId);
  });

  it('killed with SIGKILL right after its commit: every secret still opens with the keys on disk', async () => {
    dir = await mkdtemp(join(tmpdir(), 'launchpad-rotate-'));
    await seed(dir);
    const run = await rotate(dir);
    children.push(run.child);
    await run.printed('committed:');
    run.child.kill('SIGKILL');
    await run.exit;
    await expectAllReadable(dir);
    const again = await rotate(dir);
    children.push(again.child);
    expect(await again.exit, again.output()).toBe(0);
    const { keyIds } = await expectAllReadable(dir);
    expect([...keyIds]).toEqual([keyIdOf((await readKeyFile(keyFile(dir)))!)]);
  });

  it('with LAUNCHPAD_SECRET_KEY, takes the new key from LAUNCHPAD_NEW_SECRET_KEY and writes no key file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'launchpad-rotate-'));
    const refused = await rotate(dir, { LAUNCHPAD_SECRET_KEY: Buffer.alloc(32, 1).toString('base64') });
    children.push(refused.child);
    expect(await refused.exit).toBe(2);
    expect(refused.output()).toContain('LAUNCHPAD_NEW_SECRET_KEY');
    const run = await rotate(dir, {
      LAUNCHPAD_SECRET_KEY: Buffer.alloc(32, 1).toString('base64'),
      LAUNCHPAD_NEW_SECRET_KEY: Buffer.alloc(32, 2).toString('base64'),
    });
    children.push(run.child);
    expect(await run.exit, run.output()).toBe(0);
    await expect(readFile(keyFile(dir))).rejects.toThrow();
    await expect(readFile(nextKeyFile(dir))).rejects.toThrow();
  });
});
