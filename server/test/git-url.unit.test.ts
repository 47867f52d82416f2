import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { BadInputError } from '../src/domain/errors.js';
import { validateBranch, validateGitUrl } from '../src/source/git-url.js';

const HTTPS = ['https'];
const ALL = ['https', 'http', 'git', 'ssh'];

function rejection(fn: () => unknown): BadInputError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(BadInputError);
    return err as BadInputError;
  }
  throw new Error('expected a BadInputError');
}

describe('validateGitUrl', () => {
  it.each([
    ['https://github.com/owner/repo.git', HTTPS],
    ['https://github.com/owner/repo', HTTPS],
    ['https://gitlab.example.com:8443/group/sub/repo.git', HTTPS],
    ['HTTPS://github.com/owner/repo.git', HTTPS],
    ['http://127.0.0.1:3000/repo.git', ['http']],
    ['git://127.0.0.1:9418/repo.git', ['git']],
    ['ssh://git@github.com/owner/repo.git', ['ssh']],
    ['git@github.com:owner/repo.git', ['ssh']],
    ['github.com:owner/repo.git', ['ssh']],
    ['https://[::1]:8443/repo.git', HTTPS],
  ])('accepts %s', (url, schemes) => {
    expect(validateGitUrl(url, schemes)).toBe(url);
  });

  it.each([
    // reading the server's own disk
    ['file:///etc', ALL, /file:\/\//],
    ['file://localhost/etc/passwd', ALL, /file:\/\//],
    ['/etc', ALL, /Local paths/],
    ['/srv/data/launchpad.db', ALL, /Local paths/],
    ['./x', ALL, /Local paths/],
    ['../x', ALL, /Local paths/],
    ['.', ALL, /Local paths/],
    ['~/repo', ALL, /Local paths/],
    ['C:\\repos\\x', ALL, /Local paths/],
    ['C:/repos/x', ALL, /Local paths/],
    ['c:repo', ALL, /Local paths/],
    ['repo', ALL, /Local paths/],
    ['owner/repo', ALL, /Local paths/],
    // command execution through transport helpers
    ['ext::sh -c touch% /tmp/pwned', ALL, /spaces|transport/],
    ['ext::sh%20-c%20touch%%20/tmp/pwned', ALL, /transport/],
    ['fd::17', ALL, /transport/],
    ['https::github.com/owner/repo', ALL, /transport/],
    ['ext://x/y', ALL, /"ext" is not allowed/],
    // option injection
    ['-oProxyCommand=touch /tmp/pwned', ALL, /start with "-"/],
    ['-oProxyCommand=touch%20/tmp/pwned', ALL, /start with "-"/],
    ['--upload-pack=touch /tmp/x', ALL, /start with "-"/],
    ['ssh://-oProxyCommand=touch%20x/repo', ALL, /host name must not start with "-"/],
    ['ssh://-oProxyCommand@host/repo', ALL, /user name must not start with "-"/],
    ['-oProxyCommand@host:repo', ALL, /start with "-"/],
    ['git@-oProxyCommand=x:repo', ALL, /must not start with "-"/],
    ['git@host:-repo', ALL, /path must not start with "-"/],
    ['https://host/-repo', ALL, /path must not start with "-"/],
    // credentials
    ['https://user:pass@github.com/owner/repo.git', ALL, /password or token/],
    ['https://ghp_token@github.com/owner/repo.git', ALL, /credentials/],
    ['http://x-access-token:abc@host/repo.git', ALL, /password or token/],
    ['ssh://git:secret@github.com/owner/repo.git', ALL, /password or token/],
    // schemes
    ['http://github.com/owner/repo.git', HTTPS, /"http" is not allowed.*https/],
    ['git://github.com/owner/repo.git', HTTPS, /"git" is not allowed/],
    ['ssh://git@github.com/owner/repo.git', HTTPS, /"ssh" is not allowed/],
    ['git@github.com:owner/repo.git', HTTPS, /ssh is not allowed/],
    ['ftp://host/repo.git', ALL, /"ftp" is not allowed/],
    ['https://github.com/owner/repo.git', ['file', 'ext'], /allowed: none/],
    // malformed
    ['https://', ALL, /valid URL|host/],
    ['https://github.com', ALL, /repository path/],
    ['https://github.com/', ALL, /repository path/],
    ['git@github.com:', ALL, /repository path/],
    ['https://github.com/owner/repo\n.git', ALL, /spaces or control/],
    ['https://github.com/owner/re po', ALL, /spaces or control/],
    ['https://github.com/owner/repo\u0000', ALL, /spaces or control/],
    ['https://github.com/owner/repo\u00a0', ALL, /spaces or control/],
    ['https://github.com/owner/repo%0a', ALL, /encoded control/],
    ['https://github.com/owner/%E0%A4%A', ALL, /malformed/],
    ['', ALL, /required/],
    [`https://github.com/${'a'.repeat(2048)}`, ALL, /at most 2048/],
  ])('rejects %s', (url, schemes, message) => {
    const err = rejection(() => validateGitUrl(url, schemes));
    expect(err.field).toBe('gitUrl');
    expect(err.message).toMatch(message);
  });
});

const GOOD_BRANCHES = [
  'main',
  'master',
  'feature/login-page',
  'release-1.2',
  'v1.0.0',
  'user/x/y_z',
  'a',
  'émoji-ok',
  'x'.repeat(255),
];

const BAD_BRANCHES: [string, RegExp][] = [
  ['--upload-pack=touch /tmp/x', /start with "-"/],
  ['--upload-pack=touch%20/tmp/x', /start with "-"/],
  ['-b', /start with "-"/],
  ['a..b', /"\.\."/],
  ['x@{1}', /"@\{"/],
  ['@', /not a valid branch/],
  ['HEAD', /not a valid branch/],
  ['a\\b', /"\\"/],
  ['a b', /spaces/],
  ['a\tb', /spaces/],
  ['a\u0001b', /control/],
  ['a\u007fb', /control/],
  ['a~1', /"~"/],
  ['a^', /"\^"/],
  ['a:b', /":"/],
  ['a?', /"\?"/],
  ['a*', /"\*"/],
  ['a[b', /"\["/],
  ['main.lock', /\.lock/],
  ['feature.lock/x', /\.lock/],
  ['main/', /end with/],
  ['main.', /end with/],
  ['/main', /"\/"/],
  ['a//b', /"\/\/"/],
  ['.hidden', /start with "\."/],
  ['a/.b', /start with "\."/],
  ['', /required/],
  ['x'.repeat(256), /at most 255/],
];

describe('validateBranch', () => {
  it.each(GOOD_BRANCHES)('accepts %s', (branch) => {
    expect(validateBranch(branch)).toBe(branch);
  });

  it.each(BAD_BRANCHES)('rejects %j', (branch, message) => {
    const err = rejection(() => validateBranch(branch));
    expect(err.field).toBe('branch');
    expect(err.message).toMatch(message);
  });

  it('agrees with git check-ref-format --branch', () => {
    const gitAccepts = (b: string) =>
      spawnSync('git', ['check-ref-format', '--branch', b], { cwd: tmpdir() }).status === 0;
    for (const b of GOOD_BRANCHES) expect(gitAccepts(b), b).toBe(true);
    // git has no length limit and reads "@" as the current branch; we refuse both
    const stricter = new Set(['@', 'x'.repeat(256)]);
    for (const [b] of BAD_BRANCHES) if (!stricter.has(b)) expect(gitAccepts(b), b).toBe(false);
  });
});
