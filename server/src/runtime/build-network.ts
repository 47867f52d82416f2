/**
 * The network builds run on: a bridge of their own, so a build reaches package registries but not the
 * machine it runs on, Launchpad's site containers, or another build.
 *
 * - Site containers live on other Docker networks: Docker's own isolation rules drop traffic between
 *   bridges, published ports included (they are DNATed into the sites network and dropped there).
 * - Builds on this network cannot talk to each other (`enable_icc=false`).
 * - The host itself is the gap Docker leaves open: a container reaches every service bound to 0.0.0.0
 *   through its gateway (or any host address), because such packets are delivered locally (iptables
 *   INPUT), never forwarded. So the control plane installs `INPUT -i <bridge> -j DROP`, plus a DROP of
 *   link-local addresses (cloud metadata services) in DOCKER-USER. It can only when it runs on the
 *   engine's host with NET_ADMIN; otherwise every build's log says that the host is reachable, and how
 *   to close it.
 * The bridge has a fixed interface name, so the rules can name it and a second network of the same name
 * cannot be created by a racing control plane (the engine refuses a duplicate bridge name).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import type Docker from 'dockerode';
import { engineError } from './images.js';
import { MANAGED_LABEL } from './labels.js';

const run = promisify(execFile);

export interface BuildNetworkSpec {
  /** Docker network name. */
  name: string;
  /** Linux interface name of its bridge (at most 15 characters). */
  bridge: string;
}

/** The spec for a network name: its bridge is `lpb-` and a hash of the name (interface names are short). */
export function buildNetworkSpec(name: string): BuildNetworkSpec {
  return { name, bridge: `lpb-${createHash('sha256').update(name).digest('hex').slice(0, 11)}` };
}

export const DEFAULT_BUILD_NETWORK_NAME = 'launchpad-builds';

const BRIDGE_OPTION = 'com.docker.network.bridge.name';
const LINK_LOCAL = '169.254.0.0/16';

export interface BuildNetworkState {
  id: string;
  /** Why builds can still reach this host's services, or null when the firewall rules are in place. */
  warning: string | null;
}

/** The firewall rules that close the host to builds on `bridge` (iptables arguments after the action). */
export function guardRules(bridge: string): string[][] {
  return [
    ['INPUT', '-i', bridge, '-j', 'DROP'],
    ['DOCKER-USER', '-i', bridge, '-d', LINK_LOCAL, '-j', 'DROP'],
  ];
}

export class BuildNetwork {
  private warned = false;
  private guarding: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly docker: Docker,
    readonly spec: BuildNetworkSpec = buildNetworkSpec(DEFAULT_BUILD_NETWORK_NAME),
  ) {
    if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,14}$/.test(spec.bridge)) {
      throw new Error(`invalid bridge interface name: ${spec.bridge}`);
    }
  }

  /** The network (created when missing) with its firewall rules checked; call before every build. */
  async ensure(): Promise<BuildNetworkState> {
    const { id, bridge } = await this.network();
    // One check at a time in this process, so concurrent builds do not each add the same rule.
    const checked = this.guarding.then(() => this.guard(bridge));
    this.guarding = checked.catch(() => null);
    const warning = await checked;
    if (warning && !this.warned) {
      this.warned = true;
      console.warn(`launchpad: ${warning}`);
    }
    return { id, warning };
  }

  /** Removes the network and its rules (for tests and operators; fails while a build is attached). */
  async remove(): Promise<void> {
    const found = await this.find();
    const bridge = found?.bridge ?? this.spec.bridge;
    // Every copy (racing control planes may each have added one); none when it cannot (not root).
    for (const rule of guardRules(bridge)) {
      while (
        await iptables(['-D', ...rule]).then(
          () => true,
          () => false,
        )
      );
    }
    if (found)
      await this.docker
        .getNetwork(found.id)
        .remove()
        .catch((err) => {
          if ((err as { statusCode?: number }).statusCode !== 404) throw engineError(err);
        });
  }

  private async network(): Promise<{ id: string; bridge: string }> {
    const existing = await this.find();
    if (existing) return existing;
    try {
      const created = await this.docker.createNetwork({
        Name: this.spec.name,
        Driver: 'bridge',
        CheckDuplicate: true,
        Labels: { [MANAGED_LABEL]: 'true' },
        Options: { [BRIDGE_OPTION]: this.spec.bridge, 'com.docker.network.bridge.enable_icc': 'false' },
      });
      return { id: created.id, bridge: this.spec.bridge };
    } catch (err) {
      // Another creator got there first: the name (409) or the bridge name is taken. The engine may
      // refuse ours before it lists theirs, so look again for a moment.
      for (let attempt = 0; attempt < 10; attempt++) {
        const now = await this.find();
        if (now) return now;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw engineError(err);
    }
  }

  private async find(): Promise<{ id: string; bridge: string } | null> {
    const list = await this.docker.listNetworks({ filters: { name: [this.spec.name] } }).catch((err) => {
      throw engineError(err);
    });
    const net = list.find((n) => n.Name === this.spec.name);
    if (!net) return null;
    return { id: net.Id, bridge: net.Options?.[BRIDGE_OPTION] ?? `br-${net.Id.slice(0, 12)}` };
  }

  /** Installs the rules that are missing; returns why it could not, or null. */
  private async guard(bridge: string): Promise<string | null> {
    const closeIt = guardRules(bridge)
      .map((r) => `iptables -I ${r.join(' ')}`)
      .join('; ');
    if (!existsSync(`/sys/class/net/${bridge}`)) {
      return (
        `builds can reach services on the Docker host: the build network's bridge ${bridge} is not visible ` +
        `here (the engine runs elsewhere, or Launchpad runs in a container). On the engine's host run: ${closeIt}`
      );
    }
    try {
      for (const rule of guardRules(bridge)) {
        const present = await iptables(['-C', ...rule]).then(
          () => true,
          () => false,
        );
        if (!present) await iptables(['-I', ...rule]);
      }
      return null;
    } catch (err) {
      const why = ((err as { stderr?: string }).stderr || (err as Error).message).trim().split('\n')[0];
      return `builds can reach services on this host: the firewall rules could not be installed (${why}). Run as root with NET_ADMIN, or run: ${closeIt}`;
    }
  }
}

function iptables(args: string[]): Promise<unknown> {
  // -w: wait for the xtables lock (Docker and other control planes edit the same tables).
  return run('iptables', ['-w', '5', ...args], { timeout: 10_000 });
}
