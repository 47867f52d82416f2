import { PortableMigration } from './portable.js';

/**
 * Issue 13: incidents (DOWN / RECOVERED per site), notification channels per team, the outbox of events
 * and their deliveries with every attempt.
 */
export class Migration20261203200000_notifications extends PortableMigration {
  protected override async upSqlite(): Promise<void> {
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

  protected override upPostgres(): void {
    this.addSql(
      'create table "incidents" ("id" varchar(24) not null, "site_id" varchar(24) not null, "kind" varchar(16) not null, "at" timestamptz not null, "reason" text null, constraint "incidents_pkey" primary key ("id"));',
    );
    this.addSql('create index "incidents_site_id_at_index" on "incidents" ("site_id", "at");');

    this.addSql(
      'create table "notification_events" ("id" varchar(24) not null, "event" varchar(32) not null, "site_id" varchar(24) not null, "deploy_id" varchar(24) null, "incident_id" varchar(24) null, "at" timestamptz not null, "dispatched_at" timestamptz null, constraint "notification_events_pkey" primary key ("id"));',
    );
    this.addSql(
      'create index "notification_events_dispatched_at_index" on "notification_events" ("dispatched_at");',
    );

    this.addSql(
      'create table "notification_channels" ("id" varchar(24) not null, "team_id" varchar(24) not null, "kind" varchar(16) not null, "target" text not null, "events" jsonb not null, "enabled" boolean not null, "secret" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "notification_channels_pkey" primary key ("id"));',
    );
    this.addSql(
      'create index "notification_channels_team_id_created_at_index" on "notification_channels" ("team_id", "created_at");',
    );

    this.addSql(
      'create table "notification_deliveries" ("id" varchar(24) not null, "channel_id" varchar(24) not null, "event" varchar(32) not null, "body" text not null, "at" timestamptz not null, "state" varchar(16) not null, "attempts" int not null, "next_attempt_at" timestamptz null, "response_status" int null, "error" text null, "test" boolean not null, constraint "notification_deliveries_pkey" primary key ("id"));',
    );
    this.addSql(
      'create index "notification_deliveries_channel_id_at_index" on "notification_deliveries" ("channel_id", "at");',
    );
    this.addSql(
      'create index "notification_deliveries_state_next_attempt_at_index" on "notification_deliveries" ("state", "next_attempt_at");',
    );

    this.addSql(
      'create table "notification_attempts" ("id" serial primary key, "delivery_id" varchar(24) not null, "number" int not null, "at" timestamptz not null, "response_status" int null, "ok" boolean not null, "error" text null);',
    );
    this.addSql(
      'alter table "notification_attempts" add constraint "notification_attempts_delivery_id_number_unique" unique ("delivery_id", "number");',
    );

    const fk = (table: string, column: string, target: string, onDelete: 'cascade' | 'set null') =>
      `alter table "${table}" add constraint "${table}_${column}_foreign" foreign key ("${column}") references "${target}" ("id") on update cascade on delete ${onDelete};`;
    this.addSql(fk('incidents', 'site_id', 'sites', 'cascade'));
    this.addSql(fk('notification_events', 'site_id', 'sites', 'cascade'));
    this.addSql(fk('notification_events', 'deploy_id', 'deploys', 'set null'));
    this.addSql(fk('notification_events', 'incident_id', 'incidents', 'set null'));
    this.addSql(fk('notification_channels', 'team_id', 'teams', 'cascade'));
    this.addSql(fk('notification_deliveries', 'channel_id', 'notification_channels', 'cascade'));
    this.addSql(fk('notification_attempts', 'delivery_id', 'notification_deliveries', 'cascade'));
  }
}
