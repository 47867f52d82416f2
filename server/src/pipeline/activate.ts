import { access, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import type { Site } from '../domain/model.js';
import { readNetlifyRules } from '../runtime/netlify-rules.js';
import {
  AUTH_DIR,
  authFiles,
  nginxDeployConfig,
  nginxSiteConfig,
  PERMALINK_CONFIG_DIR,
  withConfigProbe,
} from '../runtime/nginx-config.js';
import type { SiteContainers, SiteEndpoint } from '../runtime/site-containers.js';
import type { DataDir } from './data-dir.js';
import { switchCurrent } from './publish.js';

export interface ActivateLog {
  system(text: string): void;
}

/** `sites/<slug>/nginx/permalinks/<deployId>.conf`: the config of one deploy's permalink host. */
export function permalinkConfigFile(data: DataDir, slug: string, deployId: string): string {
  return join(data.nginx(slug), PERMALINK_CONFIG_DIR, `${deployId}.conf`);
}

/**
 * Stage 4, route: makes a deploy's files the ones the site serves. Writes the site's nginx config (404 page,
 * SPA fallback, the deploy's `_redirects` and `_headers`) and the deploy's own permalink config (the same
 * rules, kept when later deploys replace default.conf), makes sure the site container runs (reloading nginx
 * gracefully when the config changed), then swaps the `current` symlink. Used by deploys, rollbacks (`files`
 * is then the source deploy's folder) and site setting changes (the current deploy again, which also gives
 * its permalink the new SPA setting; earlier deploys keep the one they were activated with).
 */
export async function activate(
  deps: { data: DataDir; containers: SiteContainers },
  site: Site,
  deployId: string,
  files: string,
  log: ActivateLog,
): Promise<SiteEndpoint> {
  const { data, containers } = deps;
  const options = {
    spa: site.spa,
    has404Page: await exists(join(files, '404.html')),
    rules: await netlifyRules(files, log),
  };
  const own = nginxDeployConfig(deployId, options);
  // The probe covers default.conf only, so a deploy whose rules match the live ones needs no reload: until
  // the next reload loads its own block, its permalink falls to the catch-all block, which applies the
  // current rules, the same ones. Any change of rules changes default.conf and reloads every block.
  const { config, probeHost } = withConfigProbe(nginxSiteConfig(options));
  const dir = data.nginx(site.slug);
  const ownFile = permalinkConfigFile(data, site.slug, deployId);
  await mkdir(join(dir, PERMALINK_CONFIG_DIR), { recursive: true, mode: 0o755 });
  // Basic-Auth user files (salted hashes), named after their content: written before any config names them.
  for (const file of authFiles(options.rules)) {
    await mkdir(join(dir, AUTH_DIR), { recursive: true, mode: 0o755 });
    await writeFile(join(dir, file.name), file.content, { mode: 0o644 });
  }
  const ownBefore = await readFile(ownFile, 'utf8').catch(() => null);
  try {
    // Before default.conf: the reload that loads default.conf must find the deploy's file.
    if (ownBefore !== own) await writeFile(ownFile, own, { mode: 0o644 });
    const file = join(dir, 'default.conf');
    const before = await readFile(file, 'utf8').catch(() => null);
    if (before !== config) await writeFile(file, config, { mode: 0o644 });
    const endpoint = await containers.ensure({
      siteId: site.id,
      slug: site.slug,
      domains: site.domains,
      siteDir: data.site(site.slug),
      nginxDir: dir,
    });
    const reloaded = before !== null && before !== config;
    if (reloaded) {
      await containers.reload(site.slug);
      log.system('server config updated');
    }
    const notServing = await waitUntilServing(endpoint.ip, probeHost, reloaded);
    if (notServing)
      log.system(`warning: could not confirm that the new server config is serving (${notServing})`);
    log.system(`container running (${endpoint.containerId.slice(0, 12)})`);
    await switchCurrent(data.current(site.slug), deployId);
    return endpoint;
  } catch (err) {
    // A deploy that never went live leaves no permalink config behind (its files are removed too).
    if (ownBefore === null) await rm(ownFile, { force: true });
    throw err;
  }
}

/** Reads `_redirects` and `_headers` from the published folder (bounded; over a limit the deploy fails). */
async function netlifyRules(files: string, log: ActivateLog) {
  return readNetlifyRules(files, log);
}

/** nginx's master keeps the old workers accepting this long after it starts the new ones (ngx_process_cycle.c). */
const RELOAD_OVERLAP_MS = 100;

/**
 * Waits until the container's nginx serves the config behind `probeHost`: a new container needs a moment to
 * start, and `nginx -s reload` returns before the new workers run. Without this a deploy would be reported
 * live, and its files switched in, while the previous `_redirects`, `_headers` and SPA setting still apply.
 * Returns why it could not confirm it, or null.
 */
async function waitUntilServing(ip: string | null, probeHost: string, reloaded: boolean) {
  if (!ip) return 'the container has no address on the Launchpad network';
  const deadline = Date.now() + 10_000;
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

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
