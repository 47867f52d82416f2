import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { audit } from '../accounts/audit.js';
import { firstTeam } from '../accounts/teams.js';
import type { Config } from '../config.js';
import { TeamEntity } from '../db/account-entities.js';
import { DeployEntity, LogLineEntity, SiteEntity, WebhookDeliveryEntity } from '../db/entities.js';
import type { SiteGitAccess } from '../db/secret-entities.js';
import { queueLane } from '../domain/deploy-context.js';
import { BadInputError, ConflictError, NotFoundError, PayloadTooLargeError } from '../domain/errors.js';
import { controlPlaneHosts } from '../domain/hostname.js';
import { newId } from '../domain/ids.js';
import type { Deploy, DeployTrigger, GitAuth, Site, SiteKind, SourceType } from '../domain/model.js';
import { newServerAppFields, type ServerAppInput, serverAppPatch } from '../domain/server-app.js';
import { generateSlug, validateSlug } from '../domain/slug.js';
import {
  validateBuildCommand,
  validateDomains,
  validateName,
  validateOutputDir,
} from '../domain/validate.js';
import type { PubSub } from '../events/pubsub.js';
import type { Activation } from '../pipeline/activation.js';
import type { DataDir } from '../pipeline/data-dir.js';
import type { DeployScheduler } from '../pipeline/queue.js';
import { DeployState } from '../pipeline/state.js';
import { isSealed, type SecretBox } from '../secrets/box.js';
import { type EnvVarInput, storeEnvVars } from '../secrets/env-vars.js';
import {
  accessRow,
  type DeployKeyView,
  deployKeyView,
  findAccess,
  newDeployKey,
  schemesFor,
  validateGitToken,
} from '../secrets/git-access.js';
import { redactionForms, redactText } from '../secrets/redact.js';
import { siteSecretValues } from '../secrets/site-env.js';
import { validateBranch, validateGitUrl } from '../source/git-url.js';
import { inspectZip, type ZipLimits } from '../source/zip-extract.js';
import { type Caller, getDeploy, getSite, requireRole } from './scope.js';
import { domainConflict, stageDomains } from './site-domains.js';

/** The upload as graphql-yoga hands it over (a WHATWG File, not necessarily Node's global class). */
export interface Upload {
  name: string;
  size: number;
  stream(): ReadableStream<Uint8Array>;
}

export interface CreateSiteInput {
  name: string;
  slug?: string | null;
  sourceType: SourceType;
  file?: Upload | null;
  gitUrl?: string | null;
  branch?: string | null;
  buildCommand?: string | null;
  outputDir?: string | null;
  envVars?: EnvVarInput[] | null;
  autoDeploy?: boolean | null;
  spa?: boolean | null;
  domains?: string[] | null;
  gitAuth?: GitAuth | null;
  /** Write-only: sealed at once, never shown. */
  gitToken?: string | null;
  // Server apps (issue 14).
  kind?: SiteKind | null;
  startCommand?: string | null;
  port?: number | null;
  healthCheckPath?: string | null;
  runtimeImage?: string | null;
  /** The owning team; required when the principal is in several (api.md). */
  teamId?: string | null;
  // Deploy workflow (issue 15).
  branchDeploys?: boolean | null;
  deployPreviews?: boolean | null;
  buildCache?: boolean | null;
}

export interface UpdateSiteInput extends ServerAppInput {
  name?: string | null;
  /** Git sites: the repository moved, or now needs another kind of access (https → ssh). */
  gitUrl?: string | null;
  branch?: string | null;
  buildCommand?: string | null;
  outputDir?: string | null;
  envVars?: EnvVarInput[] | null;
  autoDeploy?: boolean | null;
  spa?: boolean | null;
  domains?: string[] | null;
  gitAuth?: GitAuth | null;
  gitToken?: string | null;
  // Deploy workflow (issue 15).
  branchDeploys?: boolean | null;
  deployPreviews?: boolean | null;
  buildCache?: boolean | null;
}

/** The deploys of one pull request or one branch (issue 15). */
export type ContextTarget =
  | { context: 'PREVIEW'; pullRequest: number }
  | { context: 'BRANCH'; branch: string };

const describe = (t: ContextTarget) =>
  t.context === 'PREVIEW' ? `pull request #${t.pullRequest}` : `branch ${t.branch}`;

