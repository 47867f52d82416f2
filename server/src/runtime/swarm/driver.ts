import { BuildNetwork, buildNetworkSpec } from '../build-network.js';
import { DockerBuildRunner } from '../docker/build-runner.js';
import { createDockerClient } from '../docker-client.js';
import type { AccessLogSource, BuildRunner, SiteRuntime } from '../ports.js';
import { SwarmSiteRuntime, type SwarmSiteRuntimeOptions } from './site-runtime.js';

export interface SwarmDriverOptions extends SwarmSiteRuntimeOptions {
  /** LAUNCHPAD_DOCKER_HOST: a swarm manager's engine (null: DOCKER_HOST or the local socket). */
  host: string | null;
  /** LAUNCHPAD_BUILD_NETWORK: the bridge builds run on, on the manager, fenced off as today. */
  buildNetwork: string;
}

/**
 * The Swarm driver (LAUNCHPAD_RUNTIME=swarm): sites are Swarm services whose images any node pulls from
 * LAUNCHPAD_REGISTRY; builds run on the manager in the same isolated, throwaway containers as the
 * single-host driver's (their output is files, which the next deploy bakes into an image).
 */
export function createSwarmDriver(opts: SwarmDriverOptions): {
  runtime: SwarmSiteRuntime & SiteRuntime;
  builds: BuildRunner;
  accessLogs: AccessLogSource;
} {
  const docker = createDockerClient(opts.host);
  return {
    runtime: new SwarmSiteRuntime(docker, opts),
    builds: new DockerBuildRunner(
      docker,
      opts.instanceId,
      new BuildNetwork(docker, buildNetworkSpec(opts.buildNetwork)),
    ),
    accessLogs: noAccessLogs,
  };
}

/**
 * A site task's access log stays inside its container (a task may run on any node, where no data dir is
 * mounted), so under Swarm the traffic tables stay empty; nginx still writes the file so the config is
 * the single-host one.
 */
const noAccessLogs: AccessLogSource = {
  files: async () => [],
  read: async () => ({ records: [], end: 0, skipped: 0 }),
  rotate: async () => {},
  remove: async () => {},
  removeSite: async () => {},
};
