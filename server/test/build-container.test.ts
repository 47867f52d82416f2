import { randomBytes } from 'node:crypto';
import { chown, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  BuildCancelledError,
  BuildDiskLimitError,
  type BuildOptions,
  BuildTimeoutError,
  buildContainerName,
  LineSplitter,
  removeStaleBuildContainers,
  runBuild,
} from '../src/runtime/build-container.js';
import { BuildNetwork } from '../src/runtime/build-network.js';
import { BUILD_LABEL, INSTANCE_LABEL, MANAGED_LABEL, SITE_LABEL } from '../src/runtime/labels.js';
import { testBuildNetwork } from './support/build-network.js';
import { LineCollector } from './support/line-collector.js';

const docker = new Docker();
const IMAGE = 'node:20-alpine';
const run = randomBytes(4).toString('hex');
/** Every container this file makes carries this site id, so cleanup finds them all and nothing else. */
const siteId = `test-build-${run}`;
const dirs: string[] = [];
const networks: string[] = [];
/** Builds of this file run on a build network of their own, removed (with its firewall rules) at the end. */
const buildNetwork = testBuildNetwork(docker);

const deployId = () => randomBytes(12).toString('hex');

/**
 * Shell command fetching http://<ip>/ with a 2 s limit, printing "reached <status>" or "blocked <error>".
 * node, not wget: the stand-in image's busybox wget crashes (SIGSEGV) on any request.
 */
const httpProbe = (ip: string) =>
  `node -e "require('http').get({ host: '${ip}', path: '/', timeout: 2000 }, (r) => { console.log('reached', r.statusCode); process.exit(0) })` +
  `.on('timeout', function () { this.destroy(Object.assign(new Error('t'), { code: 'ETIMEDOUT' })) })` +
  `.on('error', (e) => { console.log('blocked', e.code); process.exit(1) })"`;

/**
 * Shell command fetching http://<host>:<port>/ for every host at once (2 s limit each), printing one line
 * per host, in the order given: "<host> reached <status>" or "<host> blocked <error>".
 */
const httpProbeAll = (hosts: string[], port: number) =>
  `node -e "Promise.all(${JSON.stringify(hosts).replace(/"/g, "'")}.map((host) => new Promise((done) => ` +
  `require('http').get({ host, port: ${port}, path: '/', timeout: 2000 }, (r) => { r.resume(); done(host + ' reached ' + r.statusCode) })` +
  `.on('timeout', function () { this.destroy(Object.assign(new Error('t'), { code: 'ETIMEDOUT' })) })` +
  `.on('error', (e) => done(host + ' blocked ' + e.code))))).then((lines) => console.log(lines.join('\\n')))"`;

async function checkout(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'launchpad-build-test-'));
  dirs.push(dir);
  return dir;
}

async function build(command: string, extra: Partial<BuildOptions> = {}) {
  const log = new LineCollector();
  const id = extra.deployId ?? deployId();
  const opts: BuildOptions = {
    deployId: id,
    siteId,
    image: IMAGE,
    checkout: extra.checkout ?? (await checkout()),
    command,
    env: [],
    timeoutMs: 60_000,
    signal: new AbortController().signal,
    log,
    network: buildNetwork,
    ...extra,
  };
  const started = Date.now();
  const settled = await runBuild(docker, opts).then(
    (result) => ({ result, error: null }),
    (error: unknown) => ({ result: null, error }),
  );
  return { ...settled, log, deployId: id, checkout: opts.checkout, ms: Date.now() - started };
}

async function containerExists(id: string): Promise<boolean> {
  const list = await docker.listContainers({ all: true, filters: { label: [`${BUILD_LABEL}=${id}`] } });
  return (
    list.length > 0 ||
    (await docker
      .getContainer(buildContainerName(id))
      .inspect()
      .then(
        () => true,
        () => false,
      ))
  );
}

async function removeOurContainers(): Promise<void> {
  const list = await docker.listContainers({ all: true, filters: { label: [`${SITE_LABEL}=${siteId}`] } });
  await Promise.all(
    list.map((c) =>
      docker
        .getContainer(c.Id)
        .remove({ force: true })
        .catch(() => {}),
    ),
  );
}

beforeAll(async () => {
  await docker.getImage(IMAGE).inspect(); // fails clearly when the stand-in image is missing
});

afterEach(removeOurContainers);

