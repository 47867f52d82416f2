import { Migration } from '@mikro-orm/migrations';

export class Migration20261123034458_initial extends Migration {
  override async up(): Promise<void> {
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
}
