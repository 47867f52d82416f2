/**
 * Issue 12 acceptance against real servers on loopback: a private repository over ssh (Debian's sshd) and
 * over HTTPS-style basic auth with a token (`git http-backend`), secret env vars in a real build, and no
 * secret in clear anywhere a user or another process on the host could read it.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMasterKeys } from '../src/secrets/master-key.js';
import { type GitServer, startGitServer } from './support/git-server.js';
import { eventually, httpGet, type Launchpad, settledDeploy, startLaunchpad } from './support/harness.js';
import {
  type GitHttpBackend,
  type Sshd,
  sshdMissing,
  startGitHttpBackend,
  startSshd,
} from './support/private-git.js';
import { testDatabaseEnv } from './support/test-database.js';

const TOKEN = 'ghp_RightToken0123456789abcdefABCDEF';
const WRONG_TOKEN = 'ghp_WrongToken0123456789abcdefABCDEF';
const SECRET_A = 'sup3r-s3cret-value-A/with+chars';
const SECRET_B = 'another secret, with spaces & ümlauts';
const PLAIN = 'plain-visible-value';

const SITE_FIELDS = /* GraphQL */ `
  id slug status gitAuth webhookSecret
  envVars { name value secret }
  deployKey { publicKey fingerprint createdAt }
  currentDeploy { id number }
  deploys(first: 3) { id number status error logs(first: 300) { seq stream text } }`;
const LIST_FIELDS =
  'id gitAuth webhookSecret envVars { name value secret } deployKey { publicKey fingerprint }';
const CREATE = `mutation($input: CreateSiteInput!) { createSite(input: $input) { ${SITE_FIELDS} } }`;
const SITE = `query($id: ID!) { site(id: $id) { ${SITE_FIELDS} } }`;
const DEPLOY = 'mutation($id: ID!) { deploySite(id: $id) { id number status } }';

const LAUNCHPAD_ENV = { LAUNCHPAD_GIT_SCHEMES: 'https,http', LAUNCHPAD_BUILD_TIMEOUT: '60' };
const ROTATE_KEY = resolve(import.meta.dirname, '../src/scripts/rotate-key.ts');

let lp: Launchpad;
let git: GitServer;
let http: GitHttpBackend;
let sshd: Sshd | null = null;

beforeAll(async () => {
  git = await startGitServer();
  await git.createRepo('private', {
    'index.html': '<p>private v1</p>',
  });
  await git.createRepo('secret-build', {
    // Prints every env var, the secrets' base64 both ways, then waits so the test can look around.
    'build.sh': [
      'env | sort',
      'printf %s "$SECRET_A" | base64',
      'echo "$SECRET_A" | base64',
      'printf %s "$SECRET_B" | base64',
      'echo "url: $SECRET_A"',
      'sleep 4',
      'mkdir -p dist',
      'printf %s "$SECRET_A" | sha256sum | cut -d" " -f1 > dist/index.html',
    ].join('\n'),
  });
  http = await startGitHttpBackend(dirname(git.path('private')), TOKEN);
  if (!sshdMissing) sshd = await startSshd();
  lp = await startLaunchpad(LAUNCHPAD_ENV);
});

afterAll(async () => {
  await lp?.cleanup();
  await sshd?.stop();
  await http?.stop();
  await git?.stop();
});

const settled = (siteId: string, number: number) => settledDeploy(lp, SITE, siteId, number, 90_000);

async function served(slug: string): Promise<string> {
  const { ip } = await lp.app.runtime.endpoint(slug);
  return (await httpGet(ip!, '/', `${slug}.localhost`)).body.toString();
}

async function deployAgain(siteId: string): Promise<number> {
  const res = await lp.gql(DEPLOY, { id: siteId });
  expect(res.errors).toBeUndefined();
  return res.data!.deploySite.number;
}

/** Every file under the data dir (database, its WAL, logs, work dirs, deploys), as bytes. */
async function dataDirFiles(dir: string): Promise<{ path: string; bytes: Buffer }[]> {
  const out: { path: string; bytes: Buffer }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = await readFile(path).catch(() => null); // a file may go while we look
    if (bytes) out.push({ path, bytes });
  }
  return out;
}

/** The argument lists of every process on the host. */
async function allCmdlines(): Promise<string> {
  const lines: string[] = [];
  for (const pid of (await readdir('/proc')).filter((p) => /^\d+$/.test(p))) {
    const cmd = await readFile(`/proc/${pid}/cmdline`).catch(() => null);
    if (cmd) lines.push(cmd.toString().replace(/\0/g, ' '));
  }
  return lines.join('\n');
}

