/**
 * Access-log pipeline benchmark (issue 13): one static site under load from this process (two worker
 * threads, keep-alive connections straight to the site container), the control plane in its own process
 * (NODE_ENV=production, LAUNCHPAD_TRAFFIC_INTERVAL=1) reading the site's access log into the database.
 *
 * 1. Throughput: requests/s sustained for BENCH_SECONDS, and the aggregator's lag: the requests sent but not
 *    yet counted (from /metrics) sampled every second, and the time from the end of the load until the
 *    count is exact.
 * 2. Latency, side by side: the same request, one at a time on one keep-alive connection, against the site's
 *    container (logging on) and a twin container with the same image, files, confinement and config minus
 *    the access-log directives (logging off); rounds alternate between the two so machine load hits both.
 *
 * Writes bench/results/access-log.json.
 */

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { STATIC_SERVER_CONFINEMENT } from '../server/src/runtime/site-containers.js';
import { makeZip } from '../server/test/support/zip.js';
import { ROOT, startServer } from './support/servers.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const LATENCY_ROUNDS = Number(process.env.BENCH_LATENCY_ROUNDS ?? 10);
const LATENCY_PER_ROUND = Number(process.env.BENCH_LATENCY_REQUESTS ?? 300);

interface LoadJob {
  ip: string;
  host: string;
  connections: number;
  seconds: number;
}

/** A load process: `connections` request loops on keep-alive sockets for `seconds`; prints its counts. */
async function loadWorker(job: LoadJob): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: job.connections });
  const began = Date.now();
  const until = began + job.seconds * 1000;
  let ok = 0;
  let failed = 0;
  const loop = async () => {
    while (Date.now() < until) {
      const status = await get(agent, job.ip, job.host, '/').catch(() => 0);
      if (status === 200) ok++;
      else failed++;
    }
  };
  const report = (done: boolean) =>
    process.stdout.write(`${JSON.stringify({ ok, failed, done, ms: Date.now() - began })}\n`);
  const progress = setInterval(() => report(false), 500);
  await Promise.all(Array.from({ length: job.connections }, loop));
  clearInterval(progress);
  report(true);
  agent.destroy();
}