export interface SiteServiceDeps {
  config: Config;
  /** Seals secret env values, webhook secrets, git tokens and deploy keys (secrets/box.ts). */
  secrets: SecretBox;
  bus: PubSub;
  data: DataDir;
  queue: DeployScheduler;
  activation: Activation;
  zipLimits: ZipLimits;
  now?: () => Date;
}

/**
 * Site and deploy operations behind the GraphQL mutations, each on behalf of a caller: a site or deploy the
 * caller may not see is NOT_FOUND, as if it did not exist. Throws domain errors only.
 */
export class SiteService {
  private readonly now: () => Date;

  constructor(private readonly deps: SiteServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async create(caller: Caller, input: CreateSiteInput): Promise<Site> {
    const { em } = caller;
    const teamId = await this.teamFor(caller, input.teamId ?? null);
    const name = validateName(input.name);
    const git = input.sourceType === 'GIT';
    const { secrets } = this.deps;
    // Everything is checked before anything is stored, cloned or run.
    const gitAuth = input.gitAuth ?? 'NONE';
    if (!git && gitAuth !== 'NONE') throw new BadInputError('A zip site has no git access', 'gitAuth');
    const gitUrl = git
      ? validateGitUrl(
          required(input.gitUrl, 'gitUrl', 'A git site needs a repository URL'),
          schemesFor(gitAuth, this.deps.config.gitSchemes),
        )
      : null;
    const gitToken = this.tokenFor(gitAuth, input.gitToken, null);
    const env = storeEnvVars(input.envVars ?? [], [], secrets);
    // api.md: ADMIN sets secrets and git credentials.
    const setsSecrets = env.secretsChanged || gitAuth !== 'NONE';
    if (setsSecrets) requireRole(caller.principal, teamId, 'ADMIN');
    const branch = git ? validateBranch(input.branch?.trim() || 'main') : null;
    if (!git && (input.gitUrl || input.branch)) {
      throw new BadInputError('A zip site has no git URL or branch', input.gitUrl ? 'gitUrl' : 'branch');
    }
    if (git && input.file)
      throw new BadInputError('A git site is deployed from its repository, not an archive', 'file');
    const kind = input.kind ?? 'STATIC';
    const app = newServerAppFields(kind, input, this.deps.config.buildImage);
    const fields: Omit<Site, 'slug'> = {
      id: newId(),
      name,
      sourceType: input.sourceType,
      gitUrl,
      branch,
      buildCommand: validateBuildCommand(input.buildCommand),
      // An app runs from the whole checkout (its package.json, its dependencies), not a build's output folder.
      outputDir: validateOutputDir(input.outputDir ?? (git && kind === 'STATIC' ? 'dist' : '.')),
      envVars: env.vars,
      autoDeploy: input.autoDeploy ?? git,
      spa: input.spa ?? false,
      branchDeploys: input.branchDeploys ?? false,
      deployPreviews: input.deployPreviews ?? false,
      buildCache: input.buildCache ?? true,
      buildCacheBytes: 0,
      domains: validateDomains(input.domains ?? [], this.deps.config.domain, this.reservedHosts()),
      webhookSecret: git ? secrets.seal(newWebhookSecret()) : null,
      status: 'CREATED',
      currentDeployId: null,
      localPort: null,
      nextDeployNumber: 1,
      createdAt: this.now(),
      updatedAt: this.now(),
      gitAuth,
      kind,
      ...app,
      teamId,
    };
    const slug = input.slug ? validateSlug(input.slug.trim().toLowerCase()) : await this.freeSlug(em);
    if (await em.count(SiteEntity, { slug })) throw new ConflictError(`The slug "${slug}" is taken`, 'slug');
    if (this.reservedHosts().includes(`${slug}.${this.deps.config.domain}`)) {
      throw new ConflictError(`"${slug}.${this.deps.config.domain}" is the host of Launchpad itself`, 'slug');
    }
    const deployId = newId();
    if (input.file) await this.saveArchive(input.file, deployId);
    let site: Site;
    try {
      site = em.create(SiteEntity, { ...fields, slug });
      await stageDomains(em, site, fields.domains); // stored by the same flush as the site
      audit(em, caller, {
        action: 'site.create',
        teamId,
        targetType: 'site',
        targetId: site.id,
        detail: slug,
      });
      if (setsSecrets) {
        audit(em, caller, {
          action: 'secret.set',
          teamId,
          targetType: 'site',
          targetId: site.id,
          detail: slug,
        });
      }
      if (gitAuth !== 'NONE') {
        const access = await accessRow(em, site.id);
        access.gitToken = gitToken;
        if (gitAuth === 'SSH_KEY') newDeployKey(access, slug, secrets, this.now());
      }
      await em.flush();
    } catch (err) {
      await rm(this.deps.data.archive(deployId), { force: true });
      const taken = domainConflict(err);
      if (taken) throw taken;
      if (String(err).includes('UNIQUE')) throw new ConflictError(`The slug "${slug}" is taken`, 'slug');
      throw err;
    }
    new DeployState(em, this.deps.bus).publishSite(site);
    // A new deploy key is on no server yet: the first deploy waits until the user has added it.
    if (gitAuth === 'SSH_KEY') return site;
    // A zip site without an archive waits for its first deploy (a digest deploy, the CLI): issue 15.
    if (!git && !input.file) return site;
    const archive = input.file ? { archive: this.deps.data.archiveRelative(deployId) } : {};
    try {
      await this.queueDeploy(caller, site, git ? 'GIT' : 'UPLOAD', { id: deployId, ...archive });
    } catch (err) {
      if (input.file) await rm(this.deps.data.archive(deployId), { force: true });
      throw err;
    }
    return site;
  }

  async update(caller: Caller, id: string, input: UpdateSiteInput): Promise<Site> {
    const { em } = caller;
    const site = await getSite(caller, id, 'DEVELOPER');
    const patch: Partial<Site> = {};
    let secretsChanged = false;
    if (input.name != null) patch.name = validateName(input.name);
    if (input.outputDir != null) patch.outputDir = validateOutputDir(input.outputDir);
    if (input.envVars != null) {
      const env = storeEnvVars(input.envVars, site.envVars, this.deps.secrets);
      if (env.secretsChanged) requireRole(caller.principal, site.teamId, 'ADMIN');
      secretsChanged ||= env.secretsChanged;
      patch.envVars = env.vars;
    }
    if (input.gitUrl != null) {
      if (site.sourceType !== 'GIT') throw new BadInputError('A zip site has no git URL', 'gitUrl');
      const gitAuth = input.gitAuth ?? site.gitAuth;
      // The token goes to whatever server the URL names: only a role that may set it may point it elsewhere.
      if (gitAuth === 'TOKEN') requireRole(caller.principal, site.teamId, 'ADMIN');
      patch.gitUrl = validateGitUrl(input.gitUrl.trim(), schemesFor(gitAuth, this.deps.config.gitSchemes));
    }
    // The git access row is flushed together with the site below (one transaction).
    if (await this.updateGitAccess(caller, site, input, patch)) secretsChanged = true;
    if (input.autoDeploy != null) patch.autoDeploy = input.autoDeploy;
    if (input.spa != null) patch.spa = input.spa;
    if (input.branchDeploys != null) patch.branchDeploys = input.branchDeploys;
    if (input.deployPreviews != null) patch.deployPreviews = input.deployPreviews;
    if (input.buildCache != null) patch.buildCache = input.buildCache;
    if (input.domains != null) {
      patch.domains = validateDomains(input.domains, this.deps.config.domain, this.reservedHosts());
    }
    if (input.buildCommand !== undefined) patch.buildCommand = validateBuildCommand(input.buildCommand);
    // Taken by the next deploy (or rollback): the running app keeps the settings it started with.
    Object.assign(patch, serverAppPatch(site.kind, input));
    if (input.branch != null) {
      if (site.sourceType !== 'GIT') throw new BadInputError('A zip site has no branch', 'branch');
      patch.branch = validateBranch(input.branch.trim());
    }
    const routingChanged =
      (patch.spa !== undefined && patch.spa !== site.spa) ||
      (patch.domains !== undefined && patch.domains.join() !== site.domains.join());
    const state = new DeployState(em, this.deps.bus, this.now);
    const undo = Object.fromEntries(Object.keys(patch).map((k) => [k, site[k as keyof Site]]));
    // The site's domain rows change in the same flush (one transaction) as the site: of two sites claiming
    // a host at once, exactly one commits.
    if (patch.domains !== undefined) await stageDomains(em, site, patch.domains);
    audit(em, caller, {
      action: 'site.update',
      teamId: site.teamId,
      targetType: 'site',
      targetId: site.id,
      detail: Object.keys(patch).join(','),
    });
    if (secretsChanged) {
      audit(em, caller, { action: 'secret.set', teamId: site.teamId, targetType: 'site', targetId: site.id });
    }
    await state.setSite(site, patch).catch((err) => {
      throw domainConflict(err) ?? err;
    });
    // SPA fallback and custom domains take effect now, on the files already live (no redeploy needed).
    if (routingChanged) {
      try {
        await this.deps.activation.reapply(em, site.id);
      } catch (err) {
        // The site is served as before: so it is described, and its old hosts are its own again.
        if (patch.domains !== undefined) await stageDomains(em, site, undo.domains as string[]);
        await state.setSite(site, undo);
        throw err;
      }
    }
    return site;
  }

  /** A new deploy: git sites clone their branch again; zip sites use a new archive or the last one. */
  async deploy(
    caller: Caller,
    id: string,
    file: Upload | null,
    trigger: DeployTrigger = 'REDEPLOY',
    commit: Pick<Deploy, 'commitSha' | 'commitMessage'> | null = null,
  ): Promise<Deploy> {
    const { em } = caller;
    const site = await getSite(caller, id, 'DEVELOPER');
    const deployId = newId();
    if (site.sourceType === 'GIT') {
      if (file) throw new BadInputError('A git site is deployed from its repository, not an archive', 'file');
      return this.queueDeploy(caller, site, trigger, { id: deployId, ...commit });
    }
    let archive: string;
    if (file) {
      await this.saveArchive(file, deployId);
      archive = this.deps.data.archiveRelative(deployId);
    } else {
      const last = await em.findOne(
        DeployEntity,
        { siteId: site.id, archive: { $ne: null } },
        { orderBy: { number: 'desc' } },
      );
      if (!last?.archive) throw new BadInputError('This site has no earlier archive; send one', 'file');
      archive = last.archive;
    }
    try {
      return await this.queueDeploy(caller, site, file ? 'UPLOAD' : trigger, { id: deployId, archive });
    } catch (err) {
      // No deploy row refers to the new archive: it goes with the failed request.
      if (file) await rm(this.deps.data.archive(deployId), { force: true });
      throw err;
    }
  }

  /**
   * A BRANCH or PREVIEW deploy of a git site (issue 15): built from `branch` (a branch deploy) or from the
   * base repository's `refs/pull/<n>/head` (a preview), served at its own host, never made current.
   */
  async deployContext(
    caller: Caller,
    id: string,
    target: Pick<Deploy, 'context' | 'branch' | 'pullRequest' | 'commitSha' | 'commitMessage'>,
  ): Promise<Deploy> {
    const site = await getSite(caller, id, 'DEVELOPER');
    if (site.sourceType !== 'GIT') throw new BadInputError('Only git sites have branch and preview deploys');
    if (target.context === 'PRODUCTION') throw new BadInputError('A production deploy is made by deploySite');
    return this.queueDeploy(caller, site, 'WEBHOOK', { id: newId(), ...target });
  }

  /**
   * A pull request closed or a branch was deleted (issue 15): its waiting deploys are cancelled, and what it
   * serves is taken down (its host answers 404, its files are removed). Returns how many deploys lost files.
   */
  async closeContext(caller: Caller, id: string, target: ContextTarget): Promise<number> {
    const { em } = caller;
    const site = await getSite(caller, id, 'DEVELOPER');
    const state = new DeployState(em, this.deps.bus, this.now);
    const open = await em.find(DeployEntity, {
      siteId: site.id,
      ...target,
      status: { $in: ['QUEUED', 'BUILDING', 'PUBLISHING'] },
    });
    for (const deploy of open) {
      if ((await this.deps.queue.cancel(deploy.id)) !== 'running')
        await state.setDeploy(deploy, 'CANCELLED', { error: `${describe(target)} was closed` });
    }
    // A running one ends CANCELLED by itself; wait for it, so that it cannot publish after the removal.
    await this.deps.queue.drainDeploys(open.map((d) => d.id));
    return this.deps.activation.removeContext(em, site.id, target);
  }

  /**
   * Empties the site's build cache (issue 15): the next build starts clean. A build running now keeps what
   * it has; it may write the cache again when it ends.
   */
  async clearBuildCache(caller: Caller, id: string): Promise<Site> {
    const { em } = caller;
    const site = await getSite(caller, id, 'DEVELOPER');
    await rm(this.deps.data.buildCache(site.id), { recursive: true, force: true });
    audit(em, caller, {
      action: 'site.clearBuildCache',
      teamId: site.teamId,
      targetType: 'site',
      targetId: site.id,
    });
    await new DeployState(em, this.deps.bus, this.now).setSite(site, { buildCacheBytes: 0 });
    return site;
  }

  /**
   * Makes an earlier deploy's files current again by the same atomic symlink swap a deploy ends with: no
   * rebuild, no container restart. Recorded as a new ROLLBACK deploy pointing at the same files; its
   * permalink is a symlink to them.
   */
  async rollback(caller: Caller, deployId: string): Promise<Deploy> {
    const { em } = caller;
    const target = await getDeploy(caller, deployId, 'DEVELOPER');
    const site = await getSite(caller, target.siteId, 'DEVELOPER');
    if (target.context !== 'PRODUCTION') {
      throw new BadInputError(
        `Deploy #${target.number} is a ${target.context.toLowerCase()} deploy; only production deploys can become current`,
        'deployId',
      );
    }
    if (target.status !== 'LIVE' && target.status !== 'SUPERSEDED') {
      throw new BadInputError(
        `Deploy #${target.number} never went live; only a live deploy can come back`,
        'deployId',
      );
    }
    const sourceId = target.sourceDeployId ?? target.id;
    // Decided under the site lock, against what is current then: of several rollbacks at once to the same
    // files, the first goes live and the others find them current.
    return this.deps.activation.rollback(em, site.id, async (locked, current) => {
      if (current && (current.id === target.id || (current.sourceDeployId ?? current.id) === sourceId)) {
        throw new ConflictError(`Deploy #${target.number} is already current`);
      }
      const files = this.deps.data.deploy(locked.slug, sourceId);
      const source = await em.findOne(DeployEntity, { id: sourceId }, { refresh: true });
      if (!source || source.filesPrunedAt || !(await isDirectory(files))) {
        throw new BadInputError(
          `The files of deploy #${target.number} were removed by retention (LAUNCHPAD_KEEP_DEPLOYS); deploy again instead`,
          'deployId',
        );
      }
      const deploy = await this.queueDeploy(
        caller,
        locked,
        'ROLLBACK',
        {
          id: newId(),
          sourceDeployId: sourceId,
          commitSha: target.commitSha,
          commitMessage: target.commitMessage,
        },
        false,
      );
      return { deploy, source: { number: target.number, id: sourceId }, files };
    });
  }

  /**
   * The output of a SERVER site's running app (issue 14): its last `tail` lines, then live ones. The
   * caller must be allowed to see the site; a static site, or one with no deploy yet, has none.
   */
  async runtimeLog(caller: Caller, id: string, tail: number) {
    const site = await getSite(caller, id);
    if (site.kind !== 'SERVER') throw new BadInputError('Only a SERVER site runs an app', 'siteId');
    if (!site.currentDeployId) throw new NotFoundError('This site has no live deploy, so no app runs yet');
    const deployId = site.currentDeployId;
    // An app may print its own secret env vars: they are masked as in build logs (api.md: never in a log line).
    const forms = redactionForms(siteSecretValues(site, this.deps.secrets));
    const lines = this.deps.activation.runtimeLog(site.slug, deployId, tail);
    return { deployId, lines: redactedLines(lines, forms) };
  }

  /** The state of a SERVER site's current app (the caller already sees `site`); null when it runs none. */
  async appStatus(site: Site) {
    if (site.kind !== 'SERVER' || !site.currentDeployId) return null;
    return this.deps.activation.appStatus(site.slug, site.currentDeployId);
  }

  async rotateWebhookSecret(caller: Caller, id: string): Promise<Site> {
    const { em } = caller;
    const site = await getSite(caller, id, 'ADMIN');
    if (site.sourceType !== 'GIT') throw new BadInputError('Only git sites have a webhook', 'id');
    audit(em, caller, {
      action: 'site.update',
      teamId: site.teamId,
      targetType: 'site',
      targetId: site.id,
      detail: 'webhookSecret',
    });
    await new DeployState(em, this.deps.bus, this.now).setSite(site, {
      webhookSecret: this.deps.secrets.seal(newWebhookSecret()),
    });
    return site;
  }

  /** The webhook secret in clear, for the roles that may see it (the schema decides who). */
  webhookSecret(site: Site): string | null {
    if (!site.webhookSecret) return null;
    return isSealed(site.webhookSecret) ? this.deps.secrets.open(site.webhookSecret) : site.webhookSecret;
  }

  /** A new ed25519 deploy key for a git site, replacing its earlier one; the private half is sealed. */
  async generateDeployKey(caller: Caller, siteId: string): Promise<DeployKeyView> {
    const { em } = caller;
    const site = await getSite(caller, siteId, 'ADMIN');
    if (site.sourceType !== 'GIT') throw new BadInputError('Only git sites have a deploy key', 'siteId');
    const access = await accessRow(em, site.id);
    const key = newDeployKey(access, site.slug, this.deps.secrets, this.now());
    audit(em, caller, {
      action: 'secret.set',
      teamId: site.teamId,
      targetType: 'site',
      targetId: site.id,
      detail: 'deployKey',
    });
    await em.flush();
    new DeployState(em, this.deps.bus, this.now).publishSite(site);
    return key;
  }

  /**
   * Forgets the ssh host key stored at the site's first clone, after the server's operator confirmed that
   * its key really changed: the next deploy stores the key it meets.
   */
  async forgetSshHostKey(caller: Caller, siteId: string): Promise<Site> {
    const { em } = caller;
    const site = await getSite(caller, siteId, 'ADMIN');
    const access = await findAccess(em, site.id);
    if (access) Object.assign(access, { sshHost: null, sshHostKeys: null });
    await new DeployState(em, this.deps.bus, this.now).setSite(site, {});
    return site;
  }

  async deployKey(caller: Caller, site: Site): Promise<DeployKeyView | null> {
    if (site.sourceType !== 'GIT') return null;
    return deployKeyView(await findAccess(caller.em, site.id));
  }

  private tokenFor(gitAuth: GitAuth, given: string | null | undefined, stored: string | null): string | null {
    if (gitAuth !== 'TOKEN') {
      if (given) throw new BadInputError('A git token is used only with git access TOKEN', 'gitToken');
      return null;
    }
    if (given) return this.deps.secrets.seal(validateGitToken(given));
    if (stored) return stored;
    throw new BadInputError('Git access TOKEN needs a token (gitToken)', 'gitToken');
  }

  /**
   * Applies a change of git access (kind or token) to the site's row; the caller's flush stores it with
   * the site. A token is dropped when the site stops using one; a deploy key is kept (switching back
   * needs no new key on the server), and made when SSH_KEY is chosen without one.
   */
  private async updateGitAccess(
    caller: Caller,
    site: Site,
    input: UpdateSiteInput,
    patch: Partial<Site>,
  ): Promise<SiteGitAccess | null> {
    if (input.gitAuth == null && input.gitToken == null) return null;
    requireRole(caller.principal, site.teamId, 'ADMIN');
    if (site.sourceType !== 'GIT') throw new BadInputError('A zip site has no git access', 'gitAuth');
    const gitAuth = input.gitAuth ?? site.gitAuth;
    validateGitUrl(patch.gitUrl ?? site.gitUrl ?? '', schemesFor(gitAuth, this.deps.config.gitSchemes));
    const access = await accessRow(caller.em, site.id);
    access.gitToken = this.tokenFor(gitAuth, input.gitToken, access.gitToken);
    if (gitAuth === 'SSH_KEY' && !access.deployKeyPrivate) {
      newDeployKey(access, site.slug, this.deps.secrets, this.now());
    }
    if (gitAuth !== site.gitAuth) patch.gitAuth = gitAuth;
    return access;
  }

  async cancel(caller: Caller, deployId: string): Promise<Deploy> {
    const { em } = caller;
    const deploy = await getDeploy(caller, deployId, 'DEVELOPER');
    if (!['UPLOADING', 'QUEUED', 'BUILDING', 'PUBLISHING'].includes(deploy.status)) {
      throw new ConflictError(
        `Deploy #${deploy.number} is ${deploy.status.toLowerCase()} and cannot be cancelled`,
      );
    }
    const state = new DeployState(em, this.deps.bus, this.now);
    const site = await getSite(caller, deploy.siteId, 'DEVELOPER');
    audit(em, caller, {
      action: 'deploy.cancel',
      teamId: site.teamId,
      targetType: 'deploy',
      targetId: deploy.id,
    });
    const wasRunning = (await this.deps.queue.cancel(deployId)) === 'running';
    // A queued deploy's audit row goes with its CANCELLED status (one flush); a running one's on its own.
    if (!wasRunning) await state.setDeploy(deploy, 'CANCELLED');
    else await em.flush();
    // A digest deploy that has not started yet: its staged files go now (issue 15).
    if (deploy.digest && !wasRunning) {
      await rm(this.deps.data.uploads(deploy.id), { recursive: true, force: true });
      await this.deps.data.store.collect();
    }
    // A running deploy reaches CANCELLED itself once its stage notices the abort.
    return deploy;
  }

  async delete(caller: Caller, id: string): Promise<string> {
    const { em } = caller;
    const site = await getSite(caller, id, 'ADMIN');
    await this.deps.queue.drainSite(site.id);
    await this.deps.activation.retire(site.slug);
    const deploys = await em.find(DeployEntity, { siteId: site.id });
    const { data } = this.deps;
    await rm(data.site(site.slug), { recursive: true, force: true });
    await rm(data.buildCache(site.id), { recursive: true, force: true });
    for (const d of deploys) {
      await rm(data.log(d.id), { force: true });
      await rm(data.work(d.id), { recursive: true, force: true });
      await rm(data.uploads(d.id), { recursive: true, force: true });
      if (d.archive) await rm(data.archive(d.id), { force: true });
    }
    // The site's folders held links into the content store: blobs no other site links go with it.
    await data.store.collect();
    await em.transactional(async (tx) => {
      await tx.nativeDelete(LogLineEntity, { deployId: { $in: deploys.map((d) => d.id) } });
      await tx.nativeDelete(WebhookDeliveryEntity, { siteId: site.id });
      await tx.nativeDelete(DeployEntity, { siteId: site.id });
      await tx.nativeDelete(SiteEntity, { id: site.id });
      audit(tx, caller, {
        action: 'site.delete',
        teamId: site.teamId,
        targetType: 'site',
        targetId: site.id,
        detail: site.slug,
      });
    });
    return site.id;
  }

  /** Records a new deploy (QUEUED unless `fields` says otherwise) and, when `enqueue`, queues it. */
  async queueDeploy(
    caller: Caller,
    site: Site,
    trigger: DeployTrigger,
    fields: Pick<Deploy, 'id'> & Partial<Deploy>,
    enqueue = true,
  ): Promise<Deploy> {
    const fieldsWithDefaults: Deploy = {
      siteId: site.id,
      number: 0, // reserved below
      status: 'QUEUED',
      trigger,
      commitSha: null,
      commitMessage: null,
      error: null,
      archive: null,
      sourceDeployId: null,
      filesPrunedAt: null,
      createdAt: this.now(),
      startedAt: null,
      finishedAt: null,
      context: 'PRODUCTION',
      branch: null,
      pullRequest: null,
      ...fields,
    };
    const { em } = caller;
    const deploy = await em.transactional(async (tx) => {
      // The number is reserved by one atomic increment in the same transaction as the insert: concurrent
      // deploys of a site (two uploads, a webhook and a rollback) each get their own, on SQLite (the
      // write lock) and PostgreSQL (the row lock) alike, with no retry loop and no gap when the insert
      // fails. Reading it in memory and writing it back let two requests take the same number.
      await tx.nativeUpdate(SiteEntity, { id: site.id }, { nextDeployNumber: raw('next_deploy_number + 1') });
      // Refreshes the caller's site too (the same instance), so no later flush writes a stale counter back.
      const fresh = await tx.findOneOrFail(SiteEntity, { id: site.id }, { refresh: true });
      const created = tx.create(DeployEntity, { ...fieldsWithDefaults, number: fresh.nextDeployNumber - 1 });
      audit(
        tx,
        { ...caller, ...(trigger === 'WEBHOOK' ? { actor: 'webhook' } : {}) },
        {
          action: trigger === 'ROLLBACK' ? 'deploy.rollback' : 'deploy.create',
          teamId: site.teamId,
          targetType: 'deploy',
          targetId: created.id,
          detail: `#${created.number} ${trigger}`,
        },
      );
      return created;
    });
    const state = new DeployState(em, this.deps.bus, this.now);
    state.publishDeploy(deploy);
    // Lists of deploys hang off the site: a queued deploy shows there before it starts.
    state.publishSite(site);
    if (!enqueue) return deploy;
    await this.deps.queue.enqueue(deploy.id, site.id, queueLane(deploy), (replaced) =>
      state.cancelReplaced(replaced, deploy),
    );
    return deploy;
  }

  /**
   * The team a new site goes to: the one named (the caller needs DEVELOPER on it), else the caller's only
   * team; the admin token's default is the first team (the one sites from before accounts went to).
   */
  private async teamFor(caller: Caller, teamId: string | null): Promise<string | null> {
    const { principal, em } = caller;
    if (teamId !== null) {
      requireRole(principal, teamId, 'DEVELOPER');
      if (!(await em.count(TeamEntity, { id: teamId }))) throw new NotFoundError(`No team ${teamId}`);
      return teamId;
    }
    if (principal?.kind === 'token') {
      requireRole(principal, principal.teamId, 'DEVELOPER');
      return principal.teamId;
    }
    if (principal?.kind === 'user') {
      if (principal.memberships.length !== 1) {
        throw new BadInputError(
          principal.memberships.length ? 'Name the team the site belongs to' : 'Create or join a team first',
          'teamId',
        );
      }
      const only = principal.memberships[0]!.teamId;
      requireRole(principal, only, 'DEVELOPER');
      return only;
    }
    return (await firstTeam(em))?.id ?? null;
  }

  private reservedHosts(): string[] {
    return controlPlaneHosts(this.deps.config.publicUrl, this.deps.config.host);
  }

  private async freeSlug(em: EntityManager): Promise<string> {
    for (let i = 0; i < 20; i++) {
      const slug = generateSlug();
      if ((await em.count(SiteEntity, { slug })) === 0) return slug;
    }
    return `site-${randomBytes(6).toString('hex')}`;
  }

  /**
   * Streams the upload to archives/<deployId>.zip, counting bytes (a client may lie about the size), and
   * checks the archive's directory, so a hostile or broken archive is refused before anything is queued.
   */
  private async saveArchive(file: Upload, deployId: string): Promise<void> {
    const limit = this.deps.config.maxUploadBytes;
    if (file.size > limit) throw tooLarge(limit);
    const path = this.deps.data.archive(deployId);
    let seen = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        seen += chunk.length;
        cb(seen > limit ? tooLarge(limit) : null, chunk);
      },
    });
    try {
      await pipeline(
        Readable.from(file.stream() as unknown as AsyncIterable<Uint8Array>),
        counter,
        createWriteStream(path, { flags: 'wx' }),
      );
      await inspectZip(path, this.deps.zipLimits);
    } catch (err) {
      await rm(path, { force: true });
      throw err;
    }
  }
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}

function required(value: string | null | undefined, field: string, message: string): string {
  if (!value?.trim()) throw new BadInputError(message, field);
  return value.trim();
}

/** 32 random bytes, hex: what GitHub signs push payloads with (HMAC-SHA256). */
function newWebhookSecret(): string {
  return randomBytes(32).toString('hex');
}

function tooLarge(limit: number): PayloadTooLargeError {
  return new PayloadTooLargeError(`The archive is larger than ${Math.round(limit / 1024 / 1024)} MB`, 'file');
}

/** The app's output lines with every secret form masked (each line is whole: no secret spans two). */
async function* redactedLines<T extends { text: string }>(
  lines: AsyncIterableIterator<T>,
  forms: readonly string[],
): AsyncGenerator<T> {
  try {
    for await (const line of lines) yield { ...line, text: redactText(line.text, forms) };
  } finally {
    await lines.return?.();
  }
}
