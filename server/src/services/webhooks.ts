import type { EntityManager } from '@mikro-orm/sqlite';
import { SiteEntity, WebhookDeliveryEntity } from '../db/entities.js';
import { ID_PATTERN, newId } from '../domain/ids.js';
import type { Site, WebhookDelivery, WebhookOutcome } from '../domain/model.js';
import { ADMIN } from '../domain/principal.js';
import { verifyGithubSignature } from '../domain/signature.js';
import type { PubSub } from '../events/pubsub.js';
import { DeployState } from '../pipeline/state.js';
import type { SiteService } from './sites.js';

export interface WebhookRequest {
  siteId: string;
  event: string | undefined;
  deliveryId: string | undefined;
  signature: string | undefined;
  rawBody: Buffer;
}

export interface WebhookAnswer {
  status: number;
  body: Record<string, unknown>;
}

/**
 * Decides what a GitHub delivery does. Authenticated by the HMAC signature alone (no token in the URL);
 * answers at once (the deploy runs in the queue) and records every delivery it can attribute to a site.
 */
export class WebhookService {
  constructor(
    private readonly sites: SiteService,
    private readonly bus: PubSub,
  ) {}

  async receive(em: EntityManager, req: WebhookRequest): Promise<WebhookAnswer> {
    if (!ID_PATTERN.test(req.siteId)) return { status: 404, body: { error: 'unknown site' } };
    const site = await em.findOne(SiteEntity, { id: req.siteId });
    if (!site) return { status: 404, body: { error: 'unknown site' } };
    const event = (req.event ?? '').slice(0, 64) || 'unknown';
    const deliveryId = req.deliveryId?.slice(0, 64) || null;
    const record = async (outcome: WebhookOutcome, reason: string | null, deployId: string | null = null) => {
      await this.record(em, { siteId: site.id, deliveryId, event, outcome, reason, deployId });
      // Open dashboards show deliveries with the site: tell them there is a new one.
      new DeployState(em, this.bus).publishSite(site);
    };

    if (!site.webhookSecret) {
      await record('REJECTED', 'this site has no webhook (zip sites are deployed by upload)');
      return { status: 404, body: { error: 'this site has no webhook' } };
    }
    if (!verifyGithubSignature(site.webhookSecret, req.rawBody, req.signature)) {
      const reason = req.signature
        ? 'signature does not match the site secret'
        : 'X-Hub-Signature-256 header missing';
      await record('REJECTED', reason);
      return { status: 401, body: { error: reason } };
    }
    if (event === 'ping') {
      await record('IGNORED', 'ping');
      return { status: 200, body: { ok: true, ignored: 'ping' } };
    }
    if (event !== 'push') return this.ignore(record, `event "${event}" does not deploy`);

    const push = parsePush(req.rawBody);
    if (!push) {
      await record('REJECTED', 'body is not a push payload');
      return { status: 400, body: { error: 'body is not a push payload' } };
    }
    if (push.ref !== `refs/heads/${site.branch}`) {
      return this.ignore(record, `push to ${push.ref}, site deploys refs/heads/${site.branch}`);
    }
    if (push.deleted) return this.ignore(record, `branch ${site.branch} was deleted`);
    if (!site.autoDeploy) return this.ignore(record, 'auto-deploy is off');
    // GitHub's manual redeliver reuses the delivery id: only one that already queued a deploy is a repeat.
    if (deliveryId && (await this.alreadyQueued(em, site, deliveryId))) {
      return this.ignore(record, `delivery ${deliveryId} already queued a deploy`);
    }
    // The signature proved the sender holds the site's secret: the deploy runs with full rights on it.
    const deploy = await this.sites.deploy({ em, principal: ADMIN }, site.id, null, 'WEBHOOK', {
      commitSha: push.after,
      commitMessage: push.message,
    });
    await record('QUEUED', `push of ${push.after.slice(0, 7)} to ${site.branch}`, deploy.id);
    return { status: 202, body: { deployId: deploy.id } };
  }

  private async ignore(record: (o: WebhookOutcome, r: string) => Promise<void>, reason: string) {
    await record('IGNORED', reason);
    return { status: 200, body: { ignored: reason } };
  }

  private async alreadyQueued(em: EntityManager, site: Site, deliveryId: string): Promise<boolean> {
    const earlier = await em.count(WebhookDeliveryEntity, { siteId: site.id, deliveryId, outcome: 'QUEUED' });
    return earlier > 0;
  }

  private async record(em: EntityManager, fields: Omit<WebhookDelivery, 'id' | 'receivedAt'>): Promise<void> {
    em.create(WebhookDeliveryEntity, { id: newId(), receivedAt: new Date(), ...fields });
    await em.flush();
  }
}

interface Push {
  ref: string;
  after: string;
  deleted: boolean;
  message: string | null;
}

/** The fields we use from a push payload (JSON body, or the `payload` field of a form-encoded one). */
function parsePush(raw: Buffer): Push | null {
  let text = raw.toString('utf8');
  if (text.startsWith('payload=')) text = new URLSearchParams(text).get('payload') ?? '';
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  const p = body as {
    ref?: unknown;
    after?: unknown;
    deleted?: unknown;
    head_commit?: { message?: unknown } | null;
  };
  if (typeof p?.ref !== 'string' || typeof p.after !== 'string' || !/^[0-9a-f]{40,64}$/.test(p.after))
    return null;
  const message = typeof p.head_commit?.message === 'string' ? p.head_commit.message.slice(0, 4096) : null;
  return { ref: p.ref, after: p.after, deleted: p.deleted === true, message };
}
