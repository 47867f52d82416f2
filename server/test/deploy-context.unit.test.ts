import { describe, expect, it } from 'vitest';
import { branchLabel, contextLabel, previewLabel, queueLane } from '../src/domain/deploy-context.js';
import { MAX_SLUG_LENGTH } from '../src/domain/slug.js';

const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const longSlug = 'a'.repeat(MAX_SLUG_LENGTH);

describe('branchLabel', () => {
  it.each([
    // [branch, slug, label]
    ['feature-a', 'site', 'feature-a'],
    ['main2', 'site', 'main2'],
    ['x', longSlug, 'x'],
  ])('keeps the plain branch %s as its label', (branch, slug, label) => {
    expect(branchLabel(branch, slug)).toBe(label);
  });

  it.each([
    ['Feature/A', /^feature-a-[0-9a-f]{6}$/],
    ['feature/login', /^feature-login-[0-9a-f]{6}$/],
    ['refs/heads/../x', /^refs-heads-x-[0-9a-f]{6}$/],
    ['fix--double', /^fix-double-[0-9a-f]{6}$/],
    ['-leading-and-trailing-', /^leading-and-trailing-[0-9a-f]{6}$/],
    ['日本語', /^branch-[0-9a-f]{6}$/],
    ['émoji-🚀-branch', /^moji-branch-[0-9a-f]{6}$/],
    ['a.b_c', /^a-b-c-[0-9a-f]{6}$/],
    // The shapes of other hosts of the same site are never a branch's.
    ['pr-12', /^pr-12-[0-9a-f]{6}$/],
    ['0123456789abcdef01234567', /^0123456789abcdef01234567-[0-9a-f]{6}$/],
  ])('sanitises the hostile or unusual branch %s', (branch, shape) => {
    const label = branchLabel(branch, 'site');
    expect(label).toMatch(shape);
    expect(label).toMatch(DNS_LABEL);
    expect(label).not.toContain('--');
  });

  it('branches that read alike get different labels (Feature/A, feature-a, feature/a)', () => {
    const labels = ['Feature/A', 'feature-a', 'feature/a', 'FEATURE-A'].map((b) => branchLabel(b, 'site'));
    expect(new Set(labels).size).toBe(4);
  });

  it.each([
    ['a thousand characters', 'x'.repeat(1000)],
    ['a long name with a slash at the cut', `${'ab/'.repeat(100)}`],
    ['hyphens at the cut', `${'a'.repeat(20)}${'-b'.repeat(40)}`],
  ])('keeps <label>--<slug> within 63 characters for %s, with the longest slug', (_case, branch) => {
    for (const slug of ['s', 'site', longSlug]) {
      const host = `${branchLabel(branch, slug)}--${slug}`;
      expect(host.length).toBeLessThanOrEqual(63);
      expect(host.split('--')[0]).toMatch(DNS_LABEL);
    }
  });

  it('is a pure function of the branch name', () => {
    expect(branchLabel('Feature/A', 'site')).toBe(branchLabel('Feature/A', 'site'));
  });
});

describe('contextLabel and queueLane', () => {
  it('names each context by its own host label', () => {
    expect(previewLabel(7)).toBe('pr-7');
    expect(contextLabel({ context: 'PREVIEW', branch: 'changes', pullRequest: 7 }, 'site')).toBe(
      'pr-7--site',
    );
    expect(contextLabel({ context: 'BRANCH', branch: 'staging', pullRequest: null }, 'site')).toBe(
      'staging--site',
    );
    expect(contextLabel({ context: 'PRODUCTION', branch: null, pullRequest: null }, 'site')).toBeNull();
  });

  it('puts previews, branches and production in separate lanes', () => {
    const lanes = [
      queueLane({ context: 'PRODUCTION', branch: null, pullRequest: null }),
      queueLane({ context: 'PREVIEW', branch: 'x', pullRequest: 1 }),
      queueLane({ context: 'PREVIEW', branch: 'x', pullRequest: 2 }),
      queueLane({ context: 'BRANCH', branch: 'x', pullRequest: null }),
    ];
    expect(new Set(lanes).size).toBe(4);
  });
});
