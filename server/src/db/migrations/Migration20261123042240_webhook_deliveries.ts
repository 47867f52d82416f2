import { PortableMigration } from './portable.js';

export class Migration20261123042240_webhook_deliveries extends PortableMigration {
  protected override async upSqlite(): Promise<void> {
    this.addSql(
      `create table \`webhook_deliveries\` (\`id\` text not null, \`site_id\` text not null, \`delivery_id\` text null, \`event\` text not null, \`outcome\` text not null, \`reason\` text null, \`deploy_id\` text null, \`received_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`webhook_deliveries_site_id_received_at_index\` on \`webhook_deliveries\` (\`site_id\`, \`received_at\`);`,
    );
    this.addSql(
      `create index \`webhook_deliveries_site_id_delivery_id_index\` on \`webhook_deliveries\` (\`site_id\`, \`delivery_id\`);`,
    );
  }

  protected override upPostgres(): void {
    this.addSql(
      'create table "webhook_deliveries" ("id" varchar(24) not null, "site_id" varchar(24) not null, "delivery_id" varchar(64) null, "event" varchar(64) not null, "outcome" varchar(16) not null, "reason" text null, "deploy_id" varchar(24) null, "received_at" timestamptz not null, constraint "webhook_deliveries_pkey" primary key ("id"));',
    );
    this.addSql(
      'create index "webhook_deliveries_site_id_received_at_index" on "webhook_deliveries" ("site_id", "received_at");',
    );
    this.addSql(
      'create index "webhook_deliveries_site_id_delivery_id_index" on "webhook_deliveries" ("site_id", "delivery_id");',
    );
  }
}
