import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type GraphQLResponse, type Launchpad, startLaunchpad } from './support/harness.js';
import { makeZip } from './support/zip.js';

// Denial of service through the API (issue 17): each test is named after the attack it stops.

let lp: Launchpad;
let slug: string;

beforeAll(async () => {
  lp = await startLaunchpad();
  // A real site with deploys and log lines, so the attacks below would have something to multiply.
  slug = `${lp.slugPrefix}-limits`;
  const zip = await makeZip([['index.html', '<p>limits</p>']]);
  const created = await lp.upload(
    'mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }',
    { input: { name: 'limits', slug, sourceType: 'ZIP', file: null } },
    { path: 'input.file', name: 'site.zip', content: zip },
  );
  expect(created.errors).toBeUndefined();
  await eventually(
    async () => {
      const res = await lp.gql('query($slug: String) { site(slug: $slug) { status } }', { slug });
      return res.data?.site?.status === 'LIVE' ? true : undefined;
    },
    60_000,
    'the site to go live',
  );
});
afterAll(async () => {
  await lp?.cleanup();
});

/** `site { deploys { site { deploys … { id } } } }`, `levels` deploys deep. */
function nestedDeploys(levels: number): string {
  return `{ site(slug: "${slug}") { ${'deploys { site { '.repeat(levels)}id${' } }'.repeat(levels)} } }`;
}

function aliasedDeploysLogs(count: number): string {
  const fields = Array.from({ length: count }, (_, i) => `a${i}: deploys { logs { seq text } }`);
  return `{ site(slug: "${slug}") { ${fields.join(' ')} } }`;
}

/** Runs `attack` while a simple query is sent beside it; both answers and the attack's duration. */
async function underAttack(attack: string) {
  const started = performance.now();
  const attacked = lp.gql(attack).then((res) => ({ res, ms: performance.now() - started }));
  const simple = lp.gql('query($slug: String) { site(slug: $slug) { id status } }', { slug });
  const [a, s] = await Promise.all([attacked, simple]);
  return { attack: a.res, ms: a.ms, simple: s };
}

function codeOf(res: GraphQLResponse): string | undefined {
  return res.errors?.[0]?.extensions?.code;
}

/**
 * A raw POST to /graphql that declares `declaredBytes` of body but sends only the first `sentBytes`:
 * an answer that arrives anyway proves the server decided without reading the body.
 */
function partialPost(
  declaredBytes: number,
  sentBytes: number,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: GraphQLResponse }> {
  const url = new URL(`${lp.url}/graphql`);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: '/graphql',
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': String(declaredBytes), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) });
        });
      },
    );
    req.on('error', reject);
    req.write(`{"query":"{ sites { id } }","variables":{"pad":"${'x'.repeat(sentBytes)}`);
  });
}

describe('GraphQL cost limit', () => {
  it('refuses a query nested 50 levels (site { deploys { site … } }) fast, while a simple query answers', async () => {
    const { attack, ms, simple } = await underAttack(nestedDeploys(50));
    expect(attack.data ?? null).toBeNull();
    expect(codeOf(attack)).toBe('BAD_USER_INPUT');
    expect(ms).toBeLessThan(2000);
    expect(simple.errors).toBeUndefined();
    expect(simple.data!.site.status).toBe('LIVE');
  });

  it('refuses 1,000 aliases of deploys { logs } fast, while a simple query answers', async () => {
    const { attack, ms, simple } = await underAttack(aliasedDeploysLogs(1000));
    expect(attack.data ?? null).toBeNull();
    expect(codeOf(attack)).toBe('BAD_USER_INPUT');
    expect(attack.errors![0]!.message).toMatch(/tokens/); // 8,000 tokens: refused before it is parsed
    expect(ms).toBeLessThan(2000);
    expect(simple.data!.site.status).toBe('LIVE');
  });

  it('refuses 100 aliases of deploys { logs } (short enough to parse) by the alias limit', async () => {
    const res = await lp.gql(aliasedDeploysLogs(100));
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toMatch(/alias/i);
  });

  it('refuses nesting within the depth limit whose list pages multiply past the cost limit', async () => {
    const res = await lp.gql(nestedDeploys(4)); // 9 levels deep: allowed by depth, 20^4 deploys by cost
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toMatch(/too expensive/);
    const fine = await lp.gql(nestedDeploys(2));
    expect(fine.errors).toBeUndefined();
  });

  it('refuses 15 aliases of the largest log page (each under the limit, together over it)', async () => {
    const fields = Array.from(
      { length: 15 },
      (_, i) => `a${i}: deploys(first: 200) { logs(first: 5000) { text } }`,
    );
    const res = await lp.gql(`{ site(slug: "${slug}") { ${fields.join(' ')} } }`);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['a literal', '{ site(slug: "SLUG") { deploys(first: 100000) { id } } }', {}],
    ['a variable', 'query($n: Int) { site(slug: "SLUG") { deploys(first: $n) { id } } }', { n: 100000 }],
    [
      'a log page',
      'query($n: Int) { site(slug: "SLUG") { deploys(first: 1) { logs(first: $n) { seq } } } }',
      { n: 1e6 },
    ],
  ])(
    'refuses an oversized page (first: in %s) with BAD_USER_INPUT on "first"',
    async (_label, query, variables) => {
      const res = await lp.gql(query.replace('SLUG', slug), variables);
      expect(res.data ?? null).toBeNull();
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.extensions!.field).toBe('first');
    },
  );

  it.each([
    ['selections 50,000 deep', `{ ${'site { '.repeat(50_000)}id${' }'.repeat(50_000)} }`],
    ['a list literal 100,000 deep', `{ site(slug: ${'['.repeat(100_000)}"a"${']'.repeat(100_000)}) { id } }`],
    [
      'a list literal 1,500 deep (under the token limit)',
      `{ site(slug: ${'['.repeat(1500)}"a"${']'.repeat(1500)}) { id } }`,
    ],
    ['an object literal 600 deep', `{ site(slug: ${'{a:'.repeat(600)}"a"${'}'.repeat(600)}) { id } }`],
  ])('refuses %s with BAD_USER_INPUT (no stack overflow into INTERNAL)', async (_label, query) => {
    const res = await lp.gql(query);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toMatch(/tokens|nested/);
  });

  it('refuses 100 directives on one field', async () => {
    const res = await lp.gql(`{ sites ${'@include(if: true) '.repeat(100)}{ id } }`);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toMatch(/directives/i);
  });
});

