import { PortableMigration } from './portable.js';

export class Migration20261123034458_initial extends PortableMigration {
  protected override async upSqlite(): Promise<void> {
    this.addSql(
      `create table \`deploys\` (\`id\` text not null, \`site_id\` text not null, \`number\` integer not null, \`status\` text not null, \`trigger\` text not null, \`commit_sha\` text null, \`commit_message\` text null, \`error\` text null, \`archive\` text null, \`source_deploy_id\` text null, \`files_pruned_at\` datetime null, \`created_at\` datetime not null, \`started_at\` datetime null, \`finished_at\` datetime null, primary key (\`id\`));`,
    );
    this.addSql(`create index \`deploys_status_index\` on \`deploys\` (\`status\`);`);
    this.addSql(
      `create unique index \`deploys_site_id_number_unique\` on \`deploys\` (\`site_id\`, \`number\`);`,
    );

    this.addSql(
      `create table \`log_lines\` (\`id\` integer not null primary key autoincrement, \`deploy_id\` text not null, \`seq\` integer not null, \`at\` datetime not null, \`stream\` text not null, \`text\` text not null);`,
    );
    this.addSql(
      `create unique index \`log_lines_deploy_id_seq_unique\` on \`log_lines\` (\`deploy_id\`, \`seq\`);`,
    );

    this.addSql(
      `create table \`sites\` (\`id\` text not null, \`slug\` text not null, \`name\` text not null, \`source_type\` text not null, \`git_url\` text null, \`branch\` text null, \`build_command\` text null, \`output_dir\` text not null, \`env_vars\` json not null, \`auto_deploy\` integer not null, \`spa\` integer not null, \`domains\` json not null, \`webhook_secret\` text null, \`status\` text not null, \`current_deploy_id\` text null, \`local_port\` integer null, \`next_deploy_number\` integer not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(`create unique index \`sites_slug_unique\` on \`sites\` (\`slug\`);`);
  }

  protected override upPostgres(): void {
    this.addSql(
      'create table "deploys" ("id" varchar(24) not null, "site_id" varchar(24) not null, "number" int not null, "status" varchar(16) not null, "trigger" varchar(16) not null, "commit_sha" varchar(64) null, "commit_message" text null, "error" text null, "archive" varchar(255) null, "source_deploy_id" varchar(24) null, "files_pruned_at" timestamptz null, "created_at" timestamptz not null, "started_at" timestamptz null, "finished_at" timestamptz null, constraint "deploys_pkey" primary key ("id"));',
    );
    this.addSql('create index "deploys_status_index" on "deploys" ("status");');
    this.addSql(
      'alter table "deploys" add constraint "deploys_site_id_number_unique" unique ("site_id", "number");',
    );

    this.addSql(
      'create table "log_lines" ("id" serial primary key, "deploy_id" varchar(24) not null, "seq" int not null, "at" timestamptz not null, "stream" varchar(8) not null, "text" text not null);',
    );
    this.addSql(
      'alter table "log_lines" add constraint "log_lines_deploy_id_seq_unique" unique ("deploy_id", "seq");',
    );

    this.addSql(
      'create table "sites" ("id" varchar(24) not null, "slug" varchar(63) not null, "name" varchar(200) not null, "source_type" varchar(8) not null, "git_url" text null, "branch" varchar(255) null, "build_command" text null, "output_dir" varchar(255) not null, "env_vars" jsonb not null, "auto_deploy" boolean not null, "spa" boolean not null, "domains" jsonb not null, "webhook_secret" text null, "status" varchar(16) not null, "current_deploy_id" varchar(24) null, "local_port" int null, "next_deploy_number" int not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "sites_pkey" primary key ("id"));',
    );
    this.addSql('alter table "sites" add constraint "sites_slug_unique" unique ("slug");');
  }
}