function expectNoneOf(haystack: string | Buffer, needles: string[], where: string) {
  for (const needle of needles) {
    const found = Buffer.isBuffer(haystack)
      ? haystack.includes(Buffer.from(needle))
      : haystack.includes(needle);
    expect(found, `"${needle.slice(0, 24)}…" in ${where}`).toBe(false);
  }
}

describe.skipIf(sshdMissing)('private repository over ssh (real sshd, deploy key)', () => {
  let siteId: string;
  let slug: string;
  let publicKey: string;
  let fingerprint: string;

  it('creates the site with a new deploy key and waits for the key to be added before deploying', async () => {
    slug = `${lp.slugPrefix}-ssh`;
    const res = await lp.gql(CREATE, {
      input: {
        name: slug,
        slug,
        sourceType: 'GIT',
        gitUrl: sshd!.url(git.path('private')),
        gitAuth: 'SSH_KEY',
        outputDir: '.',
      },
    });
    expect(res.errors).toBeUndefined();
    const site = res.data!.createSite;
    siteId = site.id;
    expect(site.gitAuth).toBe('SSH_KEY');
    expect(site.status).toBe('CREATED');
    expect(site.deploys).toEqual([]);
    ({ publicKey, fingerprint } = site.deployKey);
    expect(publicKey).toMatch(new RegExp(`^ssh-ed25519 \\S+ launchpad-${slug}$`));
    expect(fingerprint).toMatch(/^SHA256:/);
  });

  it('refuses an ssh URL for a site without a deploy key (ssh is not an allowed scheme then)', async () => {
    const res = await lp.gql(CREATE, {
      input: { name: 'x', sourceType: 'GIT', gitUrl: sshd!.url(git.path('private')) },
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'gitUrl' });
  });

  it('deploys once the public key is in authorized_keys, and stores the host key', async () => {
    await sshd!.authorize([publicKey]);
    const number = await deployAgain(siteId);
    const { deploy, site } = await settled(siteId, number);
    expect(deploy.error, sshd!.log()).toBeNull();
    expect(deploy.status).toBe('LIVE');
    expect(site.status).toBe('LIVE');
    expect(await served(slug)).toBe('<p>private v1</p>');
    const system = deploy.logs.map((l: { text: string }) => l.text).join('\n');
    expect(system).toContain(`stored the ssh host key of [127.0.0.1]:${sshd!.port}`);
  });

  it('fails naming the key fingerprint when the key is not in authorized_keys', async () => {
    await sshd!.authorize([]);
    const { deploy } = await settled(siteId, await deployAgain(siteId));
    expect(deploy.status).toBe('FAILED');
    expect(deploy.error).toContain(fingerprint);
    expect(deploy.error).toContain('Deploy keys');
    expect(await served(slug)).toBe('<p>private v1</p>'); // the live deploy stays
  });

  it('fails saying the host key changed when the server answers with another key', async () => {
    await sshd!.authorize([publicKey]);
    await sshd!.replaceHostKey();
    const { deploy } = await settled(siteId, await deployAgain(siteId));
    expect(deploy.status).toBe('FAILED');
    expect(deploy.error).toMatch(/host key of \[127\.0\.0\.1\]:\d+ changed/);
  });

  it('deploys again once an admin forgets the old host key (the operator confirmed the change)', async () => {
    const res = await lp.gql('mutation($id: ID!) { forgetSshHostKey(siteId: $id) { id } }', { id: siteId });
    expect(res.errors).toBeUndefined();
    const { deploy } = await settled(siteId, await deployAgain(siteId));
    expect(deploy.error).toBeNull();
    expect(deploy.status).toBe('LIVE');
  });

  it('moves to an https URL only with access that fits it', async () => {
    const UPDATE =
      'mutation($id: ID!, $input: UpdateSiteInput!) { updateSite(id: $id, input: $input) { gitUrl gitAuth } }';
    const refused = await lp.gql(UPDATE, { id: siteId, input: { gitUrl: http.url('private') } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'gitUrl' });
    const moved = await lp.gql(UPDATE, {
      id: siteId,
      input: { gitUrl: http.url('private'), gitAuth: 'TOKEN', gitToken: TOKEN },
    });
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.updateSite).toEqual({ gitUrl: http.url('private'), gitAuth: 'TOKEN' });
    const back = await lp.gql(UPDATE, {
      id: siteId,
      input: { gitUrl: sshd!.url(git.path('private')), gitAuth: 'SSH_KEY' },
    });
    expect(back.errors).toBeUndefined();
  });

  it('never shows the private key: not in GraphQL, not in the data dir', async () => {
    const answer = JSON.stringify(await lp.gql(SITE, { id: siteId }));
    const { box } = await loadMasterKeys(lp.dataDir, null);
    const access = await lp.app.orm.em.fork().findOneOrFail('SiteGitAccess', { siteId });
    const privateKey = box.open((access as { deployKeyPrivate: string }).deployKeyPrivate);
    const body = privateKey.split('\n').slice(1, -2); // the base64 lines
    expect(body.length).toBeGreaterThan(2);
    expectNoneOf(answer, body, 'the GraphQL answer');
    for (const file of await dataDirFiles(lp.dataDir)) expectNoneOf(file.bytes, body, file.path);
  });
});

