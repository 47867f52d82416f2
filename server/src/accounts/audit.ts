import type { EntityManager } from '@mikro-orm/knex';
import { AuditEventEntity } from '../db/account-entities.js';
import { actorName, type Principal } from '../domain/principal.js';
import type { AuditEvent } from './model.js';

export interface AuditEntry {
  action: string;
  teamId: string | null;
  targetType?: string | null;
  targetId?: string | null;
  detail?: string | null;
  /** The user the event is about, when it is not the principal's own (sign-ins). */
  userId?: string | null;
}

/**
 * Stages an audit row in `em`: it is written by the flush (the transaction) that writes the change
 * itself, so a change is never without its row and a row never without its change.
 */
export function audit(
  em: EntityManager,
  who: { principal: Principal | null; ip?: string | null; actor?: string },
  entry: AuditEntry,
): AuditEvent {
  const { principal } = who;
  return em.create(AuditEventEntity, {
    at: new Date(),
    teamId: entry.teamId,
    userId: entry.userId ?? (principal?.kind === 'user' ? principal.userId : null),
    actor: who.actor ?? (principal ? actorName(principal) : 'anonymous'),
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    ip: who.ip ?? null,
    detail: entry.detail ?? null,
  });
}
