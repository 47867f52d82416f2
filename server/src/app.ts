import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { identitySignIn } from './accounts/identity-sign-in.js';
import { smtpMailer } from './accounts/mailer.js';
import { SignInService } from './accounts/sign-in.js';
import { TeamService } from './accounts/teams.js';
import { AccountReads } from './accounts/views.js';
import type { IdentitySignIn } from './auth/identity.js';
import { Cluster } from './cluster/cluster.js';
import { type Leadership, PgLeadership, SoleLeadership } from './cluster/leadership.js';
import type { Config } from './config.js';
import { type Orm, openDatabase } from './db/orm.js';
import { PgEventLink } from './events/pg-link.js';
import { createEventBus, type PubSub } from './events/pubsub.js';
import { ReplicatedEventTarget } from './events/replicated-target.js';
import { type AdminToken, loadAdminToken } from './http/admin-token.js';
import { createGraphQLServer } from './http/graphql.js';
import { instrumentServer, metricsRoute } from './http/metrics-route.js';
import { oidcRoutes } from './http/oidc-routes.js';
import { principalResolver } from './http/principal.js';
import { createRoutes } from './http/routes.js';
import { createMetrics } from './metrics/registry.js';
import { ChannelService } from './notify/channels.js';
import { postOnce } from './notify/http-post.js';
import { Notifier } from './notify/notifier.js';
import { withDeadline } from './notify/senders.js';
import { recordDownWhileAway } from './notify/startup.js';
import { Activation } from './pipeline/activation.js';
import { ContainerWatch } from './pipeline/container-watch.js';
import { DataDir } from './pipeline/data-dir.js';
import { Deployer } from './pipeline/deployer.js';
import { DeployQueue, type DeployScheduler } from './pipeline/queue.js';
import { recover, recoverInterrupted } from './pipeline/recovery.js';
import { SiteLocks } from './pipeline/site-locks.js';
import { createDockerDriver } from './runtime/docker/driver.js';
import type { BuildRunner, SiteRuntime } from './runtime/ports.js';
import { createSwarmDriver } from './runtime/swarm/driver.js';
import { schema } from './schema/index.js';
import { permalink, siteUrl } from './schema/urls.js';
import type { SecretBox } from './secrets/box.js';
import { prepareSecrets } from './secrets/startup.js';
import { DigestDeploys } from './services/digest-deploys.js';
import { Reads } from './services/reads.js';
import { SiteService } from './services/sites.js';
import { WebhookService } from './services/webhooks.js';
import { DEFAULT_ZIP_LIMITS } from './source/zip-extract.js';
import { TrafficCollector } from './traffic/collector.js';

export interface App {
  /** Listens on config.port (0: any free port) and returns the base URL. */
  start(): Promise<{ url: string; port: number }>;
  /** Stops taking requests, aborts running deploys, closes the database. Site containers keep serving. */
  stop(): Promise<void>;
  readonly adminToken: AdminToken;
  readonly orm: Orm;
  readonly queue: DeployScheduler;
  readonly bus: PubSub;
  readonly data: DataDir;
  /** The runtime driver's two ports (the single-host Docker driver today). */
  readonly runtime: SiteRuntime;
  readonly builds: BuildRunner;
  /** The master key's box: seals and opens secrets at rest. */
  readonly secrets: SecretBox;
  /** Accounts' side of OpenID Connect sign-in (auth/identity.ts), for the OIDC routes. */
  readonly identitySignIn: IdentitySignIn;
  /** Reads the sites' access logs into the traffic tables (issue 13); `collect()` runs a pass now. */
  readonly traffic: TrafficCollector;
  /** Digest deploys (issue 15): tests run its sweep of abandoned uploads directly. */
  readonly digestDeploys: DigestDeploys;
  /** Whether this control plane runs the background duties (the one leader among replicas, issue 16). */
  readonly leadership: Pick<Leadership, 'isLeader'>;
}

