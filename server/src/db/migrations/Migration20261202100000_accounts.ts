import { newId } from '../../domain/ids.js';
import { PortableMigration } from './portable.js';

/**
 * Accounts (issue 11): users, teams, memberships, sessions, API tokens, invitations, the audit log, OIDC
 * identities, and the team that owns each site. It also makes the first team: every site from before
 * accounts belongs to it, and the first user to sign up becomes its OWNER (services/accounts). The team's
 * id is made here, in JavaScript, so the SQL stays plain enough for PostgreSQL too.
 *
 * `sites.team_id` is added as a nullable column: SQLite adds a reference column only with a null
 * default, and rebuilding `sites` would cascade into every table that points at it.
 */
export class Migration20261202100000_accounts extends PortableMigration {
  protected override async upSqlite(): Promise<void> {
    this.addSql(
      `create table \`teams\` (\`id\` text not null, \`name\` text not null, \`slug\` text not null, \`created_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(`create unique index \`teams_slug_unique\` on \`teams\` (\`slug\`);`);

    this.addSql(
      `create table \`users\` (\`id\` text not null, \`email\` text not null, \`name\` text null, \`password_hash\` text null, \`created_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(`create unique index \`users_email_unique\` on \`users\` (\`email\`);`);

    this.addSql(
      `create table \`sessions\` (\`id\` text not null, \`user_id\` text not null, \`created_at\` datetime not null, \`last_seen_at\` datetime not null, \`expires_at\` datetime not null, \`absolute_expires_at\` datetime not null, constraint \`sessions_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`sessions_user_id_index\` on \`sessions\` (\`user_id\`);`);

    this.addSql(
      `create table \`oidc_identities\` (\`id\` text not null, \`provider\` text not null, \`subject\` text not null, \`user_id\` text not null, \`created_at\` datetime not null, constraint \`oidc_identities_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`oidc_identities_user_id_index\` on \`oidc_identities\` (\`user_id\`);`);
    this.addSql(
      `create unique index \`oidc_identities_provider_subject_unique\` on \`oidc_identities\` (\`provider\`, \`subject\`);`,
    );

    this.addSql(
      `create table \`memberships\` (\`id\` text not null, \`team_id\` text not null, \`user_id\` text not null, \`role\` text not null, \`created_at\` datetime not null, constraint \`memberships_team_id_foreign\` foreign key(\`team_id\`) references \`teams\`(\`id\`) on delete cascade on update cascade, constraint \`memberships_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`memberships_user_id_index\` on \`memberships\` (\`user_id\`);`);
    this.addSql(
      `create unique index \`memberships_team_id_user_id_unique\` on \`memberships\` (\`team_id\`, \`user_id\`);`,
    );

    this.addSql(
      `create table \`invitations\` (\`id\` text not null, \`team_id\` text not null, \`email\` text not null, \`role\` text not null, \`token_hash\` text not null, \`invited_by_id\` text null, \`created_at\` datetime not null, \`expires_at\` datetime not null, \`accepted_at\` datetime null, constraint \`invitations_team_id_foreign\` foreign key(\`team_id\`) references \`teams\`(\`id\`) on delete cascade on update cascade, constraint \`invitations_invited_by_id_foreign\` foreign key(\`invited_by_id\`) references \`users\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`invitations_team_id_index\` on \`invitations\` (\`team_id\`);`);
    this.addSql(`create unique index \`invitations_token_hash_unique\` on \`invitations\` (\`token_hash\`);`);
    this.addSql(`create index \`invitations_invited_by_id_index\` on \`invitations\` (\`invited_by_id\`);`);

    this.addSql(
      `create table \`audit_events\` (\`id\` integer not null primary key autoincrement, \`at\` datetime not null, \`team_id\` text null, \`user_id\` text null, \`actor\` text not null, \`action\` text not null, \`target_type\` text null, \`target_id\` text null, \`ip\` text null, \`detail\` text null, constraint \`audit_events_team_id_foreign\` foreign key(\`team_id\`) references \`teams\`(\`id\`) on delete set null on update cascade, constraint \`audit_events_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete set null on update cascade);`,
    );
    this.addSql(`create index \`audit_events_team_id_id_index\` on \`audit_events\` (\`team_id\`, \`id\`);`);
    this.addSql(`create index \`audit_events_user_id_id_index\` on \`audit_events\` (\`user_id\`, \`id\`);`);

    this.addSql(
      `create table \`api_tokens\` (\`id\` text not null, \`team_id\` text not null, \`name\` text not null, \`scope\` text not null, \`prefix\` text not null, \`secret_hash\` text not null, \`created_by_id\` text null, \`created_at\` datetime not null, \`last_used_at\` datetime null, \`expires_at\` datetime null, \`revoked_at\` datetime null, constraint \`api_tokens_team_id_foreign\` foreign key(\`team_id\`) references \`teams\`(\`id\`) on delete cascade on update cascade, constraint \`api_tokens_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`users\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`api_tokens_team_id_index\` on \`api_tokens\` (\`team_id\`);`);
    this.addSql(`create unique index \`api_tokens_secret_hash_unique\` on \`api_tokens\` (\`secret_hash\`);`);
    this.addSql(`create index \`api_tokens_created_by_id_index\` on \`api_tokens\` (\`created_by_id\`);`);

    this.addSql(
      `alter table \`sites\` add column \`team_id\` text null constraint \`sites_team_id_foreign\` references \`teams\` (\`id\`) on update cascade on delete set null;`,
    );
    this.addSql(`create index \`sites_team_id_index\` on \`sites\` (\`team_id\`);`);

    const teamId = newId();
    // Datetimes as MikroORM writes them on SQLite: milliseconds since the epoch.
    this.addSql(
      `insert into \`teams\` (\`id\`, \`name\`, \`slug\`, \`created_at\`) values ('${teamId}', 'Default team', 'default', ${Date.now()});`,
    );
    this.addSql(`update \`sites\` set \`team_id\` = '${teamId}' where \`team_id\` is null;`);
  }