function get(agent: Agent, ip: string, host: string, path: string): Promise<number> {
  return new Promise((resolveGet, reject) => {
    const req = request({ host: ip, port: 80, path, headers: { host }, agent }, (res) => {
      res.resume();
      res.on('end', () => resolveGet(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.setTimeout(5000, () => req.destroy(new Error('no answer in 5 s')));
    req.on('error', reject);
    req.end();
  });
}

if (process.env.BENCH_LOAD_JOB) {
  await loadWorker(JSON.parse(process.env.BENCH_LOAD_JOB) as LoadJob);
} else {
  await main();
}

async function main() {
  const docker = new Docker();
  const server = await startServer({
    label: 'this tree',
    name: 'access',
    env: { LAUNCHPAD_TRAFFIC_INTERVAL: '1' },
  });
  const { url, token, dataDir, network } = server;
  let twin: Docker.Container | null = null;
  const twinConf = await mkdtemp(join(tmpdir(), 'launchpad-bench-twin-'));
  try {
    const slug = 'bench-traffic';
    const page = `<!doctype html><title>bench</title><p>${'x'.repeat(600)}</p>`;
    const form = new FormData();
    form.set(
      'operations',
      JSON.stringify({
        query: 'mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }',
        variables: { input: { name: slug, slug, sourceType: 'ZIP', file: null } },
      }),
    );
    form.set('map', JSON.stringify({ 0: ['variables.input.file'] }));
    form.set('0', new Blob([new Uint8Array(await makeZip([['index.html', page]]))]), 'site.zip');
    const created = (await (
      await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'x-graphql-yoga-csrf': '1', authorization: `Bearer ${token}` },
        body: form,
      })
    ).json()) as { data: { createSite: { id: string } } };
    const siteId = created.data.createSite.id;
    const gql = async (query: string, variables: Record<string, unknown>) =>
      (
        (await (
          await fetch(`${url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query, variables }),
          })
        ).json()) as { data: any }
      ).data;
    for (let i = 0; ; i++) {
      const site = (await gql('query($id: ID!) { site(id: $id) { status } }', { id: siteId })).site;
      if (site.status === 'LIVE') break;
      if (i > 600) throw new Error('the site did not go live');
      await new Promise((r) => setTimeout(r, 100));
    }
    const info = await docker.getContainer(`launchpad-site-${slug}`).inspect();
    const ip = info.NetworkSettings.Networks[network]!.IPAddress;
    const host = `${slug}.localhost`;
    const counted = async () => {
      const text = await (
        await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } })
      ).text();
      let n = 0;
      for (const m of text.matchAll(
        /^launchpad_site_requests_total\{site="bench-traffic",code="\dxx"\} (\d+)$/gm,
      ))
        n += Number(m[1]);
      return n;
    };

    console.log(`site live at ${ip}; ${SECONDS} s of load on ${CONNECTIONS} connections`);
    // 1. Throughput and lag.
    const workers = 2;
    const sent = new Array(workers).fill(0);
    const loadMs = new Array(workers).fill(0);
    const failedBy = new Array(workers).fill(0);
    const lagSamples: { at: number; sent: number; counted: number }[] = [];
    const started = Date.now();
    const runs = Array.from(
      { length: workers },
      (_, w) =>
        new Promise<void>((done, fail) => {
          const job: LoadJob = { ip, host, connections: CONNECTIONS / workers, seconds: SECONDS };
          const load = spawn(process.execPath, ['--import', 'tsx', import.meta.filename], {
            cwd: ROOT,
            env: { ...process.env, BENCH_LOAD_JOB: JSON.stringify(job) },
            stdio: ['ignore', 'pipe', 'inherit'],
          });
          let buffered = '';
          load.stdout.on('data', (chunk: Buffer) => {
            buffered += chunk.toString();
            const lines = buffered.split('\n');
            buffered = lines.pop()!;
            for (const line of lines) {
              const m = JSON.parse(line) as { ok: number; failed: number; done: boolean; ms: number };
              sent[w] = m.ok;
              loadMs[w] = m.ms;
              failedBy[w] = m.failed;
              if (m.done) done();
            }
          });
          load.once('exit', (code) => (code ? fail(new Error(`load process exited with ${code}`)) : done()));
        }),
    );
    const sampler = setInterval(() => {
      const total = sent.reduce((a, b) => a + b, 0);
      counted().then(
        (n) => lagSamples.push({ at: Date.now() - started, sent: total, counted: n }),
        (err) => console.error(`scrape failed: ${err}\n${server.output().slice(-3000)}`),
      );
    }, 1000);
    await Promise.all(runs);
    clearInterval(sampler);
    const loadEnded = Date.now();
    const total = sent.reduce((a, b) => a + b, 0);
    const failed = failedBy.reduce((a, b) => a + b, 0);
    let caughtUpMs = -1;
    for (let i = 0; i < 1200; i++) {
      if ((await counted()) === total) {
        caughtUpMs = Date.now() - loadEnded;
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const finalCount = await counted();
    console.log(`load done: ${total} sent, ${finalCount} counted`);
    // Each load process times its own load (their start-up is not load).
    const rps = total / (Math.max(...loadMs) / 1000);
    const maxBacklog = Math.max(0, ...lagSamples.map((s) => s.sent - s.counted));

    // 2. Latency, logging on (the site's container) against off (a twin without the access-log directives).
    await cp(join(dataDir, 'sites', slug, 'nginx'), twinConf, { recursive: true });
    const conf = await readFile(join(twinConf, 'default.conf'), 'utf8');
    await writeFile(
      join(twinConf, 'default.conf'),
      conf
        .split('\n')
        .filter((l) => !/launchpad_traffic|^# Per-request traffic|^ {4}'\{"site"/.test(l))
        .join('\n'),
    );
    twin = await docker.createContainer({
      name: `launchpad-bench-twin-${randomBytes(4).toString('hex')}`,
      Image: info.Config.Image,
      HostConfig: {
        Binds: [`${join(dataDir, 'sites', slug)}:/srv/site:ro`, `${twinConf}:/etc/nginx/conf.d:ro`],
        NetworkMode: network,
        ...STATIC_SERVER_CONFINEMENT,
      },
    });
    await twin.start();
    const twinIp = (await twin.inspect()).NetworkSettings.Networks[network]!.IPAddress;
    const on: number[] = [];
    const off: number[] = [];
    const agentOn = new Agent({ keepAlive: true, maxSockets: 1 });
    const agentOff = new Agent({ keepAlive: true, maxSockets: 1 });
    // The twin's nginx is up once it answers.
    for (let i = 0; (await get(agentOff, twinIp, host, '/').catch(() => 0)) !== 200; i++) {
      if (i > 100) throw new Error('the twin container does not answer');
      await new Promise((r) => setTimeout(r, 100));
    }
    for (let i = 0; i < 50; i++) {
      await get(agentOn, ip, host, '/');
      await get(agentOff, twinIp, host, '/');
    }
    for (let round = 0; round < LATENCY_ROUNDS; round++) {
      for (const [target, agent, into] of [
        [ip, agentOn, on],
        [twinIp, agentOff, off],
      ] as const) {
        for (let i = 0; i < LATENCY_PER_ROUND; i++) {
          const t = process.hrtime.bigint();
          const status = await get(agent, target, host, '/');
          if (status !== 200) throw new Error(`latency request answered ${status}`);
          into.push(Number(process.hrtime.bigint() - t) / 1e6);
        }
      }
    }
    agentOn.destroy();
    agentOff.destroy();
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    const pct = (xs: number[], p: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
    const result = {
      at: new Date().toISOString(),
      machine: { cpus: cpus().length, loadavg: loadavg() },
      throughput: {
        seconds: Math.max(...loadMs) / 1000,
        connections: CONNECTIONS,
        requests: total,
        failed,
        requestsPerSecond: Math.round(rps),
        counted: finalCount,
        exact: finalCount === total,
        maxBacklogRequests: maxBacklog,
        maxBacklogSeconds: Number((maxBacklog / rps).toFixed(2)),
        caughtUpMsAfterLoad: caughtUpMs,
        samples: lagSamples,
      },
      latency: {
        requests: on.length,
        loggingOn: { medianMs: pct(on, 0.5), p99Ms: pct(on, 0.99) },
        loggingOff: { medianMs: pct(off, 0.5), p99Ms: pct(off, 0.99) },
        medianRatio: Number((pct(on, 0.5) / pct(off, 0.5)).toFixed(3)),
        p99Ratio: Number((pct(on, 0.99) / pct(off, 0.99)).toFixed(3)),
      },
    };
    await mkdir(join(ROOT, 'bench/results'), { recursive: true });
    await writeFile(join(ROOT, 'bench/results/access-log.json'), `${JSON.stringify(result, null, 2)}\n`);
    const t = result.throughput;
    const l = result.latency;
    console.log(
      `throughput: ${t.requestsPerSecond} req/s for ${t.seconds.toFixed(1)} s (${t.requests} requests, ${t.failed} failed)`,
    );
    console.log(
      `aggregator: counted ${t.counted} (${t.exact ? 'exact' : 'NOT exact'}); largest backlog ${t.maxBacklogRequests} requests (${t.maxBacklogSeconds} s of load); exact ${t.caughtUpMsAfterLoad} ms after the load ended`,
    );
    console.log(
      `latency, one request at a time: logging on median ${l.loggingOn.medianMs.toFixed(3)} ms p99 ${l.loggingOn.p99Ms.toFixed(3)} ms; off median ${l.loggingOff.medianMs.toFixed(3)} ms p99 ${l.loggingOff.p99Ms.toFixed(3)} ms; on/off median ${l.medianRatio}, p99 ${l.p99Ratio}`,
    );
  } finally {
    await twin?.remove({ force: true }).catch(() => {});
    // The site container, the networks and the build network's firewall rules this run made.
    await server.stop();
    await rm(twinConf, { recursive: true, force: true });
  }
}
