/**
 * Build cache benchmark (issue 15), end to end through the real system: a Vite site in a real git
 * repository, built by Launchpad with `npm ci && npm run build` in the build container, packages from the
 * npm registry the build network reaches. Three deploys of the same commit, side by side:
 *   1. cold: the site's first build (empty cache);
 *   2. warm: a redeploy (npm's cache at /cache, node_modules restored by lockfile, npm ci skipped over it);
 *   3. cleared: a redeploy after clearBuildCache (cold again).
 * Times are each deploy's startedAt → finishedAt (clone, build, publish), the build alone from its log
 * ("running the build command" → "exited with code 0", so the container's start is in both). Ratio
 * cold / warm, per round and the median. BENCH_ROUNDS sets the rounds, BENCH_FIXTURES the projects
 * (minimal,react), BENCH_VERBOSE=1 prints every deploy's log with times. Writes bench/results/build-cache.txt.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startGitServer } from '../server/test/support/git-server.js';
import { type Launchpad, settledDeploy, startLaunchpad } from '../server/test/support/harness.js';

const run = promisify(execFile);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
const ROOT = join(import.meta.dirname, '..');

interface Fixture {
  package: Record<string, unknown>;
  files: Record<string, string>;
}
/**
 * `minimal`: vite and two files (10 packages installed). `react`: create-vite's React template without its
 * linters (react, react-dom, @vitejs/plugin-react and with it Babel: about 60 packages), closer to a real site.
 */
const FIXTURES: Record<string, Fixture> = {
  minimal: {
    package: {
      name: 'vite-like',
      private: true,
      version: '1.0.0',
      type: 'module',
      scripts: { build: 'vite build' },
      devDependencies: { vite: '5.4.9' },
    },
    files: {
      'index.html':
        '<!doctype html><html><body><div id="app"></div><script type="module" src="/main.js"></script></body></html>',
      'main.js': "document.querySelector('#app').textContent = 'built by vite';\n",
    },
  },
  react: {
    package: {
      name: 'vite-react',
      private: true,
      version: '0.0.0',
      type: 'module',
      scripts: { build: 'vite build' },
      dependencies: { react: '18.3.1', 'react-dom': '18.3.1' },
      devDependencies: { '@vitejs/plugin-react': '4.3.4', vite: '5.4.9' },
    },
    files: {
      'index.html':
        '<!doctype html><html><body><div id="root"></div><script type="module" src="/src/main.jsx"></script></body></html>',
      'vite.config.js':
        "import { defineConfig } from 'vite';\nimport react from '@vitejs/plugin-react';\nexport default defineConfig({ plugins: [react()] });\n",
      'src/main.jsx':
        "import { StrictMode } from 'react';\nimport { createRoot } from 'react-dom/client';\nimport App from './App.jsx';\n" +
        "createRoot(document.getElementById('root')).render(<StrictMode><App /></StrictMode>);\n",
      'src/App.jsx':
        "import { useState } from 'react';\nexport default function App() {\n  const [count, setCount] = useState(0);\n" +
        '  return <button onClick={() => setCount((c) => c + 1)}>count is {count}</button>;\n}\n',
    },
  },
};
const CHOSEN = (process.env.BENCH_FIXTURES ?? 'minimal,react').split(',');
const SITE = /* GraphQL */ `
  query Site($id: ID!) {
    site(id: $id) { id status buildCacheBytes deploys { id number status error startedAt finishedAt } }
  }`;
const LOGS = /* GraphQL */ `query Logs($id: ID!) { deploy(id: $id) { logs(first: 5000) { at text } } }`;

