import type { EntityManager } from '@mikro-orm/knex';
import { DeployEntity, SiteEntity, WebhookDeliveryEntity } from '../db/entities.js';
import { ID_PATTERN, newId } from '../domain/ids.js';
import type { Site, WebhookDelivery, WebhookOutcome } from '../domain/model.js';
import { ADMIN } from '../domain/principal.js';
import { replayedPushReason } from '../domain/push-replay.js';
import { verifyGithubSignature } from '../domain/signature.js';
import { storableText } from '../domain/storable-text.js';
import type { PubSub } from '../events/pubsub.js';
import { SiteLocks } from '../pipeline/site-locks.js';
import { DeployState } from '../pipeline/state.js';
import { validateBranch } from '../source/git-url.js';
import { DeliveryBudget } from './delivery-budget.js';
import type { SiteService } from './sites.js';

/** Rows kept per site for each outcome that deploys nothing; QUEUED rows are bounded by the deploys. */
export const KEEP_UNDEPLOYED_DELIVERIES = 100;

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
  // One signed push at a time per site: two copies sent at once must not both find "no deploy yet".
  private readonly perSite = new SiteLocks();

  constructor(
    private readonly sites: SiteService,
    private readonly bus: PubSub,
    private readonly budget = new DeliveryBudget(),
  ) {}

  async receive(em: EntityManager, req: WebhookRequest): Promise<WebhookAnswer> {
    if (!ID_PATTERN.test(req.siteId)) return { status: 404, body: { error: 'unknown site' } };
    const site = await em.findOne(SiteEntity, { id: req.siteId });
    if (!site) return { status: 404, body: { error: 'unknown site' } };
    const event = (req.event ?? '').slice(0, 64) || 'unknown';
    const deliveryId = req.deliveryId?.slice(0, 64) || null;
    const record = async (outcome: WebhookOutcome, reason: string | null, deployId: string | null = null) => {
      const changed = await this.record(em, {
        siteId: site.id,
        deliveryId,
        event,
        outcome,
        reason,
        deployId,
      });
      // Open dashboards show deliveries with the site: tell them there is a new one (not once per counted one).
      if (changed) new DeployState(em, this.bus).publishSite(site);
    };

    if (!site.webhookSecret) {
      await record('REJECTED', 'this site has no webhook (zip sites are deployed by upload)');
      return { status: 404, body: { error: 'this site has no webhook' } };
    }
    // Without a signature there is nothing to check, and no reason to open the secret.
    const signed =
      req.signature !== undefined &&
      verifyGithubSignature(this.sites.webhookSecret(site)!, req.rawBody, req.signature);
    if (!signed) {
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
    if (event === 'pull_request') return this.pullRequest(em, site, req.rawBody, deliveryId, record);
    if (event !== 'push') return this.ignore(record, `event "${event}" does not deploy`);

    const push = parsePush(req.rawBody);
    if (!push) {
      await record('REJECTED', 'body is not a push payload');
      return { status: 400, body: { error: 'body is not a push payload' } };
    }
    if (push.ref !== `refs/heads/${site.branch}`) {
      if (site.branchDeploys && push.ref.startsWith('refs/heads/'))
        return this.branchPush(em, site, push, deliveryId, record);
      return this.ignore(record, `push to ${push.ref}, site deploys refs/heads/${site.branch}`);
    }
    if (push.deleted) return this.ignore(record, `branch ${site.branch} was deleted`);
    if (!site.autoDeploy) return this.ignore(record, 'auto-deploy is off');
    // Only signed pushes queue behind each other: a flood of unsigned requests cannot hold up a real push.
    return this.perSite.run(site.id, async () => {
      // GitHub's manual redeliver reuses the delivery id: only one that already queued a deploy is a repeat.
      if (deliveryId && (await this.alreadyQueued(em, site, deliveryId))) {
        return this.ignore(record, `delivery ${deliveryId} already queued a deploy`);
      }
      const replayed = await this.replayed(em, site, push);
      if (replayed) return this.ignore(record, replayed);
      // The signature proved the sender holds the site's secret: the deploy runs with full rights on it.
      const deploy = await this.sites.deploy({ em, principal: ADMIN }, site.id, null, 'WEBHOOK', {
        commitSha: push.after,
        commitMessage: push.message === null ? null : storableText(push.message),
      });
      await record('QUEUED', `push of ${push.after.slice(0, 7)} to ${site.branch}`, deploy.id);
      return { status: 202, body: { deployId: deploy.id } };
    });
  }

  /** A push to another branch with branch deploys on (issue 15): a BRANCH deploy, or its removal. */
  private async branchPush(
    em: EntityManager,
    site: Site,
    push: Push,
    deliveryId: string | null,
    record: Recorder,
  ): Promise<WebhookAnswer> {
    let branch: string;
    try {
      branch = validateBranch(push.ref.slice('refs/heads/'.length));
    } catch (err) {
      return this.ignore(record, `push to a branch Launchpad does not build: ${(err as Error).message}`);
    }
    const target = { context: 'BRANCH', branch } as const;
    return this.perSite.run(site.id, async () => {
      if (push.deleted) {
        const removed = await this.sites.closeContext({ em, principal: ADMIN }, site.id, target);
        return this.ignore(record, `branch ${branch} was deleted; removed ${removed} branch deploy(s)`);
      }
      if (deliveryId && (await this.alreadyQueued(em, site, deliveryId)))
        return this.ignore(record, `delivery ${deliveryId} already queued a deploy`);
      if (await this.commitDeployed(em, site, target, push.after))
        return this.ignore(record, `branch ${branch} at ${push.after.slice(0, 7)} is already deployed`);
      const deploy = await this.sites.deployContext({ em, principal: ADMIN }, site.id, {
        ...target,
        pullRequest: null,
        commitSha: push.after,
        commitMessage: push.message === null ? null : storableText(push.message),
      });
      await record('QUEUED', `push of ${push.after.slice(0, 7)} to ${branch} (branch deploy)`, deploy.id);
      return { status: 202, body: { deployId: deploy.id } };
    });
  }

  /**
   * A GitHub `pull_request` delivery (issue 15): opened, reopened or synchronize → a PREVIEW deploy of the
   * head commit, fetched from the base repository's `refs/pull/<n>/head` (never the fork's URL); closed →
   * the preview is taken down. Only pull requests into the site's branch, and only with previews on.
   */
  private async pullRequest(
    em: EntityManager,
    site: Site,
    raw: Buffer,
    deliveryId: string | null,
    record: Recorder,
  ): Promise<WebhookAnswer> {
    const pr = parsePullRequest(raw);
    if (!pr) {
      await record('REJECTED', 'body is not a pull_request payload');
      return { status: 400, body: { error: 'body is not a pull_request payload' } };
    }
    const target = { context: 'PREVIEW', pullRequest: pr.number } as const;
    // Even with previews turned off since: a closed pull request's preview never stays up.
    if (pr.action === 'closed') {
      return this.perSite.run(site.id, async () => {
        const removed = await this.sites.closeContext({ em, principal: ADMIN }, site.id, target);
        return this.ignore(
          record,
          `pull request #${pr.number} was closed; removed ${removed} preview deploy(s)`,
        );
      });
    }
    if (!site.deployPreviews) return this.ignore(record, 'deploy previews are off');
    if (pr.base !== site.branch)
      return this.ignore(
        record,
        `pull request #${pr.number} is into ${pr.base}, site deploys ${site.branch}`,
      );
    if (!PREVIEW_ACTIONS.has(pr.action))
      return this.ignore(record, `pull request action "${pr.action}" does not deploy`);
    return this.perSite.run(site.id, async () => {
      if (deliveryId && (await this.alreadyQueued(em, site, deliveryId)))
        return this.ignore(record, `delivery ${deliveryId} already queued a deploy`);
      if (await this.commitDeployed(em, site, target, pr.head))
        return this.ignore(
          record,
          `pull request #${pr.number} at ${pr.head.slice(0, 7)} is already deployed`,
        );
      const deploy = await this.sites.deployContext({ em, principal: ADMIN }, site.id, {
        ...target,
        branch: pr.headRef,
        commitSha: pr.head,
        commitMessage: pr.title,
      });
      await record('QUEUED', `pull request #${pr.number} at ${pr.head.slice(0, 7)} (preview)`, deploy.id);
      return { status: 202, body: { deployId: deploy.id } };
    });
  }

  /** A deploy of this branch or pull request at this commit that is waiting, running or live already. */
  private async commitDeployed(
    em: EntityManager,
    site: Site,
    target: { context: 'BRANCH'; branch: string } | { context: 'PREVIEW'; pullRequest: number },
    sha: string,
  ): Promise<boolean> {
    const n = await em.count(DeployEntity, {
      siteId: site.id,
      ...target,
      commitSha: sha,
      status: { $in: ['QUEUED', 'BUILDING', 'PUBLISHING', 'LIVE'] },
      filesPrunedAt: null,
    });
    return n > 0;
  }

  private async ignore(record: (o: WebhookOutcome, r: string) => Promise<void>, reason: string) {
    await record('IGNORED', reason);
    return { status: 200, body: { ignored: reason } };
  }

  private async alreadyQueued(em: EntityManager, site: Site, deliveryId: string): Promise<boolean> {
    const earlier = await em.count(WebhookDeliveryEntity, { siteId: site.id, deliveryId, outcome: 'QUEUED' });
    return earlier > 0;
  }

  /** A new delivery id carrying a commit the site already has a deploy for (see replayedPushReason). */
  private async replayed(em: EntityManager, site: Site, push: Push): Promise<string | null> {
    const deploysOfCommit = await em.find(
      DeployEntity,
      { siteId: site.id, commitSha: push.after },
      // Read past the identity map: partial rows there would be what later reads in this request get.
      { fields: ['id', 'number', 'status'], disableIdentityMap: true },
    );
    if (deploysOfCommit.length === 0) return null;
    const newest = await em.findOne(
      DeployEntity,
      { siteId: site.id, commitSha: { $ne: null }, trigger: { $ne: 'ROLLBACK' } },
      { orderBy: { number: 'desc' }, fields: ['commitSha'], disableIdentityMap: true },
    );
    return replayedPushReason({
      after: push.after,
      before: push.before,
      deploysOfCommit,
      currentDeployId: site.currentDeployId,
      lastHead: newest?.commitSha ?? null,
    });
  }

  /**
   * Every QUEUED delivery is stored (each one made a deploy); the others go through the budget, so an
   * unauthenticated flood or a replayed body stores a bounded number of rows, the last of a window
   * counting the rest, and only the newest KEEP_UNDEPLOYED_DELIVERIES of each outcome are kept.
   */
  private async record(
    em: EntityManager,
    fields: Omit<WebhookDelivery, 'id' | 'receivedAt'>,
  ): Promise<boolean> {
    if (fields.outcome === 'QUEUED') {
      em.create(WebhookDeliveryEntity, { id: newId(), receivedAt: new Date(), ...fields });
      await em.flush();
      return true;
    }
    const key = `${fields.siteId}:${fields.outcome}`;
    const reason = fields.reason ?? fields.outcome.toLowerCase();
    const decision = this.budget.take(key, reason);
    if (decision.flush) {
      await em.nativeUpdate(
        WebhookDeliveryEntity,
        { id: decision.flush.rowId },
        { reason: decision.flush.reason },
      );
    }
    if (!decision.store) return decision.flush !== null;
    const id = newId();
    em.create(WebhookDeliveryEntity, { id, receivedAt: new Date(), ...fields, reason: decision.reason });
    await em.flush();
    this.budget.stored(key, id, reason);
    await this.prune(em, fields.siteId, fields.outcome);
    return true;
  }

  private async prune(em: EntityManager, siteId: string, outcome: WebhookOutcome): Promise<void> {
    const kept = await em.find(
      WebhookDeliveryEntity,
      { siteId, outcome },
      {
        orderBy: { receivedAt: 'desc', id: 'desc' },
        limit: KEEP_UNDEPLOYED_DELIVERIES,
        fields: ['id'],
        disableIdentityMap: true,
      },
    );
    if (kept.length < KEEP_UNDEPLOYED_DELIVERIES) return;
    // By id, not by time: rows stored within one millisecond must not make the cut keep one too many.
    await em.nativeDelete(WebhookDeliveryEntity, { siteId, outcome, id: { $nin: kept.map((k) => k.id) } });
  }
}

