import type Docker from 'dockerode';
import { DomainError } from '../../domain/errors.js';
import { NameTakenError } from '../errors.js';
import { engineError, isNotFound } from '../images.js';
import { INSTANCE_LABEL, MANAGED_LABEL, SITE_LABEL } from '../labels.js';
import { DEPLOY_LABEL, siteServiceName } from './service-spec.js';

/** What the engine says of a service (the fields Launchpad reads). */
export interface ServiceInfo {
  ID: string;
  Version: { Index: number };
  Spec: Docker.CreateServiceOptions & { Labels?: Record<string, string> };
  UpdateStatus?: { State?: string; Message?: string };
}

/** What the engine says of a task. */
export interface TaskInfo {
  ID: string;
  DesiredState: string;
  Status: { State: string; Err?: string; Message?: string };
  Spec: { ContainerSpec: { Image: string } };
  NetworksAttachments?: { Network: { ID: string }; Addresses?: string[] }[];
}

/** A deploy's task never became healthy: Swarm put back (or kept) what served before. */
export class TaskUnhealthyError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(detail: string) {
    super(
      `The new version did not start serving (${detail}); the site keeps serving the previous deploy. ` +
        'Check the deploy log and the site settings (for a server app: its start command, port and health path).',
    );
    this.name = 'TaskUnhealthyError';
  }
}

const POLL_MS = 250;
/** Tasks of a first deploy that may fail (Swarm restarts them) before the deploy is called failed. */
const FIRST_DEPLOY_FAILURES = 3;
/** Updates made again after Swarm refused one as out of sequence (the service changed in between). */
const UPDATE_ATTEMPTS = 5;

/** The engine calls of the Swarm runtime for site services: create or update, wait, list, remove. */
export class SiteServices {
  constructor(
    private readonly docker: Docker,
    private readonly instanceId: string,
  ) {}

  async inspect(slug: string): Promise<ServiceInfo | null> {
    try {
      return (await this.docker.getService(siteServiceName(slug)).inspect()) as ServiceInfo;
    } catch (err) {
      if (isNotFound(err)) return null;
      throw engineError(err);
    }
  }

  /** Creates the service, or updates it (a rolling `start-first` update) when it exists and is ours. */
  async put(slug: string, spec: Docker.CreateServiceOptions): Promise<{ created: boolean }> {
    let created = false;
    await this.updateLatest(slug, async (existing) => {
      if (!existing) {
        await this.docker.createService(spec);
        created = true;
        return;
      }
      if (existing.Spec.Labels?.[MANAGED_LABEL] !== 'true') throw new NameTakenError(siteServiceName(slug));
      // An update sends the whole spec. Launchpad sets no placement, so one an operator gave the service
      // (`docker service update --constraint-add node.labels.web==true`, to pin a site to some nodes) is kept.
      const placement = existing.Spec.TaskTemplate?.Placement;
      const body =
        placement && !spec.TaskTemplate?.Placement
          ? { ...spec, TaskTemplate: { ...spec.TaskTemplate, Placement: placement } }
          : spec;
      await this.docker
        .getService(existing.ID)
        .update({ _query: { version: existing.Version.Index }, _body: body });
    });
    return { created };
  }

