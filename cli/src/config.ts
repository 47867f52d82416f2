import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { CliError } from './errors.js';

/** What `launchpad login` saves and every other command reads. */
export interface Settings {
  url: string;
  token: string;
}

type Env = Record<string, string | undefined>;

/**
 * `$XDG_CONFIG_HOME/launchpad/config.json`, or `~/.config/launchpad/config.json` when XDG_CONFIG_HOME is
 * unset, empty or relative (the XDG spec says to ignore a relative one).
 */
export function configPath(env: Env, home: string): string {
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(home, '.config');
  return join(base, 'launchpad', 'config.json');
}

/** A server URL as typed: http(s) only, no credentials, no query; the trailing slash dropped. */
export function normalizeUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CliError('USAGE', `${JSON.stringify(raw)} is not a URL (for example http://127.0.0.1:8080)`, 2);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CliError('USAGE', `the server URL must start with http:// or https://`, 2);
  }
  if (url.username || url.password) {
    throw new CliError('USAGE', 'put the token in --token, not in the URL', 2);
  }
  if (url.search || url.hash) throw new CliError('USAGE', 'the server URL takes no query or fragment', 2);
  return url.toString().replace(/\/+$/, '');
}

/** The saved settings with LAUNCHPAD_URL and LAUNCHPAD_TOKEN laid over them, each on its own. */
export function mergeSettings(saved: Partial<Settings> | null, env: Env): Partial<Settings> {
  const url = env.LAUNCHPAD_URL || saved?.url;
  const token = env.LAUNCHPAD_TOKEN || saved?.token;
  return { ...(url ? { url: normalizeUrl(url) } : {}), ...(token ? { token } : {}) };
}

/** Reads the config file; null when there is none. A file that is not ours fails with where it is. */
export async function readConfig(path: string): Promise<Partial<Settings> | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new CliError('NOT_CONFIGURED', `cannot read ${path}: ${(err as Error).message}`);
  }
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null) throw new Error('not an object');
    const { url, token } = value as Record<string, unknown>;
    return {
      ...(typeof url === 'string' ? { url } : {}),
      ...(typeof token === 'string' ? { token } : {}),
    };
  } catch {
    // Never echo the content: it may hold a token.
    throw new CliError('NOT_CONFIGURED', `${path} is not valid JSON; run launchpad login again`);
  }
}

/**
 * Writes the config file so that no other user can read it at any moment: the bytes go to a new file
 * created with mode 0600 (O_EXCL, so never an existing file or a planted symlink), are synced, and are then
 * renamed over the old one. The folder is made 0700 when it is new.
 */
export async function writeConfig(path: string, settings: Settings): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temp = join(dirname(path), `.config.json.${process.pid}.${randomBytes(6).toString('hex')}`);
  const file = await open(temp, 'wx', 0o600);
  try {
    await file.writeFile(`${JSON.stringify({ url: settings.url, token: settings.token }, null, 2)}\n`);
    await file.sync();
    await file.close();
    await rename(temp, path);
  } catch (err) {
    await file.close().catch(() => {});
    await rm(temp, { force: true });
    throw new CliError('NOT_CONFIGURED', `cannot write ${path}: ${(err as Error).message}`);
  }
}

/** The URL and token every command but login needs, or a NOT_CONFIGURED error saying how to set them. */
export function requireSettings(settings: Partial<Settings>): Settings {
  if (!settings.url || !settings.token) {
    throw new CliError(
      'NOT_CONFIGURED',
      'not logged in: run `launchpad login --url <url> --token <token>`, or set LAUNCHPAD_URL and LAUNCHPAD_TOKEN',
    );
  }
  return { url: settings.url, token: settings.token };
}