  protected override upPostgres(): void {
    this.addSql(
      'create table "teams" ("id" varchar(24) not null, "name" varchar(200) not null, "slug" varchar(63) not null, "created_at" timestamptz not null, constraint "teams_pkey" primary key ("id"));',
    );
    this.addSql('alter table "teams" add constraint "teams_slug_unique" unique ("slug");');

    this.addSql(
      'create table "users" ("id" varchar(24) not null, "email" varchar(320) not null, "name" varchar(200) null, "password_hash" varchar(255) null, "created_at" timestamptz not null, constraint "users_pkey" primary key ("id"));',
    );
    this.addSql('alter table "users" add constraint "users_email_unique" unique ("email");');

    this.addSql(
      'create table "sessions" ("id" varchar(64) not null, "user_id" varchar(24) not null, "created_at" timestamptz not null, "last_seen_at" timestamptz not null, "expires_at" timestamptz not null, "absolute_expires_at" timestamptz not null, constraint "sessions_pkey" primary key ("id"));',
    );

    this.addSql(
      'create table "oidc_identities" ("id" varchar(24) not null, "provider" varchar(64) not null, "subject" varchar(255) not null, "user_id" varchar(24) not null, "created_at" timestamptz not null, constraint "oidc_identities_pkey" primary key ("id"));',
    );
    this.addSql(
      'alter table "oidc_identities" add constraint "oidc_identities_provider_subject_unique" unique ("provider", "subject");',
    );

    this.addSql(
      'create table "memberships" ("id" varchar(24) not null, "team_id" varchar(24) not null, "user_id" varchar(24) not null, "role" varchar(16) not null, "created_at" timestamptz not null, constraint "memberships_pkey" primary key ("id"));',
    );
    this.addSql(
      'alter table "memberships" add constraint "memberships_team_id_user_id_unique" unique ("team_id", "user_id");',
    );

    this.addSql(
      'create table "invitations" ("id" varchar(24) not null, "team_id" varchar(24) not null, "email" varchar(320) not null, "role" varchar(16) not null, "token_hash" varchar(64) not null, "invited_by_id" varchar(24) null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "accepted_at" timestamptz null, constraint "invitations_pkey" primary key ("id"));',
    );
    this.addSql(
      'alter table "invitations" add constraint "invitations_token_hash_unique" unique ("token_hash");',
    );

    this.addSql(
      'create table "audit_events" ("id" serial primary key, "at" timestamptz not null, "team_id" varchar(24) null, "user_id" varchar(24) null, "actor" varchar(400) not null, "action" varchar(64) not null, "target_type" varchar(32) null, "target_id" varchar(64) null, "ip" varchar(64) null, "detail" text null);',
    );
    this.addSql('create index "audit_events_team_id_id_index" on "audit_events" ("team_id", "id");');
    this.addSql('create index "audit_events_user_id_id_index" on "audit_events" ("user_id", "id");');

    this.addSql(
      'create table "api_tokens" ("id" varchar(24) not null, "team_id" varchar(24) not null, "name" varchar(100) not null, "scope" varchar(8) not null, "prefix" varchar(16) not null, "secret_hash" varchar(64) not null, "created_by_id" varchar(24) null, "created_at" timestamptz not null, "last_used_at" timestamptz null, "expires_at" timestamptz null, "revoked_at" timestamptz null, constraint "api_tokens_pkey" primary key ("id"));',
    );
    this.addSql(
      'alter table "api_tokens" add constraint "api_tokens_secret_hash_unique" unique ("secret_hash");',
    );

    this.addSql('alter table "sites" add column "team_id" varchar(24) null;');

    const fk = (table: string, column: string, target: string, onDelete: 'cascade' | 'set null') =>
      `alter table "${table}" add constraint "${table}_${column}_foreign" foreign key ("${column}") references "${target}" ("id") on update cascade on delete ${onDelete};`;
    this.addSql(fk('sessions', 'user_id', 'users', 'cascade'));
    this.addSql(fk('oidc_identities', 'user_id', 'users', 'cascade'));
    this.addSql(fk('memberships', 'team_id', 'teams', 'cascade'));
    this.addSql(fk('memberships', 'user_id', 'users', 'cascade'));
    this.addSql(fk('invitations', 'team_id', 'teams', 'cascade'));
    this.addSql(fk('invitations', 'invited_by_id', 'users', 'set null'));
    this.addSql(fk('audit_events', 'team_id', 'teams', 'set null'));
    this.addSql(fk('audit_events', 'user_id', 'users', 'set null'));
    this.addSql(fk('api_tokens', 'team_id', 'teams', 'cascade'));
    this.addSql(fk('api_tokens', 'created_by_id', 'users', 'set null'));
    this.addSql(fk('sites', 'team_id', 'teams', 'set null'));

    const teamId = newId();
    this.addSql(
      `insert into "teams" ("id", "name", "slug", "created_at") values ('${teamId}', 'Default team', 'default', now());`,
    );
    this.addSql(`update "sites" set "team_id" = '${teamId}' where "team_id" is null;`);
  }
}
