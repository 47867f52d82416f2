import { createHash } from 'node:crypto';
import { lstat, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { RuntimeLog } from '../runtime/ports.js';

/**
 * A site's `node_modules` kept between builds (issue 15), keyed by its lockfiles: restored into the next
 * checkout whose lockfiles are byte for byte the same, so an install has nothing to fetch or unpack. It lives
 * in the site's own cache folder (`build-cache/<siteId>`), next to the package managers' caches the build
 * container sees at /cache. Only that site's builds write and read it, and they run that site's code anyway:
 * a build that poisons its cache poisons only later builds of the same site, which it could change directly.
 * Folders are moved (renamed), never followed: a symlink named node_modules is left where it is.
 */
const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml'];
const MODULES = 'node_modules';

/**
 * sha256 over the checkout's lockfiles (name and bytes) and the build image's name (native addons in
 * node_modules were built for its node), or null when the checkout has no lockfile.
 */
export async function lockfileKey(checkout: string, image = ''): Promise<string | null> {
  const hash = createHash('sha256').update(`${image}\0`);
  let found = false;
  for (const name of LOCKFILES) {
    const path = join(checkout, name);
    if (!(await isFile(path))) continue;
    hash
      .update(`${name}\0`)
      .update(await readFile(path))
      .update('\0');
    found = true;
  }
  return found ? hash.digest('hex') : null;
}

/** Moves the cached node_modules of these lockfiles into the checkout; false when there is none. */
export async function restoreNodeModules(
  cacheDir: string,
  checkout: string,
  log: RuntimeLog,
  image: string,
): Promise<boolean> {
  const key = await lockfileKey(checkout, image);
  if (!key) return false;
  const cached = join(cacheDir, MODULES, key);
  const target = join(checkout, MODULES);
  if (!(await isDirectory(cached)) || (await exists(target))) return false;
  await rename(cached, target);
  log.system(`restored node_modules from the build cache (lockfile ${key.slice(0, 12)})`);
  return true;
}

/** Moves the checkout's node_modules into the cache under its lockfiles' key, replacing what was there. */
export async function saveNodeModules(checkout: string, cacheDir: string, image: string): Promise<boolean> {
  const key = await lockfileKey(checkout, image);
  const source = join(checkout, MODULES);
  if (!key || !(await isDirectory(source))) return false;
  const folder = join(cacheDir, MODULES);
  // One set of modules per site: an older lockfile's would only take disk.
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true, mode: 0o755 });
  try {
    await rename(source, join(folder, key));
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EXDEV') return false; // work/ on another file system
    throw err;
  }
}

async function isFile(path: string): Promise<boolean> {
  return (await lstat(path).catch(() => null))?.isFile() ?? false;
}
async function isDirectory(path: string): Promise<boolean> {
  return (await lstat(path).catch(() => null))?.isDirectory() ?? false;
}
async function exists(path: string): Promise<boolean> {
  return (await lstat(path).catch(() => null)) !== null;
}
