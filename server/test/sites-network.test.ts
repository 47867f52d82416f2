import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createdNs, SitesNetwork } from '../src/runtime/network.js';
import { docker, removeInstanceObjects } from './support/harness.js';

const namedNetworks = async (name: string) =>
  (await docker.listNetworks({ filters: { name: [name] } })).filter((n) => n.Name === name);

describe('the sites network', () => {
  let name = '';
  afterEach(async () => {
    if (name) await removeInstanceObjects(name);
  });

  it('two first deploys at once create one network, not two (duplicate network race)', async () => {
    name = `lp-test-race-${randomBytes(4).toString('hex')}`;
    // Separate instances stand for separate control planes: no shared in-process promise to lean on.
    const planes = Array.from({ length: 6 }, () => new SitesNetwork(docker, name));
    const ids = await Promise.all(planes.flatMap((p) => [p.ensure(), p.ensure()]));
    expect(new Set(ids).size).toBe(1);
    const left = await namedNetworks(name);
    expect(left.map((n) => n.Id)).toEqual([ids[0]]);
  });

  it('finds the network again after someone removed it', async () => {
    name = `lp-test-gone-${randomBytes(4).toString('hex')}`;
    const net = new SitesNetwork(docker, name);
    const first = await net.ensure();
    await docker.getNetwork(first).remove();
    const second = await net.ensure();
    expect(second).not.toBe(first);
    expect((await namedNetworks(name)).map((n) => n.Id)).toEqual([second]);
  });

  it('orders creation times to the nanosecond, as the engine reports them', () => {
    expect(createdNs('2026-12-01T23:05:01.123456789Z')).toBeLessThan(
      createdNs('2026-12-01T23:05:01.12345679Z'),
    );
    expect(createdNs('2026-12-01T23:05:01Z')).toBe(1796166301000000000n);
    expect(createdNs('2026-12-01T23:05:01.5+00:00')).toBe(1796166301500000000n);
  });
});
