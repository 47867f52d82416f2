import { Migration } from '@mikro-orm/migrations';

/** Digest deploys (issue 15): whether a deploy's files came as hashes plus uploads; every earlier one did not. */
export class Migration20261203300000_digest_deploys extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table `deploys` add column `digest` integer not null default false;');
  }
}
