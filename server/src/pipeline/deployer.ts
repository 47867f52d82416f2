import { cp, mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SiteEntity } from '../db/entities.js';
import type { Orm } from '../db/orm.js';
import { formatBytes } from '../domain/format-bytes.js';
import type { Deploy, EnvVar, Site } from '../domain/model.js';
import type { PubSub } from '../events/pubsub.js';
import { diskUsage } from '../runtime/disk-usage.js';
import type { BuildRunner } from '../runtime/ports.js';
import type { SecretBox } from '../secrets/box.js';
import { accessRow, cloneCredentials, findAccess, schemesFor } from '../secrets/git-access.js';
import { redactionForms } from '../secrets/redact.js';
import { siteContainerEnv, siteSecretValues } from '../secrets/site-env.js';
import { cloneBranch, GitCloneError } from '../source/git-clone.js';
import { extractZip, type ZipLimits } from '../source/zip-extract.js';
import type { Activation } from './activation.js';
import { endUnpublished } from './activation.js';
import { restoreNodeModules, saveNodeModules } from './build-cache.js';
import type { DataDir } from './data-dir.js';
import { LogSink } from './log-sink.js';
import { writeBuildTools } from './npm-ci-cache.js';
import { PublishError, placeFiles, resolveOutputDir, sanitizeTree } from './publish.js';
import { DeployState } from './state.js';
import { ingestTree } from './store/ingest.js';

export interface BuildSettings {
  image: string;
  timeoutMs: number;
  gitSchemes: readonly string[];
  cloneTimeoutMs: number;
  /** LAUNCHPAD_MAX_CLONE_MB: a clone growing past this is stopped. */
  maxCloneBytes: number;
  /** LAUNCHPAD_BUILD_DISK_MB: disk one build may fill. */
  diskBytes: number;
  /** LAUNCHPAD_BUILD_CACHE (issue 15): false turns every site's build cache off. */
  cache?: boolean;
}

export interface DeployerDeps {
  orm: Orm;
  /** Opens the site's secrets: env values for the build, git credentials for the clone. */
  secrets: SecretBox;
  bus: PubSub;
  data: DataDir;
  builds: BuildRunner;
  activation: Activation;
  zipLimits: ZipLimits;
  build: BuildSettings;
  now?: () => Date;
}

/**
 * Runs one deploy through the pipeline stages (design.md): source → publish → route → cleanup. Every path
 * ends with the deploy in a final state and its work dir removed; a failure leaves the live site as it was.
 */
export class Deployer {
  constructor(private readonly deps: DeployerDeps) {}

