import Docker from 'dockerode';

/**
 * The one place a Docker client is made. `host` is LAUNCHPAD_DOCKER_HOST: a unix socket path or URL
 * (unix:///var/run/docker.sock, tcp://host:2375); when null dockerode follows DOCKER_HOST or the local socket.
 */
export function createDockerClient(host: string | null): Docker {
  if (host === null) return new Docker();
  if (host.startsWith('unix://')) return new Docker({ socketPath: host.slice('unix://'.length) });
  if (host.startsWith('/')) return new Docker({ socketPath: host });
  const url = new URL(host.replace(/^tcp:/, 'http:'));
  return new Docker({
    host: url.hostname,
    port: url.port || (url.protocol === 'https:' ? 2376 : 2375),
    protocol: url.protocol === 'https:' ? 'https' : 'http',
  });
}
