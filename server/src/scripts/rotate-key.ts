/**
 * `npm run rotate-key`: re-encrypts every stored secret under a new master key, in one transaction. Run it
 * while Launchpad is stopped (a running instance keeps sealing with the key it started with).
 *
 * Safe to interrupt at any moment, kill -9 included:
 * - key file (`<data>/secret.key`): the new key is first written durably to `secret.key.next`, which
 *   Launchpad and this script always open with too. Killed before the transaction commits: every value is
 *   still under the old key (secret.key). Killed after: every value is under the new one (secret.key.next),
 *   and running the script again finishes by renaming it over secret.key. The old key is gone only once
 *   no value needs it.
 * - LAUNCHPAD_SECRET_KEY: the new key comes from LAUNCHPAD_NEW_SECRET_KEY (a key the environment manages
 *   is never written to disk). Until the commit, the old key opens everything; after it, the new one. Then
 *   set LAUNCHPAD_SECRET_KEY to the new key: Launchpad refuses to start while stored values need a key it
 *   does not have, naming the key id.
 */
import { ConfigError, loadConfig } from '../config.js';
import { isSqlite } from '../db/dialect.js';
import { openDatabase } from '../db/orm.js';
import { keyIdOf } from '../secrets/box.js';
import {
  keyFile,
  loadMasterKeys,
  newKey,
  nextKeyFile,
  parseKey,
  readKeyFile,
  replaceKeyFile,
  writeKeyFile,
} from '../secrets/master-key.js';
import { missingKeyIds, resealAll } from '../secrets/stored-secrets.js';

const say = (line: string) => process.stdout.write(`rotate-key: ${line}\n`);

async function main(): Promise<number> {
  const config = loadConfig();
  const { dataDir } = config;
  const given = process.env.LAUNCHPAD_NEW_SECRET_KEY?.trim() || null;
  const givenKey = given === null ? null : parseKey(given);
  if (given !== null && givenKey === null) {
    throw new ConfigError('LAUNCHPAD_NEW_SECRET_KEY', 'must be the base64 of 32 random bytes');
  }
  if (config.secretKey !== null && givenKey === null) {
    throw new ConfigError(
      'LAUNCHPAD_NEW_SECRET_KEY',
      'the master key comes from LAUNCHPAD_SECRET_KEY, so give the new one here (`openssl rand -base64 32`)',
    );
  }
  const keys = await loadMasterKeys(dataDir, config.secretKey);
  let next: Buffer;
  if (config.secretKey !== null) {
    next = givenKey!;
  } else {
    const pending = await readKeyFile(nextKeyFile(dataDir));
    if (pending) {
      next = pending;
      say(`finishing the interrupted rotation to key ${keyIdOf(next)}`);
    } else {
      next = givenKey ?? newKey();
      await writeKeyFile(nextKeyFile(dataDir), next);
      say(`new key ${keyIdOf(next)} written to ${nextKeyFile(dataDir)}`);
    }
  }
  const box = keys.box.rotatedTo(next);
  const orm = await openDatabase(dataDir, config.databaseUrl);
  try {
    const missing = await missingKeyIds(orm.em.fork(), box);
    if (missing.length > 0) {
      throw new Error(`stored secrets are sealed under key ${missing.join(', ')}, which is not configured`);
    }
    const changed = await resealAll(orm.em.fork(), box, (n) =>
      say(`re-encrypting ${n} value(s) from key ${keys.box.keyId} to key ${box.keyId} in one transaction`),
    );
    say(`committed: ${changed} value(s) now under key ${box.keyId}`);
    // Old page images in the write-ahead log go now, not at some later checkpoint.
    if (isSqlite(orm.em)) await orm.em.getConnection().execute('pragma wal_checkpoint(truncate)');
  } finally {
    await orm.close(true);
  }
  if (config.secretKey === null) {
    await replaceKeyFile(nextKeyFile(dataDir), keyFile(dataDir));
    say(`done: ${keyFile(dataDir)} holds the new key; the old key opens nothing any more`);
  } else {
    say('done: set LAUNCHPAD_SECRET_KEY to the new key (LAUNCHPAD_NEW_SECRET_KEY) before starting Launchpad');
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`rotate-key failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(err instanceof ConfigError ? 2 : 1);
  },
);
