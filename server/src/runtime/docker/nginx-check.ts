import { randomBytes } from 'node:crypto';
import type Docker from 'dockerode';
import { ACCESS_LOG_DIR } from '../access-log.js';
import { ConfigRefusedError, outputTail } from '../errors.js';
import { engineError, isNotFound } from '../images.js';
import { CONFIG_CHECK_LABEL, instanceFilter, ownership } from '../labels.js';
import { STATIC_SERVER_CONFINEMENT } from '../site-containers.js';

/** `nginx -t` reads files and compiles regexes; one that runs longer is stuck. */
const CHECK_TIMEOUT_MS = 30_000;

export interface NginxCheck {
  /** The static image the site container runs. */
  image: string;
  /** Host path of the candidate config folder, mounted where the site container has its config. */
  configDir: string;
  siteId: string;
  instanceId: string;
}

/**
 * Runs `nginx -t` on a candidate config folder in a short-lived container of the site's own image, with the
 * folder mounted read-only at /etc/nginx/conf.d and the site container's confinement; throws
 * ConfigRefusedError with nginx's words when nginx refuses it.
 *
 * A separate container rather than an exec in the running one: it checks exactly what the site container
 * would load if it started now (same image, nginx.conf, mount point, capabilities), so a config that passes
 * cannot crash-loop the site at its next start; it works when there is no running container to exec in
 * (a first deploy, a container that is down); and nothing is written into the live config folder to test it.
 */
export async function checkNginxConfig(docker: Docker, check: NginxCheck): Promise<void> {
  const container = await docker
    .createContainer({
      name: `launchpad-config-check-${randomBytes(6).toString('hex')}`,
      Image: check.image,
      Cmd: ['nginx', '-t'],
      Labels: { ...ownership(check.siteId, check.instanceId), [CONFIG_CHECK_LABEL]: 'true' },
      // One raw output stream: the logs need no demultiplexing.
      Tty: true,
      NetworkDisabled: true,
      HostConfig: {
        Binds: [`${check.configDir}:/etc/nginx/conf.d:ro`],
        // `nginx -t` opens the log files a config names: the access log's folder (issue 13), empty here.
        Tmpfs: { [ACCESS_LOG_DIR]: 'size=1m' },
        NetworkMode: 'none',
        ...STATIC_SERVER_CONFINEMENT,
      },
    })
    .catch((err) => {
      throw engineError(err);
    });
  try {
    await container.start().catch((err) => {
      throw engineError(err);
    });
    const timer = setTimeout(() => void container.kill().catch(() => {}), CHECK_TIMEOUT_MS);
    const { StatusCode } = (await container.wait().finally(() => clearTimeout(timer))) as {
      StatusCode: number;
    };
    if (StatusCode === 0) return;
    const logs = (await container.logs({ stdout: true, stderr: true })) as unknown as Buffer;
    throw new ConfigRefusedError(outputTail(logs.toString('utf8')));
  } finally {
    await container.remove({ force: true }).catch((err) => {
      if (!isNotFound(err)) console.warn(`could not remove a config check container: ${String(err)}`);
    });
  }
}

/** Removes config checks a crash of this instance left behind. */
export async function removeStaleConfigChecks(docker: Docker, instanceId: string): Promise<void> {
  const list = await docker
    .listContainers({ all: true, filters: { label: instanceFilter(instanceId, CONFIG_CHECK_LABEL) } })
    .catch((err) => {
      throw engineError(err);
    });
  for (const c of list) {
    await docker
      .getContainer(c.Id)
      .remove({ force: true })
      .catch((err) => {
        if (!isNotFound(err)) throw engineError(err);
      });
  }
}
