import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GitServer, startGitServer } from '../../server/test/support/git-server.js';
import { eventually, httpGet, type Launchpad, startLaunchpad } from '../../server/test/support/harness.js';

// Issue 15, acceptance 2: the real `launchpad` bin (cli/dist/main.js, built here) as a child process,
// against a real control plane, the real engine and a real git server.

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'cli/dist/main.js');

let lp: Launchpad;
let git: GitServer;
let home: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bin with only the environment given (plus PATH and a throwaway HOME/XDG_CONFIG_HOME). */
function launchpad(args: string[], env: Record<string, string> = {}, timeoutMs = 240_000): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: home,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: home,
        XDG_CONFIG_HOME: join(home, 'cfg'),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`launchpad ${args.join(' ')} did not end:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      // Let the pipes drain.
      setImmediate(() => done({ code, stdout, stderr }));
    });
  });
}

const asAdmin = () => ({ LAUNCHPAD_URL: lp.url, LAUNCHPAD_TOKEN: lp.token });

beforeAll(async () => {
  // Tests run the built file, as `npx launchpad` does.
  await promisify(execFile)(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'cli/tsconfig.build.json'],
    {
      cwd: ROOT,
    },
  );
  home = await mkdtemp(join(tmpdir(), 'launchpad-cli-home-'));
  git = await startGitServer();
  // Files over 1 MiB are refused at upload (not at createDigestDeploy): the failed-upload case below.
  lp = await startLaunchpad({ LAUNCHPAD_GIT_SCHEMES: 'git', LAUNCHPAD_MAX_UPLOAD_MB: '1' });
}, 180_000);
afterAll(async () => {
  await lp?.cleanup();
  await git?.stop();
  if (home) await rm(home, { recursive: true, force: true });
});

describe('login', () => {
  it('a wrong token exits non-zero with UNAUTHENTICATED (stderr and --json), never shows it, saves nothing', async () => {
    const wrong = 'lp_pat_wrong0123456789abcdef';
    const run = await launchpad(['login', '--url', lp.url, '--token', wrong, '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      error: { code: 'UNAUTHENTICATED', message: expect.any(String) },
    });
    expect(run.stderr).toMatch(/^launchpad: UNAUTHENTICATED: /);
    expect(run.stdout + run.stderr).not.toContain(wrong);
    expect(existsSync(join(home, 'cfg/launchpad/config.json'))).toBe(false);
  });

  it('checks the token against the API, then saves it in $XDG_CONFIG_HOME/launchpad/config.json with mode 0600', async () => {
    const run = await launchpad(['login', '--url', `${lp.url}/`, '--token', lp.token, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const answer = JSON.parse(run.stdout);
    expect(answer).toMatchObject({
      url: lp.url,
      user: null,
      config: join(home, 'cfg/launchpad/config.json'),
    });
    expect(run.stdout).not.toContain(lp.token);
    expect((await stat(answer.config)).mode & 0o777).toBe(0o600);
    // Saved settings work without any environment.
    const sites = await launchpad(['sites', '--json']);
    expect(sites.code).toBe(0);
    expect(Array.isArray(JSON.parse(sites.stdout))).toBe(true);
  });

  it('LAUNCHPAD_TOKEN overrides the saved token: a wrong one fails every command with UNAUTHENTICATED', async () => {
    const run = await launchpad(['sites'], { LAUNCHPAD_TOKEN: 'not-a-token-at-all' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/UNAUTHENTICATED/);
    expect(run.stderr).not.toContain('not-a-token-at-all');
  });
});

describe('deploy', () => {
  let site: string;
  let slug: string;
  let first: any;

  const index = '<h1>deployed by the CLI</h1>';
  const app = `console.log(${JSON.stringify('x'.repeat(5000))});`;

  async function makeSite(): Promise<string> {
    const dir = join(home, 'dist');
    await mkdir(join(dir, 'assets'), { recursive: true });
    await writeFile(join(dir, 'index.html'), index);
    await writeFile(join(dir, 'assets/app.js'), app);
    await writeFile(join(dir, 'assets/copy.js'), app); // same bytes: uploaded once
    await mkdir(join(dir, '.git'));
    await writeFile(join(dir, '.git/config'), '[core]');
    // Symlink escape: a link to a file outside the folder is skipped, never uploaded.
    await writeFile(join(home, 'outside-secret.txt'), 'SECRET OUTSIDE THE FOLDER');
    await symlink(join(home, 'outside-secret.txt'), join(dir, 'secret.txt'));
    return dir;
  }

  async function get(path: string) {
    const { ip } = await lp.app.runtime.endpoint(slug);
    return httpGet(ip!, path, `${slug}.localhost`);
  }

  it('creates the site, uploads each distinct file once and prints the --json report once live', async () => {
    const dir = await makeSite();
    slug = `${lp.slugPrefix}-cli`;
    const run = await launchpad(['deploy', dir, '--site', slug, '--create', 'CLI site', '--json'], asAdmin());
    expect(run.code, run.stderr).toBe(0);
    first = JSON.parse(run.stdout);
    expect(Object.keys(first).sort()).toEqual(
      [
        'deployId',
        'siteId',
        'url',
        'permalink',
        'status',
        'totalFiles',
        'uploadedFiles',
        'uploadedBytes',
      ].sort(),
    );
    expect(first).toMatchObject({
      status: 'LIVE',
      totalFiles: 3,
      uploadedFiles: 2,
      uploadedBytes: Buffer.byteLength(index) + Buffer.byteLength(app),
      url: `http://${slug}.localhost`,
    });
    site = first.siteId;
    // The warning about the skipped link goes to stderr even with --json; stdout is the one JSON value.
    expect(run.stderr).toMatch(/skipped 1 symlink\(s\).*secret\.txt/);
    expect((await get('/')).body.toString()).toBe(index);
    expect((await get('/assets/copy.js')).body.toString()).toBe(app);
    expect((await get('/secret.txt')).status).toBe(404);
    expect((await get('/.git/config')).status).toBe(404);
  }, 240_000);

  it('an unchanged folder deployed again uploads 0 bytes, goes live and prints the URL', async () => {
    const dir = join(home, 'dist');
    const json = await launchpad(['deploy', dir, '--site', slug, '--json'], asAdmin());
    expect(json.code, json.stderr).toBe(0);
    const again = JSON.parse(json.stdout);
    expect(again).toMatchObject({
      siteId: site,
      status: 'LIVE',
      totalFiles: 3,
      uploadedFiles: 0,
      uploadedBytes: 0,
    });
    expect(again.deployId).not.toBe(first.deployId);

    // The same in text mode, by site id this time: the URL is printed, the upload reported as nothing.
    const text = await launchpad(['deploy', dir, '--site', site], asAdmin());
    expect(text.code, text.stderr).toBe(0);
    expect(text.stderr).toMatch(/Uploaded 0 of 3 files \(0 B\)/);
    expect(text.stdout).toContain(`http://${slug}.localhost`);
    expect((await get('/')).body.toString()).toBe(index);
  }, 240_000);

  it('a changed file is the only upload', async () => {
    const dir = join(home, 'dist');
    await writeFile(join(dir, 'index.html'), '<h1>v2</h1>');
    const run = await launchpad(['deploy', dir, '--site', slug, '--json'], asAdmin());
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ uploadedFiles: 1, uploadedBytes: 11, status: 'LIVE' });
    expect((await get('/')).body.toString()).toBe('<h1>v2</h1>');
  }, 240_000);

  it('rollback brings the first deploy back; sites and open show the site without needing a browser', async () => {
    const run = await launchpad(['rollback', first.deployId, '--json'], asAdmin());
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ siteId: site, url: `http://${slug}.localhost` });
    await eventually(async () => ((await get('/')).body.toString() === index ? true : undefined), 60_000);

    const sites = JSON.parse((await launchpad(['sites', '--json'], asAdmin())).stdout);
    expect(sites).toContainEqual(expect.objectContaining({ id: site, slug, status: 'LIVE' }));
    const table = await launchpad(['sites'], asAdmin());
    expect(table.stdout).toMatch(new RegExp(`^${slug}\\s+ZIP\\s+LIVE`, 'm'));

    // No DISPLAY, no BROWSER: the URL is printed and the command succeeds.
    const open = await launchpad(['open', slug], asAdmin());
    expect(open).toMatchObject({ code: 0, stdout: `http://${slug}.localhost\n` });
    expect(JSON.parse((await launchpad(['open', slug, '--json'], asAdmin())).stdout)).toEqual({
      siteId: site,
      slug,
      url: `http://${slug}.localhost`,
      opened: false,
    });
  }, 240_000);

  it('a deploy that ends FAILED prints its report with status FAILED and exits 3, the reason on stderr', async () => {
    // A ZIP site with a build command runs it on the uploaded folder: one that fails fails the deploy.
    const failing = `${lp.slugPrefix}-fails`;
    const created = await lp.gql('mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }', {
      input: { name: failing, slug: failing, sourceType: 'ZIP', buildCommand: 'exit 7', outputDir: '.' },
    });
    expect(created.errors).toBeUndefined();
    const run = await launchpad(['deploy', join(home, 'dist'), '--site', failing, '--json'], asAdmin());
    expect(run.code, run.stderr).toBe(3);
    expect(JSON.parse(run.stdout)).toMatchObject({ siteId: created.data!.createSite.id, status: 'FAILED' });
    expect(run.stderr).toMatch(/FAILED/);
  }, 240_000);

  it('an upload the server refuses cancels the deploy instead of leaving it UPLOADING', async () => {
    const dir = join(home, 'too-big');
    await mkdir(dir);
    await writeFile(join(dir, 'index.html'), 'small');
    await writeFile(join(dir, 'big.bin'), Buffer.alloc(2 * 1024 * 1024, 1));
    const run = await launchpad(['deploy', dir, '--site', slug, '--json'], asAdmin());
    expect(run.code).toBe(1);
    // The server says which, by its limits: the file is over LAUNCHPAD_MAX_UPLOAD_MB either way.
    expect(JSON.parse(run.stdout).error.code).toMatch(/^(PAYLOAD_TOO_LARGE|BAD_USER_INPUT)$/);
    const deploys = (
      await lp.gql('query($id: ID!) { site(id: $id) { deploys(first: 1) { status } } }', { id: site })
    ).data!.site.deploys;
    expect(deploys[0].status).toBe('CANCELLED');
    expect((await get('/')).body.toString()).toBe(index);
  }, 240_000);

  it('unknown sites, deploys and bad usage fail with their codes and exit statuses', async () => {
    const dir = join(home, 'dist');
    const missing = await launchpad(['deploy', dir, '--site', 'no-such-site', '--json'], asAdmin());
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout).error.code).toBe('NOT_FOUND');
    const usage = await launchpad(['deploy', dir], asAdmin());
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/USAGE/);
    const unknownOption = await launchpad(['deploy', '--nope'], asAdmin());
    expect(unknownOption.code).toBe(2);
    const logs = await launchpad(['logs', 'nope', '--json'], asAdmin());
    expect(logs.code).toBe(1);
    expect(JSON.parse(logs.stdout).error.code).toMatch(/NOT_FOUND|BAD_USER_INPUT/);
    const down = await launchpad(['sites', '--json'], {
      LAUNCHPAD_URL: 'http://127.0.0.1:1',
      LAUNCHPAD_TOKEN: 'x',
    });
    expect(down.code).toBe(1);
    expect(JSON.parse(down.stdout).error.code).toBe('CONNECTION_FAILED');
  }, 120_000);
});

