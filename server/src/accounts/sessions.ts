import type { EntityManager } from '@mikro-orm/knex';
import { SessionEntity } from '../db/account-entities.js';
import type { Session } from './model.js';
import { newSecret, secretHash } from './secrets.js';

const DAY = 24 * 3600_000;
/** api.md: sliding 14 days, absolute 90. */
export const SLIDING_MS = 14 * DAY;
export const ABSOLUTE_MS = 90 * DAY;
/** A session's expiry moves forward at most this often: not one write per request. */
const SLIDE_EVERY_MS = 60_000;

/** Starts a session (staged in `em`); the secret goes into the cookie, only its hash into the database. */
export function startSession(
  em: EntityManager,
  userId: string,
  now: Date,
): { secret: string; session: Session } {
  const secret = newSecret();
  const session = em.create(SessionEntity, {
    id: secretHash(secret),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(Math.min(now.getTime() + SLIDING_MS, now.getTime() + ABSOLUTE_MS)),
    absoluteExpiresAt: new Date(now.getTime() + ABSOLUTE_MS),
  });
  return { secret, session };
}

/** The live session a cookie's secret opens (sliding its expiry forward), or null. */
export async function openSession(em: EntityManager, secret: string, now: Date): Promise<Session | null> {
  const id = secretHash(secret);
  const session = await em.findOne(SessionEntity, { id }, { disableIdentityMap: true });
  if (!session) return null;
  const t = now.getTime();
  if (session.expiresAt.getTime() <= t || session.absoluteExpiresAt.getTime() <= t) {
    await em.nativeDelete(SessionEntity, { id });
    return null;
  }
  if (t - session.lastSeenAt.getTime() >= SLIDE_EVERY_MS) {
    const expiresAt = new Date(Math.min(t + SLIDING_MS, session.absoluteExpiresAt.getTime()));
    await em.nativeUpdate(SessionEntity, { id }, { lastSeenAt: now, expiresAt });
    return { ...session, lastSeenAt: now, expiresAt };
  }
  return session;
}

/** Seconds the cookie should live: until the session's absolute end (the server enforces the sliding one). */
export function cookieMaxAge(session: Session, now: Date): number {
  return Math.max(0, Math.floor((session.absoluteExpiresAt.getTime() - now.getTime()) / 1000));
}