  /**
   * Waits until a task running `image` is running (Swarm calls a task with a health check running once it
   * is healthy), or rejects with why not: the update rolled back or paused, a first deploy's tasks keep
   * failing, or `timeoutMs` passed (then an update is rolled back here).
   */
  async waitRunning(slug: string, image: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const service = await this.inspect(slug);
      if (!service) throw new TaskUnhealthyError('the service was removed meanwhile');
      const state = service.UpdateStatus?.State ?? '';
      const tasks = await this.tasks(slug);
      const ours = tasks.filter((t) => t.Spec.ContainerSpec.Image.startsWith(image));
      if (/^(rollback_|paused)/.test(state)) {
        throw new TaskUnhealthyError(lastError(ours) ?? service.UpdateStatus?.Message ?? state);
      }
      if (ours.some((t) => t.DesiredState === 'running' && t.Status.State === 'running')) return;
      const failed = ours.filter((t) => ['failed', 'rejected'].includes(t.Status.State));
      if (!service.UpdateStatus && failed.length >= FIRST_DEPLOY_FAILURES) {
        throw new TaskUnhealthyError(lastError(failed) ?? 'its task keeps failing');
      }
      if (Date.now() > deadline) {
        if (service.UpdateStatus) await this.rollback(slug).catch(() => {});
        throw new TaskUnhealthyError(
          `not healthy within ${Math.round(timeoutMs / 1000)} s${lastError(ours) ? `: ${lastError(ours)}` : ''}`,
        );
      }
      await sleep(POLL_MS);
    }
  }

  /** Puts the service back to its previous spec (Swarm's own rollback, start-first as configured). */
  async rollback(slug: string): Promise<void> {
    await this.updateLatest(slug, async (service) => {
      if (!service) return;
      await this.docker
        .getService(service.ID)
        .update({ _query: { version: service.Version.Index, rollback: 'previous' }, _body: service.Spec });
    });
  }

  /**
   * Runs `update` on the service as the engine has it now. An update names the version it was made
   * from, and Swarm refuses it ("update out of sequence") when the service changed since: also when Swarm
   * itself recorded an update's progress (a `--force` finishing, say) between the inspect and the
   * update. Then it is made again from the new version.
   */
  private async updateLatest(slug: string, update: (service: ServiceInfo | null) => Promise<void>) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await update(await this.inspect(slug));
      } catch (err) {
        if (attempt < UPDATE_ATTEMPTS && /update out of sequence/.test(String((err as Error)?.message)))
          continue;
        throw engineError(err);
      }
    }
  }

  /** The service's tasks (all states Swarm still keeps). */
  async tasks(slug: string): Promise<TaskInfo[]> {
    return (await this.docker.listTasks({ filters: { service: [siteServiceName(slug)] } }).catch((err) => {
      throw engineError(err);
    })) as TaskInfo[];
  }

  /**
   * The addresses of the running tasks on `networkId`, as Traefik's swarm provider finds them: tasks whose
   * desired state and state are both `running`.
   */
  async taskAddresses(slug: string, networkId: string): Promise<string[]> {
    const out: string[] = [];
    for (const task of await this.tasks(slug)) {
      if (task.DesiredState !== 'running' || task.Status.State !== 'running') continue;
      for (const att of task.NetworksAttachments ?? [])
        if (att.Network.ID === networkId) out.push(...(att.Addresses ?? []).map((a) => a.split('/')[0]!));
    }
    return out;
  }

  /**
   * Removes the service (a missing or foreign one is left alone) and waits until its containers are gone,
   * so that its images can be removed and it holds no address on the network.
   */
  async remove(slug: string, timeoutMs = 60_000): Promise<boolean> {
    const service = await this.inspect(slug);
    if (service?.Spec.Labels?.[MANAGED_LABEL] !== 'true') return false;
    await this.docker
      .getService(service.ID)
      .remove()
      .catch((err) => {
        if (!isNotFound(err)) throw engineError(err);
      });
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const left = await this.docker
        .listContainers({ all: true, filters: { label: [`com.docker.swarm.service.id=${service.ID}`] } })
        .catch((err) => {
          throw engineError(err);
        });
      if (left.length === 0) return true;
      await sleep(POLL_MS);
    }
    console.warn(`service ${siteServiceName(slug)}: its containers were still stopping after removal`);
    return true;
  }

  /** This instance's site services. */
  async list(): Promise<{ slug: string; siteId: string; id: string; deployId: string | null }[]> {
    const services = (await this.docker
      .listServices({
        filters: { label: [`${MANAGED_LABEL}=true`, `${INSTANCE_LABEL}=${this.instanceId}`, SITE_LABEL] },
      })
      .catch((err) => {
        throw engineError(err);
      })) as unknown as ServiceInfo[];
    const prefix = siteServiceName('');
    return services
      .filter((s) => s.Spec.Name?.startsWith(prefix))
      .map((s) => ({
        slug: s.Spec.Name!.slice(prefix.length),
        siteId: s.Spec.Labels![SITE_LABEL]!,
        id: s.ID,
        deployId: s.Spec.Labels?.[DEPLOY_LABEL] ?? null,
      }));
  }
}

function lastError(tasks: TaskInfo[]): string | null {
  const failed = tasks.filter((t) => t.Status.Err);
  return failed.at(-1)?.Status.Err ?? null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
