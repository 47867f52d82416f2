import { PortableMigration } from './portable.js';

/**
 * Issue 12: git access per site, and its credentials in a table of their own. Webhook secrets stored in
 * plain text by earlier versions stay as they are here (a migration has no master key): the start-up step
 * `sealPlainSecrets` (secrets/stored-secrets.ts) seals them before Launchpad answers any request.
 */
export class Migration20261202200000_secrets extends PortableMigration {
  protected override async upSqlite(): Promise<void> {
    this.addSql(
      'create table `site_git_access` (`site_id` text not null, `git_token` text null, ' +
        '`deploy_key_public` text null, `deploy_key_private` text null, `deploy_key_fingerprint` text null, ' +
        '`deploy_key_created_at` datetime null, `ssh_host` text null, `ssh_host_keys` text null, ' +
        'constraint `site_git_access_site_id_foreign` foreign key(`site_id`) references `sites`(`id`) ' +
        'on delete cascade on update cascade, primary key (`site_id`));',
    );
    this.addSql("alter table `sites` add column `git_auth` text not null default 'NONE';");
  }

  protected override upPostgres(): void {
    this.addSql(
      'create table "site_git_access" ("site_id" varchar(24) not null, "git_token" text null, ' +
        '"deploy_key_public" text null, "deploy_key_private" text null, "deploy_key_fingerprint" varchar(64) null, ' +
        '"deploy_key_created_at" timestamptz null, "ssh_host" varchar(300) null, "ssh_host_keys" text null, ' +
        'constraint "site_git_access_pkey" primary key ("site_id"));',
    );
    this.addSql(
      'alter table "site_git_access" add constraint "site_git_access_site_id_foreign" foreign key ("site_id") references "sites" ("id") on update cascade on delete cascade;',
    );
    this.addSql(`alter table "sites" add column "git_auth" varchar(8) not null default 'NONE';`);
  }
}