/** A shallow clone of one branch that takes longer than this is stuck, not slow. */
const CLONE_TIMEOUT_MS = 5 * 60 * 1000;
const WEB_DIST = resolve(import.meta.dirname, '../../web/dist');

/** Parts a caller may supply instead of the defaults. */
export interface AppParts {
  /** Turns an OpenID identity into a session; default: accounts' own (link by subject, e-mail, invitation). */
  identitySignIn?: IdentitySignIn;
}

/** Wires Launchpad together from its configuration: database, Docker, pipeline, API. */
export async function buildApp(config: Config, parts: AppParts = {}): Promise<App> {
  // Scale-out (issue 16): on PostgreSQL, deploys are claimed and sites locked in the database, so several
  // control planes can share it (and one data dir: its content store's lock is held there too).
  const cluster = config.databaseUrl
    ? Cluster.open({ url: config.databaseUrl, leaseMs: config.leaseSeconds * 1000 })
    : null;
  const data = new DataDir(config.dataDir, cluster?.storeLock);
  await data.prepare();
  const orm = await openDatabase(config.dataDir, config.databaseUrl);
  const secrets = await prepareSecrets(orm, config).catch(async (err) => {
    await orm.close(true);
    throw err;
  });
  const adminToken = await loadAdminToken(config.dataDir, config.adminToken);
  const instanceId = await loadInstanceId(config.dataDir);
  // Scale-out (issue 16): on a shared PostgreSQL, events reach the other control planes too.
  const link = config.databaseUrl ? await PgEventLink.open({ url: config.databaseUrl }) : null;
  const bus = createEventBus(link ? new ReplicatedEventTarget(link) : undefined);
  // The one place a runtime driver is chosen.
  const routing = {
    domain: config.domain,
    network: config.network,
    https: config.https,
    ...(config.acmeEmail ? { certResolver: 'letsencrypt' } : {}),
  };
  // --- Scale-out (issue 16): LAUNCHPAD_RUNTIME=swarm runs sites as Swarm services ---
  const { runtime, builds, accessLogs } =
    config.runtime === 'swarm'
      ? createSwarmDriver({
          host: config.dockerHost,
          registry: config.registry!, // loadConfig refuses swarm without one
          image: config.staticImage,
          network: config.network,
          buildNetwork: config.buildNetwork,
          instanceId,
          routing,
          workDir: data.workRoot,
          drainSeconds: config.swarmDrainSeconds,
          // The new task's image pull and nginx start come on top of the health check itself.
          healthTimeoutMs: config.appHealthTimeoutSeconds * 1000 + 60_000,
        })
      : createDockerDriver({
          host: config.dockerHost,
          siteDir: (slug) => data.site(slug),
          trafficRoot: data.trafficRoot,
          image: config.staticImage,
          network: config.network,
          buildNetwork: config.buildNetwork,
          publishPorts: config.publishPorts,
          instanceId,
          appHealthTimeoutMs: config.appHealthTimeoutSeconds * 1000,
          routing,
        });
  // --- end of scale-out's driver choice ---
  const zipLimits = {
    ...DEFAULT_ZIP_LIMITS,
    maxArchiveBytes: config.maxUploadBytes,
    maxUncompressedBytes: config.maxUncompressedBytes,
    maxFiles: config.maxFiles,
  };
  const locks = cluster?.locks ?? new SiteLocks();
  const activation = new Activation({
    bus,
    data,
    runtime,
    locks,
    keepDeploys: config.keepDeploys,
    secrets,
  });
  const deployer = new Deployer({
    orm,
    secrets,
    bus,
    data,
    builds,
    activation,
    zipLimits,
    build: {
      image: config.buildImage,
      timeoutMs: config.buildTimeoutSeconds * 1000,
      gitSchemes: config.gitSchemes,
      cloneTimeoutMs: CLONE_TIMEOUT_MS,
      maxCloneBytes: config.maxCloneBytes,
      diskBytes: config.buildDiskBytes,
      cache: config.buildCache,
    },
  });
  const recoverAdopted = (deploys: readonly { deployId: string }[]) =>
    recoverInterrupted(
      { orm, bus, data, builds, runtime, activation, secrets },
      deploys.map((d) => d.deployId),
    );
  const queue: DeployScheduler = cluster
    ? cluster.queue({ runner: deployer, concurrency: config.buildConcurrency, bus, recoverAdopted })
    : new DeployQueue(deployer, config.buildConcurrency);
  const watch = new ContainerWatch({
    orm,
    bus,
    runtime,
    locks,
    secrets,
    data,
    maxRestarts: config.siteRestarts,
  });
  const sites = new SiteService({ config, secrets, bus, data, queue, activation, zipLimits });

  // Deploy workflow (issue 15): digest deploys.
  const digestDeploys = new DigestDeploys({
    fork: () => orm.em.fork(),
    data,
    bus,
    queue,
    sites,
    limits: { maxFiles: config.maxFiles, maxUncompressedBytes: config.maxUncompressedBytes },
    uploadTimeoutMs: config.uploadTimeoutMinutes * 60_000,
  });
  // end of issue 15's wiring
  const webhooks = new WebhookService(sites, bus);
  let publicUrl = config.publicUrl ?? `http://${config.host}:${config.port}`;
  const secureCookies = () => publicUrl.startsWith('https:');
  const mailer = config.smtpUrl ? smtpMailer(config.smtpUrl, config.smtpFrom) : null;
  const accounts = {
    signIn: new SignInService({ signup: config.signup, secureCookies }),
    teams: new TeamService({ publicUrl: () => publicUrl, mailer }),
  };
  // --- Notifications (issue 13): the outbox's deliverer and the channels API ---
  const notifier = new Notifier({
    orm,
    bus,
    secrets,
    urls: {
      site: (slug) => siteUrl(config, slug),
      permalink: (deployId, slug) => permalink(config, deployId, slug),
    },
    transports: {
      post: (url, body, headers) => postOnce(url, body, headers, config.notifyTimeoutSeconds * 1000),
      mail: mailer
        ? (mail) => withDeadline(mailer.sendNotification(mail), config.notifyTimeoutSeconds * 3000)
        : null,
    },
    retryBaseMs: config.notifyRetryMs,
    maxAttempts: config.notifyAttempts,
    // Past the longest deadline of one attempt (an e-mail's), with a margin.
    attemptLeaseMs: config.notifyTimeoutSeconds * 3000 + 30_000,
    sharedDatabase: Boolean(config.databaseUrl),
  });
  const notify = { channels: new ChannelService({ secrets, notifier }) };
  // --- end notifications ---
  const signInIdentity = parts.identitySignIn ?? identitySignIn(orm, accounts.signIn);
  // Issue 16: which control plane runs the background duties (wired below, after the traffic collector).
  const leadership: Leadership = config.databaseUrl
    ? new PgLeadership({ url: config.databaseUrl })
    : new SoleLeadership();
  // Observability (issue 13): /metrics and per-site traffic.
  const metrics = createMetrics(orm, queue, leadership);
  const metricsEndpoint = metricsRoute({
    metrics,
    orm,
    metricsToken: config.metricsToken,
    adminToken: adminToken.token,
  });
  const traffic = new TrafficCollector({
    orm,
    source: accessLogs,
    intervalMs: config.trafficIntervalSeconds * 1000,
  });
  // End of observability.
  // --- Scale-out (issue 16): duties that run on one control plane at a time (cluster/leadership.ts) ---
  // The site watcher (restarts, incidents), the notification outbox, the traffic collector and the sweep
  // of abandoned uploads would each do their work twice on two replicas. They start once recovery, which
  // starts what should run, is done; a replica that takes over later starts them at once.
  let recovered = () => {};
  const recovery = new Promise<void>((resolve) => {
    recovered = resolve;
  });
  let closing = false;
  const duties = {
    async start() {
      await recovery;
      if (closing) return;
      watch.start();
      notifier.start();
      traffic.start();
      digestDeploys.startSweeping();
    },
    async stop() {
      digestDeploys.stop();
      await Promise.all([watch.stop(), traffic.stop(), notifier.stop()]);
    },
  };
  // --- end of leadership ---
  const http = createGraphQLServer({
    schema,
    resolvePrincipal: principalResolver(adminToken.token, orm),
    publicUrl: () => config.publicUrl,
    maxUploadBytes: config.maxUploadBytes,
    context: (principal, request) => {
      const caller = { principal, em: orm.em.fork(), ip: request.ip };
      return {
        principal,
        caller,
        reads: new Reads(caller),
        sites,
        bus,
        config,
        publicUrl,
        accounts,
        accountReads: new AccountReads(caller),
        notify,
        request,
        digestDeploys,
      };
    },
    routes: createRoutes({
      githubWebhook: (req) => webhooks.receive(orm.em.fork(), req),
      dockerPing: () => runtime.ping(),
      webRoot: existsSync(join(WEB_DIST, 'index.html')) ? WEB_DIST : null,
      oidc: oidcRoutes({
        providers: config.oidcProviders,
        publicUrl: () => publicUrl,
        signIn: signInIdentity,
      }),
      metrics: metricsEndpoint,
    }),
  });
  instrumentServer(http.server, metrics);

  return {
    adminToken,
    orm,
    queue,
    bus,
    data,
    runtime,
    builds,
    secrets,
    identitySignIn: signInIdentity,
    traffic,
    digestDeploys,
    leadership,
    async start() {
      // Competes for the duties at once; they start only once recovery below is done.
      await leadership.start(duties);
      if (await runtime.ping()) {
        // Issue 16: the Swarm runtime refuses to start on an engine that is no swarm manager.
        if (config.runtime === 'swarm') await runtime.prepare();
        const recoverAll = async () => {
          // Issue 13: a site whose server died while Launchpad was off is DOWN before recovery revives it.
          await recordDownWhileAway({ orm, bus, runtime });
          await recover({ orm, bus, data, builds, runtime, queue, activation, secrets });
        };
        // Among other control planes (issue 16), only what dead ones left is recovered: the leader's
        // watcher kept the rest running.
        if (cluster) await cluster.join(recoverAll, recoverAdopted);
        else await recoverAll();
      } else {
        console.warn('The Docker engine does not answer: deploys will fail until it does (see /healthz).');
      }
      queue.start();
      // After recovery, which starts what should run; from then on the leader's watcher keeps it running.
      recovered();
      await new Promise<void>((resolveListen, reject) => {
        http.server.once('error', reject);
        http.server.listen(config.port, config.host, () => resolveListen());
      });
      const port = (http.server.address() as AddressInfo).port;
      const host = config.host.includes(':') ? `[${config.host}]` : config.host;
      const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
      publicUrl = config.publicUrl ?? url;
      return { url, port };
    },
    async stop() {
      await http.close();
      await new Promise<void>((done) => http.server.close(() => done()));
      http.server.closeAllConnections();
      closing = true;
      recovered();
      // Stops the duties if this replica leads, and frees the lock for another one at once.
      await leadership.stop();
      await queue.stop();
      await cluster?.close();
      await link?.close();
      await orm.close(true);
    },
  };
}

async function loadInstanceId(dataDir: string): Promise<string> {
  const file = join(dataDir, 'instance-id');
  const stored = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (/^[0-9a-f]{16}$/.test(stored)) return stored;
  const id = randomBytes(8).toString('hex');
  await writeFile(file, `${id}\n`, { mode: 0o644 });
  return id;
}
