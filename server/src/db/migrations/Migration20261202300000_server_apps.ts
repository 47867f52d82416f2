import { PortableMigration } from './portable.js';

/** Server apps (issue 14): a site's kind and its app's settings; every existing site stays STATIC. */
export class Migration20261202300000_server_apps extends PortableMigration {
  protected override async upSqlite(): Promise<void> {
    this.addSql(`alter table \`sites\` add column \`kind\` text not null default 'STATIC';`);
    this.addSql(`alter table \`sites\` add column \`start_command\` text null;`);
    this.addSql(`alter table \`sites\` add column \`port\` integer null;`);
    this.addSql(`alter table \`sites\` add column \`health_check_path\` text null;`);
    this.addSql(`alter table \`sites\` add column \`runtime_image\` text null;`);
  }

  protected override upPostgres(): void {
    this.addSql(`alter table "sites" add column "kind" varchar(8) not null default 'STATIC';`);
    this.addSql('alter table "sites" add column "start_command" text null;');
    this.addSql('alter table "sites" add column "port" int null;');
    this.addSql('alter table "sites" add column "health_check_path" text null;');
    this.addSql('alter table "sites" add column "runtime_image" text null;');
  }
}
