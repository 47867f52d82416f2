import { createHash } from 'node:crypto';
import type Docker from 'dockerode';
import { engineError } from './images.js';
import { MANAGED_LABEL } from './labels.js';

/**
 * The shared sites network, created at most once per name however many deploys (or control planes) ask
 * at the same moment.
 *
 * Docker does not refuse a second network with an existing name (API ≥ 1.44 ignores `CheckDuplicate`), and
 * once two exist every `NetworkMode: <name>` is ambiguous and container creation fails. So: one creation
 * in flight per process; across processes the network is created with a fixed bridge interface name, which
 * the engine does refuse twice, and a refused creator takes the network that won. Networks of that name
 * made otherwise (by an older Launchpad) still converge on one, the oldest, each creator removing its own
 * copy when it lost. Callers attach containers by the returned id, never by the name.
 */
export class SitesNetwork {
  private pending: Promise<string> | null = null;

  constructor(
    private readonly docker: Docker,
    readonly name: string,
  ) {}

  /** The id of the one network called `name`, created when there is none. */
  ensure(): Promise<string> {
    this.pending ??= this.resolve().catch((err) => {
      this.pending = null; // a failure (engine down) is retried by the next caller
      throw err;
    });
    return this.pending.then(async (id) => {
      // Someone may have removed it since (an operator, a test's cleanup): find or make it again.
      if (await this.exists(id)) return id;
      this.pending = null;
      return this.ensure();
    });
  }

  private async resolve(): Promise<string> {
    const existing = await this.named();
    if (existing.length > 0) return winner(existing).Id;
    let ours: string;
    try {
      const created = await this.docker.createNetwork({
        Name: this.name,
        Driver: 'bridge',
        CheckDuplicate: true,
        Labels: { [MANAGED_LABEL]: 'true' },
        // The engine refuses a second network with the same bridge interface, atomically: this, not the
        // name, is what makes a racing creator fail.
        Options: { [BRIDGE_OPTION]: bridgeName(this.name) },
      });
      ours = created.id;
    } catch (err) {
      // Another creator got there first (the name or the bridge is taken). The engine may refuse ours
      // before it lists theirs, so look again for a moment.
      for (let attempt = 0; attempt < 20; attempt++) {
        const now = await this.named();
        if (now.length > 0) return winner(now).Id;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw engineError(err);
    }
    const all = await this.named();
    const won = winner(all.length > 0 ? all : [{ Id: ours, Created: '' }]);
    if (won.Id !== ours) {
      await this.docker
        .getNetwork(ours)
        .remove()
        .catch(() => {}); // nothing is attached to it yet; a leftover is removed by the next loser check
    }
    return won.Id;
  }

  /** Networks whose name is exactly `name` (the engine's name filter matches substrings). */
  private async named(): Promise<{ Id: string; Created: string }[]> {
    const list = await this.docker.listNetworks({ filters: { name: [this.name] } }).catch((err) => {
      throw engineError(err);
    });
    return list.filter((n) => n.Name === this.name).map((n) => ({ Id: n.Id, Created: n.Created ?? '' }));
  }

  private async exists(id: string): Promise<boolean> {
    try {
      await this.docker.getNetwork(id).inspect();
      return true;
    } catch (err) {
      if ((err as { statusCode?: number }).statusCode === 404) return false;
      throw engineError(err);
    }
  }
}

const BRIDGE_OPTION = 'com.docker.network.bridge.name';

/** A Linux interface name (at most 15 characters) that only the network called `name` uses. */
export const bridgeName = (name: string) =>
  `lps-${createHash('sha256').update(name).digest('hex').slice(0, 11)}`;

/** Every process picks the same one: the oldest, ties broken by id. */
function winner<T extends { Id: string; Created: string }>(networks: T[]): T {
  return [...networks].sort((a, b) => {
    const byAge = createdNs(a.Created) - createdNs(b.Created);
    return byAge < 0n ? -1 : byAge > 0n ? 1 : a.Id.localeCompare(b.Id);
  })[0]!;
}

/**
 * Creation time in nanoseconds: two racing creations usually fall in the same millisecond, and a
 * millisecond comparison would let the later one win on its id while the earlier one is already in use.
 */
export function createdNs(created: string): bigint {
  const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?(.*)$/.exec(created);
  if (!m) return 0n;
  const seconds = Date.parse(`${m[1]}${m[3] || 'Z'}`);
  if (Number.isNaN(seconds)) return 0n;
  return BigInt(seconds) * 1_000_000n + BigInt((m[2] ?? '').padEnd(9, '0').slice(0, 9));
}
