import type { MikroORM } from '@mikro-orm/sqlite';
import type { Config } from '../config.js';
import type { SecretBox } from './box.js';
import { loadMasterKeys } from './master-key.js';
import { missingKeyIds, sealPlainSecrets } from './stored-secrets.js';

/**
 * Start-up step for secrets at rest: load the master key, refuse to start when stored values are sealed
 * under a key that is not configured (a rotation whose new key was not put in place), and seal what an
 * earlier version stored in plain text. Runs before any request is answered.
 */
export async function prepareSecrets(orm: MikroORM, config: Config): Promise<SecretBox> {
  const keys = await loadMasterKeys(config.dataDir, config.secretKey);
  const em = orm.em.fork();
  const missing = await missingKeyIds(em, keys.box);
  if (missing.length > 0) {
    throw new Error(
      `stored secrets are sealed under key ${missing.join(', ')}, but the configured master key is ` +
        `${keys.box.keyId}${keys.fromEnvironment ? ' (LAUNCHPAD_SECRET_KEY)' : ` (${config.dataDir}/secret.key)`}. ` +
        'After `npm run rotate-key` with LAUNCHPAD_SECRET_KEY, set it to the new key.',
    );
  }
  const conn = em.getConnection();
  // Freed pages are zeroed, so a value replaced by its sealed form leaves no plain copy in the file.
  await conn.execute('pragma secure_delete = on');
  const sealed = await sealPlainSecrets(em, keys.box);
  if (sealed > 0) {
    console.log(`Sealed ${sealed} secret(s) an earlier version stored in plain text.`);
    // Their plain text may sit in the write-ahead log or in pages freed before secure_delete: rewrite both.
    await conn.execute('pragma wal_checkpoint(truncate)');
    await conn.execute('vacuum');
  }
  if (keys.rotationPending) {
    console.warn(
      'A master key rotation was interrupted (secret.key.next exists): every secret still opens; ' +
        'run `npm run rotate-key` again to finish it.',
    );
  }
  return keys.box;
}
