import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { tokenPrincipal } from '../accounts/principals.js';
import { isApiToken } from '../accounts/secrets.js';
import { SiteEntity } from '../db/entities.js';
import type { Orm } from '../db/orm.js';
import { roleIncludes } from '../domain/principal.js';
import type { Metrics } from '../metrics/registry.js';
import { bearerMatches } from './admin-token.js';

export interface MetricsRouteDeps {
  metrics: Metrics;
  orm: Orm;
  /** LAUNCHPAD_METRICS_TOKEN (null: unset), for a scraper that holds no API token. */
  metricsToken: string | null;
  adminToken: string;
}

/** Who may read /metrics: everything, or only the per-site series of one team's sites. */
type Reader = { all: true } | { all: false; teamId: string };

/**
 * `GET /metrics` (api.md): the Prometheus text format to the metrics token or the admin token; to a team's
 * ADMIN-scoped API token, with per-site series only for that team's sites (a slug and its traffic are
 * the team's business). Anything else gets 401.
 */
export function metricsRoute(deps: MetricsRouteDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<true> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'application/json' });
      res.end('{"error":"GET only"}');
      return true;
    }
    const reader = await readerOf(req.headers.authorization, deps);
    if (!reader) {
      res.writeHead(401, {
        'www-authenticate': 'Bearer realm="launchpad-metrics"',
        'content-type': 'application/json',
        'cache-control': 'no-store',
      });
      res.end('{"error":"a metrics token or an ADMIN API token is required"}');
      return true;
    }
    let text = await deps.metrics.registry.metrics();
    if (!reader.all) {
      const sites = await deps.orm.em
        .fork()
        .find(SiteEntity, { teamId: reader.teamId }, { fields: ['slug'], disableIdentityMap: true });
      text = onlySites(text, new Set(sites.map((s) => s.slug)));
    }
    res.writeHead(200, { 'content-type': deps.metrics.registry.contentType, 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : text);
    return true;
  };
}

async function readerOf(header: string | undefined, deps: MetricsRouteDeps): Promise<Reader | null> {
  if (deps.metricsToken && bearerMatches(header, deps.metricsToken)) return { all: true };
  if (bearerMatches(header, deps.adminToken)) return { all: true };
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  if (!bearer || !isApiToken(bearer)) return null;
  const principal = await tokenPrincipal(deps.orm.em.fork(), bearer, new Date());
  if (principal?.kind !== 'token' || !roleIncludes(principal.role, 'ADMIN')) return null;
  return { all: false, teamId: principal.teamId };
}

/** Drops the samples whose `site` label names a site not in `slugs` (slugs never need escaping). */
export function onlySites(text: string, slugs: ReadonlySet<string>): string {
  return text
    .split('\n')
    .filter((line) => {
      if (line.startsWith('#')) return true;
      const site = /[{,]site="([^"]*)"/.exec(line)?.[1];
      return site === undefined || slugs.has(site);
    })
    .join('\n');
}

/** A bounded label for a path of the control plane (never the raw path: ids would make one series each). */
export function routeLabel(path: string): string {
  if (path === '/graphql' || path === '/metrics' || path === '/healthz') return path;
  if (path.startsWith('/api/webhooks/')) return '/api/webhooks';
  if (path.startsWith('/auth/oidc/')) return '/auth/oidc';
  if (path.startsWith('/api/')) return '/api';
  return '/'; // the dashboard's files and routes
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Times every request the server answers (WebSocket upgrades are not requests and are not counted). */
export function instrumentServer(server: Server, metrics: Metrics): void {
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const start = process.hrtime.bigint();
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const method = METHODS.has(req.method ?? '') ? req.method! : 'OTHER';
      const path = (req.url ?? '/').split('?')[0]!;
      metrics.observeRequest(routeLabel(path), method, res.statusCode, seconds);
    });
  });
}
