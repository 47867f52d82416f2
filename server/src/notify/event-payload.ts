import type { EntityManager } from '@mikro-orm/knex';
import { DeployEntity, LogLineEntity, SiteEntity } from '../db/entities.js';
import { IncidentEntity } from '../db/notify-entities.js';
import type { NotificationEvent } from './model.js';
import type { EventPayload } from './payload.js';

/** How many of a failed deploy's last log lines a DEPLOY_FAILED notification carries. */
export const LOG_TAIL_LINES = 20;

export interface SiteUrls {
  site(slug: string): string;
  permalink(deployId: string, slug: string): string;
}

/** An outbox event as api.md's payload, read from the rows it names (null: its site is gone). */
export async function eventPayload(
  em: EntityManager,
  urls: SiteUrls,
  event: NotificationEvent,
): Promise<EventPayload | null> {
  const site = await em.findOne(SiteEntity, { id: event.siteId });
  if (!site) return null;
  const deploy = event.deployId ? await em.findOne(DeployEntity, { id: event.deployId }) : null;
  const incident = event.incidentId ? await em.findOne(IncidentEntity, { id: event.incidentId }) : null;
  let logTail: string[] | undefined;
  if (deploy && event.event === 'DEPLOY_FAILED') {
    const lines = await em.find(
      LogLineEntity,
      { deployId: deploy.id },
      { orderBy: { seq: 'desc' }, limit: LOG_TAIL_LINES },
    );
    logTail = lines.reverse().map((l) => l.text);
  }
  return {
    event: event.event,
    at: event.at.toISOString(),
    site: { id: site.id, slug: site.slug, url: urls.site(site.slug) },
    deploy: deploy
      ? {
          id: deploy.id,
          number: deploy.number,
          // As the event saw it: a deploy that went live may be SUPERSEDED by the time this is read.
          status: event.event === 'DEPLOY_SUCCEEDED' ? 'LIVE' : deploy.status,
          error: deploy.error,
          permalink: urls.permalink(deploy.id, site.slug),
          ...(logTail ? { logTail } : {}),
        }
      : null,
    incident: incident
      ? { id: incident.id, kind: incident.kind, at: incident.at.toISOString(), reason: incident.reason }
      : null,
  };
}
