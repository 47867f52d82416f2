import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * `npm ci` over a cached node_modules (issue 15). npm ci always deletes node_modules before it installs
 * (npm's docs: "If a node_modules is already present, it will be automatically removed"), so restoring the
 * folder alone made a warm `npm ci && npm run build` slower than a cold one: it unpacked every package from
 * npm's cache again, after deleting the restored copies.
 *
 * A build with the cache on gets a small `npm` in front of the image's (on PATH, mounted read-only). Every
 * command but `npm ci` goes straight to the real npm. `npm ci` is skipped only when the node_modules in the
 * checkout is exactly what a successful `npm ci` of the same inputs left behind — the "skip install on an
 * exact lockfile-hash hit" of CI caches, with a stricter key:
 *   - package-lock.json / npm-shrinkwrap.json, project .npmrc, package.json (but its `scripts`), byte for byte;
 *   - the arguments after `ci`, NODE_ENV and every npm_config_* variable, node's version, platform and arch,
 *     the real npm's version;
 *   - node_modules/.package-lock.json (npm's own record of the installed tree) unchanged since that install,
 *     every package folder it lists present and none modified after it (npm's rule for trusting it).
 * A package.json with root install scripts (preinstall, install, postinstall, prepare …) or workspaces always
 * gets the real npm ci: skipping would skip their side effects. Anything unclear also runs the real npm ci,
 * which still finds every tarball in npm's cache at /cache/npm.
 */
/** The stamp a successful real `npm ci` leaves in node_modules (moves with it into the cache and back). */
export const NPM_CI_STAMP = '.launchpad-npm-ci';

/** Writes the build's helper commands into `dir` (the build sees it first on its PATH: BuildJob.toolsDir). */
export async function writeBuildTools(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o755 });
  await writeFile(join(dir, 'npm'), NPM_SHIM, { mode: 0o755 });
  await writeFile(join(dir, 'npm-ci-cache.cjs'), NPM_CI_CACHE, { mode: 0o644 });
  await chmod(join(dir, 'npm'), 0o755); // umask must not take the execute bits away
}

/**
 * The `npm` on PATH: finds the real npm after itself, asks npm-ci-cache.cjs whether `npm ci` can be skipped,
 * stamps node_modules after a successful real `npm ci`. POSIX sh (the image's busybox or dash).
 */
export const NPM_SHIM = `#!/bin/sh
# Launchpad's build cache (issue 15): see npm-ci-cache.cjs beside this file.
self=$(dirname "$0")
real=
set -f
old_ifs=$IFS
IFS=:
for dir in $PATH; do
  [ "$dir" = "$self" ] && continue
  if [ -x "$dir/npm" ]; then real="$dir/npm"; break; fi
done
IFS=$old_ifs
set +f
if [ -z "$real" ]; then echo "npm: not found" >&2; exit 127; fi
if [ "$1" = ci ]; then
  LAUNCHPAD_REAL_NPM="$real" node "$self/npm-ci-cache.cjs" check "$@" && exit 0
  "$real" "$@" || exit $?
  LAUNCHPAD_REAL_NPM="$real" node "$self/npm-ci-cache.cjs" stamp "$@" || true
  exit 0
fi
exec "$real" "$@"
`;

/** Decides (check) and records (stamp); exit 0 from check means "skip npm ci". CommonJS, no dependencies. */
export const NPM_CI_CACHE = `'use strict';
// Launchpad's build cache (issue 15): is the node_modules here exactly what \`npm ci\` would produce?
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const STAMP = path.join('node_modules', '${NPM_CI_STAMP}');
const HIDDEN = path.join('node_modules', '.package-lock.json');
const ROOT_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepublish', 'preprepare', 'prepare', 'postprepare', 'dependencies'];
const [mode, , ...args] = process.argv.slice(2);

function read(file) {
  try { return fs.readFileSync(file); } catch { return null; }
}

function npmVersion() {
  let dir = path.dirname(fs.realpathSync(process.env.LAUNCHPAD_REAL_NPM || 'npm'));
  for (let i = 0; i < 4; i++, dir = path.dirname(dir)) {
    const pkg = read(path.join(dir, 'package.json'));
    if (!pkg) continue;
    const { name, version } = JSON.parse(pkg);
    if (name === 'npm') return version;
  }
  return null;
}

/** The key of this install's inputs, or null when npm ci must run for real. */
function inputsKey() {
  const text = read('package.json');
  if (!text) return null;
  const { scripts = {}, ...pkg } = JSON.parse(text);
  if (pkg.workspaces || ROOT_SCRIPTS.some((s) => Object.hasOwn(scripts, s))) return null;
  if (!read('package-lock.json') && !read('npm-shrinkwrap.json')) return null;
  const npm = npmVersion();
  if (!npm) return null;
  const env = Object.keys(process.env)
    .filter((n) => /^npm_config_/i.test(n) || n === 'NODE_ENV')
    .sort()
    .map((n) => [n, process.env[n]]);
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ v: 1, args, npm, node: process.version, platform: process.platform, arch: process.arch, env, pkg }));
  for (const file of ['package-lock.json', 'npm-shrinkwrap.json', '.npmrc']) {
    const bytes = read(file);
    hash.update('\\0' + file + '\\0' + (bytes ? bytes.length : -1) + '\\0');
    if (bytes) hash.update(bytes);
  }
  return hash.digest('hex');
}

/** npm's record of the installed tree, when every folder it lists is there and none changed after it. */
function treeKey() {
  const bytes = read(HIDDEN);
  if (!bytes) return null;
  const written = fs.statSync(HIDDEN).mtimeMs;
  for (const location of Object.keys(JSON.parse(bytes).packages || {})) {
    if (location === '') continue;
    const st = fs.lstatSync(location, { throwIfNoEntry: false });
    if (!st || st.mtimeMs > written) return null;
  }
  return createHash('sha256').update(bytes).digest('hex');
}

function stampText() {
  const inputs = inputsKey();
  const tree = inputs && treeKey();
  return inputs && tree ? inputs + ' ' + tree + '\\n' : null;
}

try {
  if (mode === 'check') {
    const stamp = read(STAMP);
    const now = stamp && stampText();
    if (now && stamp.toString() === now) {
      console.log('launchpad: node_modules from the build cache is what npm ci installed for this exact lockfile, package.json, npm and environment: skipping npm ci (clear the build cache to run it in full)');
      process.exit(0);
    }
    fs.rmSync(STAMP, { force: true });
    process.exit(1);
  }
  if (mode === 'stamp') {
    const text = fs.existsSync('node_modules') && stampText();
    if (text) fs.writeFileSync(STAMP, text);
    process.exit(0);
  }
} catch {
  // Anything unexpected (a malformed package.json, a vanished file): the real npm ci decides.
}
process.exit(1);
`;