describe('logs', () => {
  // A build that prints a line, then waits, five times: the lines must arrive while it runs.
  const slowBuild = `
let n = 0;
const tick = () => {
  console.log('slow line ' + (++n));
  if (n < 5) return setTimeout(tick, 1500);
  require('fs').mkdirSync('dist', { recursive: true });
  require('fs').writeFileSync('dist/index.html', 'built');
};
tick();`;

  async function gitSite(name: string, build: string): Promise<{ siteId: string; deployId: string }> {
    await git.createRepo(name, { 'build.js': build });
    const slug = `${lp.slugPrefix}-${name}`;
    const res = await lp.gql(
      'mutation($input: CreateSiteInput!) { createSite(input: $input) { id deploys { id } } }',
      {
        input: {
          name: slug,
          slug,
          sourceType: 'GIT',
          gitUrl: git.url(name),
          branch: 'main',
          buildCommand: 'node build.js',
          outputDir: 'dist',
        },
      },
    );
    expect(res.errors).toBeUndefined();
    return { siteId: res.data!.createSite.id, deployId: res.data!.createSite.deploys[0].id };
  }

  const status = async (id: string) =>
    (await lp.gql('query($id: ID!) { deploy(id: $id) { status } }', { id })).data!.deploy.status as string;

  it('--follow streams a running build line by line over graphql-ws and ends with the deploy', async () => {
    const { deployId } = await gitSite('slow', slowBuild);
    const child = spawn(process.execPath, [BIN, 'logs', deployId, '--follow', '--json'], {
      env: { PATH: process.env.PATH ?? '', HOME: home, XDG_CONFIG_HOME: join(home, 'empty'), ...asAdmin() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let statusAtFirstLine: Promise<string> | null = null;
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (!statusAtFirstLine && stdout.includes('slow line 1')) statusAtFirstLine = status(deployId);
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    expect(code, stderr).toBe(0);
    // The first line was printed while the build still ran: streamed, not read after the fact.
    expect(await statusAtFirstLine).toBe('BUILDING');
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.seq)).toEqual(lines.map((_: unknown, i: number) => i + 1));
    expect(lines.filter((l) => l.text.startsWith('slow line')).map((l) => l.text)).toEqual(
      [1, 2, 3, 4, 5].map((n) => `slow line ${n}`),
    );
    expect(await status(deployId)).toBe('LIVE');

    // Without --follow: the stored log, as text, the same lines.
    const stored = await launchpad(['logs', deployId], asAdmin());
    expect(stored.code).toBe(0);
    expect(stored.stdout.split('\n').filter((l) => l.startsWith('slow line'))).toHaveLength(5);
  }, 240_000);

  it('following a build that fails exits with the deploy-failed status (3)', async () => {
    const { deployId } = await gitSite('broken', "console.log('about to fail'); process.exit(7);");
    const run = await launchpad(['logs', deployId, '--follow'], asAdmin());
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('about to fail');
    expect(run.stderr).toMatch(/FAILED/);
  }, 240_000);
});