afterAll(async () => {
  await removeOurContainers();
  for (const n of networks)
    await docker
      .getNetwork(n)
      .remove()
      .catch(() => {});
  for (const d of dirs) await rm(d, { recursive: true, force: true });
  await buildNetwork.remove();
});

describe('runBuild', () => {
  it('streams stdout and stderr line by line, in order, and removes the container', async () => {
    // The engine reads stdout and stderr through separate pipes, so it orders lines across the two
    // streams only when they are not written within the same instant.
    const {
      result,
      error,
      log,
      deployId: id,
    } = await build(`echo a; sleep 0.2; echo b >&2; sleep 0.2; printf 'c\\r\\nd'`);
    expect(error).toBeNull();
    expect(result).toEqual({ exitCode: 0, oomKilled: false });
    expect(log.output()).toEqual(['STDOUT a', 'STDERR b', 'STDOUT c', 'STDOUT d']);
    expect(log.of('SYSTEM').at(-1)).toBe('build exited with code 0');
    expect(await containerExists(id)).toBe(false);
  });

  it('keeps each stream in order however fast it writes', async () => {
    const { log } = await build('for i in $(seq 1 500); do echo "out $i"; echo "err $i" >&2; done');
    const expected = (s: string) => Array.from({ length: 500 }, (_, i) => `${s} ${i + 1}`);
    expect(log.of('STDOUT')).toEqual(expected('out'));
    expect(log.of('STDERR')).toEqual(expected('err'));
  });

  it('a build that exits with its output still unread keeps its whole log (a fixed drain wait cut it mid-line)', async () => {
    // A reader slower than the printer: the build exits with its last lines still in the engine's and the
    // socket's buffers, and reading them takes longer than the old fixed two seconds after the exit.
    class SlowReader extends LineCollector {
      override write(stream: Parameters<LineCollector['write']>[0], text: string): void {
        const until = performance.now() + 0.1;
        while (performance.now() < until) {} // 100 µs per line, as a loaded control plane
        super.write(stream, text);
      }
    }
    const log = new SlowReader();
    const lines = 60_000;
    const { error } = await build(
      `node -e "let s = ''; for (let i = 1; i <= ${lines}; i++) s += 'line ' + i + '\\n'; process.stdout.write(s)"`,
      { log },
    );
    expect(error).toBeNull();
    expect(log.of('STDOUT')).toEqual(Array.from({ length: lines }, (_, i) => `line ${i + 1}`));
  }, 120_000);

  it('runs a trivial build quickly', async () => {
    const { result, ms } = await build('echo hi');
    expect(result?.exitCode).toBe(0);
    console.log(`build container for "echo hi": ${ms} ms (create, start, exit, remove)`);
  });

  it('passes the site env vars, CI and HOME, and runs as a non-root user', async () => {
    const { result, log } = await build(
      'echo "$GREETING"; echo "CI=$CI HOME=$HOME"; id -u; pwd; ' +
        // npm's cache and npx binaries live under HOME: it must be writable and allow exec
        `printf '#!/bin/sh\\necho tmp-exec-ok\\n' > "$HOME/x.sh" && chmod +x "$HOME/x.sh" && "$HOME/x.sh"`,
      {
        env: [
          { name: 'GREETING', value: 'hello world; $(not expanded) `nor this`' },
          { name: 'EMPTY', value: '' },
        ],
      },
    );
    expect(result?.exitCode).toBe(0);
    expect(log.of('STDOUT')).toEqual([
      'hello world; $(not expanded) `nor this`',
      'CI=true HOME=/tmp',
      '1000',
      '/workspace',
      'tmp-exec-ok',
    ]);
  });

  it('returns a non-zero exit code', async () => {
    const { result, error, log } = await build('echo failing >&2; exit 3');
    expect(error).toBeNull();
    expect(result?.exitCode).toBe(3);
    expect(log.of('STDERR')).toEqual(['failing']);
    expect(log.of('SYSTEM').at(-1)).toBe('build exited with code 3');
  });

  it('handles a long line, a missing final newline and UTF-8', async () => {
    const { log } = await build(`head -c 10000 /dev/zero | tr '\\0' x; echo; echo 'héllo ✓'; printf tail`);
    const out = log.of('STDOUT');
    expect(out).toHaveLength(3);
    expect(out[0]).toBe(`${'x'.repeat(8192)} … [line truncated: 10000 chars]`);
    expect(out.slice(1)).toEqual(['héllo ✓', 'tail']);
  });

  it('stops a build at its timeout and removes the container', async () => {
    // The timeout counts from the container's start: 8 s leaves a loaded machine time to print "started".
    const { error, log, deployId: id, ms } = await build('echo started; sleep 600', { timeoutMs: 8000 });
    expect(error).toBeInstanceOf(BuildTimeoutError);
    expect((error as Error).message).toMatch(/longer than 8 s/);
    expect(log.of('STDOUT')).toEqual(['started']);
    expect(log.of('SYSTEM')).toContain('build timed out after 8 s');
    expect(ms).toBeLessThan(60_000);
    expect(await containerExists(id)).toBe(false);
  });

  it('stops a build when cancelled, within seconds, and removes the container', async () => {
    const ac = new AbortController();
    const id = deployId();
    const pending = build('echo started; sleep 600', { signal: ac.signal, deployId: id });
    // cancel once the build is really running
    for (let i = 0; i < 200; i++) {
      const info = await docker
        .getContainer(buildContainerName(id))
        .inspect()
        .catch(() => null);
      if (info?.State.Running) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const abortedAt = Date.now();
    ac.abort();
    const { error, log } = await pending;
    const took = Date.now() - abortedAt;
    console.log(`cancel took ${took} ms`);
    expect(error).toBeInstanceOf(BuildCancelledError);
    expect(took).toBeLessThan(5000);
    expect(log.of('SYSTEM')).toContain('build cancelled');
    expect(await containerExists(id)).toBe(false);
  });

  it('does not create a container when cancelled before it starts', async () => {
    const ac = new AbortController();
    ac.abort();
    const { error, deployId: id } = await build('echo never', { signal: ac.signal });
    expect(error).toBeInstanceOf(BuildCancelledError);
    expect(await containerExists(id)).toBe(false);
  });

  it('gives the build no docker.sock, no capabilities and no new privileges', async () => {
    const { result, log } = await build(
      'ls -la /var/run/docker.sock /run/docker.sock 2>/dev/null || echo no-socket; ' +
        "grep -E '^(CapEff|CapPrm|NoNewPrivs)' /proc/self/status",
    );
    expect(result?.exitCode).toBe(0);
    expect(log.of('STDOUT')).toEqual([
      'no-socket',
      'CapPrm:\t0000000000000000',
      'CapEff:\t0000000000000000',
      'NoNewPrivs:\t1',
    ]);
  });

  it('applies memory and process limits', async () => {
    const { log } = await build(
      'cat /sys/fs/cgroup/memory.max 2>/dev/null || cat /sys/fs/cgroup/memory/memory.limit_in_bytes; ' +
        'cat /sys/fs/cgroup/pids.max 2>/dev/null || cat /sys/fs/cgroup/pids/pids.max',
      { limits: { memoryBytes: 256 * 1024 * 1024, pids: 64 } },
    );
    expect(log.of('STDOUT')).toEqual([String(256 * 1024 * 1024), '64']);
  });

  it('reports a build killed for running out of memory', async () => {
    const { result, log } = await build(`node -e 'const a = []; for (;;) a.push(Buffer.alloc(1 << 20, 1))'`, {
      limits: { memoryBytes: 96 * 1024 * 1024 },
    });
    expect(result?.exitCode).toBe(137);
    expect(result?.oomKilled).toBe(true);
    expect(log.of('SYSTEM').join('\n')).toMatch(/ran out of memory \(limit 96 MiB\)/);
  });

  it('cannot reach containers on the sites network', async () => {
    const network = `lp-build-test-${run}`;
    await docker.createNetwork({ Name: network, Driver: 'bridge', Labels: { [MANAGED_LABEL]: 'true' } });
    networks.push(network);
    const labels = { [MANAGED_LABEL]: 'true', [SITE_LABEL]: siteId };
    const web = await docker.createContainer({
      name: `lp-build-test-web-${run}`,
      Image: 'nginx:alpine',
      Labels: labels,
      HostConfig: { NetworkMode: network },
    });
    await web.start();
    const ip = (await web.inspect()).NetworkSettings.Networks[network]!.IPAddress;
    expect(ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);

    // Control: from a container on that network the site answers, so a failure below means isolation.
    const probe = await docker.createContainer({
      name: `lp-build-test-probe-${run}`,
      Image: IMAGE,
      Labels: labels,
      Entrypoint: ['sh', '-c'],
      Cmd: [`for i in 1 2 3 4 5 6 7 8 9 10; do ${httpProbe(ip)} && exit 0; sleep 0.3; done; exit 1`],
      HostConfig: { NetworkMode: network },
    });
    await probe.start();
    expect((await probe.wait()).StatusCode).toBe(0);

    const { result, log } = await build(`${httpProbe(ip)} || true`);
    expect(result?.exitCode).toBe(0);
    expect(log.of('STDOUT')).toEqual(['blocked ETIMEDOUT']);
  });

  it('hands a root-owned checkout to 1000:1000 and leaves world-readable output', async () => {
    const dir = await checkout();
    await writeFile(join(dir, 'package.json'), '{}');
    const { result } = await build(
      'mkdir -p dist/assets && echo "<h1>hi</h1>" > dist/index.html && echo x > dist/assets/app.js && ' +
        'echo changed > package.json',
      { checkout: dir },
    );
    expect(result?.exitCode).toBe(0);
    for (const rel of ['dist', 'dist/assets']) {
      const st = await stat(join(dir, rel));
      expect(st.uid).toBe(1000);
      expect(st.mode & 0o005).toBe(0o005);
    }
    for (const rel of ['dist/index.html', 'dist/assets/app.js', 'package.json']) {
      const st = await stat(join(dir, rel));
      expect(st.uid).toBe(1000);
      expect(st.mode & 0o004).toBe(0o004);
    }
    expect(await readFile(join(dir, 'dist/index.html'), 'utf8')).toBe('<h1>hi</h1>\n');
  });

  it('runs as the owner of a checkout that does not belong to root', async () => {
    const dir = await checkout();
    await chown(dir, 1234, 2345);
    const { log } = await build('id -u; id -g; touch made && stat -c %u:%g made', { checkout: dir });
    expect(log.of('STDOUT')).toEqual(['1234', '2345', '1234:2345']);
  });

  it('labels the container and names it after the deploy', async () => {
    const id = deployId();
    const log = new LineCollector();
    let seen: Docker.ContainerInspectInfo | null = null;
    const pending = runBuild(docker, {
      deployId: id,
      siteId,
      image: IMAGE,
      checkout: await checkout(),
      command: 'sleep 2',
      env: [],
      timeoutMs: 30_000,
      signal: new AbortController().signal,
      log,
      instanceId: `inst-${run}`,
      network: buildNetwork,
    });
    for (let i = 0; i < 100 && !seen; i++) {
      seen = await docker
        .getContainer(buildContainerName(id))
        .inspect()
        .catch(() => null);
      if (!seen) await new Promise((r) => setTimeout(r, 50));
    }
    await pending;
    expect(seen?.Config.Labels).toMatchObject({
      [MANAGED_LABEL]: 'true',
      [SITE_LABEL]: siteId,
      [BUILD_LABEL]: id,
      [INSTANCE_LABEL]: `inst-${run}`,
    });
    // Its own build network (build-network.ts), no longer Docker's default bridge that reaches the host.
    expect(seen?.HostConfig.NetworkMode).toBe((await buildNetwork.ensure()).id);
    expect(seen?.HostConfig.Privileged).toBe(false);
    expect(seen?.HostConfig.Binds ?? []).toEqual([]);
    expect(seen?.HostConfig.Memory).toBe(2 * 1024 * 1024 * 1024);
    expect(seen?.HostConfig.MemorySwap).toBe(2 * 1024 * 1024 * 1024);
    expect(seen?.HostConfig.NanoCpus).toBe(1.5e9);
    expect(seen?.HostConfig.PidsLimit).toBe(512);
    expect(seen?.Config.Cmd).toEqual(['sh', '-c', 'sleep 2']);
  });

  it('replaces a leftover container of the same deploy', async () => {
    const id = deployId();
    await docker.createContainer({
      name: buildContainerName(id),
      Image: IMAGE,
      Cmd: ['true'],
      Labels: { [MANAGED_LABEL]: 'true', [SITE_LABEL]: siteId, [BUILD_LABEL]: id },
    });
    const { result, log } = await build('echo fresh', { deployId: id });
    expect(result?.exitCode).toBe(0);
    expect(log.of('STDOUT')).toEqual(['fresh']);
  });
});

describe('build network', () => {
  let service: HttpServer;
  let port: number;

  beforeAll(async () => {
    // A service of the host that must stay private: bound to every address, as many are.
    service = createHttpServer((_req, res) => res.end('host service'));
    port = await new Promise<number>((r) =>
      service.listen(0, '0.0.0.0', () => r((service.address() as { port: number }).port)),
    );
  });
  afterAll(() => new Promise<void>((r) => service.close(() => r())));

  it("a build cannot reach the host's own services, through its gateway or any host address", async () => {
    const state = await buildNetwork.ensure();
    expect(state.warning).toBeNull();
    const gateway = (await docker.getNetwork(state.id).inspect()).IPAM?.Config?.[0]?.Gateway as string;
    expect(gateway).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const hostAddresses = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && a.family === 'IPv4' && !a.internal)
      .map((a) => a!.address);
    const targets = [...new Set([gateway, ...hostAddresses])];

    // Control: from a container on Docker's default bridge (where builds used to run) the host's
    // addresses answer, so "blocked" below is the build network's doing.
    const control = await docker.createContainer({
      name: `lp-build-test-control-${run}`,
      Image: IMAGE,
      Labels: { [MANAGED_LABEL]: 'true', [SITE_LABEL]: siteId },
      Entrypoint: ['sh', '-c'],
      Cmd: [httpProbeAll(hostAddresses, port)],
      HostConfig: { NetworkMode: 'bridge' },
    });
    await control.start();
    await control.wait();
    const controlOut = (await control.logs({ stdout: true, stderr: true })).toString('utf8');
    for (const address of hostAddresses) expect(controlOut).toContain(`${address} reached 200`);

    const { result, log } = await build(httpProbeAll(targets, port));
    expect(result?.exitCode).toBe(0);
    expect(log.of('STDOUT')).toEqual(targets.map((t) => `${t} blocked ETIMEDOUT`));
  });

  it("a build's npm install and npm ci still reach the package registry", async () => {
    const dir = await checkout();
    await writeFile(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'probe', version: '1.0.0', private: true }),
    );
    const { result, log } = await build(
      'npm install --no-audit --no-fund is-number@7.0.0 && rm -rf node_modules && npm ci --no-audit --no-fund && ' +
        `node -e "console.log('is-number says', require('is-number')(5))"`,
      { checkout: dir, timeoutMs: 120_000 },
    );
    expect(log.of('SYSTEM').filter((l) => l.startsWith('warning'))).toEqual([]);
    expect(result?.exitCode).toBe(0);
    expect(log.of('STDOUT')).toContain('is-number says true');
    expect(JSON.parse(await readFile(join(dir, 'package-lock.json'), 'utf8')).packages).toHaveProperty(
      'node_modules/is-number',
    );
  });

  it('the network is one per name however many builds create it at once', async () => {
    const other = testBuildNetwork(docker);
    try {
      const twins = [other, new BuildNetwork(docker, other.spec), new BuildNetwork(docker, other.spec)];
      const ids = await Promise.all(twins.map((n) => n.ensure().then((s) => s.id)));
      expect(new Set(ids).size).toBe(1);
      const named = (await docker.listNetworks({ filters: { name: [other.spec.name] } })).filter(
        (n) => n.Name === other.spec.name,
      );
      expect(named).toHaveLength(1);
    } finally {
      await other.remove();
    }
    expect(
      (await docker.listNetworks({ filters: { name: [other.spec.name] } })).filter(
        (n) => n.Name === other.spec.name,
      ),
    ).toHaveLength(0);
  });
});