  async run(deployId: string, signal: AbortSignal): Promise<void> {
    const em = this.deps.orm.em.fork();
    const state = new DeployState(em, this.deps.bus, this.deps.now);
    const deploy = await state.deploy(deployId);
    if (deploy?.status !== 'QUEUED') return;
    const site = await state.site(deploy.siteId);
    if (!site) return;
    const { data } = this.deps;
    let secretProblem: unknown = null;
    // Every secret value of the site is masked in every line of this deploy's log (secrets/redact.ts).
    let redact: string[] = [];
    let env: EnvVar[] = [];
    try {
      // A pull request's code is anyone's (a fork's): its preview build gets no secret env var (issue 15).
      const envSite =
        deploy.context === 'PREVIEW' ? { envVars: site.envVars.filter((v) => !v.secret) } : site;
      env = siteContainerEnv(envSite, this.deps.secrets);
      redact = redactionForms(siteSecretValues(site, this.deps.secrets));
    } catch (err) {
      // A secret that does not open: the deploy fails below with the reason, nothing runs without it.
      env = [];
      redact = [];
      secretProblem = err;
    }
    const log = new LogSink({
      deployId,
      em: em.fork(),
      bus: this.deps.bus,
      file: data.log(deployId),
      redact,
    });
    const work = data.work(deployId);
    const target = data.deploy(site.slug, deployId);
    let placed = false;
    let stored = false;
    try {
      const builds = site.sourceType === 'GIT' || site.buildCommand !== null;
      await state.setDeploy(deploy, builds ? 'BUILDING' : 'PUBLISHING');
      // A branch or preview deploy (issue 15) leaves the site's own status alone: production is unchanged.
      const production = deploy.context === 'PRODUCTION';
      if (production) await state.setSite(site, { status: 'DEPLOYING' });
      log.system(
        `deploy #${deploy.number} of ${site.slug} started (${deploy.trigger.toLowerCase()}` +
          (production ? ')' : `, ${describeContext(deploy)})`),
      );
      await mkdir(work, { recursive: true });
      if (secretProblem)
        throw new PublishError(`A secret of this site cannot be opened: ${String(secretProblem)}`);

      const checkout = await this.fetchSource(site, deploy, state, work, log, signal);
      signal.throwIfAborted();
      if (site.buildCommand) {
        await this.build(site, deploy, checkout, log, signal, { env, redact });
        signal.throwIfAborted();
        await state.setDeploy(deploy, 'PUBLISHING');
      } else if (builds) {
        await state.setDeploy(deploy, 'PUBLISHING');
      }

      const output = await resolveOutputDir(checkout, site.outputDir);
      stored = true;
      // A digest deploy's staged files are links into the store already, in folders the server made.
      if (!deploy.digest || site.buildCommand) {
        await sanitizeTree(output, (msg) => log.write('SYSTEM', `warning: ${msg}`));
        const ingested = await ingestTree(data.store, output);
        log.system(
          `stored ${ingested.files} files: ${ingested.newBlobs} new (${formatBytes(ingested.newBytes)}), the others unchanged`,
        );
      }
      await placeFiles(output, target);
      placed = true;
      log.system(`published to deploys/${deployId}`);
      signal.throwIfAborted();

      const beforeLive = async () => {
        placed = false; // nginx serves these files now: never remove them on a later error
        await rm(work, { recursive: true, force: true }); // before the final status: LIVE means cleaned up
      };
      if (deploy.context === 'PRODUCTION')
        await this.deps.activation.activate(em, deploy, site.id, target, log, { beforeLive });
      else await this.deps.activation.activateContext(em, deploy, site.id, target, log, { beforeLive });
    } catch (err) {
      // Every stop goes through the signal (a build or clone only ends cancelled when it was aborted).
      const cancelled = signal.aborted || (err instanceof GitCloneError && err.reason === 'CANCELLED');
      if (placed) await rm(target, { recursive: true, force: true });
      await rm(work, { recursive: true, force: true });
      // Blobs only this deploy stored are unreferenced now.
      if (stored)
        await data.store.collect().catch((e) => console.error('content store collection failed:', e));
      await endUnpublished(state, log, deployId, site.id, err, cancelled);
    } finally {
      await rm(work, { recursive: true, force: true });
      await log.close();
    }
  }

  /** Stage 1: the site's files in work/<deployId>/src, from the uploaded archive or a shallow clone. */
  private async fetchSource(
    site: Site,
    deploy: Deploy,
    state: DeployState,
    work: string,
    log: LogSink,
    signal: AbortSignal,
  ): Promise<string> {
    const src = join(work, 'src');
    if (site.sourceType === 'GIT') {
      if (!site.gitUrl || !site.branch) throw new PublishError('This site has no git URL or branch');
      const em = this.deps.orm.em.fork();
      const access = await findAccess(em, site.id);
      const credentials = cloneCredentials(site, access, this.deps.secrets);
      const { commitSha, commitMessage } = await cloneBranch({
        url: site.gitUrl,
        // A branch deploy builds its own branch; a preview its pull request's head (issue 15).
        branch: deploy.context === 'BRANCH' && deploy.branch ? deploy.branch : site.branch,
        ...(deploy.context === 'PREVIEW' && deploy.pullRequest !== null
          ? { pullRequest: deploy.pullRequest }
          : {}),
        dir: src,
        timeoutMs: this.deps.build.cloneTimeoutMs,
        signal,
        log,
        allowedSchemes: schemesFor(site.gitAuth, this.deps.build.gitSchemes),
        maxBytes: this.deps.build.maxCloneBytes,
        credentials,
        onHostKey: async (known) => {
          const row = await accessRow(em, site.id);
          row.sshHost = known.host;
          row.sshHostKeys = known.keys;
          await em.flush();
          log.system(`stored the ssh host key of ${known.host} (a different key will fail later deploys)`);
        },
      });
      // A webhook deploy already knows its commit from the payload; the clone is the truth either way.
      await state.setDeploy(deploy, deploy.status, { commitSha, commitMessage });
      return src;
    }
    if (deploy.context !== 'PRODUCTION')
      throw new PublishError('Only git sites have branch and preview deploys');
    if (deploy.digest) return this.stagedSource(site, deploy, src, log);
    if (!deploy.archive) throw new PublishError('This deploy has no archive to publish');
    await mkdir(src);
    const result = await extractZip(join(this.deps.data.root, deploy.archive), src, this.deps.zipLimits);
    log.system(
      `extracted ${result.files} files (${formatBytes(result.bytes)})` +
        (result.unwrapped ? ` from the top-level folder ${result.unwrapped}/` : ''),
    );
    return src;
  }

