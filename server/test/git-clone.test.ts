import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BadInputError } from '../src/domain/errors.js';
import { cloneBranch, GitCloneError, maskCredentials } from '../src/source/git-clone.js';
import { freePort, type GitServer, startGitServer } from './support/git-server.js';
import { LineCollector } from './support/line-collector.js';

const SCHEMES = ['git'];
let server: GitServer;
let work: string;
let n = 0;
const target = () => join(work, `clone-${++n}`);

beforeAll(async () => {
  server = await startGitServer();
  work = await mkdtemp(join(tmpdir(), 'launchpad-clone-test-'));
});

afterAll(async () => {
  await server?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

async function expectCloneError(p: Promise<unknown>): Promise<GitCloneError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(GitCloneError);
  return err as GitCloneError;
}

describe('cloneBranch', () => {
  it('clones the head of a branch, shallow, and reports its commit', async () => {
    const { head } = await server.createRepo('site', { 'index.html': '<h1>v1</h1>', 'src/app.js': 'x' });
    const second = await server.commit(
      'site',
      { 'index.html': '<h1>v2</h1>' },
      'Update title\n\nLonger body.',
    );
    expect(second.head).not.toBe(head);
    const dir = target();
    const log = new LineCollector();

    const started = Date.now();
    const result = await cloneBranch({
      url: server.url('site'),
      branch: 'main',
      dir,
      timeoutMs: 30_000,
      log,
      allowedSchemes: SCHEMES,
    });
    console.log(`clone took ${Date.now() - started} ms`);

    expect(result).toEqual({ commitSha: second.head, commitMessage: 'Update title\n\nLonger body.' });
    expect(await readFile(join(dir, 'index.html'), 'utf8')).toBe('<h1>v2</h1>');
    expect(await readFile(join(dir, 'src/app.js'), 'utf8')).toBe('x');
    // depth 1: only the newest commit came over
    expect(existsSync(join(dir, '.git/shallow'))).toBe(true);
    expect((await readFile(join(dir, '.git/shallow'), 'utf8')).trim()).toBe(second.head);
    expect(log.of('SYSTEM')[0]).toBe(`cloning ${server.url('site')} (branch main)`);
    expect(log.of('SYSTEM')[1]).toMatch(
      new RegExp(`^checked out ${second.head.slice(0, 7)}: Update title \\(`),
    );
  });

  it('clones the branch asked for, not the default one', async () => {
    await server.createRepo('branches', { 'index.html': 'main' });
    const feature = await server.commit('branches', { 'index.html': 'feature' }, 'feature work', {
      branch: 'feature/x',
    });
    const dir = target();
    const result = await cloneBranch({
      url: server.url('branches'),
      branch: 'feature/x',
      dir,
      timeoutMs: 30_000,
      allowedSchemes: SCHEMES,
    });
    expect(result.commitSha).toBe(feature.head);
    expect(await readFile(join(dir, 'index.html'), 'utf8')).toBe('feature');
  });

  it('fails with an actionable error for a branch that does not exist', async () => {
    await server.createRepo('nobranch', { 'index.html': 'x' });
    const log = new LineCollector();
    const err = await expectCloneError(
      cloneBranch({
        url: server.url('nobranch'),
        branch: 'does-not-exist',
        dir: target(),
        timeoutMs: 30_000,
        log,
        allowedSchemes: SCHEMES,
      }),
    );
    expect(err.reason).toBe('BRANCH_NOT_FOUND');
    expect(err.message).toContain(`branch "does-not-exist" not found in ${server.url('nobranch')}`);
    expect(err.stderrTail).toMatch(/does-not-exist/);
    // git's own words reach the deploy log
    expect(log.of('STDERR').join('\n')).toMatch(/not found/);
  });

  it('fails with an actionable error for a repository that does not exist', async () => {
    const err = await expectCloneError(
      cloneBranch({
        url: server.url('no-such-repo'),
        branch: 'main',
        dir: target(),
        timeoutMs: 30_000,
        allowedSchemes: SCHEMES,
      }),
    );
    expect(err.reason).toBe('REPO_NOT_FOUND');
    expect(err.message).toContain(`repository ${server.url('no-such-repo')} not found`);
  });

  it('fails with an actionable error when nothing listens at the address', async () => {
    const port = await freePort();
    const err = await expectCloneError(
      cloneBranch({
        url: `git://127.0.0.1:${port}/site.git`,
        branch: 'main',
        dir: target(),
        timeoutMs: 30_000,
        allowedSchemes: SCHEMES,
      }),
    );
    expect(err.reason).toBe('UNREACHABLE');
    expect(err.message).toContain(`cannot reach 127.0.0.1:${port}`);
    expect(err.message).toMatch(/Connection refused|unable to connect/);
  });

  it("ignores the server user's git config and git environment", async () => {
    const { head } = await server.createRepo('isolated', { 'index.html': 'x' });
    const home = await mkdtemp(join(tmpdir(), 'launchpad-hostile-home-'));
    // Were these read, the clone would be redirected to a local path or fail outright.
    await writeFile(join(home, '.gitconfig'), '[url "file:///nonexistent/"]\n\tinsteadOf = git://\n');
    const saved = { HOME: process.env.HOME, GIT_DIR: process.env.GIT_DIR };
    process.env.HOME = home;
    process.env.GIT_DIR = '/nonexistent';
    try {
      const result = await cloneBranch({
        url: server.url('isolated'),
        branch: 'main',
        dir: target(),
        timeoutMs: 30_000,
        allowedSchemes: SCHEMES,
      });
      expect(result.commitSha).toBe(head);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      await rm(home, { recursive: true, force: true });
    }
  });

  describe('against a server that accepts and never answers', () => {
    let silent: Server;
    const sockets = new Set<Socket>();
    let url: string;

    beforeAll(async () => {
      silent = createServer((s) => {
        sockets.add(s);
        s.on('error', () => {});
      });
      await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
      url = `git://127.0.0.1:${(silent.address() as { port: number }).port}/site.git`;
    });
    afterEach(() => {
      for (const s of sockets) s.destroy();
      sockets.clear();
    });
    afterAll(() => new Promise<void>((r) => silent.close(() => r())));

    it('stops at the timeout', async () => {
      const started = Date.now();
      const err = await expectCloneError(
        cloneBranch({ url, branch: 'main', dir: target(), timeoutMs: 1000, allowedSchemes: SCHEMES }),
      );
      expect(err.reason).toBe('TIMEOUT');
      expect(err.message).toMatch(/took longer than 1 s/);
      expect(Date.now() - started).toBeLessThan(5000);
    });

    it('stops when cancelled', async () => {
      const ac = new AbortController();
      setTimeout(() => ac.abort(), 300);
      const started = Date.now();
      const err = await expectCloneError(
        cloneBranch({
          url,
          branch: 'main',
          dir: target(),
          timeoutMs: 60_000,
          signal: ac.signal,
          allowedSchemes: SCHEMES,
        }),
      );
      expect(err.reason).toBe('CANCELLED');
      expect(Date.now() - started).toBeLessThan(3000);
    });

    it('does not start when already cancelled', async () => {
      const ac = new AbortController();
      ac.abort();
      const dir = target();
      const err = await expectCloneError(
        cloneBranch({
          url,
          branch: 'main',
          dir,
          timeoutMs: 60_000,
          signal: ac.signal,
          allowedSchemes: SCHEMES,
        }),
      );
      expect(err.reason).toBe('CANCELLED');
      expect(sockets.size).toBe(0);
    });
  });

  describe('rejects hostile input before git runs', () => {
    const marker = join(tmpdir(), `launchpad-pwned-${process.pid}-${Date.now()}`);
    afterAll(() => rm(marker, { force: true }));

    it.each([
      ['ext:: transport running a shell', `ext::sh -c touch% ${marker}`, 'main', 'gitUrl'],
      ['ext:: without spaces', `ext::sh%20-c%20touch%%20${marker}`, 'main', 'gitUrl'],
      ['file:// reading the server disk', 'file:///etc', 'main', 'gitUrl'],
      ['a local path', '/etc', 'main', 'gitUrl'],
      ['an ssh option as URL', `-oProxyCommand=touch ${marker}`, 'main', 'gitUrl'],
      ['credentials in the URL', 'https://user:secret@example.com/repo.git', 'main', 'gitUrl'],
      ['an option as branch', 'git://127.0.0.1:9/site.git', `--upload-pack=touch ${marker}`, 'branch'],
      [
        'an option as branch without spaces',
        'git://127.0.0.1:9/site.git',
        `--upload-pack=touch%20${marker}`,
        'branch',
      ],
    ])('%s', async (_name, url, branch, field) => {
      const dir = target();
      const err = await cloneBranch({
        url,
        branch,
        dir,
        timeoutMs: 10_000,
        allowedSchemes: ['git', 'ssh', 'https'],
      }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(BadInputError);
      expect((err as BadInputError).field).toBe(field);
      expect(existsSync(dir)).toBe(false);
      expect(existsSync(marker)).toBe(false);
    });

    it('refuses a scheme the operator did not allow, even when the URL is otherwise fine', async () => {
      const err = await cloneBranch({
        url: server.url('site'),
        branch: 'main',
        dir: target(),
        timeoutMs: 10_000,
        allowedSchemes: ['https'],
      }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(BadInputError);
      expect((err as Error).message).toMatch(/"git" is not allowed/);
    });
  });
});

describe('hostile repositories', () => {
  const MiB = 1024 * 1024;

  it('a commit holding a NUL byte is refused by git itself, with a clear error', async () => {
    await server.createRepo('nul-message', { 'index.html': 'x' });
    // git's porcelain refuses a NUL in a message; a hand-made commit object carries one all the same.
    const bare = server.path('nul-message');
    const sh = promisify(execFile);
    const gitIn = async (args: string[], input?: string) => {
      const child = sh('git', args, { cwd: bare, env: { PATH: process.env.PATH, GIT_CONFIG_NOSYSTEM: '1' } });
      if (input !== undefined) child.child.stdin!.end(input);
      return (await child).stdout.trim();
    };
    const tree = await gitIn(['rev-parse', 'main^{tree}']);
    const parent = await gitIn(['rev-parse', 'main']);
    const object =
      `tree ${tree}\nparent ${parent}\nauthor A <a@example.com> 1700000000 +0000\n` +
      `committer A <a@example.com> 1700000000 +0000\n\nhidden\0text after the NUL\n`;
    const sha = await gitIn(['hash-object', '-t', 'commit', '-w', '--literally', '--stdin'], object);
    await gitIn(['update-ref', 'refs/heads/main', sha]);

    const dir = target();
    // transfer.fsckObjects checks every object received: the NUL never reaches the database.
    const err = await expectCloneError(
      cloneBranch({
        url: server.url('nul-message'),
        branch: 'main',
        dir,
        timeoutMs: 30_000,
        allowedSchemes: SCHEMES,
      }),
    );
    expect(err.reason).toBe('FAILED');
    expect(err.message).toMatch(/holds a malformed git object/);
    expect(err.stderrTail).toMatch(/nulInCommit/);
    expect(existsSync(dir)).toBe(false);
  });

  it('a repository just over the clone size limit fails as TOO_LARGE and leaves nothing on disk', async () => {
    // 1.2 MiB of incompressible text against a 1 MiB limit.
    await server.createRepo('over-limit', { 'big.txt': randomBytes(0.9 * MiB).toString('base64') });
    const dir = target();
    const log = new LineCollector();
    const err = await expectCloneError(
      cloneBranch({
        url: server.url('over-limit'),
        branch: 'main',
        dir,
        timeoutMs: 30_000,
        log,
        allowedSchemes: SCHEMES,
        maxBytes: MiB,
      }),
    );
    expect(err.reason).toBe('TOO_LARGE');
    expect(err.message).toMatch(/larger than the 1 MB a clone may take/);
    expect(err.message).toMatch(/LAUNCHPAD_MAX_CLONE_MB/);
    expect(log.of('SYSTEM').join('\n')).toMatch(/clone stopped: it passed/);
    expect(existsSync(dir)).toBe(false);
  });

  it('a repository under the clone size limit clones', async () => {
    const { head } = await server.createRepo('under-limit', { 'small.txt': 'x'.repeat(100_000) });
    const result = await cloneBranch({
      url: server.url('under-limit'),
      branch: 'main',
      dir: target(),
      timeoutMs: 30_000,
      allowedSchemes: SCHEMES,
      maxBytes: MiB,
    });
    expect(result.commitSha).toBe(head);
  });

  it('a repository with a blob far over the limit is stopped, not cloned whole', async () => {
    await server.createRepo('huge-blob', { 'blob.bin': randomBytes(8 * MiB).toString('base64') });
    const dir = target();
    const log = new LineCollector();
    const started = Date.now();
    const err = await expectCloneError(
      cloneBranch({
        url: server.url('huge-blob'),
        branch: 'main',
        dir,
        timeoutMs: 60_000,
        allowedSchemes: SCHEMES,
        maxBytes: 2 * MiB,
        log,
      }),
    );
    console.log(
      `11 MB clone, 2 MB limit: stopped after ${Date.now() - started} ms;`,
      log.of('SYSTEM').at(-1),
    );
    expect(err.reason).toBe('TOO_LARGE');
    expect(existsSync(dir)).toBe(false);
  });

  describe('behind an HTTP server that redirects to another host', () => {
    let redirecting: HttpServer;
    let internal: HttpServer;
    let internalHits = 0;
    let url: string;
    let internalUrl: string;

    const listen = (srv: HttpServer) =>
      new Promise<number>((r) =>
        srv.listen(0, '127.0.0.1', () => r((srv.address() as { port: number }).port)),
      );

    beforeAll(async () => {
      // The "internal" service a public URL would point the server's git at.
      internal = createHttpServer((_req, res) => {
        internalHits++;
        res.writeHead(404).end();
      });
      internalUrl = `http://localhost:${await listen(internal)}/secret.git`;
      redirecting = createHttpServer((req, res) => {
        const rest = (req.url ?? '').replace(/^\/site\.git/, '');
        res.writeHead(301, { location: `${internalUrl}${rest}` }).end();
      });
      url = `http://127.0.0.1:${await listen(redirecting)}/site.git`;
    });
    afterAll(async () => {
      await new Promise((r) => redirecting?.close(r));
      await new Promise((r) => internal?.close(r));
    });

    it('is not followed, and the error names where it pointed', async () => {
      const dir = target();
      const err = await expectCloneError(
        cloneBranch({ url, branch: 'main', dir, timeoutMs: 30_000, allowedSchemes: ['http'] }),
      );
      expect(err.reason).toBe('REDIRECTED');
      expect(err.message).toContain(`${url} redirects (HTTP 301) to ${internalUrl}`);
      expect(err.message).toMatch(/does not follow redirects/);
      expect(internalHits).toBe(0);
      expect(existsSync(dir)).toBe(false);
    });
  });
});

describe('maskCredentials', () => {
  it('hides user info in any URL of git output', () => {
    expect(
      maskCredentials("fatal: unable to access 'https://user:tok3n@host/x.git/': redirect to http://a@b/c"),
    ).toBe("fatal: unable to access 'https://***@host/x.git/': redirect to http://***@b/c");
  });
});
