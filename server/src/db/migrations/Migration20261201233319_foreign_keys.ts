import { PortableMigration } from './portable.js';

/**
 * Declares the foreign keys (what a site owns goes with it; a pointer to a deploy that is gone becomes null).
 * SQLite cannot add a foreign key to a table, so each table is rebuilt with its data.
 *
 * The rebuild runs inside the migration's transaction, where `pragma foreign_keys` cannot be switched off,
 * so the order matters: the old tables are first renamed out of the way, the new tables made under the
 * final names, the rows copied (checks deferred to the commit), and only then the old tables dropped; no
 * key points at them, so no cascade fires. Rows that point at a deleted site or deploy (webhook deliveries
 * outlived their site before this migration) are dropped or have the dangling pointer nulled, as the new
 * rules would have done.
 *
 * With foreign keys on, SQLite makes a rename carry other tables' references along (legacy_alter_table
 * does not stop it), and dropping the renamed table would then cascade into them. So this migration
 * refuses to run, changing nothing, when a table other than these four references one of them: a
 * migration that adds such a table must come after this one.
 */
export class Migration20261201233319_foreign_keys extends PortableMigration {
  protected override async upSqlite(): Promise<void> {
    const names = TABLES.map((t) => `'${t.name}'`).join(', ');
    const outside = await this.execute(
      `select m.name || ' -> ' || f."table" as ref from sqlite_master m, pragma_foreign_key_list(m.name) f where m.type = 'table' and m.name not in (${names}) and f."table" in (${names})`,
    );
    if (outside.length > 0) {
      throw new Error(
        `The foreign keys migration would cascade into tables it does not rebuild (${outside.map((r) => r.ref).join(', ')}): order the migration that made them after it`,
      );
    }
    this.addSql('pragma defer_foreign_keys = on;');
    for (const table of TABLES) {
      for (const index of table.oldIndexes) this.addSql(`drop index \`${index}\`;`);
      this.addSql(`alter table \`${table.name}\` rename to \`${table.name}__old\`;`);
    }
    for (const table of TABLES) {
      this.addSql(table.create);
      for (const index of table.indexes) this.addSql(index);
    }
    for (const copy of COPIES) this.addSql(copy);
    // Log line ids keep growing from where they were: autoincrement never hands out an id twice.
    this.addSql(
      "insert into `sqlite_sequence` (`name`, `seq`) select 'log_lines', 0 where not exists (select 1 from `sqlite_sequence` where `name` = 'log_lines');",
    );
    this.addSql(
      "update `sqlite_sequence` set `seq` = max(`seq`, coalesce((select `seq` from `sqlite_sequence` where `name` = 'log_lines__old'), 0)) where `name` = 'log_lines';",
    );
    for (const table of [...TABLES].reverse()) this.addSql(`drop table \`${table.name}__old\`;`);
  }

  /**
   * PostgreSQL adds foreign keys to a table in place. The rows the new rules would not have let exist are
   * dropped or nulled first, as on SQLite (a PostgreSQL database is always migrated from empty today, so
   * this is for symmetry, not for data).
   */
  protected override upPostgres(): void {
    this.addSql('delete from "deploys" where "site_id" not in (select "id" from "sites");');
    this.addSql(
      'update "deploys" set "source_deploy_id" = null where "source_deploy_id" not in (select "id" from "deploys");',
    );
    this.addSql(
      'update "sites" set "current_deploy_id" = null where "current_deploy_id" not in (select "id" from "deploys");',
    );
    this.addSql('delete from "log_lines" where "deploy_id" not in (select "id" from "deploys");');
    this.addSql('delete from "webhook_deliveries" where "site_id" not in (select "id" from "sites");');
    this.addSql(
      'update "webhook_deliveries" set "deploy_id" = null where "deploy_id" not in (select "id" from "deploys");',
    );
    const fk = (table: string, column: string, target: string, onDelete: 'cascade' | 'set null') =>
      `alter table "${table}" add constraint "${table}_${column}_foreign" foreign key ("${column}") references "${target}" ("id") on update cascade on delete ${onDelete};`;
    this.addSql(fk('sites', 'current_deploy_id', 'deploys', 'set null'));
    this.addSql(fk('deploys', 'site_id', 'sites', 'cascade'));
    this.addSql(fk('deploys', 'source_deploy_id', 'deploys', 'set null'));
    this.addSql(fk('log_lines', 'deploy_id', 'deploys', 'cascade'));
    this.addSql(fk('webhook_deliveries', 'site_id', 'sites', 'cascade'));
    this.addSql(fk('webhook_deliveries', 'deploy_id', 'deploys', 'set null'));
  }
}

interface Rebuild {
  name: string;
  oldIndexes: string[];
  create: string;
  indexes: string[];
}