/** package-lock.json for a package.json, resolved once on the host (the build then runs a real `npm ci`). */
async function lockfile(pkg: Record<string, unknown>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lp-bench-lock-'));
  try {
    await writeFile(join(dir, 'package.json'), JSON.stringify(pkg));
    await run('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'], {
      cwd: dir,
    });
    return await readFile(join(dir, 'package-lock.json'), 'utf8');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface Timing {
  deploy: number;
  build: number;
  cacheBytes: number;
}

async function timed(lp: Launchpad, siteId: string, number: number): Promise<Timing> {
  const { deploy, site } = await settledDeploy(lp, SITE, siteId, number, 900_000);
  if (deploy.status !== 'LIVE') throw new Error(`deploy #${number} ${deploy.status}: ${deploy.error}`);
  const res = await lp.gql(LOGS, { id: deploy.id });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  const logs = res.data!.deploy.logs as { at: string; text: string }[];
  const start = logs.find((l) => l.text.startsWith('running the build command'));
  const end = logs.find((l) => /exited with code 0/.test(l.text));
  if (process.env.BENCH_VERBOSE) {
    const t0 = Date.parse(logs[0]!.at);
    for (const l of logs)
      console.log(`  #${number} +${((Date.parse(l.at) - t0) / 1000).toFixed(2)} s ${l.text}`);
  }
  return {
    deploy: Date.parse(deploy.finishedAt) - Date.parse(deploy.startedAt),
    build: start && end ? Date.parse(end.at) - Date.parse(start.at) : Number.NaN,
    cacheBytes: site.buildCacheBytes,
  };
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  const git = await startGitServer();
  const lp = await startLaunchpad({ LAUNCHPAD_GIT_SCHEMES: 'git', LAUNCHPAD_BUILD_TIMEOUT: '900' });
  const rows: string[] = [];
  const say = (line: string) => {
    rows.push(line);
    console.log(line);
  };
  try {
    for (const name of CHOSEN) {
      const fixture = FIXTURES[name];
      if (!fixture) throw new Error(`unknown fixture ${name} (BENCH_FIXTURES: ${Object.keys(FIXTURES)})`);
      await git.createRepo(`vite-${name}`, {
        ...fixture.files,
        'package.json': JSON.stringify(fixture.package, null, 2),
        'package-lock.json': await lockfile(fixture.package),
      });
      const speedups: number[] = [];
      for (let round = 1; round <= ROUNDS; round++) {
        const slug = `${lp.slugPrefix}-${name}${round}`;
        const created = await lp.gql(
          'mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }',
          {
            input: {
              name: slug,
              slug,
              sourceType: 'GIT',
              gitUrl: git.url(`vite-${name}`),
              buildCommand: 'npm ci --no-audit --no-fund && npm run build',
              outputDir: 'dist',
            },
          },
        );
        if (created.errors) throw new Error(JSON.stringify(created.errors));
        const id = created.data!.createSite.id as string;
        const redeploy = async () =>
          (await lp.gql('mutation($id: ID!) { deploySite(id: $id) { number } }', { id })).data!.deploySite
            .number as number;
        const cold = await timed(lp, id, 1);
        const warm = await timed(lp, id, await redeploy());
        await lp.gql('mutation($id: ID!) { clearBuildCache(siteId: $id) { id } }', { id });
        const cleared = await timed(lp, id, await redeploy());
        speedups.push(cold.build / warm.build);
        say(
          `${name} round ${round}: build cold ${s(cold.build)}, warm ${s(warm.build)}, after clear ${s(cleared.build)}; ` +
            `deploy cold ${s(cold.deploy)}, warm ${s(warm.deploy)}, after clear ${s(cleared.deploy)}; ` +
            `build speed-up ${(cold.build / warm.build).toFixed(2)}x (deploy ${(cold.deploy / warm.deploy).toFixed(2)}x), ` +
            `after clear / warm ${(cleared.build / warm.build).toFixed(2)}x; cache ${(warm.cacheBytes / 1048576).toFixed(1)} MB; ` +
            `load average ${loadavg()[0]!.toFixed(1)}`,
        );
      }
      speedups.sort((a, b) => a - b);
      say(
        `${name}: median build speed-up cold / warm ${speedups[Math.floor(speedups.length / 2)]!.toFixed(2)}x`,
      );
    }
    await mkdir(join(ROOT, 'bench/results'), { recursive: true });
    await writeFile(join(ROOT, 'bench/results/build-cache.txt'), `${rows.join('\n')}\n`);
  } finally {
    await lp.cleanup();
    await git.stop();
  }
}

await main();
