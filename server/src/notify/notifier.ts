import { SiteEntity } from '../db/entities.js';
import {
  NotificationAttemptEntity,
  NotificationChannelEntity,
  NotificationDeliveryEntity,
  NotificationEventEntity,
} from '../db/notify-entities.js';
import type { Orm } from '../db/orm.js';
import { newId } from '../domain/ids.js';
import type { PubSub } from '../events/pubsub.js';
import type { SecretBox } from '../secrets/box.js';
import { retryDelay } from './backoff.js';
import { eventPayload, type SiteUrls } from './event-payload.js';
import type { NotificationChannel, NotificationDelivery } from './model.js';
import { webhookBody } from './payload.js';
import { sendAttempt, type Transports } from './senders.js';

export interface NotifierDeps {
  orm: Orm;
  bus: PubSub;
  secrets: SecretBox;
  urls: SiteUrls;
  transports: Transports;
  /** Wait before the second attempt; each later wait is three times longer (notify/backoff.ts). */
  retryBaseMs: number;
  /** Attempts before a delivery is FAILED (at least 3). */
  maxAttempts: number;
  /** How often the outbox is read even when nothing announced a change (work staged by another path). */
  pollMs?: number;
  /**
   * How long a delivery being attempted is kept from other notifiers (longer than one attempt's deadline);
   * an attempt cut off by a crash is made again after it. Default 5 minutes.
   */
  attemptLeaseMs?: number;
  /**
   * Other control planes may share the database (issue 16). A test send is attempted by the replica that
   * answers its request, which need not be the one running this notifier: a pending one is taken for cut
   * off only once it is older than an attempt's lease, not because it is older than this start.
   */
  sharedDatabase?: boolean;
  now?: () => Date;
}

/** Events fanned out per pass, and deliveries attempted per pass: a backlog drains over several passes. */
const BATCH = 50;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Finished deliveries (with their attempts) are kept this long; dispatched outbox rows a week. */
export const DELIVERY_RETENTION_DAYS = 30;
const EVENT_RETENTION_DAYS = 7;
/** How often retention runs. */
const SWEEP_MS = 60 * 60 * 1000;

/**
 * Works the outbox: turns each staged event into one delivery per enabled channel of the site's team that
 * subscribes to it (and marks the event dispatched, in one transaction), then attempts every due delivery,
 * recording each attempt and scheduling the next with backoff. Everything it needs is in the database, so
 * after a restart it carries on where it stopped: an event not yet fanned out, a delivery not yet
 * attempted or due again. A delivery interrupted mid-attempt is attempted again under the same id.
 */
export class Notifier {
  private readonly now: () => Date;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private readonly inFlight = new Set<string>();
  private stopListening: (() => void) | null = null;
  private lastSweep = 0;
  private lastCutOffCheck = 0;
  private startedAt = new Date(0);