// The DDL is what MikroORM makes from db/entities.ts (the migrations test checks that they agree).
const TABLES: Rebuild[] = [
  {
    name: 'sites',
    oldIndexes: ['sites_slug_unique'],
    create:
      'create table `sites` (`id` text not null, `slug` text not null, `name` text not null, `source_type` text not null, `git_url` text null, `branch` text null, `build_command` text null, `output_dir` text not null, `env_vars` json not null, `auto_deploy` integer not null, `spa` integer not null, `domains` json not null, `webhook_secret` text null, `status` text not null, `current_deploy_id` text null, `local_port` integer null, `next_deploy_number` integer not null, `created_at` datetime not null, `updated_at` datetime not null, constraint `sites_current_deploy_id_foreign` foreign key(`current_deploy_id`) references `deploys`(`id`) on delete set null on update cascade, primary key (`id`));',
    indexes: [
      'create unique index `sites_slug_unique` on `sites` (`slug`);',
      'create index `sites_current_deploy_id_index` on `sites` (`current_deploy_id`);',
    ],
  },
  {
    name: 'deploys',
    oldIndexes: ['deploys_status_index', 'deploys_site_id_number_unique'],
    create:
      'create table `deploys` (`id` text not null, `site_id` text not null, `number` integer not null, `status` text not null, `trigger` text not null, `commit_sha` text null, `commit_message` text null, `error` text null, `archive` text null, `source_deploy_id` text null, `files_pruned_at` datetime null, `created_at` datetime not null, `started_at` datetime null, `finished_at` datetime null, constraint `deploys_site_id_foreign` foreign key(`site_id`) references `sites`(`id`) on delete cascade on update cascade, constraint `deploys_source_deploy_id_foreign` foreign key(`source_deploy_id`) references `deploys`(`id`) on delete set null on update cascade, primary key (`id`));',
    indexes: [
      'create index `deploys_source_deploy_id_index` on `deploys` (`source_deploy_id`);',
      'create index `deploys_status_index` on `deploys` (`status`);',
      'create unique index `deploys_site_id_number_unique` on `deploys` (`site_id`, `number`);',
    ],
  },
  {
    name: 'log_lines',
    oldIndexes: ['log_lines_deploy_id_seq_unique'],
    create:
      'create table `log_lines` (`id` integer not null primary key autoincrement, `deploy_id` text not null, `seq` integer not null, `at` datetime not null, `stream` text not null, `text` text not null, constraint `log_lines_deploy_id_foreign` foreign key(`deploy_id`) references `deploys`(`id`) on delete cascade on update cascade);',
    indexes: ['create unique index `log_lines_deploy_id_seq_unique` on `log_lines` (`deploy_id`, `seq`);'],
  },
  {
    name: 'webhook_deliveries',
    oldIndexes: [
      'webhook_deliveries_site_id_received_at_index',
      'webhook_deliveries_site_id_delivery_id_index',
    ],
    create:
      'create table `webhook_deliveries` (`id` text not null, `site_id` text not null, `delivery_id` text null, `event` text not null, `outcome` text not null, `reason` text null, `deploy_id` text null, `received_at` datetime not null, constraint `webhook_deliveries_site_id_foreign` foreign key(`site_id`) references `sites`(`id`) on delete cascade on update cascade, constraint `webhook_deliveries_deploy_id_foreign` foreign key(`deploy_id`) references `deploys`(`id`) on delete set null on update cascade, primary key (`id`));',
    indexes: [
      'create index `webhook_deliveries_deploy_id_index` on `webhook_deliveries` (`deploy_id`);',
      'create index `webhook_deliveries_site_id_received_at_index` on `webhook_deliveries` (`site_id`, `received_at`);',
      'create index `webhook_deliveries_site_id_delivery_id_index` on `webhook_deliveries` (`site_id`, `delivery_id`);',
    ],
  },
];

/** `column` if it names a row of `table`, else null. */
const orNull = (column: string, table: string) =>
  `case when \`${column}\` in (select \`id\` from \`${table}\`) then \`${column}\` end`;

// Deploys first: they decide which deploys survive (those of a site that exists), and the pointers of the
// tables copied after them are checked against the new deploys table.
const COPIES = [
  `insert into \`deploys\` select \`id\`, \`site_id\`, \`number\`, \`status\`, \`trigger\`, \`commit_sha\`, \`commit_message\`, \`error\`, \`archive\`, \`source_deploy_id\`, \`files_pruned_at\`, \`created_at\`, \`started_at\`, \`finished_at\` from \`deploys__old\` where \`site_id\` in (select \`id\` from \`sites__old\`);`,
  // A rollback's source is a deploy of the same site, so it survived too; null it only if it never existed.
  `update \`deploys\` set \`source_deploy_id\` = ${orNull('source_deploy_id', 'deploys')};`,
  `insert into \`sites\` select \`id\`, \`slug\`, \`name\`, \`source_type\`, \`git_url\`, \`branch\`, \`build_command\`, \`output_dir\`, \`env_vars\`, \`auto_deploy\`, \`spa\`, \`domains\`, \`webhook_secret\`, \`status\`, ${orNull('current_deploy_id', 'deploys')}, \`local_port\`, \`next_deploy_number\`, \`created_at\`, \`updated_at\` from \`sites__old\`;`,
  'insert into `log_lines` select `id`, `deploy_id`, `seq`, `at`, `stream`, `text` from `log_lines__old` where `deploy_id` in (select `id` from `deploys`);',
  `insert into \`webhook_deliveries\` select \`id\`, \`site_id\`, \`delivery_id\`, \`event\`, \`outcome\`, \`reason\`, ${orNull('deploy_id', 'deploys')}, \`received_at\` from \`webhook_deliveries__old\` where \`site_id\` in (select \`id\` from \`sites\`);`,
];
