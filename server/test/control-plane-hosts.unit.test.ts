import { describe, expect, it } from 'vitest';
import { controlPlaneHosts } from '../src/domain/hostname.js';
import { validateDomains } from '../src/domain/validate.js';

describe('the control plane hosts a site may not take', () => {
  it.each<[string | null, string, string[]]>([
    ['https://Launchpad.Example.org:8443', '127.0.0.1', ['launchpad.example.org']],
    ['http://deploy.example.com/', '0.0.0.0', ['deploy.example.com']],
    ['http://127.0.0.1:8080', '127.0.0.1', []],
    [null, 'cp.internal.example', ['cp.internal.example']],
    ['https://lp.example.com', 'lp.example.com', ['lp.example.com']],
    [null, 'localhost', []],
  ])('public URL %j, listen host %j', (publicUrl, host, expected) => {
    expect(controlPlaneHosts(publicUrl, host)).toEqual(expected);
  });

  it('refuses them as custom domains with CONFLICT on the domains field, whatever the spelling', () => {
    for (const d of ['launchpad.example.org', 'LaunchPad.Example.ORG.', ' launchpad.example.org ']) {
      expect(() => validateDomains([d], 'localhost', ['launchpad.example.org'])).toThrow(
        expect.objectContaining({ code: 'CONFLICT', field: 'domains' }),
      );
    }
    expect(validateDomains(['Shop.Example.org'], 'localhost', ['launchpad.example.org'])).toEqual([
      'shop.example.org',
    ]);
  });
});
