import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 13: incidents (DOWN / RECOVERED per site), notification channels per team, the outbox of events
 * and their deliveries with every attempt.
 */
export class Migration20261203200000_notifications extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`incidents\` (\`id\` text not null, \`site_id\` text not null, \`kind\` text not null, \`at\` datetime not null, \`reason\` text null, constraint \`incidents_site_id_foreign\` foreign key(\`site_id\`) references \`sites\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`incidents_site_id_at_index\` on \`incidents\` (\`site_id\`, \`at\`);`);

    this.addSql(
      `create table \`notification_events\` (\`id\` text not null, \`event\` text not null, \`site_id\` text not null, \`deploy_id\` text null, \`incident_id\` text null, \`at\` datetime not null, \`dispatched_at\` datetime null, constraint \`notification_events_site_id_foreign\` foreign key(\`site_id\`) references \`sites\`(\`id\`) on delete cascade on update cascade, constraint \`notification_events_deploy_id_foreign\` foreign key(\`deploy_id\`) references \`deploys\`(\`id\`) on delete set null on update cascade, constraint \`notification_events_incident_id_foreign\` foreign key(\`incident_id\`) references \`incidents\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`notification_events_dispatched_at_index\` on \`notification_events\` (\`dispatched_at\`);`,
    );

    this.addSql(
      `create table \`notification_channels\` (\`id\` text not null, \`team_id\` text not null, \`kind\` text not null, \`target\` text not null, \`events\` json not null, \`enabled\` integer not null, \`secret\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`notification_channels_team_id_foreign\` foreign key(\`team_id\`) references \`teams\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`notification_channels_team_id_created_at_index\` on \`notification_channels\` (\`team_id\`, \`created_at\`);`,
    );

    this.addSql(
      `create table \`notification_deliveries\` (\`id\` text not null, \`channel_id\` text not null, \`event\` text not null, \`body\` text not null, \`at\` datetime not null, \`state\` text not null, \`attempts\` integer not null, \`next_attempt_at\` datetime null, \`response_status\` integer null, \`error\` text null, \`test\` integer not null, constraint \`notification_deliveries_channel_id_foreign\` foreign key(\`channel_id\`) references \`notification_channels\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`notification_deliveries_channel_id_at_index\` on \`notification_deliveries\` (\`channel_id\`, \`at\`);`,
    );
    this.addSql(
      `create index \`notification_deliveries_state_next_attempt_at_index\` on \`notification_deliveries\` (\`state\`, \`next_attempt_at\`);`,
    );

    this.addSql(
      `create table \`notification_attempts\` (\`id\` integer not null primary key autoincrement, \`delivery_id\` text not null, \`number\` integer not null, \`at\` datetime not null, \`response_status\` integer null, \`ok\` integer not null, \`error\` text null, constraint \`notification_attempts_delivery_id_foreign\` foreign key(\`delivery_id\`) references \`notification_deliveries\`(\`id\`) on delete cascade on update cascade);`,
    );
    this.addSql(
      `create unique index \`notification_attempts_delivery_id_number_unique\` on \`notification_attempts\` (\`delivery_id\`, \`number\`);`,
    );
  }
}
