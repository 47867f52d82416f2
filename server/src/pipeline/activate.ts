import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Site } from '../domain/model.js';
import { parseHeaders, parseRedirects, translateRules } from '../runtime/netlify-rules.js';
import { nginxSiteConfig } from '../runtime/nginx-config.js';
import type { SiteContainers, SiteEndpoint } from '../runtime/site-containers.js';
import type { DataDir } from './data-dir.js';
import { switchCurrent } from './publish.js';

export interface ActivateLog {
  system(text: string): void;
}

/**
 * Stage 4, route: makes a deploy's files the ones the site serves. Writes the site's nginx config (404 page,
 * SPA fallback, the deploy's `_redirects` and `_headers`), makes sure the site container runs (reloading
 * nginx gracefully when the config changed), then swaps the `current` symlink. Used by deploys and rollbacks.
 */
export async function activate(
  deps: { data: DataDir; containers: SiteContainers },
  site: Site,
  deployId: string,
  files: string,
  log: ActivateLog,
): Promise<SiteEndpoint> {
  const { data, containers } = deps;
  const config = nginxSiteConfig({
    spa: site.spa,
    has404Page: await exists(join(files, '404.html')),
    rules: await netlifyRules(files, log),
  });
  const dir = data.nginx(site.slug);
  await mkdir(dir, { recursive: true, mode: 0o755 });
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
  if (before !== null && before !== config) {
    await containers.reload(site.slug);
    log.system('server config updated');
  }
  log.system(`container running (${endpoint.containerId.slice(0, 12)})`);
  await switchCurrent(data.current(site.slug), deployId);
  return endpoint;
}

/** Reads `_redirects` and `_headers` from the published folder; every line we cannot honour is a warning. */
async function netlifyRules(files: string, log: ActivateLog) {
  const redirectsFile = await readFile(join(files, '_redirects'), 'utf8').catch(() => null);
  const headersFile = await readFile(join(files, '_headers'), 'utf8').catch(() => null);
  if (redirectsFile === null && headersFile === null) return undefined;
  const redirects = parseRedirects(redirectsFile ?? '');
  const headers = parseHeaders(headersFile ?? '');
  const translated = translateRules(redirects.rules, headers.rules);
  for (const warning of [...redirects.warnings, ...headers.warnings, ...translated.warnings]) {
    log.system(`warning: ${warning}`);
  }
  log.system(`applied ${redirects.rules.length} redirect rule(s) and ${headers.rules.length} header rule(s)`);
  return translated.nginx;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