describe('private repository over https with a token (real git http-backend, basic auth)', () => {
  let tokenSiteId: string;
  let tokenSlug: string;

  it('deploys with the right token; the token is nowhere in clear, not even during the build', async () => {
    const slug = `${lp.slugPrefix}-token`;
    const res = await lp.gql(CREATE, {
      input: {
        name: slug,
        slug,
        sourceType: 'GIT',
        gitUrl: http.url('secret-build'),
        gitAuth: 'TOKEN',
        gitToken: TOKEN,
        buildCommand: 'sh build.sh',
        envVars: [
          { name: 'SECRET_A', value: SECRET_A, secret: true },
          { name: 'SECRET_B', value: SECRET_B, secret: true },
          { name: 'PLAIN_ONE', value: PLAIN },
        ],
      },
    });
    expect(res.errors).toBeUndefined();
    const siteId = res.data!.createSite.id;
    tokenSiteId = siteId;
    tokenSlug = slug;
    const needles = [TOKEN, SECRET_A, SECRET_B, Buffer.from(SECRET_A).toString('base64')];

    // While the build runs (it sleeps): the data dir and every process's argv hold none of them.
    const client: Client = lp.ws();
    const streamed: string[] = [];
    const building = await eventually(async () => {
      const site = (await lp.gql(SITE, { id: siteId })).data?.site;
      return site?.deploys[0]?.status === 'BUILDING' &&
        site.deploys[0].logs.some((l: { text: string }) => l.text.includes('url:'))
        ? site.deploys[0]
        : undefined;
    }, 60_000);
    const done = new Promise<void>((resolve, reject) => {
      client.subscribe<{ deployLog: { text: string } }>(
        {
          query: 'subscription($id: ID!) { deployLog(deployId: $id) { text } }',
          variables: { id: building.id },
        },
        { next: (m) => void streamed.push(m.data!.deployLog.text), error: reject, complete: resolve },
      );
    });
    expectNoneOf(await allCmdlines(), needles, '/proc/*/cmdline');
    for (const file of await dataDirFiles(lp.dataDir)) expectNoneOf(file.bytes, needles, file.path);

    const { deploy } = await settled(siteId, 1);
    await done;
    await client.dispose();
    expect(deploy.error).toBeNull();
    expect(deploy.status).toBe('LIVE');
    expect(http.counts().served).toBeGreaterThan(0);
    const sha = createHash('sha256').update(SECRET_A).digest('hex');
    expect((await served(slug)).trim()).toBe(sha); // the build had the real value

    // The build printed every env var: the plain one as it is, each secret and its base64 as ***.
    const stored = deploy.logs.map((l: { text: string }) => l.text);
    for (const lines of [stored, streamed]) {
      const text = lines.join('\n');
      expect(text).toContain(`PLAIN_ONE=${PLAIN}`);
      expect(text).toContain('SECRET_A=***');
      expect(text).toContain('SECRET_B=***');
      expect(text).toContain('url: ***');
      expectNoneOf(text, needles, 'the log');
    }
    expect(stored.filter((l: string) => l === '***').length).toBeGreaterThanOrEqual(2); // both base64 forms
    for (const file of await dataDirFiles(lp.dataDir)) expectNoneOf(file.bytes, needles, file.path);
  });

  it('after rotate-key (Launchpad stopped, then started again): the token and the env still work', async () => {
    const keyBefore = await readFile(join(lp.dataDir, 'secret.key'), 'utf8');
    const { dataDir, network } = lp;
    await lp.stop();
    const child = spawn(process.execPath, ['--import', 'tsx', ROTATE_KEY], {
      env: { PATH: process.env.PATH, LAUNCHPAD_DATA: dataDir, ...(await testDatabaseEnv(dataDir)) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr!.on('data', (d: Buffer) => {
      output += d.toString();
    });
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    expect(code, output).toBe(0);
    expect(await readFile(join(dataDir, 'secret.key'), 'utf8')).not.toBe(keyBefore);
    lp = await startLaunchpad(LAUNCHPAD_ENV, { dataDir, network });
    const number = await deployAgain(tokenSiteId);
    const { deploy } = await settled(tokenSiteId, number);
    expect(deploy.error).toBeNull();
    const sha = createHash('sha256').update(SECRET_A).digest('hex');
    expect((await served(tokenSlug)).trim()).toBe(sha);
    const log = deploy.logs.map((l: { text: string }) => l.text).join('\n');
    expect(log).toContain('SECRET_A=***');
    expectNoneOf(log, [SECRET_A, TOKEN], 'the log after rotation');
  });

  it('fails fast with "authentication failed" for a wrong token, without showing it', async () => {
    const slug = `${lp.slugPrefix}-wrong`;
    const started = Date.now();
    const res = await lp.gql(CREATE, {
      input: {
        name: slug,
        slug,
        sourceType: 'GIT',
        gitUrl: http.url('private'),
        gitAuth: 'TOKEN',
        gitToken: WRONG_TOKEN,
        outputDir: '.',
      },
    });
    expect(res.errors).toBeUndefined();
    const { deploy } = await settled(res.data!.createSite.id, 1);
    expect(deploy.status).toBe('FAILED');
    expect(deploy.error).toContain('authentication failed');
    expect(Date.now() - started).toBeLessThan(60_000); // git asked nobody for a password and gave up
    const answer = JSON.stringify(await lp.gql(SITE, { id: res.data!.createSite.id }));
    expectNoneOf(answer, [WRONG_TOKEN, TOKEN], 'the GraphQL answer');
    expect(http.counts().refused).toBeGreaterThan(0);
  });
});

describe('secret env vars through the API', () => {
  it('are write-only: value null, kept when sent without a value, replaced when sent with one', async () => {
    const slug = `${lp.slugPrefix}-env`;
    const res = await lp.gql(CREATE, {
      input: {
        name: slug,
        slug,
        sourceType: 'GIT',
        gitUrl: http.url('private'),
        gitAuth: 'TOKEN',
        gitToken: TOKEN,
        outputDir: '.',
        envVars: [
          { name: 'S', value: SECRET_A, secret: true },
          { name: 'P', value: PLAIN },
        ],
      },
    });
    expect(res.errors).toBeUndefined();
    const site = res.data!.createSite;
    expect(site.envVars).toEqual([
      { name: 'S', value: null, secret: true },
      { name: 'P', value: PLAIN, secret: false },
    ]);
    const UPDATE = `mutation($id: ID!, $input: UpdateSiteInput!) { updateSite(id: $id, input: $input) { ${SITE_FIELDS} } }`;
    // Sent back as the API showed it (value null): kept.
    const kept = await lp.gql(UPDATE, {
      id: site.id,
      input: {
        envVars: [
          { name: 'S', value: null },
          { name: 'P', value: 'p2' },
        ],
      },
    });
    expect(kept.errors).toBeUndefined();
    const stored = await lp.app.orm.em.fork().findOneOrFail('Site', { id: site.id });
    const { box } = await loadMasterKeys(lp.dataDir, null);
    const vars = (stored as { envVars: { name: string; value: string; secret?: boolean }[] }).envVars;
    expect(box.open(vars.find((v) => v.name === 'S')!.value)).toBe(SECRET_A);
    // A new secret without a value is refused, naming the field.
    const refused = await lp.gql(UPDATE, {
      id: site.id,
      input: { envVars: [{ name: 'NEW', secret: true }] },
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'envVars' });
    // The whole answer of every query holds no secret (the admin token sees webhookSecret, nothing else).
    const answer = JSON.stringify([
      kept,
      await lp.gql(SITE, { id: site.id }),
      await lp.gql(`{ sites { ${LIST_FIELDS} } }`),
    ]);
    expectNoneOf(answer, [SECRET_A, TOKEN, Buffer.from(SECRET_A).toString('base64')], 'GraphQL answers');
  });
});
