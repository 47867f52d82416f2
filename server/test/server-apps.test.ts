/**
 * Server apps (issue 14) against the real engine: Node and Python apps written here into a real git
 * repository, built and run by Launchpad, answering through the site's nginx container.
 *
 * The build network reaches no npm registry on this machine, so the Node app's one dependency is a tiny
 * package vendored in its repository (`file:vendor/tiny-greet`), installed by `npm ci --install-links`
 * as a real folder (a `file:` link would be a symlink, which publishing leaves out).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type GitServer, startGitServer } from './support/git-server.js';
import { docker, eventually, httpGet, type Launchpad, startLaunchpad } from './support/harness.js';

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateSiteInput!) {
    createSite(input: $input) { id slug kind startCommand port healthCheckPath runtimeImage }
  }`;
const SITE = /* GraphQL */ `
  query Site($id: ID!) {
    site(id: $id) {
      id status currentDeploy { id number }
      deploys { id number status error logs { stream text } }
    }
  }`;
const DEPLOY = 'mutation($id: ID!) { deploySite(id: $id) { id number } }';
const APP_TOKEN = 'app-token-5f3e9a1c7d';

/** A plain `http` server with one npm dependency; `behaviour` picks what a version does wrong, if anything. */
const nodeServer = (version: string, behaviour: 'ok' | 'unhealthy' | 'crash' = 'ok') => `
const http = require('node:http');
const greet = require('tiny-greet');
${behaviour === 'crash' ? "console.error('crash-marker: cannot start'); process.exit(3);" : ''}
const server = http.createServer((req, res) => {
  if (req.url === '/health') {
    res.writeHead(${behaviour === 'unhealthy' ? 500 : 200});
    return res.end('${behaviour === 'unhealthy' ? 'sick' : 'ok'}');
  }
  if (req.url === '/bomb') {
    // A memory bomb: grows until the kernel kills it at the container's limit.
    const hoard = [];
    for (;;) hoard.push(Buffer.alloc(16 * 1024 * 1024, 1));
  }
  if (req.url === '/headers') {
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(JSON.stringify(req.headers));
  }
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end(greet('${version}') + ' ' + process.env.GREETING + ' uid=' + process.getuid());
});
// A WebSocket endpoint without a library: a text frame every 100 ms; on SIGTERM a clean close (1001).
const sockets = new Set();
const frame = (op, payload) => Buffer.concat([Buffer.from([0x80 | op, payload.length]), payload]);
server.on('upgrade', (req, socket) => {
  const accept = require('node:crypto').createHash('sha1')
    .update(req.headers['sec-websocket-key'] + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
  socket.write('HTTP/1.1 101 Switching Protocols\\r\\nUpgrade: websocket\\r\\nConnection: Upgrade\\r\\n' +
    'Sec-WebSocket-Accept: ' + accept + '\\r\\n\\r\\n');
  sockets.add(socket);
  let n = 0;
  const timer = setInterval(() => socket.write(frame(1, Buffer.from('${version} tick ' + ++n))), 100);
  socket.on('close', () => { clearInterval(timer); sockets.delete(socket); });
  socket.on('error', () => {});
});
server.listen(Number(process.env.PORT), () => console.log('listening on ' + process.env.PORT + ' (${version}) token=' + process.env.APP_TOKEN));
${behaviour === 'unhealthy' ? "console.log('unhealthy-marker: health says 500');" : ''}
process.on('SIGTERM', () => {
  for (const socket of sockets) socket.end(frame(8, Buffer.from([0x03, 0xe9])));
  server.close(() => process.exit(0));
});
`;