describe('auth before parse', () => {
  it('answers a 10 MB query without a token with 401 before reading its body', async () => {
    const res = await partialPost(10 * 1024 * 1024, 64 * 1024);
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a deeply nested query without a token as UNAUTHENTICATED, not INTERNAL', async () => {
    const res = await lp.gql(`{ ${'site { '.repeat(50_000)}id${' }'.repeat(50_000)} }`, {}, null);
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
  });

  it('refuses a 2 MB JSON body with a token with 413 before reading it', async () => {
    const res = await partialPost(2 * 1024 * 1024, 64 * 1024, { authorization: `Bearer ${lp.token}` });
    expect(res.status).toBe(413);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('cuts off a chunked 2 MB JSON body (no Content-Length) at the 1 MiB cap with 413', async () => {
    const url = new URL(`${lp.url}/graphql`);
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: '/graphql',
          method: 'POST',
          agent: false,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${lp.token}` },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.write('{"query":"{ sites { id } }","variables":{"pad":"');
      for (let i = 0; i < 32; i++) req.write('x'.repeat(64 * 1024));
      req.end('"}}');
    });
    expect(status).toBe(413);
  });

  it('still serves the GraphiQL page without a token (it runs nothing)', async () => {
    const res = await fetch(`${lp.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Launchpad GraphQL');
  });
});

describe('field suggestions', () => {
  const probes: [string, string, Record<string, unknown>][] = [
    ['a misspelt field', '{ sitez { id } }', {}],
    ['a misspelt argument', '{ site(slugg: "x") { id } }', {}],
    ['a misspelt type', 'query($i: CreateSiteImput!) { sites { id } }', {}],
    ['a misspelt enum literal', 'mutation { createSite(input: { name: "x", sourceType: ZIPP }) { id } }', {}],
    [
      'a misspelt enum in variables',
      'mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }',
      { input: { name: 'x', sourceType: 'ZIPP' } },
    ],
    [
      'a misspelt input field in variables',
      'mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }',
      { input: { name: 'x', sourceTyp: 'ZIP' } },
    ],
  ];

  it.each(probes)(
    'never reveal the schema for %s, with or without a token',
    async (_label, query, variables) => {
      for (const token of [lp.token, null]) {
        const res = await lp.gql(query, variables, token);
        expect(res.errors?.length).toBeGreaterThan(0);
        for (const error of res.errors!) expect(error.message).not.toMatch(/did you mean/i);
      }
    },
  );
});

describe('CORS (one origin, no CORS)', () => {
  it('grants nothing to a preflight from another origin', async () => {
    const res = await fetch(`${lp.url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('grants nothing to a cross-origin request that carries a token', async () => {
    const res = await fetch(`${lp.url}/graphql`, {
      method: 'POST',
      headers: {
        origin: 'https://evil.example',
        'content-type': 'application/json',
        authorization: `Bearer ${lp.token}`,
      },
      body: JSON.stringify({ query: '{ sites { id } }' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });
});
