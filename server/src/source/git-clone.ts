/**
 * Shallow clone of one branch of a user's repository (pipeline stage "source" for GIT sites).
 *
 * The repository is hostile input: git must not read the server's git config, ask for credentials, run
 * hooks, fetch submodules or follow the URL into another transport. Hardening, all constant:
 * - environment: nothing inherited but PATH, locale, proxy and CA settings; `GIT_CONFIG_NOSYSTEM=1`;
 *   `GIT_TERMINAL_PROMPT=0`; `GIT_ALLOW_PROTOCOL=<the URL's scheme>` (git's own allow-list: every other
 *   transport — file, ext, fd, a redirect to another scheme — is refused, submodules included);
 *   `GIT_PROTOCOL_FROM_USER=0`.
 * - a private HOME per clone holding the only global config git reads: `core.hooksPath=/dev/null`,
 *   `transfer.fsckObjects`, no submodule recursion, `core.sshCommand` in batch mode, no credential helper,
 *   `http.followRedirects=false` (git's default follows a redirect of the first request to any host, so a
 *   public URL could send the server's git to an internal one; the error names where it was sent).
 * - a size limit: the clone folder is measured while git writes and the clone is stopped past
 *   `maxBytes` (git has no such option, and a shallow clone of one huge blob is still huge).
 * - credentials of private repositories (issue 12) never reach an argument list, the URL, the checkout's
 *   .git/config or a log line: a token goes in as an `http.extraHeader` through GIT_CONFIG_COUNT/KEY/VALUE
 *   in git's environment; a deploy key is a 0600 file in the private HOME (removed with it, on every path)
 *   named by GIT_SSH_COMMAND, which also pins the server's host key (stored at first use; a changed key
 *   fails the clone) and turns off every other way ssh could authenticate or ask.
 * - simple-git's argument and environment guards stay on. They refuse `-c core.hooksPath` and
 *   `GIT_CONFIG_GLOBAL`/`GIT_ASKPASS` on the command line or environment (those are how injected input
 *   usually attacks git), which is why the constant config lives in the private HOME instead.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { simpleGit } from 'simple-git';
import { DomainError } from '../domain/errors.js';
import { formatBytes, formatLimitMB } from '../domain/format-bytes.js';
import { storableText } from '../domain/storable-text.js';
import type { LogWriter } from '../runtime/build-container.js';
import { diskUsage, watchDiskUsage } from '../runtime/disk-usage.js';
import { KNOWN_GIT_SCHEMES, validateBranch, validateGitUrl } from './git-url.js';

export type GitCloneFailure =
  | 'BRANCH_NOT_FOUND'
  | 'REPO_NOT_FOUND'
  | 'AUTH_REQUIRED'
  | 'AUTH_FAILED'
  | 'HOST_KEY_CHANGED'
  | 'UNREACHABLE'
  | 'REDIRECTED'
  | 'TOO_LARGE'
  | 'TIMEOUT'
  | 'CANCELLED'
  | 'FAILED';

/** A clone that did not work, with a message a user can act on and the tail of git's own words. */
export class GitCloneError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly reason: GitCloneFailure,
    message: string,
    /** Last lines of git's stderr, credentials masked ('' when git said nothing). */
    readonly stderrTail = '',
  ) {
    super(stderrTail ? `${message} (git: ${stderrTail.replace(/\n/g, ' | ')})` : message);
    this.name = 'GitCloneError';
  }
}

export interface CloneOptions {
  url: string;
  branch: string;
  /**
   * A pull request's `refs/pull/<n>/head` of the repository at `url` (issue 15), fetched instead of
   * `branch`: GitHub keeps a fork's commits there in the base repository, so a preview never clones the
   * fork's own URL. `branch` then only names it in messages.
   */
  pullRequest?: number;
  /** Where the work tree goes; must not exist or be empty. */
  dir: string;
  timeoutMs: number;
  signal?: AbortSignal;
  log?: LogWriter;
  /** Schemes the URL may use (LAUNCHPAD_GIT_SCHEMES); checked again here. Default: all known ones. */
  allowedSchemes?: readonly string[];
  /** Disk the clone may take, git data and work tree (LAUNCHPAD_MAX_CLONE_MB). */
  maxBytes?: number;
  /** How to authenticate to a private repository; none for public ones. */
  credentials?: GitCredentials;
  /**
   * Called with the ssh server's host key when an ssh clone met the server for the first time (no
   * `knownHost` given, or one of another host), whether or not the clone then succeeded: store it and
   * pass it as `knownHost` from then on.
   */
  onHostKey?: (known: KnownHost) => Promise<void>;
}