type Recorder = (outcome: WebhookOutcome, reason: string | null, deployId?: string | null) => Promise<void>;

const PREVIEW_ACTIONS = new Set(['opened', 'reopened', 'synchronize']);

interface PullRequest {
  action: string;
  number: number;
  /** The head commit's sha. */
  head: string;
  /** The head branch's name (in the fork, for a fork's pull request): shown, never cloned. */
  headRef: string | null;
  /** The branch the pull request would merge into. */
  base: string;
  title: string | null;
}

/** The fields we use from a `pull_request` payload (JSON body, or the `payload` field of a form-encoded one). */
function parsePullRequest(raw: Buffer): PullRequest | null {
  const body = parseBody(raw) as {
    action?: unknown;
    number?: unknown;
    pull_request?: { head?: { sha?: unknown; ref?: unknown }; base?: { ref?: unknown }; title?: unknown };
  } | null;
  const pr = body?.pull_request;
  const sha = pr?.head?.sha;
  if (typeof body?.action !== 'string' || typeof sha !== 'string' || !/^[0-9a-f]{40,64}$/.test(sha))
    return null;
  if (!Number.isSafeInteger(body.number) || (body.number as number) < 1) return null;
  if (typeof pr?.base?.ref !== 'string') return null;
  const text = (v: unknown, max: number) => (typeof v === 'string' ? storableText(v.slice(0, max)) : null);
  return {
    action: body.action.slice(0, 64),
    number: body.number as number,
    head: sha,
    headRef: text(pr.head?.ref, 255),
    base: pr.base.ref,
    title: text(pr.title, 4096),
  };
}

function parseBody(raw: Buffer): unknown {
  let text = raw.toString('utf8');
  if (text.startsWith('payload=')) text = new URLSearchParams(text).get('payload') ?? '';
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

interface Push {
  ref: string;
  after: string;
  before: string | null;
  deleted: boolean;
  message: string | null;
}

/** The fields we use from a push payload (JSON body, or the `payload` field of a form-encoded one). */
function parsePush(raw: Buffer): Push | null {
  const body = parseBody(raw);
  const p = body as {
    ref?: unknown;
    after?: unknown;
    before?: unknown;
    deleted?: unknown;
    head_commit?: { message?: unknown } | null;
  };
  if (typeof p?.ref !== 'string' || typeof p.after !== 'string' || !/^[0-9a-f]{40,64}$/.test(p.after))
    return null;
  const message = typeof p.head_commit?.message === 'string' ? p.head_commit.message.slice(0, 4096) : null;
  const before = typeof p.before === 'string' && /^[0-9a-f]{40,64}$/.test(p.before) ? p.before : null;
  return { ref: p.ref, after: p.after, before, deleted: p.deleted === true, message };
}
