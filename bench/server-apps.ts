/**
 * Server apps benchmark (npm run bench), issue 14 acceptance 2 and 6, for a small Node app (plain `http`,
 * uploaded as a ZIP, `node server.js`, no build):
 *   - REDEPLOYS redeploys under a steady request loop (one request at a time through the site's nginx, a
 *     new connection each): failed requests (any error or non-200) and redeploy-to-new-version-serving time
 *     (upload mutation until nginx answers with the new version);
 *   - the proxy's added latency: LATENCY_REQUESTS sequential requests through nginx and the same number
 *     straight to the app container (both on the sites network, from the host), p50 and p99 side by side.
 */
import { randomBytes } from 'node:crypto';
import { docker, httpGet, startLaunchpad } from '../server/test/support/harness.js';
import { makeZip } from '../server/test/support/zip.js';

const REDEPLOYS = Number(process.env.BENCH_REDEPLOYS ?? 20);
const LATENCY_REQUESTS = Number(process.env.BENCH_LATENCY_REQUESTS ?? 2000);

const server = (version: string) => `
const http = require('node:http');
http.createServer((req, res) => { res.writeHead(200, { 'content-type': 'text/plain' }); res.end('${version}'); })
  .listen(Number(process.env.PORT), () => console.log('listening'));
`;
const appZip = (version: string) => makeZip([['server.js', Buffer.from(server(version))]]);

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const fmt = (ms: number) => `${ms.toFixed(2).padStart(7)} ms`;

async function main(): Promise<void> {
  const lp = await startLaunchpad({ LAUNCHPAD_APP_HEALTH_TIMEOUT: '60' });
  try {
    const slug = `bench-app-${randomBytes(3).toString('hex')}`;
    const host = `${slug}.localhost`;
    const res = await lp.upload(
      'mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }',
      {
        input: {
          name: slug,
          slug,
          sourceType: 'ZIP',
          kind: 'SERVER',
          startCommand: 'node server.js',
          file: null,
        },
      },
      { path: 'input.file', name: 'app.zip', content: await appZip('v0') },
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    const siteId = res.data!.createSite.id as string;
    const ip = await waitFor(
      async () => (await lp.app.runtime.endpoint(slug).catch(() => null))?.ip ?? undefined,
    );
    await waitFor(async () =>
      (await httpGet(ip, '/', host).catch(() => null))?.body.toString() === 'v0' ? true : undefined,
    );

    // Redeploys under a request loop.
    let stop = false;
    let requests = 0;
    const failures: string[] = [];
    const loop = (async () => {
      while (!stop) {
        requests++;
        const r = await httpGet(ip, '/', host).catch((err: Error) => ({
          status: 0,
          body: Buffer.from(err.message),
        }));
        if (r.status !== 200) failures.push(`${r.status} ${r.body.toString().slice(0, 60)}`);
      }
    })();
    const times: number[] = [];
    try {
      for (let i = 1; i <= REDEPLOYS; i++) {
        const start = performance.now();
        const re = await lp.upload(
          'mutation($id: ID!, $file: File) { deploySite(id: $id, file: $file) { id } }',
          { id: siteId, file: null },
          { path: 'file', name: 'app.zip', content: await appZip(`v${i}`) },
        );
        if (re.errors) throw new Error(JSON.stringify(re.errors));
        await waitFor(async () =>
          (await httpGet(ip, '/', host).catch(() => null))?.body.toString() === `v${i}` ? true : undefined,
        );
        times.push(performance.now() - start);
        // The next redeploy waits for this one to finish (old app drained and stopped) under the site lock.
      }
    } finally {
      stop = true;
      await loop;
    }

    // Proxy latency: through nginx vs. straight to the app.
    const apps = await docker.listContainers({ filters: { name: [`launchpad-app-${slug}-`] } });
    const appIp = Object.values(apps[0]!.NetworkSettings.Networks)[0]!.IPAddress;
    const viaNginx: number[] = [];
    const direct: number[] = [];
    for (let i = 0; i < LATENCY_REQUESTS; i++) {
      // Alternating, so both see the same machine state.
      let t = performance.now();
      await httpGet(ip, '/', host);
      viaNginx.push(performance.now() - t);
      t = performance.now();
      await httpGet(appIp, '/', host, 3000);
      direct.push(performance.now() - t);
    }

    console.log(
      `${REDEPLOYS} redeploys under a request loop: ${requests} requests, ${failures.length} failed`,
    );
    for (const f of failures.slice(0, 5)) console.log(`  failed: ${f}`);
    console.log(
      `redeploy -> new version serving   p50 ${fmt(pct(times, 0.5))}   max ${fmt(Math.max(...times))}`,
    );
    console.log(`latency over ${LATENCY_REQUESTS} requests each (new connection per request):`);
    console.log(`  through nginx     p50 ${fmt(pct(viaNginx, 0.5))}   p99 ${fmt(pct(viaNginx, 0.99))}`);
    console.log(`  straight to app   p50 ${fmt(pct(direct, 0.5))}   p99 ${fmt(pct(direct, 0.99))}`);
    console.log(
      `  added by the proxy  p50 ${fmt(pct(viaNginx, 0.5) - pct(direct, 0.5))}   p99 ${fmt(pct(viaNginx, 0.99) - pct(direct, 0.99))}`,
    );
  } finally {
    await lp.cleanup();
  }
}

async function waitFor<T>(check: () => Promise<T | undefined>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('timed out');
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