/** known_hosts lines of one ssh server (`host` as ssh names it: `name` or `[name]:port`). */
export interface KnownHost {
  host: string;
  keys: string;
}

export type GitCredentials =
  | { kind: 'token'; token: string }
  | { kind: 'ssh'; privateKey: string; fingerprint: string; knownHost: KnownHost | null };

export interface CloneResult {
  commitSha: string;
  commitMessage: string;
}

export const MAX_COMMIT_MESSAGE_CHARS = 4096;
export const DEFAULT_MAX_CLONE_BYTES = 500 * 1024 * 1024;
/** How long to wait for the Location of a redirect git refused to follow (only for the message). */
const REDIRECT_PROBE_MS = 5000;

const GLOBAL_CONFIG = `[core]
\thooksPath = /dev/null
\tsymlinks = true
\tfsmonitor = false
\tsshCommand = ssh -o BatchMode=yes -o StrictHostKeyChecking=accept-new
[credential]
\thelper =
[transfer]
\tfsckObjects = true
[submodule]
\trecurse = false
[fetch]
\trecurseSubmodules = false
[advice]
\tdetachedHead = false
[http]
\tfollowRedirects = false
`;

/** Inherited as they are: where to find git, how to reach the network, which CAs to trust. */
const PASSED_THROUGH = [
  'PATH',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'all_proxy',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'ALL_PROXY',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'GIT_SSL_CAINFO',
  'GIT_SSL_CAPATH',
];

/**
 * Clones `branch` of `url` into `dir` (depth 1, that branch only, no tags) and returns the commit it
 * checked out. Throws GitCloneError on every failure, including timeout and cancellation.
 */
