import { request } from 'node:http';

/** nginx's master keeps the old workers accepting this long after it starts the new ones (ngx_process_cycle.c). */
const RELOAD_OVERLAP_MS = 100;
const DEADLINE_MS = 10_000;

/**
 * Waits until the nginx at `ip` serves the config behind `probeHost`: a new container needs a moment to
 * start, and `nginx -s reload` returns before the new workers run. Without this a deploy would be reported
 * live, and its files switched in, while the previous `_redirects`, `_headers` and SPA setting still apply.
 * Returns why it could not confirm it, or null.
 */
export async function waitUntilServing(
  ip: string | null,
  probeHost: string,
  reloaded: boolean,
): Promise<string | null> {
  if (!ip) return 'the container has no address on the Launchpad network';
  const deadline = Date.now() + DEADLINE_MS;
  let last = 'no answer';
  while (Date.now() < deadline) {
    const status = await probe(ip, probeHost).catch((err: Error) => err.message);
    if (status === 204) {
      // The first answer comes from a new worker; old ones stop accepting once the master's overlap is over.
      if (reloaded) await sleep(RELOAD_OVERLAP_MS * 2);
      return null;
    }
    last = typeof status === 'number' ? `answered ${status}` : status;
    await sleep(50);
  }
  return last;
}

function probe(ip: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: ip, port: 80, path: '/', headers: { host }, agent: false, timeout: 1000 },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end();
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
