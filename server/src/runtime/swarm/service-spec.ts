import type Docker from 'dockerode';
import { APP_USER, DEFAULT_APP_LIMITS } from '../docker/app-containers.js';
import { ownership } from '../labels.js';
import type { AppSpec, SiteSpec } from '../ports.js';
import { STATIC_SERVER_CONFINEMENT } from '../site-containers.js';
import { type RoutingConfig, routerName, siteLabels } from '../traefik-labels.js';
import { ENTRYPOINT } from './image-context.js';

/** Name of a site's Swarm service (api.md: the same name as the single-host driver's container). */
export const siteServiceName = (slug: string) => `launchpad-site-${slug}`;
/** On a site's service: the deploy its image holds. */
export const DEPLOY_LABEL = 'dev.launchpad.deploy';

const SECOND = 1_000_000_000;
const MiB = 1024 * 1024;

export interface ServiceSpecInput {
  site: Pick<SiteSpec, 'id' | 'slug' | 'domains' | 'contexts'>;
  /** The server app (issue 14), or null for a static site. */
  app: AppSpec | null;
  deployId: string;
  image: string;
  /** Id of the overlay network Traefik and the tasks share. */
  networkId: string;
  routing: RoutingConfig;
  instanceId: string;
  /** The host only this deploy's nginx config answers (204): its health check asks for it. */
  probeHost: string | null;
  drainSeconds: number;
}

/**
 * The Swarm service of a site (pure; table-tested). Its shape is what makes deploys safe:
 * - Traefik's labels sit on the service (`deploy.labels`), where the swarm provider reads them, with
 *   `traefik.swarm.network` and the port set (Swarm reports no ports to Traefik).
 * - `endpoint_mode: dnsrr`: no virtual IP, no routing mesh (neither works without IPVS); Traefik and
 *   anyone else reach the running tasks' own addresses on the overlay network.
 * - Updates are `start-first`: the new task must pass its health check (for nginx, the probe host of the
 *   new config; for an app, its health path) before the old one is told to stop, and the old one keeps
 *   serving for `drainSeconds` after that (image-context.ts). A new task that never gets healthy makes the
 *   update roll back to the previous spec, so what served keeps serving.
 */
export function siteServiceSpec(input: ServiceSpecInput): Docker.CreateServiceOptions {
  const { site, app } = input;
  const port = app ? app.port : 80;
  const routing = siteLabels(site, input.routing);
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(routing)) {
    // The Docker provider's network label means nothing to the swarm provider; this one is its twin.
    if (key === 'traefik.docker.network') labels['traefik.swarm.network'] = value;
    else labels[key] = value;
  }
  labels[`traefik.http.services.${routerName(site.slug)}.loadbalancer.server.port`] = String(port);
  Object.assign(labels, ownership(site.id, input.instanceId), { [DEPLOY_LABEL]: input.deployId });

  const healthUrl = app ? `http://127.0.0.1:${app.port}${app.healthCheckPath}` : 'http://127.0.0.1/';
  const healthHeaders = !app && input.probeHost ? ['--header', `Host: ${input.probeHost}`] : [];
  const containerSpec: Record<string, unknown> = {
    Image: input.image,
    Labels: ownership(site.id, input.instanceId),
    HealthCheck: {
      Test: ['CMD', 'wget', '-q', '-O', '/dev/null', ...healthHeaders, healthUrl],
      Interval: SECOND,
      Timeout: 3 * SECOND,
      Retries: 3,
      StartPeriod: 60 * SECOND,
    },
    // Swarm sends SIGTERM, waits this long, then kills: the drain plus time for in-flight requests.
    StopGracePeriod: (input.drainSeconds + 10) * SECOND,
  };
  if (app) {
    // Confined as the single-host driver confines an app container (runtime/docker/app-containers.ts).
    containerSpec.Command = ['/bin/sh', '-c', APP_WRAPPER];
    containerSpec.Dir = '/app';
    containerSpec.User = APP_USER;
    containerSpec.Init = true;
    containerSpec.CapabilityDrop = ['ALL'];
    containerSpec.Mounts = [
      { Type: 'tmpfs', Target: '/tmp', TmpfsOptions: { SizeBytes: 64 * MiB, Mode: 0o1777 } },
    ];
    containerSpec.Env = [
      'HOME=/tmp',
      'NODE_ENV=production',
      'NPM_CONFIG_UPDATE_NOTIFIER=false',
      ...app.env.map((e) => `${e.name}=${e.value}`),
      `PORT=${app.port}`,
      `LAUNCHPAD_START_COMMAND=${app.command}`,
      `LAUNCHPAD_DRAIN=${input.drainSeconds}`,
    ];
  } else {
    // nginx in the foreground, drained on SIGTERM (image-context.ts).
    containerSpec.Command = ['/bin/sh', ENTRYPOINT];
    // What a static server needs and no more (the single-host driver's STATIC_SERVER_CONFINEMENT).
    containerSpec.CapabilityDrop = ['ALL'];
    containerSpec.CapabilityAdd = STATIC_SERVER_CONFINEMENT.CapAdd.map((c) => `CAP_${c}`);
  }
  return {
    Name: siteServiceName(site.slug),
    Labels: labels,
    TaskTemplate: {
      ContainerSpec: containerSpec,
      Resources: {
        Limits: app
          ? {
              MemoryBytes: DEFAULT_APP_LIMITS.memoryBytes,
              NanoCPUs: DEFAULT_APP_LIMITS.nanoCpus,
              Pids: DEFAULT_APP_LIMITS.pids,
            }
          : { MemoryBytes: STATIC_SERVER_CONFINEMENT.Memory, Pids: STATIC_SERVER_CONFINEMENT.PidsLimit },
      },
      RestartPolicy: { Condition: 'any', Delay: SECOND, MaxAttempts: 0 },
      Networks: [{ Target: input.networkId }],
    },
    Mode: { Replicated: { Replicas: 1 } },
    UpdateConfig: {
      Parallelism: 1,
      Order: 'start-first',
      FailureAction: 'rollback',
      Monitor: 5 * SECOND,
      MaxFailureRatio: 0,
    },
    RollbackConfig: { Parallelism: 1, Order: 'start-first', FailureAction: 'pause', Monitor: 5 * SECOND },
    EndpointSpec: { Mode: 'dnsrr' },
  } as Docker.CreateServiceOptions;
}

/**
 * A server app's start command under Swarm: run by a shell (as the single-host driver does), and on SIGTERM
 * kept running for LAUNCHPAD_DRAIN seconds before it gets the signal, for the same reason as nginx's drain.
 * The command comes from the environment, so no quoting of user input happens here.
 */
const APP_WRAPPER = [
  '/bin/sh -c "$LAUNCHPAD_START_COMMAND" &',
  'pid=$!',
  'trap \'sleep "$LAUNCHPAD_DRAIN"; kill -TERM "$pid"\' TERM INT',
  'wait "$pid"',
  'status=$?',
  'while kill -0 "$pid" 2>/dev/null; do wait "$pid"; status=$?; done',
  'exit "$status"',
].join('\n');
