import { BuildNetwork, buildNetworkSpec } from '../build-network.js';
import { createDockerClient } from '../docker-client.js';
import type { AccessLogSource, BuildRunner, SiteRuntime } from '../ports.js';
import { SiteContainers } from '../site-containers.js';
import { AccessLogFiles } from './access-log-files.js';
import { DockerBuildRunner } from './build-runner.js';
import { DockerSiteRuntime, type DockerSiteRuntimeOptions } from './site-runtime.js';

export interface DockerDriverOptions extends DockerSiteRuntimeOptions {
  /** LAUNCHPAD_DOCKER_HOST (null: DOCKER_HOST or the local socket). */
  host: string | null;
  /** LAUNCHPAD_BUILD_NETWORK: the bridge builds run on, fenced off from the host and the sites. */
  buildNetwork: string;
}

/** The single-host Docker driver: builds and site servers on one engine, sharing one client. */
export function createDockerDriver(opts: DockerDriverOptions): {
  runtime: SiteRuntime;
  builds: BuildRunner;
  accessLogs: AccessLogSource;
} {
  const docker = createDockerClient(opts.host);
  return {
    runtime: new DockerSiteRuntime(docker, opts),
    builds: new DockerBuildRunner(
      docker,
      opts.instanceId,
      new BuildNetwork(docker, buildNetworkSpec(opts.buildNetwork)),
    ),
    accessLogs: new AccessLogFiles(opts.trafficRoot, docker, new SiteContainers(docker, opts)),
  };
}
