import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123034458_initial } from './Migration20261123034458_initial.js';
import { Migration20261123042240_webhook_deliveries } from './Migration20261123042240_webhook_deliveries.js';
import { Migration20261201233319_foreign_keys } from './Migration20261201233319_foreign_keys.js';
import { Migration20261202000000_site_domains } from './Migration20261202000000_site_domains.js';
import { Migration20261202100000_accounts } from './Migration20261202100000_accounts.js';
import { Migration20261202200000_secrets } from './Migration20261202200000_secrets.js';
import { Migration20261202300000_server_apps } from './Migration20261202300000_server_apps.js';
import { Migration20261203100000_traffic } from './Migration20261203100000_traffic.js';
import { Migration20261203200000_notifications } from './Migration20261203200000_notifications.js';
import { Migration20261203300000_digest_deploys } from './Migration20261203300000_digest_deploys.js';
import { Migration20261203400000_previews } from './Migration20261203400000_previews.js';
import { Migration20261204100000_deploy_claims } from './Migration20261204100000_deploy_claims.js';

/**
 * Every migration, oldest first. Listed explicitly (not globbed) so the same code runs under tsx, bundled
 * or compiled. A new one is generated with `npm run migration:create -w server`, then added here.
 * The foreign-key rebuild comes before site_domains: it renames and copies the tables it rebuilds, which
 * it refuses to do while another table references them.
 */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261123034458_initial', class: Migration20261123034458_initial },
  { name: 'Migration20261123042240_webhook_deliveries', class: Migration20261123042240_webhook_deliveries },
  { name: 'Migration20261201233319_foreign_keys', class: Migration20261201233319_foreign_keys },
  { name: 'Migration20261202000000_site_domains', class: Migration20261202000000_site_domains },
  { name: 'Migration20261202100000_accounts', class: Migration20261202100000_accounts },
  { name: 'Migration20261202200000_secrets', class: Migration20261202200000_secrets },
  { name: 'Migration20261202300000_server_apps', class: Migration20261202300000_server_apps },
  { name: 'Migration20261203100000_traffic', class: Migration20261203100000_traffic },
  { name: 'Migration20261203200000_notifications', class: Migration20261203200000_notifications },
  { name: 'Migration20261203300000_digest_deploys', class: Migration20261203300000_digest_deploys },
  { name: 'Migration20261203400000_previews', class: Migration20261203400000_previews },
  { name: 'Migration20261204100000_deploy_claims', class: Migration20261204100000_deploy_claims },
];
