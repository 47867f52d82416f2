import type { Config } from '../config.js';
import { isSqlite } from '../db/dialect.js';
import type { Orm } from '../db/orm.js';
import type { SecretBox } from './box.js';
import { loadMasterKeys } from './master-key.js';
import { missingKeyIds, sealPlainSecrets } from './stored-secrets.js';

/**
 * Start-up step for secrets at rest: load the master key, refuse to start when stored values are sealed
 * under a key that is not configured (a rotation whose new key was not put in place), and seal what an
 * earlier version stored in plain text. Runs before any request is answered.
 */
export async function prepareSecrets(orm: Orm, config: Config): Promise<SecretBox> {
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
  const sqlite = isSqlite(em);
  // Freed pages are zeroed, so a value replaced by its sealed form leaves no plain copy in the file.
  if (sqlite) await conn.execute('pragma secure_delete = on');
  const sealed = await sealPlainSecrets(em, keys.box);
  if (sealed > 0) {
    console.log(`Sealed ${sealed} secret(s) an earlier version stored in plain text.`);
    if (sqlite) {
      // Their plain text may sit in the write-ahead log or in pages freed before secure_delete: rewrite both.
      await conn.execute('pragma wal_checkpoint(truncate)');
      await conn.execute('vacuum');
    } else {
      // PostgreSQL keeps the replaced row versions until a vacuum; a full one rewrites the tables without
      // them. (Earlier versions never ran on PostgreSQL, so this is for a database filled by hand.)
      await conn.execute(`vacuum full ${SECRET_TABLES.map((t) => `"${t}"`).join(', ')}`);
    }
  }
  if (keys.rotationPending) {
    console.warn(
      'A master key rotation was interrupted (secret.key.next exists): every secret still opens; ' +
        'run `npm run rotate-key` again to finish it.',
    );
  }
  return keys.box;
}

/** The tables that hold sealed values (stored-secrets.ts). */
const SECRET_TABLES = ['sites', 'site_git_access', 'notification_channels'];
