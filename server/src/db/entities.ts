import { EntitySchema } from '@mikro-orm/core';
import type { Deploy, LogLine, Site, WebhookDelivery } from '../domain/model.js';
import { accountEntities } from './account-entities.js';
import { clusterEntities } from './cluster-entities.js';
import { notifyEntities } from './notify-entities.js';
import { SiteGitAccessEntity } from './secret-entities.js';
import { trafficEntities } from './traffic-entities.js';

// Entities are schemas over the plain interfaces of domain/model.ts (no decorators: tsx emits no decorator
// metadata). Status-like columns are plain strings, not enums: in MikroORM 6.6 an enum with three or more
// values makes every migration diff rebuild the table.
//
// References are many-to-one relations mapped to the primary key (`mapToPk`): the model keeps plain id
// strings, and the relation only makes the schema declare the foreign key with its `on delete` rule. What a
// site owns (deploys, their log lines, webhook deliveries) goes with it; a pointer to a deploy that is gone
// becomes null.

/**
 * `site_id` of a row that belongs to a site: an id in the model, a foreign key deleted with its site. No index
 * of its own: each table's composite index starting with `site_id` serves lookups by site.
 */
const siteReference = () =>
  ({
    kind: 'm:1',
    entity: 'Site',
    mapToPk: true,
    fieldName: 'site_id',
    deleteRule: 'cascade',
    index: false,
  }) as const;

export const SiteEntity = new EntitySchema<Site>({
  name: 'Site',
  tableName: 'sites',
  properties: {
    id: { type: 'string', primary: true, length: 24 },
    slug: { type: 'string', length: 63, unique: true },
    name: { type: 'string', length: 200 },
    sourceType: { type: 'string', length: 8 },
    gitUrl: { type: 'text', nullable: true },
    branch: { type: 'string', length: 255, nullable: true },
    buildCommand: { type: 'text', nullable: true },
    outputDir: { type: 'string', length: 255 },
    envVars: { type: 'json' },
    autoDeploy: { type: 'boolean' },
    spa: { type: 'boolean' },
    domains: { type: 'json' },
    // Sealed text (secrets/box.ts), longer than the 64 hex characters it hides.
    webhookSecret: { type: 'text', nullable: true },
    status: { type: 'string', length: 16 },
    currentDeployId: {
      kind: 'm:1',
      entity: 'Deploy',
      mapToPk: true,
      fieldName: 'current_deploy_id',
      nullable: true,
      deleteRule: 'set null',
    },
    localPort: { type: 'integer', nullable: true },
    nextDeployNumber: { type: 'integer' },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
    // issue 12 (secrets)
    gitAuth: { type: 'string', length: 8, default: 'NONE' },
    // Server apps (issue 14).
    kind: { type: 'string', length: 8, default: 'STATIC' },
    startCommand: { type: 'text', nullable: true },
    port: { type: 'integer', nullable: true },
    healthCheckPath: { type: 'text', nullable: true },
    runtimeImage: { type: 'text', nullable: true },
    // Accounts (issue 11): the team that owns the site. Nullable only because SQLite cannot add a
    // NOT NULL reference to a table; the migration gives every existing site the first team.
    teamId: {
      kind: 'm:1',
      entity: 'Team',
      mapToPk: true,
      fieldName: 'team_id',
      nullable: true,
      deleteRule: 'set null',
    },
    // Deploy workflow (issue 15).
    branchDeploys: { type: 'boolean', default: false },
    deployPreviews: { type: 'boolean', default: false },
    buildCache: { type: 'boolean', default: true },
    buildCacheBytes: { type: 'double', default: 0 },
  },
});

export const DeployEntity = new EntitySchema<Deploy>({
  name: 'Deploy',
  tableName: 'deploys',
  uniques: [{ properties: ['siteId', 'number'] }],
  indexes: [{ properties: ['status'] }],
  properties: {
    id: { type: 'string', primary: true, length: 24 },
    // No index of its own: the unique (site_id, number) index serves lookups by site_id.
    siteId: siteReference(),
    number: { type: 'integer' },
    status: { type: 'string', length: 16 },
    trigger: { type: 'string', length: 16 },
    commitSha: { type: 'string', length: 64, nullable: true },
    commitMessage: { type: 'text', nullable: true },
    error: { type: 'text', nullable: true },
    archive: { type: 'string', length: 255, nullable: true },
    sourceDeployId: {
      kind: 'm:1',
      entity: 'Deploy',
      mapToPk: true,
      fieldName: 'source_deploy_id',
      nullable: true,
      deleteRule: 'set null',
    },
    filesPrunedAt: { type: 'datetime', nullable: true },
    createdAt: { type: 'datetime' },
    startedAt: { type: 'datetime', nullable: true },
    finishedAt: { type: 'datetime', nullable: true },
    // Deploy workflow (issue 15)
    digest: { type: 'boolean', default: false },
    // Deploy workflow (issue 15).
    context: { type: 'string', length: 16, default: 'PRODUCTION' },
    branch: { type: 'string', length: 255, nullable: true },
    pullRequest: { type: 'integer', nullable: true },
  },
});

export const LogLineEntity = new EntitySchema<LogLine>({
  name: 'LogLine',
  tableName: 'log_lines',
  uniques: [{ properties: ['deployId', 'seq'] }],
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    // Indexed by the unique (deploy_id, seq) index: a second index would slow every log batch.
    deployId: {
      kind: 'm:1',
      entity: 'Deploy',
      mapToPk: true,
      fieldName: 'deploy_id',
      deleteRule: 'cascade',
      index: false,
    },
    seq: { type: 'integer' },
    at: { type: 'datetime' },
    stream: { type: 'string', length: 8 },
    text: { type: 'text' },
  },
});

export const WebhookDeliveryEntity = new EntitySchema<WebhookDelivery>({
  name: 'WebhookDelivery',
  tableName: 'webhook_deliveries',
  indexes: [{ properties: ['siteId', 'receivedAt'] }, { properties: ['siteId', 'deliveryId'] }],
  properties: {
    id: { type: 'string', primary: true, length: 24 },
    // Indexed by (site_id, received_at).
    siteId: siteReference(),
    deliveryId: { type: 'string', length: 64, nullable: true },
    event: { type: 'string', length: 64 },
    outcome: { type: 'string', length: 16 },
    reason: { type: 'text', nullable: true },
    deployId: {
      kind: 'm:1',
      entity: 'Deploy',
      mapToPk: true,
      fieldName: 'deploy_id',
      nullable: true,
      deleteRule: 'set null',
    },
    receivedAt: { type: 'datetime' },
  },
});

/**
 * Which site owns a custom domain. `sites.domains` is what a user reads; this table is what makes a host
 * belong to one site only: its primary key is the lowercased host, written in the same flush as the site,
 * so of two sites claiming a host at once exactly one commits. Rows go with their site (on delete cascade).
 */
export interface SiteDomain {
  host: string;
  site: Site;
}

export const SiteDomainEntity = new EntitySchema<SiteDomain>({
  name: 'SiteDomain',
  tableName: 'site_domains',
  properties: {
    host: { type: 'string', primary: true, length: 253 },
    site: { kind: 'm:1', entity: () => SiteEntity, deleteRule: 'cascade', index: true },
  },
});

export const entities = [
  SiteEntity,
  DeployEntity,
  LogLineEntity,
  WebhookDeliveryEntity,
  SiteDomainEntity,
  SiteGitAccessEntity,
  ...accountEntities,
  ...notifyEntities,
  ...trafficEntities,
  ...clusterEntities,
];
