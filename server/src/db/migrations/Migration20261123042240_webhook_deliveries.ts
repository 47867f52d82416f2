import { Migration } from '@mikro-orm/migrations';

export class Migration20261123042240_webhook_deliveries extends Migration {
  override async up(): Promise<void> {
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
}
