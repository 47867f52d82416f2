import { describe, expect, it } from 'vitest';
import { duration, hostOf, repoName, shortSha, timeAgo } from '../src/lib/format';
import { matchPath } from '../src/lib/paths';

describe('format', () => {
  it('names a site after its repository', () => {
    expect(repoName('https://github.com/you/my-site.git')).toBe('my-site');
    expect(repoName('git://127.0.0.1:9418/docs.git/')).toBe('docs');
    expect(repoName('git@github.com:you/blog')).toBe('blog');
    expect(repoName('')).toBe('');
  });

  it('shortens a commit to 7 characters', () => {
    expect(shortSha('0123456789abcdef0123456789abcdef01234567')).toBe('0123456');
  });

  it('prints durations at a useful precision', () => {
    expect(duration(850)).toBe('850 ms');
    expect(duration(12_300)).toBe('12 s');
    expect(duration(184_000)).toBe('3 min 4 s');
    expect(duration(120_000)).toBe('2 min');
    expect(duration(3_720_000)).toBe('1 h 2 min');
  });

  it('says "just now" for the last seconds and counts minutes after', () => {
    const now = Date.parse('2026-01-01T12:00:00Z');
    expect(timeAgo('2026-01-01T11:59:58Z', now)).toBe('just now');
    expect(timeAgo('2026-01-01T11:57:00Z', now)).toMatch(/3/);
  });

  it('shows a URL as its host', () => {
    expect(hostOf('http://my-site.localhost/')).toBe('my-site.localhost');
    expect(hostOf('http://127.0.0.1:32769')).toBe('127.0.0.1:32769');
  });
});

describe('matchPath', () => {
  it('reads parameters and rejects other shapes', () => {
    expect(matchPath('/sites/:id', '/sites/abc')).toEqual({ id: 'abc' });
    expect(matchPath('/sites/:id/deploys/:deployId', '/sites/a/deploys/b')).toEqual({
      id: 'a',
      deployId: 'b',
    });
    expect(matchPath('/sites/:id', '/sites/abc/deploys')).toBeNull();
    expect(matchPath('/', '/')).toEqual({});
    expect(matchPath('/new', '/sites')).toBeNull();
  });
});