describe('per-build disk limit', () => {
  const MiB = 1024 * 1024;
  const limits = { diskBytes: 20 * MiB };
  /** Writes `count` files of 1 MiB, one every 50 ms, under `dir`. */
  const fill = (dir: string, count: number) =>
    `mkdir -p ${dir}; i=0; while [ $i -lt ${count} ]; do dd if=/dev/urandom of=${dir}/f$i bs=1M count=1 2>/dev/null; i=$((i+1)); sleep 0.05; done; echo wrote all`;

  async function expectDiskLimit(command: string) {
    const dir = await checkout();
    await writeFile(join(dir, 'package.json'), '{}');
    const { error, log, deployId: id } = await build(command, { checkout: dir, limits });
    expect(error).toBeInstanceOf(BuildDiskLimitError);
    expect((error as Error).message).toMatch(/used more than 20 MB of disk/);
    expect((error as Error).message).toMatch(/LAUNCHPAD_BUILD_DISK_MB/);
    expect(log.of('SYSTEM').join('\n')).toMatch(
      /build used more than 20 MB of disk \(.* measured\); it was stopped and its files are removed/,
    );
    expect(log.of('STDOUT')).not.toContain('wrote all');
    // Its files are gone: the checkout is emptied, the container (and its writable layer) removed.
    expect(await readdir(dir)).toEqual([]);
    expect(await containerExists(id)).toBe(false);
    return log;
  }

  it('a build filling /workspace past its disk limit is killed and its files removed', async () => {
    await expectDiskLimit(fill('/workspace/junk', 200));
  });

  it("a build filling the container's own filesystem past its disk limit is killed", async () => {
    await expectDiskLimit(fill('/home/node/junk', 200));
  });

  it('a single file larger than the limit is cut by the kernel, not only by the watchdog', async () => {
    const log = await expectDiskLimit(
      'dd if=/dev/zero of=/workspace/big bs=1M count=1000; echo dd exited $?',
    );
    const measured = /\((\d+(\.\d+)?) MiB measured\)/.exec(log.of('SYSTEM').join('\n'));
    // RLIMIT_FSIZE stops the write at the limit: what was measured is about the limit, never 1000 MiB.
    expect(Number(measured?.[1])).toBeLessThan(25);
  });

  it('a build under its disk limit runs normally', async () => {
    const { result, error } = await build(fill('/workspace/ok', 5), { limits });
    expect(error).toBeNull();
    expect(result?.exitCode).toBe(0);
  });
});

