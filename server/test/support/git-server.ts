/**
 * A real git server for tests: `git daemon` serving bare repositories over git:// on 127.0.0.1, so clones
 * go through the network code path (shallow fetch, protocol v2) like a clone from GitHub does.
 * Clone URLs use the `git` scheme: allow it in the code under test.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface GitServer {
  /** git://127.0.0.1:<port>/<repo>.git */
  url(repo: string): string;
  /** Makes a bare repo with one commit holding `files` on `branch` (default "main"). */
  createRepo(
    name: string,
    files: Record<string, string>,
    opts?: { branch?: string },
  ): Promise<{ head: string }>;
  /** Adds a commit with `files` (written over the work tree) to `branch` (default: the repo's first). */
  commit(
    name: string,
    files: Record<string, string>,
    message: string,
    opts?: { branch?: string },
  ): Promise<{ head: string }>;
  /** Moves `branch` (default: the repo's first) back to `sha` with a force-push, as a revert to it would. */
  forcePush(name: string, sha: string, opts?: { branch?: string }): Promise<void>;
  /**
   * Points `ref` of the served repository at `sha` (a commit it has), as GitHub keeps a pull request's head
   * at `refs/pull/<n>/head` in the base repository, a fork's commits included.
   */
  setRef(name: string, ref: string, sha: string): Promise<void>;
  /** Deletes `branch` on the server, as `git push origin :branch` would. */
  deleteBranch(name: string, branch: string): Promise<void>;
  /** Path of the bare repository on disk (for tests that write objects git's porcelain refuses). */
  path(repo: string): string;
  /** Port the daemon listens on. */
  port: number;
  stop(): Promise<void>;
}

// The fixture's own git runs must not read the machine's git config either.
const GIT_ENV = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_TERMINAL_PROMPT: '0',
  GIT_AUTHOR_NAME: 'Test Author',
  GIT_AUTHOR_EMAIL: 'author@example.com',
  GIT_COMMITTER_NAME: 'Test Author',
  GIT_COMMITTER_EMAIL: 'author@example.com',
  LC_ALL: 'C',
};

async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd, env: GIT_ENV });
  return stdout.trim();
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, daemon: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (daemon.exitCode !== null) throw new Error(`git daemon exited (${daemon.exitCode}): ${stderr()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const sock = createConnection({ host: '127.0.0.1', port }, () => {
        sock.destroy();
        resolve(true);
      });
      sock.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`git daemon did not listen on ${port} within 10 s: ${stderr()}`);
}

export async function startGitServer(): Promise<GitServer> {
  const root = await mkdtemp(join(tmpdir(), 'launchpad-git-'));
  const base = join(root, 'repos');
  const work = join(root, 'work');
  await mkdir(base);
  await mkdir(work);

  let daemon: ChildProcess | undefined;
  let port = 0;
  let log = '';
  // A port picked by the OS may be taken again before the daemon binds it; try a few.
  for (let attempt = 0; attempt < 5 && !daemon; attempt++) {
    port = await freePort();
    const child = spawn(
      'git',
      [
        'daemon',
        '--reuseaddr',
        `--base-path=${base}`,
        '--export-all',
        `--port=${port}`,
        '--listen=127.0.0.1',
        '--informative-errors',
        base,
      ],
      { env: GIT_ENV, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    log = '';
    child.stderr!.on('data', (d: Buffer) => {
      log = (log + d.toString()).slice(-4000);
    });
    try {
      await waitForPort(port, child, () => log);
      daemon = child;
    } catch (err) {
      child.kill('SIGKILL');
      if (attempt === 4) {
        await rm(root, { recursive: true, force: true });
        throw err;
      }
    }
  }
  const exited = new Promise<void>((resolve) => daemon!.once('exit', () => resolve()));
  const firstBranch = new Map<string, string>();

  async function write(dir: string, files: Record<string, string>): Promise<void> {
    for (const [rel, content] of Object.entries(files)) {
      const file = join(dir, rel);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, content);
    }
  }

  async function commitAndPush(dir: string, branch: string, message: string): Promise<string> {
    await git(dir, 'add', '--all');
    await git(dir, 'commit', '--quiet', '--allow-empty', '-m', message);
    await git(dir, 'push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`);
    return git(dir, 'rev-parse', 'HEAD');
  }

  return {
    port,
    url: (repo) => `git://127.0.0.1:${port}/${repo}.git`,
    path: (repo) => join(base, `${repo}.git`),

    async createRepo(name, files, opts = {}) {
      const branch = opts.branch ?? 'main';
      const bare = join(base, `${name}.git`);
      const dir = join(work, name);
      await git(root, 'init', '--quiet', '--bare', `--initial-branch=${branch}`, bare);
      await git(root, 'init', '--quiet', `--initial-branch=${branch}`, dir);
      await git(dir, 'remote', 'add', 'origin', bare);
      await write(dir, files);
      firstBranch.set(name, branch);
      return { head: await commitAndPush(dir, branch, 'initial commit') };
    },

    async commit(name, files, message, opts = {}) {
      const dir = join(work, name);
      const branch = opts.branch ?? firstBranch.get(name);
      if (!branch) throw new Error(`no repo ${name}; call createRepo first`);
      const exists = await git(dir, 'rev-parse', '--verify', '--quiet', `refs/heads/${branch}`).then(
        () => true,
        () => false,
      );
      // A new branch starts from whatever is checked out now.
      await git(dir, 'checkout', '--quiet', ...(exists ? [branch] : ['-b', branch]));
      await write(dir, files);
      return { head: await commitAndPush(dir, branch, message) };
    },

    async forcePush(name, sha, opts = {}) {
      const dir = join(work, name);
      const branch = opts.branch ?? firstBranch.get(name);
      if (!branch) throw new Error(`no repo ${name}; call createRepo first`);
      await git(dir, 'checkout', '--quiet', branch);
      await git(dir, 'reset', '--quiet', '--hard', sha);
      await git(dir, 'push', '--quiet', '--force', 'origin', `HEAD:refs/heads/${branch}`);
    },

    async setRef(name, ref, sha) {
      await git(join(base, `${name}.git`), 'update-ref', ref, sha);
    },

    async deleteBranch(name, branch) {
      await git(join(base, `${name}.git`), 'update-ref', '-d', `refs/heads/${branch}`);
    },

    async stop() {
      if (daemon!.exitCode === null) {
        daemon!.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
        if (daemon!.exitCode === null) daemon!.kill('SIGKILL');
      }
      await rm(root, { recursive: true, force: true });
    },
  };
}
