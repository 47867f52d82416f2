import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { BadInputError } from '../src/domain/errors.js';
import { assertShallow, OPERATION_LIMITS } from '../src/http/limits.js';
import { operationCost } from '../src/http/query-cost.js';
import { schema } from '../src/schema/index.js';

const cost = (query: string, variables: Record<string, unknown> = {}) =>
  operationCost(schema, parse(query), undefined, variables, OPERATION_LIMITS);

/** `site { deploys { site { deploys … { id } } } }`, `levels` deploys deep. */
function nestedDeploys(levels: number): string {
  return `{ site(slug: "a") { ${'deploys { site { '.repeat(levels)}id${' } }'.repeat(levels)} } }`;
}

describe('operationCost: lists multiply what is selected below them', () => {
  it.each([
    ['one scalar', '{ site(slug: "a") { id } }', 2 + 1],
    ['__typename is free', '{ __typename site(slug: "a") { __typename id } }', 2 + 1],
    ['a default page of deploys (20)', '{ site(slug: "a") { deploys { id number } } }', 2 + 20 * (2 + 2)],
    ['an explicit page', '{ site(slug: "a") { deploys(first: 5) { id } } }', 2 + 5 * (2 + 1)],
    ['a list without first (assumed 50)', '{ sites { id } }', 50 * (2 + 1)],
    [
      'a full page of log lines',
      '{ deploy(id: "d") { logs(first: 5000) { seq at stream text } } }',
      2 + 5000 * 6,
    ],
    [
      'pages of pages',
      '{ site(slug: "a") { deploys(first: 10) { logs(first: 10) { seq } } } }',
      2 + 10 * (2 + 10 * 3),
    ],
    [
      'fragments count where they are spread',
      'query { site(slug: "a") { ...S } } fragment S on Site { deploys(first: 2) { id } }',
      2 + 2 * 3,
    ],
  ])('%s', (_label, query, expected) => {
    expect(cost(query)).toBe(expected);
  });

  it('reads first: from variables and from variable defaults', () => {
    const query = 'query($n: Int = 3) { site(slug: "a") { deploys(first: $n) { id } } }';
    expect(cost(query, { n: 7 })).toBe(2 + 7 * 3);
    expect(cost(query)).toBe(2 + 3 * 3);
  });

  it('prices the 50-level nesting attack far over the limit', () => {
    expect(cost(nestedDeploys(3))).toBeLessThan(OPERATION_LIMITS.maxCost);
    expect(cost(nestedDeploys(4))).toBeGreaterThan(OPERATION_LIMITS.maxCost);
    expect(cost(nestedDeploys(50))).toBeGreaterThan(1e60);
  });

  it('prices a fragment bomb (each fragment spreading the next ten times) without expanding it', () => {
    const defs = ['fragment F0 on Deploy { id }'];
    for (let i = 1; i <= 30; i++) defs.push(`fragment F${i} on Deploy { ${`...F${i - 1} `.repeat(10)}}`);
    expect(cost(`{ deploy(id: "d") { ...F30 } } ${defs.join(' ')}`)).toBeGreaterThan(1e29);
  });

  it.each([
    ['above the maximum', '{ site(slug: "a") { deploys(first: 201) { id } } }'],
    ['negative', '{ site(slug: "a") { deploys(first: -1) { id } } }'],
    ['above the log page maximum', '{ deploy(id: "d") { logs(first: 5001) { seq } } }'],
  ])('refuses first: %s with BAD_USER_INPUT on the field "first"', (_label, query) => {
    let thrown: unknown;
    try {
      cost(query);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(BadInputError);
    expect((thrown as BadInputError).field).toBe('first');
  });

  it('leaves invalid variables to execution (null: no estimate)', () => {
    expect(cost('query($n: Int!) { site(slug: "a") { deploys(first: $n) { id } } }', { n: 'x' })).toBeNull();
  });
});

describe('assertShallow: refuses what would overflow the parser before it runs', () => {
  const limits = { maxTokens: 100, maxNesting: 4 };
  it.each([
    ['a small query', '{ site(slug: "a") { id } }'],
    ['nesting at the limit', '{ a { b(x: [1]) } }'],
    ['brackets inside strings do not count', '{ a(x: "[[[[[[[[[[") }'],
    ['comments do not count', '# {{{{{{{{{{{{\n{ a }'],
  ])('accepts %s', (_label, source) => {
    expect(() => assertShallow(source, limits)).not.toThrow();
  });

  it.each([
    ['too many tokens', `{ ${'a '.repeat(200)}}`, /more than 100 tokens/],
    ['selections too deep', '{ a { b { c { d { e } } } } }', /nested more than 4/],
    ['a list literal too deep', '{ a(x: [[[[[1]]]]]) }', /nested more than 4/],
  ])('refuses %s', (_label, source, message) => {
    expect(() => assertShallow(source, limits)).toThrow(message);
  });
});
