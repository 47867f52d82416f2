/**
 * Every place a secret is stored, walked in one transaction: for key rotation (re-seal everything under
 * the new key), for the start-up step that seals what earlier versions stored in plain text (webhook
 * secrets), and for the start-up check that every stored value opens with a configured key.
 *
 * A new kind of stored secret is added here, or rotation would leave it under the old key.
 */
import type { EntityManager } from '@mikro-orm/knex';
import { SiteEntity } from '../db/entities.js';
import { NotificationChannelEntity } from '../db/notify-entities.js';
import { SiteGitAccessEntity } from '../db/secret-entities.js';
import { isSealed, type SecretBox, sealedKeyId } from './box.js';

/** Returns the new stored text for one value, or the same text to leave it. */
type Visit = (stored: string) => string;

/** Applies `visit` to every stored secret in one transaction; returns how many values it changed. */
export async function rewriteStoredSecrets(
  em: EntityManager,
  visit: Visit,
  beforeWrite?: (changed: number) => void,
): Promise<number> {
  return em.transactional(async (tx) => {
    let changed = 0;
    const apply = (value: string): string => {
      const next = visit(value);
      if (next !== value) changed++;
      return next;
    };
    for (const site of await tx.find(SiteEntity, {})) {
      if (site.webhookSecret) {
        const next = apply(site.webhookSecret);
        if (next !== site.webhookSecret) site.webhookSecret = next;
      }
      let envChanged = false;
      const vars = site.envVars.map((v) => {
        if (!v.secret) return v;
        const value = apply(v.value);
        envChanged ||= value !== v.value;
        return { ...v, value };
      });
      if (envChanged) site.envVars = vars;
    }
    for (const access of await tx.find(SiteGitAccessEntity, {})) {
      if (access.gitToken) access.gitToken = apply(access.gitToken);
      if (access.deployKeyPrivate) access.deployKeyPrivate = apply(access.deployKeyPrivate);
    }
    // Issue 13: webhook channels' signing secrets.
    for (const channel of await tx.find(NotificationChannelEntity, { secret: { $ne: null } })) {
      channel.secret = apply(channel.secret!);
    }
    beforeWrite?.(changed);
    // The flush at the end of `transactional` writes every change, or (killed, failed) none.
    return changed;
  });
}

/** Every stored value under the box's current key: plain ones sealed, sealed ones re-sealed. */
export function resealAll(em: EntityManager, box: SecretBox, beforeWrite?: (n: number) => void) {
  return rewriteStoredSecrets(
    em,
    (v) => (sealedKeyId(v) === box.keyId ? v : box.seal(isSealed(v) ? box.open(v) : v)),
    beforeWrite,
  );
}

/** Seals what earlier versions stored in plain text (start-up; migrations have no key). */
export function sealPlainSecrets(em: EntityManager, box: SecretBox): Promise<number> {
  return rewriteStoredSecrets(em, (v) => (isSealed(v) ? v : box.seal(v)));
}

/** Ids of keys that stored values are sealed under and this box does not hold (empty: all open). */
export async function missingKeyIds(em: EntityManager, box: SecretBox): Promise<string[]> {
  const missing = new Set<string>();
  const check = (v: string | null) => {
    const id = v === null ? null : sealedKeyId(v);
    if (id !== null && !box.keyIds.includes(id)) missing.add(id);
  };
  for (const site of await em.find(SiteEntity, {})) {
    check(site.webhookSecret);
    for (const v of site.envVars) if (v.secret) check(v.value);
  }
  for (const access of await em.find(SiteGitAccessEntity, {})) {
    check(access.gitToken);
    check(access.deployKeyPrivate);
  }
  return [...missing];
}
