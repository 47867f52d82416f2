/**
 * Real servers for private repositories, run by the tests on loopback:
 * - `startSshd`: Debian's OpenSSH server with its own config, host key and authorized_keys, serving the
 *   bare repositories of a GitServer (git-server.ts) over ssh to the current user;
 * - `startGitHttpBackend`: git's own smart-HTTP server (`git http-backend`, run as CGI per request) behind
 *   HTTP basic auth that accepts one token as the password, like GitHub does.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './git-server.js';

const run = promisify(execFile);
export const SSHD = '/usr/sbin/sshd';
export const GIT_HTTP_BACKEND = '/usr/lib/git-core/git-http-backend';
/** Why a test that needs sshd is skipped here (CI installs openssh-server: .ci/run). */
export const sshdMissing = existsSync(SSHD) ? null : `${SSHD} is missing (apt-get install openssh-server)`;

export interface Sshd {
  port: number;
  /** ssh://<user>@127.0.0.1:<port><absolute path of the bare repository> */
  url(barePath: string): string;
  /** Replaces authorized_keys (read by sshd at each login). */
  authorize(publicKeys: string[]): Promise<void>;
  /** A new host key, and sshd restarted with it on the same port (a reinstalled or impostor server). */
  replaceHostKey(): Promise<void>;
  /** What sshd logged (for failure messages). */
  log(): string;
  stop(): Promise<void>;
}

export async function startSshd(): Promise<Sshd> {
  const dir = await mkdtemp(join(tmpdir(), 'launchpad-sshd-'));
  const user = userInfo().username;
  const hostKey = join(dir, 'host_key');
  const authorized = join(dir, 'authorized_keys');
  const config = join(dir, 'sshd_config');
  await writeFile(authorized, '', { mode: 0o600 });
  await newHostKey(hostKey);
  // As root, sshd wants its privilege separation directory.
  if (process.getuid?.() === 0) await mkdir('/run/sshd', { recursive: true, mode: 0o755 });
  let port = 0;
  let child: ChildProcess | null = null;
  let log = '';

  const startDaemon = async () => {
    await writeFile(
      config,
      [
        `Port ${port}`,
        'ListenAddress 127.0.0.1',
        `HostKey ${hostKey}`,
        `PidFile ${join(dir, 'sshd.pid')}`,
        `AuthorizedKeysFile ${authorized}`,
        'PubkeyAuthentication yes',
        'PasswordAuthentication no',
        'KbdInteractiveAuthentication no',
        'UsePAM no',
        'StrictModes no',
        'PermitRootLogin prohibit-password',
        `AllowUsers ${user}`,
        'UseDNS no',
        'LogLevel VERBOSE',
        '',
      ].join('\n'),
    );
    const proc = spawn(SSHD, ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
    proc.stderr!.on('data', (d: Buffer) => {
      log = (log + d.toString()).slice(-8000);
    });
    await waitForListening(port, proc, () => log);
    child = proc;
  };

  for (let attempt = 0; attempt < 5 && !child; attempt++) {
    port = await freePort();
    try {
      await startDaemon();
    } catch (err) {
      if (attempt === 4) {
        await rm(dir, { recursive: true, force: true });
        throw err;
      }
    }
  }

  const stopDaemon = async () => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    if (proc.exitCode === null) proc.kill('SIGKILL');
  };

  return {
    port,
    url: (barePath) => `ssh://${user}@127.0.0.1:${port}${barePath}`,
    authorize: (keys) => writeFile(authorized, keys.map((k) => `${k}\n`).join(''), { mode: 0o600 }),
    async replaceHostKey() {
      await stopDaemon();
      await rm(hostKey, { force: true });
      await rm(`${hostKey}.pub`, { force: true });
      await newHostKey(hostKey);
      await startDaemon();
    },
    log: () => log,
    async stop() {
      await stopDaemon();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function newHostKey(path: string): Promise<void> {
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'test-host', '-f', path]);
}

async function waitForListening(port: number, proc: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`sshd exited (${proc.exitCode}): ${log()}`);
    if (/Server listening on 127\.0\.0\.1/.test(log())) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  proc.kill('SIGKILL');
  throw new Error(`sshd did not listen on ${port}: ${log()}`);
}

export interface GitHttpBackend {
  /** http://127.0.0.1:<port>/<name>.git for a repository under the project root. */
  url(name: string): string;
  /** Requests that reached git-http-backend (authenticated) and those refused with 401. */
  counts(): { served: number; refused: number };
  stop(): Promise<void>;
}

/**
 * `git http-backend` for the bare repositories under `projectRoot`, each request authenticated by HTTP
 * basic auth whose password must be `token` (any user name, as GitHub takes tokens).
 */
export async function startGitHttpBackend(projectRoot: string, token: string): Promise<GitHttpBackend> {
  let served = 0;
  let refused = 0;
  const children = new Set<ChildProcess>();
  const server: Server = createServer((req, res) => {
    const auth = req.headers.authorization ?? '';
    const password = /^Basic (.+)$/.exec(auth)?.[1];
    const decoded = password ? Buffer.from(password, 'base64').toString() : '';
    if (!decoded.includes(':') || decoded.slice(decoded.indexOf(':') + 1) !== token) {
      refused++;
      res.writeHead(401, { 'www-authenticate': 'Basic realm="git"', 'content-type': 'text/plain' });
      res.end('authentication required\n');
      req.resume();
      return;
    }
    served++;
    const url = new URL(req.url ?? '/', 'http://localhost');
    const cgi = spawn(GIT_HTTP_BACKEND, [], {
      env: {
        PATH: process.env.PATH,
        GIT_PROJECT_ROOT: projectRoot,
        GIT_HTTP_EXPORT_ALL: '1',
        GIT_CONFIG_NOSYSTEM: '1',
        GATEWAY_INTERFACE: 'CGI/1.1',
        SERVER_PROTOCOL: 'HTTP/1.1',
        REQUEST_METHOD: req.method ?? 'GET',
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        REMOTE_USER: decoded.slice(0, decoded.indexOf(':')),
        REMOTE_ADDR: '127.0.0.1',
        ...(req.headers['content-encoding']
          ? { HTTP_CONTENT_ENCODING: req.headers['content-encoding'] }
          : {}),
        ...(req.headers['git-protocol'] ? { GIT_PROTOCOL: String(req.headers['git-protocol']) } : {}),
      },
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    children.add(cgi);
    cgi.once('exit', () => children.delete(cgi));
    req.pipe(cgi.stdin!);
    let head = Buffer.alloc(0);
    let headersDone = false;
    cgi.stdout!.on('data', (chunk: Buffer) => {
      if (headersDone) {
        res.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end === -1) return;
      headersDone = true;
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of head.subarray(0, end).toString().split('\r\n')) {
        const i = line.indexOf(':');
        const [name, value] = [line.slice(0, i).trim(), line.slice(i + 1).trim()];
        if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
        else headers[name] = value;
      }
      res.writeHead(status, headers);
      res.write(head.subarray(end + 4));
    });
    cgi.stdout!.on('end', () => res.end());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: (name) => `http://127.0.0.1:${port}/${name}.git`,
    counts: () => ({ served, refused }),
    async stop() {
      for (const c of children) c.kill('SIGKILL');
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
