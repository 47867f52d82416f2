import { PortableMigration } from './portable.js';

export class Migration20261202000000_site_domains extends PortableMigration {
  protected override async upSqlite(): Promise<void> {
    this.addSql(
      `create table \`site_domains\` (\`host\` text not null, \`site_id\` text not null, constraint \`site_domains_site_id_foreign\` foreign key(\`site_id\`) references \`sites\`(\`id\`) on delete cascade on update cascade, primary key (\`host\`));`,
    );
    this.addSql(`create index \`site_domains_site_id_index\` on \`site_domains\` (\`site_id\`);`);

    // Earlier versions accepted one host on several sites. The oldest site keeps it; the others lose it
    // from their settings too, so that what they list is what they own (their routing follows at their
    // next deploy or settings change).
    this.addSql(
      'insert or ignore into `site_domains` (`host`, `site_id`) ' +
        'select lower(j.value), s.id from `sites` s, json_each(s.domains) j order by s.created_at, s.id;',
    );
    this.addSql(
      'update `sites` set `domains` = (select json_group_array(j.value) from json_each(`sites`.domains) j ' +
        'where exists (select 1 from `site_domains` d where d.host = lower(j.value) and d.site_id = `sites`.id)) ' +
        'where exists (select 1 from json_each(`sites`.domains) j where not exists ' +
        '(select 1 from `site_domains` d where d.host = lower(j.value) and d.site_id = `sites`.id));',
    );
  }

  protected override upPostgres(): void {
    this.addSql(
      'create table "site_domains" ("host" varchar(253) not null, "site_id" varchar(24) not null, constraint "site_domains_pkey" primary key ("host"));',
    );
    this.addSql('create index "site_domains_site_id_index" on "site_domains" ("site_id");');
    this.addSql(
      'alter table "site_domains" add constraint "site_domains_site_id_foreign" foreign key ("site_id") references "sites" ("id") on update cascade on delete cascade;',
    );
    // The same clean-up as on SQLite: the oldest site keeps a host several sites listed.
    this.addSql(
      'insert into "site_domains" ("host", "site_id") ' +
        'select lower(j.value), s.id from "sites" s, jsonb_array_elements_text(s.domains) j ' +
        'order by s.created_at, s.id on conflict do nothing;',
    );
    this.addSql(
      'update "sites" set "domains" = coalesce((select jsonb_agg(j.value) from jsonb_array_elements_text("sites".domains) j ' +
        'where exists (select 1 from "site_domains" d where d.host = lower(j.value) and d.site_id = "sites".id)), \'[]\'::jsonb) ' +
        'where exists (select 1 from jsonb_array_elements_text("sites".domains) j where not exists ' +
        '(select 1 from "site_domains" d where d.host = lower(j.value) and d.site_id = "sites".id));',
    );
  }
}