const NODE_FILES = {
  'package.json': JSON.stringify({
    name: 'app',
    version: '1.0.0',
    private: true,
    scripts: { start: 'node server.js' },
    dependencies: { 'tiny-greet': 'file:vendor/tiny-greet' },
  }),
  'package-lock.json': JSON.stringify({
    name: 'app',
    version: '1.0.0',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'app', version: '1.0.0', dependencies: { 'tiny-greet': 'file:vendor/tiny-greet' } },
      'node_modules/tiny-greet': { version: '1.0.0', resolved: 'file:vendor/tiny-greet' },
    },
  }),
  'vendor/tiny-greet/package.json': JSON.stringify({
    name: 'tiny-greet',
    version: '1.0.0',
    main: 'index.js',
  }),
  'vendor/tiny-greet/index.js': "module.exports = (name) => 'hello ' + name;\n",
  _headers: '/*\n  X-Frame-Options: DENY\n',
};

const PYTHON_SERVER = `
import http.server, os

class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = ("python says hi on " + os.environ["PORT"]).encode()
        self.send_response(200)
        self.send_header("content-type", "text/plain")
        self.end_headers()
        self.wfile.write(body)

print("python app starting", flush=True)
http.server.ThreadingHTTPServer(("0.0.0.0", int(os.environ["PORT"])), Handler).serve_forever()
`;

let lp: Launchpad;
let git: GitServer;
const env = {
  LAUNCHPAD_GIT_SCHEMES: 'git',
  LAUNCHPAD_BUILD_TIMEOUT: '120',
  // A never-healthy app fails after this; a healthy one answers within a second or two.
  LAUNCHPAD_APP_HEALTH_TIMEOUT: '10',
};

beforeAll(async () => {
  git = await startGitServer();
  lp = await startLaunchpad(env);
});
afterAll(async () => {
  await lp?.cleanup();
  await git?.stop();
});

async function settled(siteId: string, number: number) {
  return eventually(
    async () => {
      const site = (await lp.gql(SITE, { id: siteId })).data?.site;
      const deploy = site?.deploys.find((d: { number: number }) => d.number === number);
      const done =
        deploy && ['LIVE', 'FAILED', 'CANCELLED'].includes(deploy.status) && site.status !== 'DEPLOYING';
      return done ? { site, deploy } : undefined;
    },
    120_000,
    `deploy #${number}`,
  );
}

async function get(slug: string, path = '/', headers: Record<string, string> = {}) {
  const { ip } = await lp.app.runtime.endpoint(slug);
  return httpGet(ip!, path, `${slug}.localhost`, 80, headers);
}

/** This test's app containers of `slug` (names), running or not. */
async function appContainers(slug: string): Promise<string[]> {
  const instance = (await readFile(join(lp.dataDir, 'instance-id'), 'utf8')).trim();
  const list = await docker.listContainers({
    all: true,
    filters: { label: ['dev.launchpad.app', `dev.launchpad.instance=${instance}`] },
  });
  return list
    .map((c) => c.Names[0]!.slice(1))
    .filter((n) => new RegExp(`^launchpad-app-${slug}-[0-9a-f]{24}$`).test(n))
    .sort();
}

async function deployVersion(siteId: string, repo: string, files: Record<string, string>, message: string) {
  await git.commit(repo, files, message);
  const res = await lp.gql(DEPLOY, { id: siteId });
  expect(res.errors).toBeUndefined();
  return settled(siteId, res.data!.deploySite.number);
}

