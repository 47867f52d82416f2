import { PortableMigration } from './portable.js';

/** Digest deploys (issue 15): whether a deploy's files came as hashes plus uploads; every earlier one did not. */
export class Migration20261203300000_digest_deploys extends PortableMigration {
  protected override async upSqlite(): Promise<void> {
    this.addSql('alter table `deploys` add column `digest` integer not null default false;');
  }

  protected override upPostgres(): void {
    this.addSql('alter table "deploys" add column "digest" boolean not null default false;');
  }
}
