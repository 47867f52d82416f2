import type { EntitySchema } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { firstTeam } from '../../src/accounts/teams.js';
import { DeployEntity, SiteEntity, WebhookDeliveryEntity } from '../../src/db/entities.js';
import { newId } from '../../src/domain/ids.js';
import type { Deploy, Site, WebhookDelivery } from '../../src/domain/model.js';

export interface SeedOptions {
  /** Deploys per site, numbered 1…n; the newest is LIVE and current, the rest SUPERSEDED. */
  deploysPerSite?: number;
  /** Webhook deliveries per site (every seeded site is a git site). */
  deliveriesPerSite?: number;
  slugPrefix?: string;
  /** The team that owns the seeded sites (default: the first team, as for sites from before accounts). */
  teamId?: string | null;
}

/**
 * Writes `count` sites with their deploys and webhook deliveries straight into the database: what a busy
 * instance's list pages read, without building or serving anything (no Docker, no files).
 */
export async function seedSites(em: EntityManager, count: number, opts: SeedOptions = {}): Promise<Site[]> {
  const deploysPerSite = opts.deploysPerSite ?? 3;
  const deliveriesPerSite = opts.deliveriesPerSite ?? 2;
  const prefix = opts.slugPrefix ?? `seed-${newId().slice(0, 6)}`;
  const teamId = opts.teamId ?? (await firstTeam(em))?.id ?? null;
  const base = Date.now() - count * 60_000;
  const sites: Site[] = [];
  const deploys: Deploy[] = [];
  const deliveries: WebhookDelivery[] = [];
  for (let i = 0; i < count; i++) {
    const at = (minutes: number) => new Date(base + i * 60_000 + minutes * 1000);
    const siteId = newId();
    const siteDeploys = Array.from({ length: deploysPerSite }, (_, n): Deploy => {
      const last = n === deploysPerSite - 1;
      return {
        id: newId(),
        siteId,
        number: n + 1,
        status: last ? 'LIVE' : 'SUPERSEDED',
        trigger: n === 0 ? 'GIT' : 'WEBHOOK',
        commitSha: newId() + newId().slice(0, 16),
        commitMessage: `commit ${n + 1} of site ${i}`,
        error: null,
        archive: null,
        sourceDeployId: null,
        filesPrunedAt: null,
        createdAt: at(n),
        startedAt: at(n),
        finishedAt: at(n),
        context: 'PRODUCTION',
        branch: null,
        pullRequest: null,
      };
    });
    deploys.push(...siteDeploys);
    for (let n = 0; n < deliveriesPerSite; n++) {
      deliveries.push({
        id: newId(),
        siteId,
        deliveryId: newId(),
        event: 'push',
        outcome: 'QUEUED',
        reason: 'seeded',
        deployId: siteDeploys[n % deploysPerSite]?.id ?? null,
        receivedAt: at(n),
      });
    }
    sites.push({
      id: siteId,
      slug: `${prefix}-${i}`,
      name: `Seeded site ${i}`,
      sourceType: 'GIT',
      gitUrl: 'https://example.com/repo.git',
      branch: 'main',
      buildCommand: null,
      outputDir: 'dist',
      envVars: [],
      autoDeploy: true,
      spa: false,
      domains: [`${prefix}-${i}.example.com`],
      webhookSecret: newId(),
      teamId,
      status: deploysPerSite ? 'LIVE' : 'CREATED',
      currentDeployId: siteDeploys.at(-1)?.id ?? null,
      localPort: null,
      nextDeployNumber: deploysPerSite + 1,
      createdAt: at(0),
      updatedAt: at(deploysPerSite),
      gitAuth: 'NONE',
      kind: 'STATIC',
      startCommand: null,
      port: null,
      healthCheckPath: null,
      runtimeImage: null,
      branchDeploys: false,
      deployPreviews: false,
      buildCache: true,
      buildCacheBytes: 0,
    });
  }
  // Sites first without their current deploy, so the rows satisfy foreign keys in either direction.
  await insertChunks(
    em,
    SiteEntity,
    sites.map((s) => ({ ...s, currentDeployId: null })),
  );
  await insertChunks(em, DeployEntity, deploys);
  await insertChunks(em, WebhookDeliveryEntity, deliveries);
  await em
    .getConnection()
    .execute(
      "update sites set current_deploy_id = (select d.id from deploys d where d.site_id = sites.id and d.status = 'LIVE') where current_deploy_id is null",
    );
  return sites;
}

/** Bounded batches: SQLite caps the bound parameters of one statement. */
async function insertChunks<T extends object>(
  em: EntityManager,
  entity: EntitySchema<T>,
  rows: T[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await em.insertMany(entity, rows.slice(i, i + 500));
}
