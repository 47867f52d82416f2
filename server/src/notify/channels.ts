import { randomBytes } from 'node:crypto';
import { audit } from '../accounts/audit.js';
import { NotificationChannelEntity, NotificationDeliveryEntity } from '../db/notify-entities.js';
import { BadInputError, NotFoundError } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { roleIncludes } from '../domain/principal.js';
import type { SecretBox } from '../secrets/box.js';
import { type Caller, requireRole, roleOn } from '../services/scope.js';
import {
  NOTIFICATION_EVENTS,
  NOTIFICATION_KINDS,
  type NotificationChannel,
  type NotificationDelivery,
  type NotificationEventName,
  type NotificationKind,
} from './model.js';
import type { Notifier } from './notifier.js';
import { checkTarget, publicTarget } from './targets.js';

export interface ChannelInput {
  kind: NotificationKind;
  target: string;
  events: NotificationEventName[];
  enabled?: boolean | null;
}

/** A channel as the API shows it to one caller: the secret opened for ADMIN only, else null. */
export interface ChannelView extends Omit<NotificationChannel, 'secret'> {
  secret: string | null;
}

/** A team may have this many channels: each event is one delivery per channel. */
export const MAX_CHANNELS_PER_TEAM = 50;

/**
 * Notification channels of a team (issue 13). Members read them; changing them (and sending a test) needs
 * ADMIN on the team, checked by services/scope.ts (another team's channel is NOT_FOUND). Every change writes
 * its audit row in the same flush. A WEBHOOK channel's signing secret is made here and stored sealed.
 */
export class ChannelService {
  constructor(private readonly deps: { secrets: SecretBox; notifier: Notifier; now?: () => Date }) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  async list(caller: Caller, teamId: string): Promise<ChannelView[]> {
    requireRole(caller.principal, teamId, 'VIEWER');
    const rows = await caller.em.find(
      NotificationChannelEntity,
      { teamId },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    return rows.map((c) => this.view(caller, c));
  }

  /**
   * Whether the caller may follow deliveries to the team's channels: as for reading them, a member (any
   * role) or the ADMIN token; another team is NOT_FOUND. Async so a subscription can await it.
   */
  async checkWatch(caller: Caller, teamId: string): Promise<void> {
    requireRole(caller.principal, teamId, 'VIEWER');
  }

  async deliveries(caller: Caller, channelId: string, first: number): Promise<NotificationDelivery[]> {
    await this.get(caller, channelId, 'VIEWER');
    return caller.em.find(
      NotificationDeliveryEntity,
      { channelId },
      { orderBy: { at: 'desc', id: 'desc' }, limit: Math.max(1, Math.min(first, 100)) },
    );
  }

  async create(caller: Caller, teamId: string, input: ChannelInput): Promise<ChannelView> {
    const { em } = caller;
    requireRole(caller.principal, teamId, 'ADMIN');
    const clean = checkInput(input);
    if ((await em.count(NotificationChannelEntity, { teamId })) >= MAX_CHANNELS_PER_TEAM) {
      throw new BadInputError(`A team may have at most ${MAX_CHANNELS_PER_TEAM} notification channels`);
    }
    const now = this.now();
    const channel = em.create(NotificationChannelEntity, {
      id: newId(),
      teamId,
      kind: clean.kind,
      target: clean.target,
      events: clean.events,
      enabled: input.enabled ?? true,
      secret: clean.kind === 'WEBHOOK' ? this.newSecret() : null,
      createdAt: now,
      updatedAt: now,
    });
    audit(em, caller, {
      action: 'notification_channel.create',
      teamId,
      targetType: 'notification_channel',
      targetId: channel.id,
      detail: `${clean.kind} ${publicTarget(clean.kind, clean.target)}`,
    });
    await em.flush();
    return this.view(caller, channel);
  }

  async update(caller: Caller, id: string, input: ChannelInput): Promise<ChannelView> {
    const { em } = caller;
    const channel = await this.get(caller, id, 'ADMIN');
    const clean = checkInput(input);
    let secret = channel.secret;
    if (clean.kind !== 'WEBHOOK') secret = null;
    else if (!secret) secret = this.newSecret();
    em.assign(channel, {
      kind: clean.kind,
      target: clean.target,
      events: clean.events,
      enabled: input.enabled ?? channel.enabled,
      secret,
      updatedAt: this.now(),
    });
    audit(em, caller, {
      action: 'notification_channel.update',
      teamId: channel.teamId,
      targetType: 'notification_channel',
      targetId: channel.id,
      detail: `${clean.kind} ${publicTarget(clean.kind, clean.target)}${channel.enabled ? '' : ' (disabled)'}`,
    });
    await em.flush();
    return this.view(caller, channel);
  }

  async delete(caller: Caller, id: string): Promise<string> {
    const { em } = caller;
    const channel = await this.get(caller, id, 'ADMIN');
    audit(em, caller, {
      action: 'notification_channel.delete',
      teamId: channel.teamId,
      targetType: 'notification_channel',
      targetId: channel.id,
    });
    em.remove(channel);
    await em.flush();
    return id;
  }

  async test(caller: Caller, id: string): Promise<NotificationDelivery> {
    const channel = await this.get(caller, id, 'ADMIN');
    return this.deps.notifier.test(channel);
  }

  /** The channel if the caller holds `needed` on its team; another team's is NOT_FOUND. */
  private async get(caller: Caller, id: string, needed: 'VIEWER' | 'ADMIN'): Promise<NotificationChannel> {
    const channel = await caller.em.findOne(NotificationChannelEntity, { id });
    if (!channel || roleOn(caller.principal, channel.teamId) === null) {
      throw new NotFoundError(`No notification channel ${id}`);
    }
    requireRole(caller.principal, channel.teamId, needed);
    return channel;
  }

  private view(caller: Caller, channel: NotificationChannel): ChannelView {
    const role = roleOn(caller.principal, channel.teamId);
    const admin = role !== null && roleIncludes(role, 'ADMIN');
    return {
      ...channel,
      target: admin ? channel.target : publicTarget(channel.kind, channel.target),
      secret: admin && channel.secret ? this.deps.secrets.open(channel.secret) : null,
    };
  }

  private newSecret(): string {
    return this.deps.secrets.seal(randomBytes(32).toString('hex'));
  }
}

/** The input, checked: a known kind, a target valid for it, one or more known events (deduplicated). */
export function checkInput(input: ChannelInput): {
  kind: NotificationKind;
  target: string;
  events: NotificationEventName[];
} {
  if (!NOTIFICATION_KINDS.includes(input.kind)) throw new BadInputError('Unknown channel kind', 'kind');
  const events = [...new Set(input.events)];
  if (events.length === 0) throw new BadInputError('Choose at least one event', 'events');
  if (events.some((e) => !NOTIFICATION_EVENTS.includes(e))) {
    throw new BadInputError('Unknown notification event', 'events');
  }
  return { kind: input.kind, target: checkTarget(input.kind, input.target), events };
}
