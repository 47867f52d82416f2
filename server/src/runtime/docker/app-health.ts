import { request } from 'node:http';
import type { AppContainers } from './app-containers.js';

const POLL_MS = 250;
const REQUEST_TIMEOUT_MS = 2000;

/**
 * Waits until the app container `name` answers `path` on `port` with 2xx or 3xx, asked from the control
 * plane over the sites network (the way the serving probe reaches the site's nginx). Returns null once it
 * does, or why it did not within `timeoutMs`: an app that exits or crashes at start fails at once rather
 * than at the deadline (Docker's restart policy would only bring it back to crash again).
 */
export async function waitHealthy(
  apps: AppContainers,
  name: string,
  port: number,
  path: string,
  timeoutMs: number,
): Promise<string | null> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    const state = await apps.state(name);
    if (!state) return 'the app container is gone';
    if (state.oomKilled) return 'the app ran out of memory and was killed';
    if (!state.running && !state.restarting)
      return `the app exited with code ${state.exitCode} while starting`;
    // Between Docker's restarts the exit code is no longer the crash's: say what is known.
    if (state.restartCount > 0)
      return `the app crashed while starting (Docker restarted it ${state.restartCount}×)`;
    if (state.ip) {
      const status = await get(state.ip, port, path).catch((err: Error) => err.message);
      if (typeof status === 'number' && status >= 200 && status < 400) return null;
      last = typeof status === 'number' ? `${path} answered ${status}` : `${path}: ${status}`;
    }
    await sleep(POLL_MS);
  }
  return `not healthy within ${Math.round(timeoutMs / 1000)} s (${last})`;
}

function get(ip: string, port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: ip, port, path, headers: { 'user-agent': 'launchpad-health-check' }, agent: false },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end();
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
