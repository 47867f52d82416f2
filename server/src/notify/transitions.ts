import type { SiteStatus } from '../domain/model.js';
import type { IncidentKind } from './model.js';

/**
 * The incident a site status change makes, decided against the site's last incident rather than its old
 * status (which other paths may also write): DOWN once when it stops serving, RECOVERED once when a DOWN
 * site serves again, nothing otherwise. So every transition is one incident, and one notification.
 */
export function incidentFor(lastIncident: IncidentKind | null, next: SiteStatus): IncidentKind | null {
  if (next === 'DOWN') return lastIncident === 'DOWN' ? null : 'DOWN';
  if (next === 'LIVE') return lastIncident === 'DOWN' ? 'RECOVERED' : null;
  return null;
}

/** The event a deploy status change fires: once, on the change into LIVE or FAILED. */
export function deployEventFor(previous: string, next: string): 'DEPLOY_SUCCEEDED' | 'DEPLOY_FAILED' | null {
  if (previous === next) return null;
  if (next === 'LIVE') return 'DEPLOY_SUCCEEDED';
  if (next === 'FAILED') return 'DEPLOY_FAILED';
  return null;
}