export async function cloneBranch(opts: CloneOptions): Promise<CloneResult> {
  const url = validateGitUrl(opts.url, opts.allowedSchemes ?? KNOWN_GIT_SCHEMES);
  const branch = validateBranch(opts.branch);
  const dir = resolve(opts.dir);
  const log = opts.log;
  if (opts.signal?.aborted) throw new GitCloneError('CANCELLED', 'The clone was cancelled');

  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_CLONE_BYTES;
  const abort = new AbortController();
  let stopped: Stopped | null = null;
  const stop = (why: Stopped) => {
    stopped ??= why;
    abort.abort();
  };
  const onCancel = () => stop('CANCELLED');
  opts.signal?.addEventListener('abort', onCancel, { once: true });
  const timer = setTimeout(() => stop('TIMEOUT'), opts.timeoutMs);

  let home: string | null = null;
  let watch: { stop(): Promise<void> } | null = null;
  let tooLarge = 0;
  let done = false;
  try {
    await mkdir(dirname(dir), { recursive: true });
    home = await mkdtemp(join(tmpdir(), 'launchpad-git-home-'));
    await writeFile(join(home, '.gitconfig'), GLOBAL_CONFIG, { mode: 0o600 });
    const env = { ...gitEnv(home, schemeOf(url)), ...(await credentialEnv(home, url, opts.credentials)) };
    const git = (baseDir: string) =>
      simpleGit({
        baseDir,
        abort: abort.signal,
        maxConcurrentProcesses: 1,
        allowEnvironment: Object.keys(env).filter((k) => k.startsWith('GIT_')),
        // Only what credentialEnv set, from constants and paths of our own (never from user input).
        unsafe: {
          allowUnsafeSshCommand: opts.credentials?.kind === 'ssh',
          allowUnsafeConfigEnvCount: opts.credentials?.kind === 'token',
        },
      }).env(env);

    const pullRef = opts.pullRequest === undefined ? null : pullRequestRef(opts.pullRequest);
    log?.system(`cloning ${url} (${pullRef ?? `branch ${branch}`})`);
    const started = Date.now();
    const ctx: FailureContext = {
      url,
      branch,
      timeoutMs: opts.timeoutMs,
      maxBytes,
      log,
      credentials: opts.credentials,
    };
    watch = watchDiskUsage(
      (stopAbove) => diskUsage(dir, stopAbove),
      maxBytes,
      (bytes) => {
        tooLarge = bytes;
        stop('TOO_LARGE');
      },
    );
    try {
      if (pullRef) {
        // A shallow fetch of that one ref into an empty repository: `clone --branch` takes branches only.
        await git(dirname(dir)).raw(['init', '--quiet', '--', dir]);
        await git(dir).raw([
          'fetch',
          '--quiet',
          '--depth',
          '1',
          '--no-tags',
          '--no-recurse-submodules',
          '--',
          url,
          pullRef,
        ]);
        await git(dir).raw(['checkout', '--quiet', '--detach', 'FETCH_HEAD']);
      } else
        await git(dirname(dir)).raw([
          'clone',
          '--depth',
          '1',
          '--single-branch',
          '--branch',
          branch,
          '--no-tags',
          '--no-recurse-submodules',
          '--',
          url,
          dir,
        ]);
    } catch (err) {
      await watch.stop();
      await reportHostKey(home, url, opts);
      throw await cloneError(err, stopped, { ...ctx, bytes: tooLarge });
    }
    await reportHostKey(home, url, opts);
    await watch.stop();
    // A clone that finished between two measurements is measured once more, whole.
    const bytes = stopped === 'TOO_LARGE' ? tooLarge : await diskUsage(dir, maxBytes);
    if (bytes > maxBytes) throw await cloneError(null, 'TOO_LARGE', { ...ctx, bytes });

    let raw: string;
    try {
      raw = await git(dir).raw(['log', '-1', '--format=%H%n%B']);
    } catch (err) {
      throw await cloneError(err, stopped, ctx);
    }
    const [sha = '', ...body] = raw.split('\n');
    // The message is the repository's: it may hold a NUL (a hand-made commit object) the database refuses.
    const commitMessage = storableText(body.join('\n').trim().slice(0, MAX_COMMIT_MESSAGE_CHARS));
    const subject = commitMessage.split('\n', 1)[0] ?? '';
    log?.system(
      `checked out ${sha.slice(0, 7)}: ${subject} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
    done = true;
    return { commitSha: sha.trim(), commitMessage };
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onCancel);
    await watch?.stop();
    if (home) await rm(home, { recursive: true, force: true });
    // Nothing half-cloned stays behind (a stopped clone of a huge repository is itself huge).
    if (!done) await rm(dir, { recursive: true, force: true });
  }
}

type Stopped = 'TIMEOUT' | 'CANCELLED' | 'TOO_LARGE';

/** GitHub's ref of a pull request's head commit, in the base repository. */
export function pullRequestRef(pullRequest: number): string {
  if (!Number.isSafeInteger(pullRequest) || pullRequest < 1)
    throw new GitCloneError('FAILED', `"${pullRequest}" is not a pull request number`);
  return `refs/pull/${pullRequest}/head`;
}

function schemeOf(url: string): string {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(url);
  // validateGitUrl let it through without `://`, so it is the scp-like ssh form.
  return m ? m[1]!.toLowerCase() : 'ssh';
}

function gitEnv(home: string, scheme: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of PASSED_THROUGH) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  env.PATH ??= '/usr/local/bin:/usr/bin:/bin';
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    // Parsing git's messages below needs them in English.
    LC_ALL: 'C',
    LANG: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_PROTOCOL_FROM_USER: '0',
    // Redirects are not followed at all (http.followRedirects=false), so no other scheme is ever needed.
    GIT_ALLOW_PROTOCOL: scheme,
  };
}

/** The ssh server name as known_hosts writes it: `host`, or `[host]:port` off port 22. */
export function sshHostOf(url: string): string {
  if (/^ssh:\/\//i.test(url)) {
    const u = new URL(url);
    return u.port && u.port !== '22' ? `[${u.hostname}]:${u.port}` : u.hostname;
  }
  return url.split(':')[0]!.split('@').pop() ?? url;
}

