import { PortableMigration } from './portable.js';

/**
 * Deploy workflow (issue 15): branch deploys and pull request previews (every existing deploy is a
 * PRODUCTION one; both site switches start off) and the per-site build cache (on, empty).
 */
export class Migration20261203400000_previews extends PortableMigration {
  protected override async upSqlite(): Promise<void> {
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

  protected override upPostgres(): void {
    this.addSql('alter table "sites" add column "branch_deploys" boolean not null default false;');
    this.addSql('alter table "sites" add column "deploy_previews" boolean not null default false;');
    this.addSql('alter table "sites" add column "build_cache" boolean not null default true;');
    this.addSql('alter table "sites" add column "build_cache_bytes" double precision not null default 0;');
    this.addSql(`alter table "deploys" add column "context" varchar(16) not null default 'PRODUCTION';`);
    this.addSql('alter table "deploys" add column "branch" varchar(255) null;');
    this.addSql('alter table "deploys" add column "pull_request" int null;');
  }
}