  constructor(private readonly deps: NotifierDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  start(): void {
    this.stopped = false;
    this.startedAt = this.now();
    this.lastCutOffCheck = 0;
    // A site or deploy change may have staged an event: look now rather than at the next poll.
    const changes = this.deps.bus.subscribe('sites:updated');
    void (async () => {
      for await (const _ of changes) this.wake();
    })().catch(() => {});
    this.stopListening = () => void changes.return?.(undefined);
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopListening?.();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Runs a pass now (or right after the one running). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.pass()
      .catch((err) => console.error('notifier:', (err as Error).message))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.wake();
        } else this.schedule();
      });
  }

  /**
   * A "send test" delivery to one channel: one attempt, now, not retried; answered once it is made.
   * The payload says it is a test and names no site.
   */
  async test(channel: NotificationChannel): Promise<NotificationDelivery> {
    const em = this.deps.orm.em.fork();
    const at = this.now();
    const delivery = em.create(NotificationDeliveryEntity, {
      id: newId(),
      channelId: channel.id,
      event: 'DEPLOY_SUCCEEDED',
      body: webhookBody({
        event: 'DEPLOY_SUCCEEDED',
        at: at.toISOString(),
        site: null,
        deploy: null,
        incident: null,
        test: true,
      }),
      at,
      state: 'PENDING',
      attempts: 0,
      // Attempted right here, never by a pass.
      nextAttemptAt: null,
      responseStatus: null,
      error: null,
      test: true,
    });
    await em.flush();
    this.announce(channel.teamId, delivery);
    await this.attempt(delivery.id);
    return (await this.deps.orm.em.fork().findOne(NotificationDeliveryEntity, { id: delivery.id }))!;
  }

  private async pass(): Promise<void> {
    if (this.now().getTime() - this.lastCutOffCheck > this.attemptLeaseMs()) await this.failCutOffTests();
    if (this.now().getTime() - this.lastSweep > SWEEP_MS) await this.sweep();
    while (!this.stopped && (await this.dispatch()) === BATCH);
    if (this.stopped) return;
    const due = await this.deps.orm.em
      .fork()
      .find(
        NotificationDeliveryEntity,
        { state: 'PENDING', nextAttemptAt: { $lte: this.now() } },
        { orderBy: { nextAttemptAt: 'asc' }, limit: BATCH },
      );
    await Promise.all(due.map((d) => this.attempt(d.id)));
    if (due.length === BATCH) this.again = true;
  }

  private attemptLeaseMs(): number {
    return this.deps.attemptLeaseMs ?? 5 * 60_000;
  }

  /**
   * The one thing a restart cannot resume: a test send whose attempt was cut off (its caller is gone) ends
   * FAILED instead of showing as pending for ever. Alone on its database, everything pending from before
   * this start is cut off. With other control planes, a send from before it may be another replica's
   * attempt under way (this one just took the lead): only one older than an attempt's lease is. Runs at
   * the first pass, then once per lease.
   */
  private async failCutOffTests(): Promise<void> {
    const now = this.now().getTime();
    const before = this.deps.sharedDatabase ? new Date(now - this.attemptLeaseMs()) : this.startedAt;
    await this.deps.orm.em
      .fork()
      .nativeUpdate(
        NotificationDeliveryEntity,
        { test: true, state: 'PENDING', at: { $lt: before } },
        { state: 'FAILED', error: 'interrupted by a restart of Launchpad' },
      );
    this.lastCutOffCheck = now;
  }

  /** Retention: runs at the first pass, then hourly. */
  private async sweep(): Promise<void> {
    const em = this.deps.orm.em.fork();
    const now = this.now().getTime();
    this.lastSweep = now;
    await em.nativeDelete(NotificationEventEntity, {
      dispatchedAt: { $lt: new Date(now - EVENT_RETENTION_DAYS * DAY_MS) },
    });
    await em.nativeDelete(NotificationDeliveryEntity, {
      state: { $ne: 'PENDING' },
      at: { $lt: new Date(now - DELIVERY_RETENTION_DAYS * DAY_MS) },
    });
  }

  /** Fans out up to BATCH staged events; returns how many. */
  private async dispatch(): Promise<number> {
    const em = this.deps.orm.em.fork();
    const events = await em.find(
      NotificationEventEntity,
      { dispatchedAt: null },
      { orderBy: { at: 'asc', id: 'asc' }, limit: BATCH },
    );
    for (const event of events) {
      const made: { teamId: string; delivery: NotificationDelivery }[] = [];
      await em.transactional(async (tx) => {
        const at = this.now();
        // Taken first, in the same transaction: a second notifier on the outbox at the same moment (a control
        // plane that lost leadership and is finishing its pass) waits for this one's commit, then finds the
        // event taken and fans out nothing.
        const taken = await tx.nativeUpdate(
          NotificationEventEntity,
          { id: event.id, dispatchedAt: null },
          { dispatchedAt: at },
        );
        if (taken === 0) return;
        const payload = await eventPayload(tx, this.deps.urls, event);
        const site = payload ? await tx.findOne(SiteEntity, { id: event.siteId }) : null;
        const channels = site?.teamId
          ? await tx.find(NotificationChannelEntity, { teamId: site.teamId, enabled: true })
          : [];
        for (const channel of channels.filter((c) => c.events.includes(event.event))) {
          const delivery = tx.create(NotificationDeliveryEntity, {
            id: newId(),
            channelId: channel.id,
            event: event.event,
            body: webhookBody(payload!),
            at,
            state: 'PENDING',
            attempts: 0,
            nextAttemptAt: at,
            responseStatus: null,
            error: null,
            test: false,
          });
          made.push({ teamId: channel.teamId, delivery });
        }
      });
      // Announced once committed: a subscriber never hears of a delivery a rollback took back.
      for (const { teamId, delivery } of made) this.announce(teamId, delivery);
    }
    return events.length;
  }

  /** One attempt of one delivery, recorded; the next is scheduled, or the delivery ends OK or FAILED. */
  private async attempt(deliveryId: string): Promise<void> {
    if (this.inFlight.has(deliveryId)) return;
    this.inFlight.add(deliveryId);
    try {
      const em = this.deps.orm.em.fork();
      const delivery = await em.findOne(NotificationDeliveryEntity, { id: deliveryId, state: 'PENDING' });
      if (!delivery) return;
      // Taken before it is sent, by moving its due time past the attempt: a second notifier that found it due
      // at the same moment (a control plane finishing its pass after it lost leadership) finds it moved. A
      // test send is attempted by its caller only, never by a pass.
      if (!delivery.test) {
        const now = this.now().getTime();
        // Read again after the pass listed it: another notifier may have taken it since.
        if (!delivery.nextAttemptAt || delivery.nextAttemptAt.getTime() > now) return;
        const lease = new Date(now + this.attemptLeaseMs());
        const taken = await em.nativeUpdate(
          NotificationDeliveryEntity,
          {
            id: deliveryId,
            state: 'PENDING',
            attempts: delivery.attempts,
            nextAttemptAt: delivery.nextAttemptAt,
          },
          { nextAttemptAt: lease },
        );
        if (taken === 0) return;
      }
      const channel = await em.findOne(NotificationChannelEntity, { id: delivery.channelId });
      if (!channel) return;
      const result =
        channel.enabled || delivery.test
          ? await sendAttempt(
              this.deps.transports,
              { kind: channel.kind, target: channel.target, secret: this.openSecret(channel) },
              delivery,
            )
          : { status: null, ok: false, error: 'the channel was disabled' };
      const at = this.now();
      const number = delivery.attempts + 1;
      const wait =
        result.ok || delivery.test || !channel.enabled
          ? null
          : retryDelay(number, this.deps.retryBaseMs, this.deps.maxAttempts);
      em.create(NotificationAttemptEntity, {
        deliveryId,
        number,
        at,
        responseStatus: result.status,
        ok: result.ok,
        error: result.error,
      } as never);
      em.assign(delivery, {
        attempts: number,
        responseStatus: result.status,
        error: result.error,
        state: result.ok ? 'OK' : wait === null ? 'FAILED' : 'PENDING',
        nextAttemptAt: wait === null ? null : new Date(at.getTime() + wait),
      });
      await em.flush();
      this.announce(channel.teamId, delivery);
    } finally {
      this.inFlight.delete(deliveryId);
    }
  }

  /**
   * Tells `notificationDeliveryUpdated` subscribers of the team about a delivery as it is now (made, or
   * attempted: retrying, delivered, failed), as a copy, so a later change cannot rewrite what was sent.
   */
  private announce(teamId: string, delivery: NotificationDelivery): void {
    this.deps.bus.publish('notification:delivery', teamId, { ...delivery });
  }

  private openSecret(channel: NotificationChannel): string | null {
    return channel.secret ? this.deps.secrets.open(channel.secret) : null;
  }

  /** Sleeps until the next delivery is due, or the poll interval, whichever is first. */
  private schedule(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    const poll = this.deps.pollMs ?? 5000;
    void this.deps.orm.em
      .fork()
      .findOne(
        NotificationDeliveryEntity,
        { state: 'PENDING', nextAttemptAt: { $ne: null } },
        { orderBy: { nextAttemptAt: 'asc' } },
      )
      .then((next) => {
        if (this.stopped) return;
        const until = next?.nextAttemptAt ? next.nextAttemptAt.getTime() - this.now().getTime() : poll;
        this.timer = setTimeout(() => this.wake(), Math.max(0, Math.min(poll, until)));
        this.timer.unref();
      })
      .catch(() => {});
  }
}
