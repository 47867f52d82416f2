import { randomBytes } from 'node:crypto';
import { chmod, cp, mkdir, readdir, realpath, rename, rm, stat, symlink } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { DomainError } from '../domain/errors.js';
import { checkOutputDir } from '../domain/validate.js';

/**
 * Resolves the user's output dir inside the checkout and proves it stays there: no absolute paths, no `..`,
 * and no symlink that leads out (checked on the real path, after the build has run).
 */
export async function resolveOutputDir(checkout: string, outputDir: string): Promise<string> {
  checkOutputDir(outputDir);
  const root = await realpath(checkout);
  const candidate = join(root, outputDir);
  let real: string;
  try {
    real = await realpath(candidate);
  } catch {
    throw new PublishError(`The output directory "${outputDir}" does not exist after the build`);
  }
  if (real !== root && !real.startsWith(root + sep)) {
    throw new PublishError(`The output directory "${outputDir}" leads outside the checkout`);
  }
  if (!(await stat(real)).isDirectory()) {
    throw new PublishError(`The output directory "${outputDir}" is not a directory`);
  }
  return real;
}

/** A failure of the publish stage whose message is safe and useful to show the user. */
export class PublishError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(message: string) {
    super(message);
    this.name = 'PublishError';
  }
}

/**
 * Makes a build's output safe to serve: it was written by an untrusted process. Symlinks, FIFOs, sockets
 * and devices are removed (nginx would follow a link anywhere on the host, and open() on a FIFO blocks);
 * modes are reset to 0644/0755, which also clears setuid/setgid bits and makes files readable by nginx.
 */
export async function sanitizeTree(dir: string, warn: (msg: string) => void): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isDirectory()) await chmod(path, 0o755);
    else if (entry.isFile()) await chmod(path, 0o644);
    else {
      warn(
        `skipped ${relative(dir, path)}: ${entry.isSymbolicLink() ? 'symlinks are' : 'special files are'} not published`,
      );
      await rm(path, { force: true });
    }
  }
}

/**
 * Moves the (sanitised) output into its deploy folder; copies it where work/ and sites/ are on different
 * file systems.
 */
export async function placeFiles(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true, mode: 0o755 });
  try {
    await rename(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    await cp(from, to, { recursive: true, errorOnExist: true, force: false });
  }
}

/**
 * Points `current` at `deploys/<deployId>` atomically: a new relative symlink is renamed over the old one,
 * so nginx sees either the old or the new deploy, never a missing path.
 */
export async function switchCurrent(currentLink: string, deployId: string): Promise<void> {
  const tmp = join(dirname(currentLink), `.current-${randomBytes(6).toString('hex')}`);
  await symlink(join('deploys', deployId), tmp);
  try {
    await rename(tmp, currentLink);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