describe('a Node server app', { timeout: 600_000 }, () => {
  let siteId: string;
  let slug: string;

  it('builds with npm ci, runs confined in its own container and answers through the site nginx', async () => {
    await git.createRepo('node-app', { ...NODE_FILES, 'server.js': nodeServer('v1') });
    slug = `${lp.slugPrefix}-node`;
    const res = await lp.gql(CREATE, {
      input: {
        name: slug,
        slug,
        kind: 'SERVER',
        sourceType: 'GIT',
        gitUrl: git.url('node-app'),
        branch: 'main',
        buildCommand: 'npm ci --install-links --no-audit --no-fund',
        healthCheckPath: '/health',
        envVars: [
          { name: 'GREETING', value: 'from-env' },
          // The app prints it: the runtime log must show *** in its place.
          { name: 'APP_TOKEN', value: APP_TOKEN, secret: true },
        ],
      },
    });
    expect(res.errors).toBeUndefined();
    const created = res.data!.createSite;
    expect(created).toMatchObject({
      kind: 'SERVER',
      startCommand: 'npm start',
      port: 3000,
      healthCheckPath: '/health',
      runtimeImage: 'node:20-alpine',
    });
    siteId = created.id;
    const { deploy } = await settled(siteId, 1);
    expect(deploy.error).toBeNull();
    expect(deploy.status).toBe('LIVE');

    const page = await get(slug);
    expect(page.status).toBe(200);
    expect(page.body.toString()).toBe('hello v1 from-env uid=1000');
    // _headers still apply in front of the app.
    expect(page.headers['x-frame-options']).toBe('DENY');
    // The app learns who asked and how (real client IP headers).
    const headers = JSON.parse(
      (await get(slug, '/headers', { 'x-forwarded-for': '203.0.113.7' })).body.toString(),
    );
    expect(headers['x-real-ip']).toBe('203.0.113.7');
    expect(headers['x-forwarded-for']).toBe('203.0.113.7');
    expect(headers['x-forwarded-proto']).toBe('http');
    expect(headers.host).toBe(`${slug}.localhost`);

    const apps = await appContainers(slug);
    expect(apps).toEqual([`launchpad-app-${slug}-${deploy.id}`]);
    const info = await docker.getContainer(apps[0]!).inspect();
    expect(info.Config.User).toBe('1000:1000');
    expect(info.Config.Env).toContain('PORT=3000');
    expect(info.HostConfig.CapDrop).toEqual(['ALL']);
    expect(info.HostConfig.SecurityOpt).toContain('no-new-privileges');
    expect(info.HostConfig.Privileged).toBe(false);
    expect(info.HostConfig.Memory).toBeGreaterThan(0);
    expect(info.HostConfig.PidsLimit).toBeGreaterThan(0);
    expect(info.HostConfig.RestartPolicy).toMatchObject({ Name: 'on-failure' });
    expect(info.Mounts.map((m) => m.Source).join()).not.toContain('docker.sock');
    expect(info.Mounts.every((m) => m.RW === false)).toBe(true);
  });

  it('redeploys five times under a steady request loop with no failed request', async () => {
    let stop = false;
    const failures: string[] = [];
    const seen = new Set<string>();
    let requests = 0;
    const loop = (async () => {
      while (!stop) {
        requests++;
        try {
          const res = await get(slug);
          if (res.status !== 200) failures.push(`status ${res.status}: ${res.body.toString().slice(0, 80)}`);
          else seen.add(res.body.toString().split(' ')[1]!);
        } catch (err) {
          failures.push(String(err));
        }
      }
    })();
    // A WebSocket kept open across the last redeploy: it may close cleanly (1001), never with an error.
    let socket: WebSocket | null = null;
    const ws = { messages: 0, malformed: 0, errors: [] as string[], closed: null as Promise<number> | null };
    try {
      for (let v = 2; v <= 6; v++) {
        if (v === 6) {
          const { ip } = await lp.app.runtime.endpoint(slug);
          socket = new WebSocket(`ws://${ip}/`, { headers: { host: `${slug}.localhost` } });
          const s = socket;
          s.on('message', (data) => {
            ws.messages++;
            if (!/^v5 tick \d+$/.test(data.toString())) ws.malformed++;
          });
          s.on('error', (err) => ws.errors.push(err.message));
          ws.closed = new Promise((resolve) => s.on('close', (code) => resolve(code)));
          await new Promise((resolve, reject) => {
            s.once('open', resolve);
            s.once('error', reject);
          });
        }
        const { deploy } = await deployVersion(
          siteId,
          'node-app',
          { 'server.js': nodeServer(`v${v}`) },
          `v${v}`,
        );
        expect(deploy.status).toBe('LIVE');
        expect((await get(slug)).body.toString()).toContain(`hello v${v} `);
      }
    } finally {
      stop = true;
      await loop;
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(20);
    // The old app stops once nginx's old worker let go (at most 30 s): its socket closes then.
    expect(await ws.closed).toBe(1001);
    expect(ws.errors).toEqual([]);
    expect(ws.malformed).toBe(0);
    expect(ws.messages).toBeGreaterThan(10);
    expect(seen.has('v6')).toBe(true);
    // Each old app stopped once its requests drained: one app per site.
    await eventually(async () => ((await appContainers(slug)).length === 1 ? true : undefined), 60_000);
  });

  it('a deploy whose app never becomes healthy fails with its log tail; the previous app keeps answering', async () => {
    const { deploy, site } = await deployVersion(
      siteId,
      'node-app',
      { 'server.js': nodeServer('v7', 'unhealthy') },
      'unhealthy',
    );
    expect(deploy.status).toBe('FAILED');
    expect(deploy.error).toMatch(/not healthy within 10 s/);
    expect(deploy.error).toContain('unhealthy-marker');
    expect(site.status).toBe('LIVE');
    expect((await get(slug)).body.toString()).toContain('hello v6 ');
    expect(await appContainers(slug)).toEqual([`launchpad-app-${slug}-${site.currentDeploy.id}`]);
  });

  it('a deploy whose app crashes at start-up fails at once with its output', async () => {
    const { deploy, site } = await deployVersion(
      siteId,
      'node-app',
      { 'server.js': nodeServer('v8', 'crash') },
      'crash',
    );
    expect(deploy.status).toBe('FAILED');
    expect(deploy.error).toMatch(/exited with code 3|crashed while starting/);
    expect(deploy.error).toContain('crash-marker');
    expect((await get(slug)).body.toString()).toContain('hello v6 ');
    expect(await appContainers(slug)).toEqual([`launchpad-app-${slug}-${site.currentDeploy.id}`]);
  });

  it('rolls back by starting the earlier deploy’s app from its kept files', async () => {
    const first = (await lp.gql(SITE, { id: siteId })).data!.site.deploys.find(
      (d: { number: number }) => d.number === 1,
    );
    const res = await lp.gql('mutation($id: ID!) { rollback(deployId: $id) { id number status } }', {
      id: first.id,
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.rollback.status).toBe('LIVE');
    expect((await get(slug)).body.toString()).toBe('hello v1 from-env uid=1000');
    await eventually(async () =>
      (await appContainers(slug)).join() === `launchpad-app-${slug}-${res.data!.rollback.id}`
        ? true
        : undefined,
    );
  });

  it('a memory bomb in the app is killed at its limit and Docker restarts the app; the site shows it', async () => {
    const SITE_APP = 'query($id: ID!) { site(id: $id) { app { state restartCount oomKilled } } }';
    expect((await lp.gql(SITE_APP, { id: siteId })).data!.site.app).toEqual({
      state: 'RUNNING',
      restartCount: 0,
      oomKilled: false,
    });
    await get(slug, '/bomb').catch(() => null); // nginx answers 502 once the app is gone, or the wait times out
    // Docker clears the OOM mark when it starts the app again; the restart count stays.
    await eventually(async () => {
      const status = (await lp.gql(SITE_APP, { id: siteId })).data!.site.app;
      return status.restartCount >= 1 && status.state === 'RUNNING' ? status : undefined;
    }, 60_000);
    const instance = (await readFile(join(lp.dataDir, 'instance-id'), 'utf8')).trim();
    const [current] = await docker.listContainers({
      filters: { label: [`dev.launchpad.instance=${instance}`], name: [`launchpad-app-${slug}-`] },
    });
    // The engine's own record of why it died (`until` makes the event stream end).
    const events = await docker.getEvents({
      since: Math.floor(Date.now() / 1000) - 300,
      until: Math.floor(Date.now() / 1000) + 1,
      filters: { container: [current!.Id], event: ['oom'] },
    });
    let text = '';
    for await (const chunk of events as unknown as AsyncIterable<Buffer>) text += chunk.toString();
    expect(text).toContain('"oom"');
    // The engine, the control plane and the site itself go on: the restarted app answers again.
    await eventually(
      async () => ((await get(slug)).body.toString() === 'hello v1 from-env uid=1000' ? true : undefined),
      30_000,
    );
  });

  it('streams the running app’s output: its last lines, then live ones', async () => {
    const client = lp.ws();
    try {
      const lines = await new Promise<{ stream: string; text: string }[]>((resolve, reject) => {
        const got: { stream: string; text: string }[] = [];
        const off = client.subscribe<{ siteRuntimeLog: { seq: number; stream: string; text: string } }>(
          {
            query: 'subscription($id: ID!) { siteRuntimeLog(siteId: $id, tail: 5) { seq stream text } }',
            variables: { id: siteId },
          },
          {
            next: (msg) => {
              if (msg.errors) return reject(new Error(JSON.stringify(msg.errors)));
              got.push(msg.data!.siteRuntimeLog);
              if (got.some((l) => l.text.includes('listening on 3000 (v1)'))) {
                off();
                resolve(got);
              }
            },
            error: reject,
            complete: () => resolve(got),
          },
        );
      });
      const listening = lines.find((l) => l.text.includes('listening on 3000 (v1)'));
      expect(listening?.stream).toBe('STDOUT');
      // A secret env var the app prints is masked, as in build logs.
      expect(listening?.text).toContain('token=***');
      expect(lines.some((l) => l.text.includes(APP_TOKEN))).toBe(false);
    } finally {
      await client.dispose();
    }
  });

  it('refuses app settings that cannot be right', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ port: 80 }, 'port'],
      [{ port: 70000 }, 'port'],
      [{ healthCheckPath: 'health' }, 'healthCheckPath'],
      [{ startCommand: 'node a.js\nrm -rf /' }, 'startCommand'],
      [{ runtimeImage: '--privileged' }, 'runtimeImage'],
    ];
    for (const [input, field] of cases) {
      const res = await lp.gql(
        'mutation($id: ID!, $input: UpdateSiteInput!) { updateSite(id: $id, input: $input) { id } }',
        { id: siteId, input },
      );
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});

describe('a Python server app', { timeout: 300_000 }, () => {
  it('runs on python:3.12-alpine with the standard library only', async () => {
    await git.createRepo('py-app', { 'server.py': PYTHON_SERVER });
    const slug = `${lp.slugPrefix}-py`;
    const res = await lp.gql(CREATE, {
      input: {
        name: slug,
        slug,
        kind: 'SERVER',
        sourceType: 'GIT',
        gitUrl: git.url('py-app'),
        branch: 'main',
        startCommand: 'python3 server.py',
        port: 8000,
        runtimeImage: 'python:3.12-alpine',
      },
    });
    expect(res.errors).toBeUndefined();
    const { deploy } = await settled(res.data!.createSite.id, 1);
    expect(deploy.error).toBeNull();
    const page = await get(slug);
    expect(page.status).toBe(200);
    expect(page.body.toString()).toBe('python says hi on 8000');

    // Deleting the site removes its app.
    const del = await lp.gql('mutation($id: ID!) { deleteSite(id: $id) }', { id: res.data!.createSite.id });
    expect(del.errors).toBeUndefined();
    expect(await appContainers(slug)).toEqual([]);
  });
});

/**
 * A dependency-free app (no build step) for the misbehaviour tests: `CRASH_AFTER_MS` makes it exit that long
 * after it listens (healthy by then); `/forkbomb` starts a shell fork bomb inside its container, which fills
 * its process table, and keeps starting it again so the table stays full.
 */
const MISBEHAVING_SERVER = `
const http = require('node:http');
const { spawn } = require('node:child_process');
const crashAfter = Number(process.env.CRASH_AFTER_MS || 0);
const server = http.createServer((req, res) => {
  if (req.url === '/forkbomb') {
    // The classic bomb and a loop of sleeps. A shell dies at its first refused fork, so the bomb alone dies
    // out at the limit and a sample of the table can miss it at the top: the app starts it again whenever
    // it ended, which keeps the process table full for as long as the container runs.
    const bomb = () => {
      const sh = spawn('sh', ['-c', 'f(){ f | f & }; f & while :; do sleep 3600 & done'], {
        stdio: 'ignore',
        detached: true,
      });
      let again = false;
      const retry = () => {
        if (!again) { again = true; setTimeout(bomb, 50); }
      };
      sh.on('error', retry); // refused itself: the table is full
      sh.on('exit', retry);
    };
    bomb();
    return res.end('forked');
  }
  res.end('alive ' + process.env.NAME);
});
server.listen(Number(process.env.PORT), () => {
  console.log('listening');
  if (crashAfter) setTimeout(() => { console.error('crash-later-marker'); process.exit(4); }, crashAfter);
});
`;

describe('a server app that misbehaves once live', { timeout: 300_000 }, () => {
  const SITE_APP = 'query($id: ID!) { site(id: $id) { status app { state restartCount } } }';

  async function createApp(name: string, env: Record<string, string>) {
    const slug = `${lp.slugPrefix}-${name}`;
    const res = await lp.gql(CREATE, {
      input: {
        name: slug,
        slug,
        kind: 'SERVER',
        sourceType: 'GIT',
        gitUrl: git.url('misbehaving-app'),
        branch: 'main',
        startCommand: 'node server.js',
        envVars: Object.entries(env).map(([n, value]) => ({ name: n, value })),
      },
    });
    expect(res.errors).toBeUndefined();
    const { deploy } = await settled(res.data!.createSite.id, 1);
    expect(deploy.error).toBeNull();
    expect(deploy.status).toBe('LIVE');
    return { id: res.data!.createSite.id as string, slug };
  }

  const remove = async (id: string) => {
    const res = await lp.gql('mutation($id: ID!) { deleteSite(id: $id) }', { id });
    expect(res.errors).toBeUndefined();
  };

  beforeAll(async () => {
    await git.createRepo('misbehaving-app', { 'server.js': MISBEHAVING_SERVER });
  });

  it('an app that crashes 10 s after it went live is restarted by policy, recorded in the site’s state and answers again', async () => {
    const site = await createApp('crashy', { CRASH_AFTER_MS: '10000', NAME: 'crashy' });
    try {
      expect((await get(site.slug)).body.toString()).toBe('alive crashy');
      expect((await lp.gql(SITE_APP, { id: site.id })).data!.site.app).toEqual({
        state: 'RUNNING',
        restartCount: 0,
      });
      // Docker's on-failure policy brings it back; the site stays LIVE and its app shows the restart.
      const restarted = await eventually(
        async () => {
          const s = (await lp.gql(SITE_APP, { id: site.id })).data!.site;
          return s.app.restartCount >= 1 && s.app.state === 'RUNNING' ? s : undefined;
        },
        60_000,
        'the app restarted by its policy',
      );
      expect(restarted.status).toBe('LIVE');
      const [name] = await appContainers(site.slug);
      const tail = (await docker.getContainer(name!).logs({ stderr: true, stdout: false })).toString();
      expect(tail).toContain('crash-later-marker');
      await eventually(
        async () => ((await get(site.slug)).body.toString() === 'alive crashy' ? true : undefined),
        30_000,
        'the restarted app to answer through nginx',
      );
    } finally {
      await remove(site.id);
    }
  });

  it('an app container removed behind Launchpad’s back is run again and the site answers', async () => {
    const site = await createApp('removed', { NAME: 'removed' });
    try {
      const [name] = await appContainers(site.slug);
      const before = (await docker.getContainer(name!).inspect()).Id;
      await docker.getContainer(name!).remove({ force: true });
      // The container watcher sees it go (no restart policy covers a removal) and starts the current app.
      await eventually(
        async () => {
          const info = await docker.getContainer(name!).inspect();
          return info.Id !== before && info.State.Running ? true : undefined;
        },
        60_000,
        'the removed app to run again',
      );
      expect(await appContainers(site.slug)).toEqual([name]);
      await eventually(
        async () => ((await get(site.slug)).body.toString() === 'alive removed' ? true : undefined),
        30_000,
        'the site to answer again',
      );
      expect((await lp.gql(SITE_APP, { id: site.id })).data!.site).toMatchObject({
        status: 'LIVE',
        app: { state: 'RUNNING' },
      });
    } finally {
      await remove(site.id);
    }
  });

  it('a fork bomb in an app stops at its process limit; other sites and the control plane go on', async () => {
    const bomb = await createApp('bomb', { NAME: 'bomb' });
    const steady = await createApp('steady', { NAME: 'steady' });
    try {
      expect((await get(bomb.slug, '/forkbomb')).body.toString()).toBe('forked');
      const [name] = await appContainers(bomb.slug);
      const limit = (await docker.getContainer(name!).inspect()).HostConfig.PidsLimit!;
      expect(limit).toBe(256);
      // The bomb fills its container's process table, and no more.
      const pids = await eventually(
        async () => {
          const stats = await docker.getContainer(name!).stats({ stream: false });
          return stats.pids_stats?.current && stats.pids_stats.current >= limit - 8
            ? stats.pids_stats.current
            : undefined;
        },
        60_000,
        'the fork bomb to reach the process limit',
      );
      expect(pids).toBeLessThanOrEqual(limit);
      // While it runs: another site answers, and so does the control plane.
      for (let i = 0; i < 5; i++) {
        expect((await get(steady.slug)).body.toString()).toBe('alive steady');
        const res = await lp.gql(SITE_APP, { id: steady.id });
        expect(res.data!.site).toEqual({ status: 'LIVE', app: { state: 'RUNNING', restartCount: 0 } });
      }
      const stats = await docker.getContainer(name!).stats({ stream: false });
      expect(stats.pids_stats!.current).toBeLessThanOrEqual(limit);
    } finally {
      // Removing the site removes its app, bomb and all (the container's processes die with it).
      await remove(bomb.id);
      await remove(steady.id);
    }
  });
});

describe('after a restart of the control plane', { timeout: 300_000 }, () => {
  it('runs each server site’s current app again and removes orphaned app containers', async () => {
    const slug = `${lp.slugPrefix}-node`;
    const [current] = await appContainers(slug);
    expect(current).toBeDefined();
    await lp.stop();
    // The app died with the engine (or was stopped); a crash left an app of an unfinished deploy behind.
    await docker.getContainer(current!).stop({ t: 1 });
    const instance = (await readFile(join(lp.dataDir, 'instance-id'), 'utf8')).trim();
    const orphanName = `launchpad-app-${slug}-${'f'.repeat(24)}`;
    const orphan = await docker.createContainer({
      name: orphanName,
      Image: 'node:20-alpine',
      Cmd: ['sleep', '600'],
      Labels: {
        'dev.launchpad.managed': 'true',
        'dev.launchpad.instance': instance,
        'dev.launchpad.app': 'f'.repeat(24),
      },
      HostConfig: { NetworkMode: lp.network },
    });
    await orphan.start();

    lp = await startLaunchpad(env, { dataDir: lp.dataDir, network: lp.network });
    expect(await appContainers(slug)).toEqual([current]);
    expect((await docker.getContainer(current!).inspect()).State.Running).toBe(true);
    // Its health check passed before start-up finished; nginx's DNS cache (5 s) may still name the
    // address the app had before it was stopped.
    await eventually(
      async () => ((await get(slug)).body.toString() === 'hello v1 from-env uid=1000' ? true : undefined),
      20_000,
      'the recovered app to answer through nginx',
    );
  });
});