describe('removeStaleBuildContainers', () => {
  it("removes an instance's build containers and leaves other instances' alone", async () => {
    const mine = `inst-a-${run}`;
    const other = `inst-b-${run}`;
    const make = (inst: string) =>
      docker.createContainer({
        name: buildContainerName(deployId()),
        Image: IMAGE,
        Cmd: ['sleep', '600'],
        Labels: { [MANAGED_LABEL]: 'true', [SITE_LABEL]: siteId, [BUILD_LABEL]: 'x', [INSTANCE_LABEL]: inst },
      });
    const a1 = await make(mine);
    await a1.start();
    const a2 = await make(mine);
    const b = await make(other);

    expect(await removeStaleBuildContainers(docker, { instanceId: mine })).toBe(2);
    expect(await a1.inspect().catch(() => null)).toBeNull();
    expect(await a2.inspect().catch(() => null)).toBeNull();
    expect(await b.inspect().catch(() => null)).not.toBeNull();
  });
});

describe('LineSplitter', () => {
  const split = (chunks: (string | Buffer)[], max?: number) => {
    const lines: string[] = [];
    const s = new LineSplitter((l) => lines.push(l), max);
    for (const c of chunks) s.push(typeof c === 'string' ? Buffer.from(c) : c);
    s.end();
    return lines;
  };

  it('joins lines split across chunks and keeps empty lines', () => {
    expect(split(['ab', 'c\nd', 'e\n\nf\n'])).toEqual(['abc', 'de', '', 'f']);
  });

  it('strips \\r of \\r\\n, also when the two arrive in different chunks', () => {
    expect(split(['a\r', '\nb\r\n', 'c\r\nd'])).toEqual(['a', 'b', 'c', 'd']);
  });

  it('flushes a last line without newline and nothing after a final newline', () => {
    expect(split(['x\ny'])).toEqual(['x', 'y']);
    expect(split(['x\n'])).toEqual(['x']);
    expect(split([])).toEqual([]);
  });

  it('keeps a multi-byte character split between chunks', () => {
    const bytes = Buffer.from('é✓\n');
    expect(split([bytes.subarray(0, 1), bytes.subarray(1, 3), bytes.subarray(3)])).toEqual(['é✓']);
  });

  it('cuts long lines and says how long they were, without keeping the rest', () => {
    expect(split(['abcdefgh', 'ij\r\nok\n'], 4)).toEqual(['abcd … [line truncated: 10 chars]', 'ok']);
    expect(split(['abcd\r\n'], 4)).toEqual(['abcd']);
    expect(split(['abcde'], 4)).toEqual(['abcd … [line truncated: 5 chars]']);
  });
});
