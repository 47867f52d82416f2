import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 12: git access per site, and its credentials in a table of their own. Webhook secrets stored in
 * plain text by earlier versions stay as they are here (a migration has no master key): the start-up step
 * `sealPlainSecrets` (secrets/stored-secrets.ts) seals them before Launchpad answers any request.
 */
export class Migration20261202200000_secrets extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'create table `site_git_access` (`site_id` text not null, `git_token` text null, ' +
        '`deploy_key_public` text null, `deploy_key_private` text null, `deploy_key_fingerprint` text null, ' +
        '`deploy_key_created_at` datetime null, `ssh_host` text null, `ssh_host_keys` text null, ' +
        'constraint `site_git_access_site_id_foreign` foreign key(`site_id`) references `sites`(`id`) ' +
        'on delete cascade on update cascade, primary key (`site_id`));',
    );
    this.addSql("alter table `sites` add column `git_auth` text not null default 'NONE';");
  }
}
