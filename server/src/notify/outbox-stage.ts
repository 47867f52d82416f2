import type { EntityManager } from '@mikro-orm/knex';
import { IncidentEntity, NotificationEventEntity } from '../db/notify-entities.js';
import { newId } from '../domain/ids.js';
import type { Deploy, Site } from '../domain/model.js';
import type { NotificationEventName } from './model.js';
import { deployEventFor, incidentFor } from './transitions.js';

// Staged in the caller's unit of work, so the flush that writes a status change writes its incident and its
// outbox row too (one transaction): a change is never without its notification, nor a notification without
// its change, and a crash between the two cannot happen.

/** Stages DEPLOY_SUCCEEDED / DEPLOY_FAILED when `deploy` moves from `previous` into LIVE or FAILED. */
export function stageDeployEvent(em: EntityManager, deploy: Deploy, previous: string, at: Date): void {
  const event = deployEventFor(previous, deploy.status);
  if (event) stageEvent(em, event, deploy.siteId, { deployId: deploy.id, at });
}

/**
 * Stages the incident (and its SITE_DOWN / SITE_RECOVERED event) that the site's new status makes, if any.
 * Call with the site's status already set and before the flush; the caller holds the site's lock.
 */
export async function stageSiteTransition(
  em: EntityManager,
  site: Site,
  reason: string | null,
  at: Date,
): Promise<void> {
  if (site.status !== 'DOWN' && site.status !== 'LIVE') return;
  const [last] = await em.find(
    IncidentEntity,
    { siteId: site.id },
    { orderBy: { at: 'desc', id: 'desc' }, limit: 1 },
  );
  const kind = incidentFor(last?.kind ?? null, site.status);
  if (!kind) return;
  const incident = em.create(IncidentEntity, { id: newId(), siteId: site.id, kind, at, reason });
  stageEvent(em, kind === 'DOWN' ? 'SITE_DOWN' : 'SITE_RECOVERED', site.id, { incidentId: incident.id, at });
}

function stageEvent(
  em: EntityManager,
  event: NotificationEventName,
  siteId: string,
  refs: { deployId?: string; incidentId?: string; at: Date },
): void {
  em.create(NotificationEventEntity, {
    id: newId(),
    event,
    siteId,
    deployId: refs.deployId ?? null,
    incidentId: refs.incidentId ?? null,
    at: refs.at,
    dispatchedAt: null,
  });
}
