import { isValidHostname } from '../domain/hostname.js';
import { MANAGED_LABEL, SITE_LABEL } from './labels.js';
/**
 * Docker labels that Traefik v3's Docker provider reads to route a site's hosts to its container.
 * Rule syntax: https://doc.traefik.io/traefik/reference/routing-configuration/http/routing/rules-and-priority/
 * Labels: https://doc.traefik.io/traefik/routing/providers/docker/
 */

export interface RoutingConfig {
  domain: string;
  network: string;
  https: boolean;
  /** Set when ACME is on: the resolver name from Traefik's static config. */
  certResolver?: string;
}

export interface RoutedSite {
  id: string;
  slug: string;
  domains: readonly string[];
  /** Branch deploys or previews are on (issue 15): route `<label>--<slug>.<domain>` to the site too. */
  contexts?: boolean;
}

// Slugs never contain `--` (see domain/slug.ts), so `--permalink` cannot collide with another site's
// router: with a single hyphen, site `foo`'s permalink router and site `foo-permalink`'s main router
// would share a name, and Traefik drops routers defined twice with different settings.
export const routerName = (slug: string) => `launchpad-${slug}`;
export const permalinkRouterName = (slug: string) => `launchpad-${slug}--permalink`;
export const contextRouterName = (slug: string) => `launchpad-${slug}--contexts`;

const SLUG = /^[a-z0-9](-?[a-z0-9])*$/;
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

export function siteLabels(site: RoutedSite, cfg: RoutingConfig): Record<string, string> {
  const domain = cfg.domain.toLowerCase();
  // Anything interpolated into a rule must not be able to close a backtick or add a matcher.
  if (!SLUG.test(site.slug)) throw new Error(`Cannot route the invalid slug "${site.slug}"`);
  if (!domain.split('.').every((l) => LABEL.test(l)))
    throw new Error(`Invalid routing domain "${cfg.domain}"`);
  for (const d of site.domains) {
    if (!isValidHostname(d)) throw new Error(`Cannot route the invalid hostname "${d}"`);
  }

  const host = `${site.slug}.${domain}`;
  const hosts = [...new Set([host, ...site.domains])];
  // v3 matchers take exactly one value each: several hosts are joined with `||`, not listed in one Host().
  const rule = hosts.map((h) => `Host(\`${h}\`)`).join(' || ');
  // v3 HostRegexp takes a plain Go (RE2) regex: anchor it and escape the dots ourselves. Deploy ids are
  // 24 lowercase hex characters (domain/ids.ts). Labels go through the Docker API, not a compose file, so
  // the `$` needs no doubling.
  const permalinkRule = `HostRegexp(\`^[0-9a-f]{24}--${escapeRegex(host)}$\`)`;
  // Branch and pull request hosts (issue 15): one label `<label>--<slug>`, the label being lowercase
  // letters, digits and hyphens (domain/deploy-context.ts). The site's nginx answers 404 to those it does
  // not serve, so one regex router suffices and no container is recreated when a preview comes or goes.
  const contextRule = `HostRegexp(\`^[a-z0-9][a-z0-9-]*--${escapeRegex(host)}$\`)`;

  const service = routerName(site.slug);
  const labels: Record<string, string> = {
    [MANAGED_LABEL]: 'true',
    [SITE_LABEL]: site.id,
    'traefik.enable': 'true',
    // Without it Traefik may pick any of the container's networks and answer 502 (reference §1).
    'traefik.docker.network': cfg.network,
    // Set always: otherwise Traefik takes the first exposed port.
    [`traefik.http.services.${service}.loadbalancer.server.port`]: '80',
  };
  const routers: [string, string][] = [
    [routerName(site.slug), rule],
    [permalinkRouterName(site.slug), permalinkRule],
  ];
  if (site.contexts) routers.push([contextRouterName(site.slug), contextRule]);
  for (const [router, routerRule] of routers) {
    const prefix = `traefik.http.routers.${router}`;
    labels[`${prefix}.rule`] = routerRule;
    labels[`${prefix}.service`] = service;
    labels[`${prefix}.entrypoints`] = cfg.https ? 'websecure' : 'web';
    if (cfg.https) {
      labels[`${prefix}.tls`] = 'true';
      // ACME takes certificate names from Host() matchers only; a HostRegexp router gets one only through
      // tls.domains (a wildcard, so DNS-01), else Traefik serves its default certificate for it.
      if (cfg.certResolver) labels[`${prefix}.tls.certresolver`] = cfg.certResolver;
    }
  }
  return labels;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
