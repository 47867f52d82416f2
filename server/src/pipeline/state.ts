import type { EntityManager } from '@mikro-orm/sqlite';
import { DeployEntity, SiteEntity } from '../db/entities.js';
import type { Deploy, DeployStatus, Site } from '../domain/model.js';
import type { PubSub } from '../events/pubsub.js';

/**
 * Status changes go through here: persist first, then publish a snapshot, so a subscriber never hears
 * of a state the database does not have.
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
    Object.assign(deploy, patch, { status });
    if (status !== 'QUEUED' && deploy.startedAt === null && status !== 'CANCELLED')
      deploy.startedAt = this.now();
    if (['LIVE', 'FAILED', 'CANCELLED'].includes(status) && deploy.finishedAt === null) {
      deploy.finishedAt = this.now();
    }
    await this.em.flush();
    this.publishDeploy(deploy);
  }

  async setSite(site: Site, patch: Partial<Site>): Promise<void> {
    Object.assign(site, patch, { updatedAt: this.now() });
    await this.em.flush();
    this.publishSite(site);
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
