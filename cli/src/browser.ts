import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

type Env = Record<string, string | undefined>;

/**
 * The program that opens a URL here, or null when there is none to use: $BROWSER when set (its first
 * entry, as xdg-utils reads it), `open` on macOS, `explorer.exe` on Windows, elsewhere `xdg-open` only with
 * a display to show it on (an SSH session or a container has none, and xdg-open would fall back to a text
 * browser that takes over the terminal). Pure apart from `exists`.
 */
export function browserCommand(
  url: string,
  platform: NodeJS.Platform,
  env: Env,
  exists: (command: string) => boolean,
): { command: string; args: string[] } | null {
  const chosen = env.BROWSER?.split(platform === 'win32' ? ';' : ':')[0]?.trim();
  if (chosen) return exists(chosen) ? { command: chosen, args: [url] } : null;
  if (platform === 'darwin') return exists('open') ? { command: 'open', args: [url] } : null;
  if (platform === 'win32') return { command: 'explorer.exe', args: [url] };
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return null;
  return exists('xdg-open') ? { command: 'xdg-open', args: [url] } : null;
}

export function onPath(env: Env): (command: string) => boolean {
  return (command) => {
    const candidates = isAbsolute(command)
      ? [command]
      : (env.PATH ?? '')
          .split(delimiter)
          .filter(Boolean)
          .map((dir) => join(dir, command));
    return candidates.some((file) => {
      try {
        accessSync(file, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
  };
}

/**
 * Opens `url` in a browser when one is available; answers whether it tried. Never fails: a missing or
 * broken browser only means the URL printed by the caller is what the user gets. The child gets the URL
 * as its one argument (no shell) and an environment without LAUNCHPAD_TOKEN.
 */
export function openBrowser(url: string, env: Env = process.env): boolean {
  const found = browserCommand(url, process.platform, env, onPath(env));
  if (!found) return false;
  const { LAUNCHPAD_TOKEN: _token, ...childEnv } = env;
  try {
    const child = spawn(found.command, found.args, { stdio: 'ignore', detached: true, env: childEnv });
    child.on('error', () => {});
    child.unref();
    return true;
  } catch {
    return false;
  }
}
