import type Docker from 'dockerode';
import { DomainError } from '../../domain/errors.js';
import { engineError } from '../images.js';
import { MANAGED_LABEL } from '../labels.js';

/** LAUNCHPAD_NETWORK names a network the Swarm runtime cannot use: the operator picks another name. */
export class NetworkKindError extends DomainError {
  readonly code = 'UNAVAILABLE';
  constructor(name: string, driver: string) {
    super(
      `The Docker network "${name}" is a ${driver} network; the Swarm runtime needs an attachable overlay ` +
        'network for Traefik and the site tasks. Set LAUNCHPAD_NETWORK to another name (it is created), or ' +
        'remove the old network once nothing uses it.',
    );
    this.name = 'NetworkKindError';
  }
}

/**
 * The overlay network Traefik and every site task share (LAUNCHPAD_NETWORK), attachable so that plain
 * containers (Traefik started by compose, a probe) may join it. Swarm keeps network names unique, so two
 * control planes creating it at once end with one: the loser finds the winner's.
 */
export class OverlayNetwork {
  private pending: Promise<string> | null = null;

  constructor(
    private readonly docker: Docker,
    readonly name: string,
  ) {}

  /** The network's id, created when missing. */
  ensure(): Promise<string> {
    this.pending ??= this.resolve().catch((err) => {
      this.pending = null;
      throw err;
    });
    return this.pending;
  }

  private async resolve(): Promise<string> {
    const found = await this.find();
    if (found) return found;
    try {
      const created = await this.docker.createNetwork({
        Name: this.name,
        Driver: 'overlay',
        Attachable: true,
        CheckDuplicate: true,
        Labels: { [MANAGED_LABEL]: 'true' },
      });
      return created.id;
    } catch (err) {
      const raced = await this.find();
      if (raced) return raced;
      throw engineError(err);
    }
  }

  private async find(): Promise<string | null> {
    const list = await this.docker.listNetworks({ filters: { name: [this.name] } }).catch((err) => {
      throw engineError(err);
    });
    const exact = list.filter((n) => n.Name === this.name);
    const overlay = exact.find((n) => n.Driver === 'overlay' && n.Scope === 'swarm');
    if (overlay) return overlay.Id;
    if (exact[0]) throw new NetworkKindError(this.name, exact[0].Driver);
    return null;
  }
}
