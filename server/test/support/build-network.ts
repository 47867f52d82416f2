import { randomBytes } from 'node:crypto';
import type Docker from 'dockerode';
import { BuildNetwork, buildNetworkSpec } from '../../src/runtime/build-network.js';

/** A build network of this test file's own (removed with its firewall rules by `remove()`). */
export function testBuildNetwork(docker: Docker): BuildNetwork {
  return new BuildNetwork(docker, buildNetworkSpec(`lp-test-builds-${randomBytes(4).toString('hex')}`));
}
