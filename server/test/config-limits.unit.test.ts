import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const MiB = 1024 * 1024;

describe('configuration of clone and build limits', () => {
  it('has defaults', () => {
    expect(loadConfig({}).maxCloneBytes).toBe(500 * MiB);
    expect(loadConfig({}).buildDiskBytes).toBe(4096 * MiB);
    expect(loadConfig({}).buildNetwork).toBe('launchpad-builds');
  });

  it('reads LAUNCHPAD_BUILD_DISK_MB in MB', () => {
    expect(loadConfig({ LAUNCHPAD_BUILD_DISK_MB: '100' }).buildDiskBytes).toBe(100 * MiB);
  });

  it('reads LAUNCHPAD_MAX_CLONE_MB in MB', () => {
    expect(loadConfig({ LAUNCHPAD_MAX_CLONE_MB: '20' }).maxCloneBytes).toBe(20 * MiB);
  });

  it.each([
    ['LAUNCHPAD_MAX_CLONE_MB', '0'],
    ['LAUNCHPAD_MAX_CLONE_MB', '1.5'],
    ['LAUNCHPAD_MAX_CLONE_MB', 'lots'],
    ['LAUNCHPAD_MAX_CLONE_MB', '999999999'],
    ['LAUNCHPAD_BUILD_DISK_MB', '15'],
    ['LAUNCHPAD_BUILD_DISK_MB', '-1'],
    ['LAUNCHPAD_BUILD_NETWORK', '-bad'],
  ])('stops on %s=%s with a message naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^${name}: `));
  });
});
