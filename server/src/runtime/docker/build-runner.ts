import type Docker from 'dockerode';
import { removeStaleBuildContainers, runBuild } from '../build-container.js';
import type { BuildNetwork } from '../build-network.js';
import type { BuildJob, BuildOutcome, BuildRunner } from '../ports.js';

/** The single-host Docker driver's BuildRunner: one throwaway container per build (runtime/build-container.ts). */
export class DockerBuildRunner implements BuildRunner {
  constructor(
    private readonly docker: Docker,
    private readonly instanceId: string,
    private readonly network: BuildNetwork,
  ) {}

  run(job: BuildJob): Promise<BuildOutcome> {
    return runBuild(this.docker, { ...job, instanceId: this.instanceId, network: this.network });
  }

  removeStale(which?: (deployId: string) => boolean): Promise<number> {
    return removeStaleBuildContainers(this.docker, {
      instanceId: this.instanceId,
      ...(which ? { which } : {}),
    });
  }
}
