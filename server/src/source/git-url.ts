/**
 * Checks for the two user inputs that reach `git clone`: the repository URL and the branch.
 *
 * git reads far more than URLs in the URL slot: `ext::<command>` runs a program, `file://` and bare paths
 * read the server's own disk, a leading `-` becomes an option (`-oProxyCommand=…` for ssh), and
 * `https://user:token@` stores a secret in plain text. Only plain network URLs of an allowed scheme pass.
 */
import { BadInputError } from '../domain/errors.js';

/** The schemes an operator may allow (LAUNCHPAD_GIT_SCHEMES); anything else is never cloned. */
export const KNOWN_GIT_SCHEMES = ['https', 'http', 'git', 'ssh'] as const;
export type GitScheme = (typeof KNOWN_GIT_SCHEMES)[number];

export const MAX_GIT_URL_LENGTH = 2048;
export const MAX_BRANCH_LENGTH = 255;

/** Any whitespace (Unicode too) or C0/C1 control character: git and ssh split or log on them. */
function hasWhitespaceOrControl(s: string): boolean {
  if (/\s/u.test(s)) return true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return false;
}
/** `<transport>::<address>`: git hands the address to `git-remote-<transport>` (ext:: runs a shell). */
const TRANSPORT_PREFIX = /^[A-Za-z][A-Za-z0-9+.-]*::/;
const SCHEME_URL = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;
/** git's scp-like syntax `[user@]host:path`, used only when there is no `://`. */
const SCP_LIKE = /^(?:([^@/:]+)@)?(\[[^\]/]+\]|[^@/:[\]]+):(.*)$/;
/** Percent-encoded control characters: some transports decode the path before using it. */
const ENCODED_CONTROL = /%(?:[01][0-9a-f]|7f)/i;

const fail = (message: string): never => {
  throw new BadInputError(message, 'gitUrl');
};

/**
 * Returns `url` unchanged when it is a plain network URL whose scheme is in `allowedSchemes` (a subset of
 * https, http, git, ssh); throws BadInputError (field `gitUrl`) saying what is wrong otherwise.
 */
export function validateGitUrl(url: string, allowedSchemes: readonly string[]): string {
  const allowed = new Set(
    allowedSchemes
      .map((s) => s.trim().toLowerCase())
      .filter((s): s is GitScheme => (KNOWN_GIT_SCHEMES as readonly string[]).includes(s)),
  );
  const schemeList = [...allowed].join(', ') || 'none';

  if (typeof url !== 'string' || url.length === 0) fail('A git URL is required');
  if (url.length > MAX_GIT_URL_LENGTH) fail(`A git URL holds at most ${MAX_GIT_URL_LENGTH} characters`);
  if (url.startsWith('-')) fail('A git URL must not start with "-"');
  if (hasWhitespaceOrControl(url)) fail('A git URL must not contain spaces or control characters');
  if (TRANSPORT_PREFIX.test(url)) fail('git transport helpers ("<transport>::…") are not allowed');
  if (ENCODED_CONTROL.test(url)) fail('A git URL must not contain encoded control characters');

  const scheme = SCHEME_URL.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) return validateScpLike(url, allowed, schemeList);
  if (scheme === 'file') fail('Local repositories (file://) are not allowed; use a network URL');
  if (!allowed.has(scheme as GitScheme)) {
    fail(`The URL scheme "${scheme}" is not allowed here (allowed: ${schemeList})`);
  }

  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail('This is not a valid URL');
  }
  if (parsed.password !== '') fail('A git URL must not contain a password or token');
  if (parsed.username !== '') {
    // ssh needs a login name (git@github.com); on http(s) and git:// a user name is a token in disguise.
    if (scheme !== 'ssh') fail('A git URL must not contain credentials (user@ or user:token@)');
    if (safeDecode(parsed.username).startsWith('-')) fail('The user name must not start with "-"');
  }
  const host = parsed.hostname;
  if (host === '') fail('A git URL needs a host name');
  if (host.startsWith('-')) fail('The host name must not start with "-"');
  const path = safeDecode(parsed.pathname).replace(/^\/+/, '');
  if (path === '') fail('A git URL needs a repository path after the host');
  if (path.startsWith('-')) fail('The repository path must not start with "-"');
  return url;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return fail('A git URL must not contain malformed %-escapes');
  }
}

function validateScpLike(url: string, allowed: ReadonlySet<GitScheme>, schemeList: string): string {
  if (
    url.startsWith('/') ||
    url.startsWith('.') ||
    url.startsWith('~') ||
    url.startsWith('\\') ||
    /^[A-Za-z]:[\\/]/.test(url)
  ) {
    fail('Local paths are not allowed; use a network URL such as https://host/owner/repo.git');
  }
  const m = SCP_LIKE.exec(url);
  // Without `:` before the first `/`, git reads the string as a local path.
  if (!m) return fail('Local paths are not allowed; use a network URL such as https://host/owner/repo.git');
  if (!allowed.has('ssh')) {
    fail(`"user@host:path" is an ssh address, and ssh is not allowed here (allowed: ${schemeList})`);
  }
  const [, user, host, path] = m as unknown as [string, string | undefined, string, string];
  if (user?.startsWith('-') || host.startsWith('-')) fail('The user and host must not start with "-"');
  if (user?.includes(':')) fail('A git URL must not contain a password or token');
  if (/^[A-Za-z]$/.test(host)) fail('Local paths are not allowed; use a network URL');
  if (path.replace(/^\/+/, '') === '') fail('A git URL needs a repository path after the host');
  if (path.startsWith('-')) fail('The repository path must not start with "-"');
  return url;
}

const fix = (message: string): never => {
  throw new BadInputError(message, 'branch');
};

/**
 * Returns `branch` when it is a valid branch name by `git check-ref-format --branch` rules (and cannot be
 * read as an option); throws BadInputError (field `branch`) otherwise.
 */
export function validateBranch(branch: string): string {
  if (typeof branch !== 'string' || branch.length === 0) fix('A branch name is required');
  if (branch.length > MAX_BRANCH_LENGTH) fix(`A branch name holds at most ${MAX_BRANCH_LENGTH} characters`);
  if (branch.startsWith('-')) fix('A branch name must not start with "-"');
  if (hasWhitespaceOrControl(branch)) fix('A branch name must not contain spaces or control characters');
  const bad = /[~^:?*[\\]/.exec(branch);
  if (bad) fix(`A branch name must not contain "${bad[0]}"`);
  if (branch.includes('..')) fix('A branch name must not contain ".."');
  if (branch.includes('@{')) fix('A branch name must not contain "@{"');
  if (branch === '@' || branch === 'HEAD') fix(`"${branch}" is not a valid branch name`);
  if (branch.endsWith('/') || branch.endsWith('.')) fix('A branch name must not end with "/" or "."');
  for (const part of branch.split('/')) {
    if (part === '') fix('A branch name must not start with "/" or contain "//"');
    if (part.startsWith('.')) fix('No part of a branch name may start with "."');
    if (part.endsWith('.lock')) fix('No part of a branch name may end with ".lock"');
  }
  return branch;
}