  /**
   * A digest deploy's uploaded files (issue 15), moved out of uploads/<id>. A build gets copies, never the
   * store's links: a build container could write through a link into a blob every deploy shares.
   */
  private async stagedSource(site: Site, deploy: Deploy, src: string, log: LogSink): Promise<string> {
    const staged = join(this.deps.data.uploads(deploy.id), 'files');
    if (!(await stat(staged).catch(() => null))) {
      throw new PublishError('The uploaded files of this deploy are gone; deploy again');
    }
    if (site.buildCommand) {
      await cp(staged, src, { recursive: true, errorOnExist: true, force: false });
      await sanitizeTree(src, () => {}); // the copies are the build's to change: writable again
    } else await rename(staged, src);
    await rm(this.deps.data.uploads(deploy.id), { recursive: true, force: true });
    log.system(`took the uploaded files${site.buildCommand ? ' (copied for the build)' : ''}`);
    return src;
  }

  /** Stage 2: the build command in a throwaway container with the checkout at /workspace. */
  private async build(
    site: Site,
    deploy: Deploy,
    checkout: string,
    log: LogSink,
    signal: AbortSignal,
    secrets: { env: EnvVar[]; redact: string[] },
  ): Promise<void> {
    const { build } = this.deps;
    // A pull request's code is anyone's (a fork's): it neither reads nor writes the site's cache, which
    // later production builds restore (issue 15).
    const cacheDir =
      build.cache !== false && site.buildCache && deploy.context !== 'PREVIEW'
        ? this.deps.data.buildCache(site.id)
        : undefined;
    // The cached node_modules is keyed by the image too: its native addons were built for that node.
    if (cacheDir) await restoreNodeModules(cacheDir, checkout, log, build.image);
    const toolsDir = cacheDir ? join(this.deps.data.work(deploy.id), 'tools') : undefined;
    if (toolsDir) await writeBuildTools(toolsDir);
    log.system(`running \`${site.buildCommand}\` in ${build.image}`);
    const result = await this.deps.builds.run({
      deployId: deploy.id,
      siteId: site.id,
      image: build.image,
      checkout,
      ...(cacheDir ? { cacheDir, toolsDir } : {}),
      command: site.buildCommand!,
      env: secrets.env,
      redact: secrets.redact,
      timeoutMs: build.timeoutMs,
      limits: { diskBytes: build.diskBytes },
      signal,
      log,
    });
    if (result.exitCode !== 0) {
      throw new PublishError(
        result.oomKilled
          ? 'The build ran out of memory and was killed'
          : `The build command exited with code ${result.exitCode} (see the log)`,
      );
    }
    if (cacheDir) await this.keepCache(site, checkout, cacheDir, log);
  }

  /**
   * After a good build: node_modules goes into the cache unless it is part of what is published (an output
   * dir at the checkout root, a server app that runs from it), and the cache's size is stored for the site
   * page. A cache grown past the build disk limit is dropped: the next build starts clean.
   */
  private async keepCache(site: Site, checkout: string, cacheDir: string, log: LogSink): Promise<void> {
    const publishesModules = site.kind === 'SERVER' || ['', '.', './'].includes(site.outputDir.trim());
    if (!publishesModules) await saveNodeModules(checkout, cacheDir, this.deps.build.image);
    let bytes = await diskUsage(cacheDir, this.deps.build.diskBytes + 1);
    if (bytes > this.deps.build.diskBytes) {
      await rm(cacheDir, { recursive: true, force: true });
      log.system(`the build cache outgrew the build disk limit (${formatBytes(bytes)}) and was cleared`);
      bytes = 0;
    } else log.system(`build cache: ${formatBytes(bytes)}`);
    await this.deps.orm.em.fork().nativeUpdate(SiteEntity, { id: site.id }, { buildCacheBytes: bytes });
  }
}

function describeContext(deploy: Deploy): string {
  return deploy.context === 'PREVIEW'
    ? `preview of pull request #${deploy.pullRequest}`
    : `branch ${deploy.branch}`;
}
