import type { EntityManager } from '@mikro-orm/knex';
import { DeployEntity, SiteEntity } from '../db/entities.js';
import type { Deploy, DeployStatus, Site } from '../domain/model.js';
import type { PubSub } from '../events/pubsub.js';
import { stageDeployEvent, stageSiteTransition } from '../notify/outbox-stage.js';

/**
 * Status changes go through here: persist first, then publish a snapshot, so a subscriber never hears
 * of a state the database does not have. The same flush writes the incident and the notification outbox
 * row a change makes (issue 13, notify/outbox-stage.ts).
 */
export class DeployState {
  constructor(
    private readonly em: EntityManager,
    private readonly bus: PubSub,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async deploy(id: string): Promise<Deploy | null> {
    return this.em.findOne(DeployEntity, { id }, { refresh: true });
  }

  async site(id: string): Promise<Site | null> {
    return this.em.findOne(SiteEntity, { id }, { refresh: true });
  }

  async setDeploy(deploy: Deploy, status: DeployStatus, patch: Partial<Deploy> = {}): Promise<void> {
    const previous = deploy.status;
    Object.assign(deploy, patch, { status });
    // A digest deploy waiting for its uploads (UPLOADING) has not started either.
    if (!['QUEUED', 'UPLOADING', 'CANCELLED'].includes(status) && deploy.startedAt === null)
      deploy.startedAt = this.now();
    if (['LIVE', 'FAILED', 'CANCELLED'].includes(status) && deploy.finishedAt === null) {
      deploy.finishedAt = this.now();
    }
    stageDeployEvent(this.em, deploy, previous, this.now());
    await this.em.flush();
    this.publishDeploy(deploy);
  }

  /** Waiting deploys the queue found `by` replaces go CANCELLED (pipeline/queue.ts enqueue). */
  async cancelReplaced(deployIds: readonly string[], by: Deploy): Promise<void> {
    for (const id of deployIds) {
      const replaced = await this.em.findOne(DeployEntity, { id });
      if (replaced?.status === 'QUEUED') {
        await this.setDeploy(replaced, 'CANCELLED', { error: `replaced by deploy #${by.number}` });
      }
    }
  }

  /** `reason`: why the status changes, kept on the incident a change to DOWN or back to LIVE records. */
  async setSite(site: Site, patch: Partial<Site>, reason: string | null = null): Promise<void> {
    Object.assign(site, patch, { updatedAt: this.now() });
    if (patch.status) await stageSiteTransition(this.em, site, reason, this.now());
    await this.em.flush();
    this.publishSite(site);
  }

  /**
   * The deploy becomes current: it goes LIVE, the site points at it, and the deploy it replaces becomes
   * SUPERSEDED, in one transaction, so nobody sees a LIVE deploy on a site that is still DEPLOYING.
   */
  async goLive(
    deploy: Deploy,
    site: Site,
    previous: Deploy | null,
    patch: Partial<Site> = {},
  ): Promise<void> {
    const now = this.now();
    const was = deploy.status;
    Object.assign(deploy, { status: 'LIVE', finishedAt: now });
    Object.assign(site, patch, { status: 'LIVE', currentDeployId: deploy.id, updatedAt: now });
    const superseded = previous && previous.id !== deploy.id && previous.status === 'LIVE' ? previous : null;
    if (superseded) superseded.status = 'SUPERSEDED';
    stageDeployEvent(this.em, deploy, was, now);
    await stageSiteTransition(this.em, site, `deploy #${deploy.number} went live`, now);
    await this.em.flush();
    if (superseded) this.publishDeploy(superseded);
    this.publishDeploy(deploy);
    this.publishSite(site);
  }

  /** A deploy that did not go live: FAILED or CANCELLED, and the site's status follows in the same flush. */
  async end(
    deployId: string,
    siteId: string,
    status: 'FAILED' | 'CANCELLED',
    error: string | null,
  ): Promise<void> {
    const deploy = await this.deploy(deployId);
    const site = await this.site(siteId);
    if (!deploy) return;
    const was = deploy.status;
    Object.assign(deploy, { status, error, finishedAt: this.now() });
    // A site keeps serving its current deploy; one that never went live is FAILED (or back to CREATED
    // when the user cancelled its first deploy).
    const siteStatus = site?.currentDeployId ? 'LIVE' : status === 'CANCELLED' ? 'CREATED' : 'FAILED';
    // A branch or preview deploy (issue 15) says nothing about what the site's own hosts serve.
    const production = deploy.context === 'PRODUCTION';
    if (site && production) Object.assign(site, { status: siteStatus, updatedAt: this.now() });
    stageDeployEvent(this.em, deploy, was, this.now());
    await this.em.flush();
    this.publishDeploy(deploy);
    if (site) this.publishSite(site);
  }

  publishDeploy(deploy: Deploy): void {
    this.bus.publish('deploy:updated', deploy.id, { ...deploy });
  }

  publishSite(site: Site): void {
    const snapshot = { ...site, envVars: [...site.envVars], domains: [...site.domains] };
    this.bus.publish('site:updated', site.id, snapshot);
    this.bus.publish('sites:updated', snapshot);
  }
}
