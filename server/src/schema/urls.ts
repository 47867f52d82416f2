import type { Config } from '../config.js';

const scheme = (config: Config) => (config.https ? 'https' : 'http');

export function siteUrl(config: Config, slug: string): string {
  return `${scheme(config)}://${slug}.${config.domain}`;
}

/** Every deploy keeps its own host: `<deployId>--<slug>.<domain>` (one DNS label before the domain). */
export function permalink(config: Config, deployId: string, slug: string): string {
  return `${scheme(config)}://${deployId}--${slug}.${config.domain}`;
}
