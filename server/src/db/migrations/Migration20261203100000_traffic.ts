import { PortableMigration } from './portable.js';

/**
 * Per-site traffic (issue 13): minute, hour and day buckets, each site's running totals, and how far each
 * access-log file has been read. Identifiers in double quotes (standard SQL, which SQLite and PostgreSQL
 * both read); the autoincrement keys are SQLite's form and need PostgreSQL's identity form there.
 */
export class Migration20261203100000_traffic extends PortableMigration {
  protected override async upSqlite(): Promise<void> {
    this.addSql(
      'create table "access_log_cursors" ("id" integer not null primary key autoincrement, ' +
        '"site_id" text not null, "file_key" text not null, "offset" double precision not null, ' +
        '"done" integer not null, constraint "access_log_cursors_site_id_foreign" foreign key("site_id") ' +
        'references "sites"("id") on delete cascade on update cascade);',
    );
    this.addSql(
      'create unique index "access_log_cursors_site_id_file_key_unique" on "access_log_cursors" ("site_id", "file_key");',
    );
    this.addSql(
      'create table "site_traffic" ("id" integer not null primary key autoincrement, "site_id" text not null, ' +
        '"span" text not null, "at" datetime not null, "requests" integer not null, ' +
        '"bytes" double precision not null, "status1xx" integer not null, "status2xx" integer not null, ' +
        '"status3xx" integer not null, "status4xx" integer not null, "status5xx" integer not null, ' +
        '"latency" json not null, constraint "site_traffic_site_id_foreign" foreign key("site_id") ' +
        'references "sites"("id") on delete cascade on update cascade);',
    );
    this.addSql('create index "site_traffic_span_at_index" on "site_traffic" ("span", "at");');
    this.addSql(
      'create unique index "site_traffic_site_id_span_at_unique" on "site_traffic" ("site_id", "span", "at");',
    );
    this.addSql(
      'create table "site_traffic_totals" ("site_id" text not null, "requests" integer not null, ' +
        '"bytes" double precision not null, "status1xx" integer not null, "status2xx" integer not null, ' +
        '"status3xx" integer not null, "status4xx" integer not null, "status5xx" integer not null, ' +
        'constraint "site_traffic_totals_site_id_foreign" foreign key("site_id") references "sites"("id") ' +
        'on delete cascade on update cascade, primary key ("site_id"));',
    );
  }

  protected override upPostgres(): void {
    this.addSql(
      'create table "access_log_cursors" ("id" serial primary key, "site_id" varchar(24) not null, "file_key" varchar(64) not null, "offset" double precision not null, "done" boolean not null);',
    );
    this.addSql(
      'alter table "access_log_cursors" add constraint "access_log_cursors_site_id_file_key_unique" unique ("site_id", "file_key");',
    );
    this.addSql(
      'create table "site_traffic" ("id" serial primary key, "site_id" varchar(24) not null, "span" varchar(8) not null, "at" timestamptz not null, "requests" int not null, "bytes" double precision not null, "status1xx" int not null, "status2xx" int not null, "status3xx" int not null, "status4xx" int not null, "status5xx" int not null, "latency" jsonb not null);',
    );
    this.addSql('create index "site_traffic_span_at_index" on "site_traffic" ("span", "at");');
    this.addSql(
      'alter table "site_traffic" add constraint "site_traffic_site_id_span_at_unique" unique ("site_id", "span", "at");',
    );
    this.addSql(
      'create table "site_traffic_totals" ("site_id" varchar(24) not null, "requests" int not null, "bytes" double precision not null, "status1xx" int not null, "status2xx" int not null, "status3xx" int not null, "status4xx" int not null, "status5xx" int not null, constraint "site_traffic_totals_pkey" primary key ("site_id"));',
    );
    for (const table of ['access_log_cursors', 'site_traffic', 'site_traffic_totals']) {
      this.addSql(
        `alter table "${table}" add constraint "${table}_site_id_foreign" foreign key ("site_id") references "sites" ("id") on update cascade on delete cascade;`,
      );
    }
  }
}
