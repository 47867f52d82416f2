import { PortableMigration } from './portable.js';

/**
 * Scale-out (issue 16): the claims by which control planes sharing one PostgreSQL run each queued deploy
 * exactly once (cluster/claims.ts). SQLite gets the same table so both dialects keep one schema; one
 * control plane on SQLite never writes it.
 */
export class Migration20261204100000_deploy_claims extends PortableMigration {
  protected override upSqlite(): void {
    this.addSql(
      'create table `deploy_claims` (`deploy_id` text not null, `owner` text not null, `lease_until` datetime not null, constraint `deploy_claims_deploy_id_foreign` foreign key(`deploy_id`) references `deploys`(`id`) on delete cascade on update cascade, primary key (`deploy_id`));',
    );
    this.addSql('create index `deploy_claims_owner_index` on `deploy_claims` (`owner`);');
    this.addSql('create index `deploy_claims_lease_until_index` on `deploy_claims` (`lease_until`);');
  }

  protected override upPostgres(): void {
    this.addSql(
      'create table "deploy_claims" ("deploy_id" varchar(24) not null, "owner" varchar(80) not null, "lease_until" timestamptz not null, constraint "deploy_claims_pkey" primary key ("deploy_id"));',
    );
    this.addSql('create index "deploy_claims_owner_index" on "deploy_claims" ("owner");');
    this.addSql('create index "deploy_claims_lease_until_index" on "deploy_claims" ("lease_until");');
    this.addSql(
      'alter table "deploy_claims" add constraint "deploy_claims_deploy_id_foreign" foreign key ("deploy_id") references "deploys" ("id") on update cascade on delete cascade;',
    );
  }
}
