import { Migration } from '@mikro-orm/migrations';

/**
 * Per-site traffic (issue 13): minute, hour and day buckets, each site's running totals, and how far each
 * access-log file has been read. Identifiers in double quotes (standard SQL, which SQLite and PostgreSQL
 * both read); the autoincrement keys are SQLite's form and need PostgreSQL's identity form there.
 */
export class Migration20261203100000_traffic extends Migration {
  override async up(): Promise<void> {
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
}