const KEY_FILE = 'deploy_key';
const KNOWN_HOSTS = 'known_hosts';
/** A POSIX shell word: git runs GIT_SSH_COMMAND through `sh -c`. */
const shellWord = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Environment that authenticates the clone; files it names are written into the private `home`. */
async function credentialEnv(
  home: string,
  url: string,
  credentials: GitCredentials | undefined,
): Promise<Record<string, string>> {
  if (!credentials) return {};
  if (credentials.kind === 'token') {
    // GitHub takes a token as the password of HTTP basic auth with any user name. The header lives in
    // the environment of this git process only: never in argv, the URL or the checkout's .git/config.
    const basic = Buffer.from(`x-access-token:${credentials.token}`).toString('base64');
    return {
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'http.extraHeader',
      GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}`,
    };
  }
  const keyFile = join(home, KEY_FILE);
  const knownHosts = join(home, KNOWN_HOSTS);
  await writeFile(keyFile, credentials.privateKey, { mode: 0o600, flag: 'wx' });
  const known = credentials.knownHost?.host === sshHostOf(url) ? credentials.knownHost.keys : '';
  await writeFile(knownHosts, known, { mode: 0o600, flag: 'wx' });
  const options = [
    '-F /dev/null', // no ~/.ssh/config or /etc/ssh/ssh_config of the server
    `-i ${shellWord(keyFile)}`,
    '-o IdentitiesOnly=yes',
    '-o IdentityAgent=none',
    '-o BatchMode=yes',
    '-o PasswordAuthentication=no',
    '-o KbdInteractiveAuthentication=no',
    // Trust on first use, then only that key: `yes` once a key is stored, `accept-new` to learn it.
    `-o StrictHostKeyChecking=${known ? 'yes' : 'accept-new'}`,
    `-o UserKnownHostsFile=${shellWord(knownHosts)}`,
    '-o GlobalKnownHostsFile=/dev/null',
    '-o HashKnownHosts=no',
    '-o UpdateHostKeys=no',
    '-o ConnectTimeout=30',
  ];
  return { GIT_SSH_COMMAND: `ssh ${options.join(' ')}`, GIT_SSH_VARIANT: 'ssh' };
}

/** Hands a host key learned by this clone to `onHostKey` (first contact with that server only). */
async function reportHostKey(home: string | null, url: string, opts: CloneOptions): Promise<void> {
  const creds = opts.credentials;
  if (!home || creds?.kind !== 'ssh' || !opts.onHostKey) return;
  const host = sshHostOf(url);
  if (creds.knownHost?.host === host) return;
  const keys = (await readFile(join(home, KNOWN_HOSTS), 'utf8').catch(() => '')).trim();
  if (keys) await opts.onHostKey({ host, keys: `${keys}\n` });
}

interface FailureContext {
  credentials?: GitCredentials;
  url: string;
  branch: string;
  timeoutMs: number;
  maxBytes: number;
  /** Size measured when the clone was stopped for size. */
  bytes?: number;
  log?: LogWriter;
}

async function cloneError(
  err: unknown,
  stopped: Stopped | null,
  ctx: FailureContext,
): Promise<GitCloneError> {
  if (stopped === 'CANCELLED') return new GitCloneError('CANCELLED', 'The clone was cancelled');
  if (stopped === 'TOO_LARGE') {
    const limit = formatLimitMB(ctx.maxBytes);
    ctx.log?.system(`clone stopped: it passed ${limit} on disk (${formatBytes(ctx.bytes ?? 0)} measured)`);
    return new GitCloneError(
      'TOO_LARGE',
      `The repository is larger than the ${limit} a clone may take (git data and files); it was stopped. ` +
        'Make the repository smaller, or raise LAUNCHPAD_MAX_CLONE_MB.',
    );
  }
  if (stopped === 'TIMEOUT') {
    return new GitCloneError(
      'TIMEOUT',
      `Cloning ${ctx.url} took longer than ${formatSeconds(ctx.timeoutMs)} and was stopped`,
    );
  }
  let stderr = maskCredentials(err instanceof Error ? err.message : String(err));
  // git never prints the token it sends, but a message is checked anyway: it goes to logs and the API.
  if (ctx.credentials?.kind === 'token') stderr = stderr.split(ctx.credentials.token).join('***');
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^Cloning into /.test(l));
  for (const line of lines.slice(-20)) ctx.log?.write('STDERR', line);
  const tail = lines.slice(-3).join('\n').slice(-500);
  const host = hostOf(ctx.url);

  const redirect = /The requested URL returned error: (30[12378])/.exec(stderr);
  if (redirect) {
    const location = await redirectTarget(ctx.url);
    return new GitCloneError(
      'REDIRECTED',
      `${ctx.url} redirects (HTTP ${redirect[1]})${location ? ` to ${location}` : ''}: Launchpad does not ` +
        'follow redirects of a repository URL. Use the URL the repository moved to, if you trust it.',
      tail,
    );
  }
  if (/Remote branch .* not found in upstream|couldn't find remote ref/i.test(stderr)) {
    return new GitCloneError('BRANCH_NOT_FOUND', `branch "${ctx.branch}" not found in ${ctx.url}`, tail);
  }
  if (/REMOTE HOST IDENTIFICATION HAS CHANGED|Host key verification failed/i.test(stderr)) {
    return new GitCloneError(
      'HOST_KEY_CHANGED',
      `the ssh host key of ${sshHostOf(ctx.url)} changed since this site first cloned from it: the deploy ` +
        'was stopped (the server may have been reinstalled, or someone is in between). Check the new key ' +
        "with the server's operator before trusting it.",
      tail,
    );
  }
  const creds = ctx.credentials;
  if (creds?.kind === 'ssh' && /Permission denied \(/i.test(stderr)) {
    return new GitCloneError(
      'AUTH_FAILED',
      `the git server refused the deploy key ${creds.fingerprint}: add its public key to the repository ` +
        '(GitHub: Settings → Deploy keys → Add deploy key), then deploy again',
      tail,
    );
  }
  if (
    creds?.kind === 'token' &&
    /could not read (Username|Password)|terminal prompts disabled|Authentication failed|returned error: 40[13]/i.test(
      stderr,
    )
  ) {
    return new GitCloneError(
      'AUTH_FAILED',
      `authentication failed for ${ctx.url}: the git token was refused; check that it is valid, not ` +
        'expired, and may read this repository',
      tail,
    );
  }
  if (
    /could not read (Username|Password)|terminal prompts disabled|Authentication failed|Permission denied \(publickey|Host key verification failed/i.test(
      stderr,
    )
  ) {
    return new GitCloneError(
      'AUTH_REQUIRED',
      `${ctx.url} asks for credentials (or does not exist): for a private repository, choose a deploy key ` +
        "or a token as the site's git access",
      tail,
    );
  }
  if (
    /repository .* not found|Repository not found|does not appear to be a git repository|access denied or repository not exported|not found: did you run git update-server-info|HTTP 404|The requested URL returned error: 404|no such repository/i.test(
      stderr,
    )
  ) {
    return new GitCloneError('REPO_NOT_FOUND', `repository ${ctx.url} not found: check the URL`, tail);
  }
  if (
    /Could not resolve host|unable to look up|Name or service not known|unable to connect|Connection refused|Failed to connect|Couldn't connect|Connection timed out|Operation timed out|Network is unreachable|No route to host|Connection reset|SSL certificate problem|SSL_connect|gnutls_handshake|Could not read from remote repository|The remote end hung up unexpectedly/i.test(
      stderr,
    )
  ) {
    return new GitCloneError(
      'UNREACHABLE',
      `cannot reach ${host}: check the URL and that the server accepts connections`,
      tail,
    );
  }
  if (/fsck error|\b(nulIn\w+|bad\w+|missing\w+|zeroPaddedFilemode|hasDot\w*|fullPathname)\b:/.test(stderr)) {
    return new GitCloneError(
      'FAILED',
      `the repository holds a malformed git object that git refuses to check out (see the log)`,
      tail,
    );
  }
  if (/transport '.*' not allowed/i.test(stderr)) {
    return new GitCloneError('FAILED', `the repository tried to use a transport that is not allowed`, tail);
  }
  return new GitCloneError('FAILED', `git clone of ${ctx.url} (branch "${ctx.branch}") failed`, tail);
}

/**
 * Where the server sends git's first request, for the error message only: the same request git made,
 * redirects not followed, a short timeout. Null when it cannot tell (it may not answer the same way twice).
 */
async function redirectTarget(url: string): Promise<string | null> {
  try {
    const res = await fetch(`${url.replace(/\/+$/, '')}/info/refs?service=git-upload-pack`, {
      redirect: 'manual',
      signal: AbortSignal.timeout(REDIRECT_PROBE_MS),
      headers: { 'user-agent': 'git/2 (launchpad)' },
    });
    await res.body?.cancel();
    const location = res.headers.get('location');
    if (!location) return null;
    const target = new URL(location, url).href.replace(/\/info\/refs\?service=git-upload-pack$/, '');
    return storableText(maskCredentials(target)).slice(0, 300);
  } catch {
    return null;
  }
}

/** `scheme://user:secret@host` → `scheme://***@host` anywhere in git's output. */
export function maskCredentials(text: string): string {
  return text.replace(/([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/\s@]+@/g, '$1***@');
}

function hostOf(url: string): string {
  try {
    const u = new URL(url);
    return u.port ? `${u.hostname}:${u.port}` : u.hostname;
  } catch {
    // scp-like `user@host:path`
    return basename(url.split(':')[0]!.split('@').pop() ?? url);
  }
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
