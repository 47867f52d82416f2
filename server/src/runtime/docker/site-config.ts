import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { accessLogDirectives } from '../access-log.js';
import { readNetlifyRules } from '../netlify-rules.js';
import { nginxAppConfig } from '../nginx-app-config.js';
import {
  authFiles,
  CONTEXT_CONFIG_DIR,
  type NginxSiteOptions,
  nginxContextConfig,
  nginxDeployConfig,
  nginxSiteConfig,
  PERMALINK_CONFIG_DIR,
  withConfigProbe,
} from '../nginx-config.js';
import type { AppSpec, DeployFiles, RuntimeLog, SiteSpec } from '../ports.js';

/** The files of a site's nginx config folder (mounted at /etc/nginx/conf.d), by path inside it. */
export const MAIN_CONFIG = 'default.conf';
export const permalinkConfig = (deployId: string) => `${PERMALINK_CONFIG_DIR}/${deployId}.conf`;
/** contexts/<label>.conf: a branch or pull request host (issue 15). */
export const contextConfig = (label: string) => `${CONTEXT_CONFIG_DIR}/${label}.conf`;

/** Where branch and pull request hosts live: `<label>--<slug>.<domain>` (issue 15). */
export type ContextHosts = NonNullable<NginxSiteOptions['contextHosts']>;

export interface RenderedConfig {
  /** default.conf: the site's hosts with this deploy's rules, plus the probe server. */
  main: string;
  /** permalinks/<deployId>.conf: this deploy's permalink host with its own rules. */
  permalink: string;
  /** The host only this very default.conf answers (204). */
  probeHost: string;
  /** Basic-Auth user files (salted hashes) the configs name, `[path in the folder, content]`. */
  auth: [string, string][];
}

/**
 * The nginx config that serves `deploy` for `site`: the 404 page, the SPA fallback and the deploy's
 * `_redirects` and `_headers`, for the site's hosts and for the deploy's permalink host (which keeps them
 * when later deploys replace default.conf; earlier deploys keep the SPA setting they were activated with).
 */
export async function renderSiteConfig(
  site: SiteSpec,
  deploy: DeployFiles,
  log: RuntimeLog,
  contextHosts?: ContextHosts,
): Promise<RenderedConfig> {
  const options = { ...(await deployOptions(site, deploy, log)), contextHosts };
  // The probe covers default.conf only, so a deploy whose rules match the live ones needs no reload: until
  // the next reload loads its own block, its permalink falls to the catch-all block, which applies the
  // current rules, the same ones. Any change of rules changes default.conf and reloads every block.
  const { config, probeHost } = withConfigProbe(withAccessLog(site.id, nginxSiteConfig(options)));
  return {
    main: config,
    permalink: nginxDeployConfig(deploy.id, options),
    probeHost,
    auth: authFiles(options.rules).map((f) => [f.name, f.content]),
  };
}

/**
 * What serves a branch or pull request deploy (issue 15) at `<label>.<domain>`: its permalink file and its
 * context file with its own rules, and default.conf as `current` makes it (its rules, or none before a first
 * production deploy), whose probe covers the context file: nginx reloads, and the probe answers once the
 * new host serves.
 */
export async function renderContextConfig(
  site: SiteSpec,
  current: DeployFiles | null,
  deploy: DeployFiles,
  label: string,
  hosts: ContextHosts,
  log: RuntimeLog,
): Promise<RenderedConfig & { context: string }> {
  const options = await deployOptions(site, deploy, log);
  // Production's own rules were reported in its own log when it went live.
  const mainOptions = current
    ? await deployOptions(site, current, { write: () => {}, system: () => {} })
    : { spa: site.spa, has404Page: false };
  const context = nginxContextConfig(deploy.id, `${label}.${hosts.domain}`, options);
  const { config, probeHost } = withConfigProbe(
    nginxSiteConfig({ ...mainOptions, contextHosts: hosts }),
    context,
  );
  return {
    main: config,
    permalink: nginxDeployConfig(deploy.id, options),
    context,
    probeHost,
    auth: [...authFiles(mainOptions.rules), ...authFiles(options.rules)].map((f) => [f.name, f.content]),
  };
}

async function deployOptions(
  site: SiteSpec,
  deploy: DeployFiles,
  log: RuntimeLog,
): Promise<NginxSiteOptions> {
  return {
    spa: site.spa,
    has404Page: await exists(join(deploy.files, '404.html')),
    rules: await readNetlifyRules(deploy.files, log),
  };
}

/**
 * A SERVER site's default.conf (issue 14): a proxy to the app container `upstreamHost`, with the deploy's
 * `_headers` (its `_redirects` are the app's business, and said so in the log).
 */
export async function renderAppConfig(
  siteId: string,
  deploy: DeployFiles,
  app: AppSpec,
  upstreamHost: string,
  log: RuntimeLog,
): Promise<Pick<RenderedConfig, 'main' | 'probeHost' | 'auth'>> {
  const rules = await readNetlifyRules(deploy.files, log);
  if (rules?.rewrites.length)
    log.system('note: _redirects do not apply to a server app; it routes its own paths');
  const { config, probeHost } = withConfigProbe(
    withAccessLog(siteId, nginxAppConfig({ upstreamHost, port: app.port, rules })),
  );
  return { main: config, probeHost, auth: authFiles(rules).map((f) => [f.name, f.content]) };
}

/** The access-log directives (issue 13) go right after the generated header, at http level. */
function withAccessLog(siteId: string, config: string): string {
  const [header, ...rest] = config.split('\n');
  return [header, '', ...accessLogDirectives(siteId), ...rest].join('\n');
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
