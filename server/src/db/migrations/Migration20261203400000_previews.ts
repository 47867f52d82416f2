import { Migration } from '@mikro-orm/migrations';

/**
 * Deploy workflow (issue 15): branch deploys and pull request previews (every existing deploy is a
 * PRODUCTION one; both site switches start off) and the per-site build cache (on, empty).
 */
export class Migration20261203400000_previews extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`sites\` add column \`branch_deploys\` boolean not null default false;`);
    this.addSql(`alter table \`sites\` add column \`deploy_previews\` boolean not null default false;`);
    this.addSql(`alter table \`sites\` add column \`build_cache\` boolean not null default true;`);
    this.addSql(
      `alter table \`sites\` add column \`build_cache_bytes\` double precision not null default 0;`,
    );
    this.addSql(`alter table \`deploys\` add column \`context\` text not null default 'PRODUCTION';`);
    this.addSql(`alter table \`deploys\` add column \`branch\` text null;`);
    this.addSql(`alter table \`deploys\` add column \`pull_request\` integer null;`);
  }
}
