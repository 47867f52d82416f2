import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Role, roleIncludes } from '../src/domain/principal.js';
import { type As, codeOf, firstResult, gqlAs, invitationToken, signUp, wsAs } from './support/accounts.js';
import { type BareApp, startBareApp } from './support/bare-app.js';
import type { GraphQLResponse } from './support/harness.js';
import { seedSites } from './support/seed.js';

// Acceptance 1 of issue 11: every role and every token scope against every mutation (allowed or FORBIDDEN
// as api.md says), and a principal of team A never reaching anything of team B (NOT_FOUND, no events).

const PASSWORD = 'correct horse battery';
let lp: BareApp;
const admin = (): As => ({ token: lp.token });

interface TeamFixture {
  id: string;
  owner: { userId: string; cookie: string };
  siteId: string;
  siteSlug: string;
  zipSiteId: string;
  deployId: string;
  tokenId: string;
  channelId: string;
}
let A: TeamFixture;
let B: TeamFixture;
const principals = new Map<string, { as: As; role: Role; user: boolean }>();

async function ok<T = Record<string, any>>(as: As, query: string, variables: Record<string, unknown> = {}) {
  const answer = await gqlAs<T>(lp.url, as, query, variables);
  if (answer.errors) throw new Error(`${query}: ${JSON.stringify(answer.errors)}`);
  return answer.data!;
}

async function invite(team: string, by: As, email: string, role: Role) {
  const data = await ok(
    by,
    'mutation($t: ID!, $e: String!, $r: Role!) { inviteMember(teamId: $t, email: $e, role: $r) { url } }',
    {
      t: team,
      e: email,
      r: role,
    },
  );
  return signUp(lp.url, email, PASSWORD, invitationToken(data.inviteMember.url));
}

async function token(team: string, by: As, scope: string): Promise<{ id: string; secret: string }> {
  const data = await ok(
    by,
    'mutation($t: ID!, $s: TokenScope!) { createApiToken(teamId: $t, name: "m", scope: $s) { secret token { id } } }',
    {
      t: team,
      s: scope,
    },
  );
  return { id: data.createApiToken.token.id, secret: data.createApiToken.secret };
}

async function seedTeam(
  teamId: string,
  owner: { userId: string; cookie: string },
  prefix: string,
): Promise<TeamFixture> {
  const [site, zip] = await seedSites(lp.app.orm.em.fork(), 2, { slugPrefix: prefix, teamId });
  await lp.app.orm.em
    .getConnection()
    .execute("update sites set source_type = 'ZIP', git_url = null, branch = null where id = ?", [zip!.id]);
  const t = await token(teamId, { cookie: owner.cookie }, 'READ');
  const channelId = await channel(teamId, { cookie: owner.cookie });
  return {
    id: teamId,
    owner,
    siteId: site!.id,
    siteSlug: site!.slug,
    zipSiteId: zip!.id,
    deployId: site!.currentDeployId!,
    tokenId: t.id,
    channelId,
  };
}

/** Issue 13: a notification channel of the team (a webhook nobody listens to: a test send is refused fast). */
async function channel(team: string, by: As): Promise<string> {
  const data = await ok(
    by,
    'mutation($t: ID!) { createNotificationChannel(teamId: $t, input: { kind: WEBHOOK, target: "http://127.0.0.1:9/hook", events: [SITE_DOWN] }) { id } }',
    { t: team },
  );
  return data.createNotificationChannel.id;
}

beforeAll(async () => {
  lp = await startBareApp();
  const owner = await signUp(lp.url, 'owner-a@example.com', PASSWORD);
  const teamA = (await ok({ cookie: owner.cookie }, '{ viewer { teams { id } } }')).viewer.teams[0].id;
  A = await seedTeam(teamA, owner, 'matrix-a');
  const teamB = (await ok(admin(), 'mutation { createTeam(name: "Team B") { id } }')).createTeam.id;
  const ownerB = await invite(teamB, admin(), 'owner-b@example.com', 'OWNER');
  B = await seedTeam(teamB, ownerB, 'matrix-b');

  principals.set('user OWNER', { as: { cookie: owner.cookie }, role: 'OWNER', user: true });
  for (const role of ['ADMIN', 'DEVELOPER', 'VIEWER'] as const) {
    const u = await invite(A.id, { cookie: owner.cookie }, `${role.toLowerCase()}-a@example.com`, role);
    principals.set(`user ${role}`, { as: { cookie: u.cookie }, role, user: true });
  }
  for (const [scope, role] of [
    ['READ', 'VIEWER'],
    ['DEPLOY', 'DEVELOPER'],
    ['ADMIN', 'ADMIN'],
  ] as const) {
    principals.set(`token ${scope}`, {
      as: { token: (await token(A.id, { cookie: owner.cookie }, scope)).secret },
      role,
      user: false,
    });
  }
});
afterAll(async () => {
  await lp?.cleanup();
});

interface Case {
  /** The least role api.md asks for; 'user' for what only a signed-in person may do. */
  needs: Role | 'user';
  run: (as: As) => Promise<GraphQLResponse>;
}

const q =
  (query: string, variables: () => Record<string, unknown> = () => ({})) =>
  (as: As) =>
    gqlAs(lp.url, as, query, variables());

const CASES: Record<string, Case> = {
  createSite: {
    needs: 'DEVELOPER',
    // Allowed: a ZIP site without an archive is created, waiting for its first (digest) deploy (issue 15).
    run: q(
      'mutation($t: ID!) { createSite(input: { name: "n", sourceType: ZIP, teamId: $t }) { id } }',
      () => ({ t: A.id }),
    ),
  },
  updateSite: {
    needs: 'DEVELOPER',
    run: q('mutation($id: ID!) { updateSite(id: $id, input: { name: "renamed" }) { id } }', () => ({
      id: A.siteId,
    })),
  },
  deploySite: {
    needs: 'DEVELOPER',
    run: q('mutation($id: ID!) { deploySite(id: $id) { id } }', () => ({ id: A.zipSiteId })),
  },
  rollback: {
    needs: 'DEVELOPER',
    run: q('mutation($id: ID!) { rollback(deployId: $id) { id } }', () => ({ id: A.deployId })),
  },
  cancelDeploy: {
    needs: 'DEVELOPER',
    run: q('mutation($id: ID!) { cancelDeploy(id: $id) { id } }', () => ({ id: A.deployId })),
  },
  clearBuildCache: {
    needs: 'DEVELOPER',
    run: q('mutation($id: ID!) { clearBuildCache(siteId: $id) { id } }', () => ({ id: A.siteId })),
  },
  rotateWebhookSecret: {
    needs: 'ADMIN',
    run: q('mutation($id: ID!) { rotateWebhookSecret(id: $id) { id } }', () => ({ id: A.siteId })),
  },
  deleteSite: {
    needs: 'ADMIN',
    run: async (as) => {
      const [spare] = await seedSites(lp.app.orm.em.fork(), 1, { teamId: A.id });
      return gqlAs(lp.url, as, 'mutation($id: ID!) { deleteSite(id: $id) }', { id: spare!.id });
    },
  },
  inviteMember: {
    needs: 'ADMIN',
    run: q(
      'mutation($t: ID!) { inviteMember(teamId: $t, email: "later@example.com", role: VIEWER) { id } }',
      () => ({ t: A.id }),
    ),
  },
  setMemberRole: {
    needs: 'ADMIN',
    run: async (as) => {
      const viewer = (
        await ok(
          { cookie: A.owner.cookie },
          'query($t: ID!) { team(id: $t) { members { user { id email } } } }',
          { t: A.id },
        )
      ).team.members.find((m: { user: { email: string } }) => m.user.email === 'viewer-a@example.com');
      return gqlAs(
        lp.url,
        as,
        'mutation($t: ID!, $u: ID!) { setMemberRole(teamId: $t, userId: $u, role: VIEWER) { role } }',
        {
          t: A.id,
          u: viewer.user.id,
        },
      );
    },
  },
  removeMember: {
    needs: 'ADMIN',
    // Allowed: past the role check, B's owner is no member of A (NOT_FOUND); no one is removed.
    run: q('mutation($t: ID!, $u: ID!) { removeMember(teamId: $t, userId: $u) }', () => ({
      t: A.id,
      u: B.owner.userId,
    })),
  },
  createApiToken: {
    needs: 'ADMIN',
    run: q('mutation($t: ID!) { createApiToken(teamId: $t, name: "x", scope: READ) { secret } }', () => ({
      t: A.id,
    })),
  },
  revokeApiToken: {
    needs: 'ADMIN',
    run: async (as) => {
      const fresh = await token(A.id, { cookie: A.owner.cookie }, 'READ');
      return gqlAs(lp.url, as, 'mutation($id: ID!) { revokeApiToken(id: $id) }', { id: fresh.id });
    },
  },
  auditLog: {
    needs: 'ADMIN',
    run: q('query($t: ID!) { auditLog(teamId: $t) { id } }', () => ({ t: A.id })),
  },
  createTeam: { needs: 'user', run: q('mutation { createTeam(name: "Side project") { id } }') },
  // Secrets (issue 12): api.md gives setting secrets and deploy keys to ADMIN; plain settings stay DEVELOPER's.
  'updateSite (a secret env var)': {
    needs: 'ADMIN',
    run: q(
      'mutation($id: ID!) { updateSite(id: $id, input: { envVars: [{ name: "API_KEY", value: "s3cret-value", secret: true }] }) { id } }',
      () => ({ id: A.siteId }),
    ),
  },
  'updateSite (a git token)': {
    needs: 'ADMIN',
    run: q(
      'mutation($id: ID!) { updateSite(id: $id, input: { gitAuth: TOKEN, gitToken: "ghp_0123456789abcdefghij" }) { id } }',
      () => ({ id: A.siteId }),
    ),
  },
  generateDeployKey: {
    needs: 'ADMIN',
    run: q('mutation($id: ID!) { generateDeployKey(siteId: $id) { fingerprint } }', () => ({ id: A.siteId })),
  },
  forgetSshHostKey: {
    needs: 'ADMIN',
    run: q('mutation($id: ID!) { forgetSshHostKey(siteId: $id) { id } }', () => ({ id: A.siteId })),
  },
  // Notification channels (issue 13): managing them needs ADMIN on the team.
  createNotificationChannel: {
    needs: 'ADMIN',
    run: q(
      'mutation($t: ID!) { createNotificationChannel(teamId: $t, input: { kind: EMAIL, target: "ops@example.com", events: [DEPLOY_FAILED] }) { id } }',
      () => ({ t: A.id }),
    ),
  },
  updateNotificationChannel: {
    needs: 'ADMIN',
    run: q(
      'mutation($id: ID!) { updateNotificationChannel(id: $id, input: { kind: WEBHOOK, target: "http://127.0.0.1:9/other", events: [SITE_DOWN, SITE_RECOVERED] }) { id } }',
      () => ({ id: A.channelId }),
    ),
  },
  deleteNotificationChannel: {
    needs: 'ADMIN',
    run: async (as) => {
      const spare = await channel(A.id, { cookie: A.owner.cookie });
      return gqlAs(lp.url, as, 'mutation($id: ID!) { deleteNotificationChannel(id: $id) }', { id: spare });
    },
  },
  testNotificationChannel: {
    needs: 'ADMIN',
    run: q('mutation($id: ID!) { testNotificationChannel(id: $id) { id ok } }', () => ({ id: A.channelId })),
  },
};

describe('role matrix (team A)', () => {
  const rows = [
    'user OWNER',
    'user ADMIN',
    'user DEVELOPER',
    'user VIEWER',
    'token READ',
    'token DEPLOY',
    'token ADMIN',
  ];
  for (const [mutation, c] of Object.entries(CASES)) {
    it.each(rows)(`${mutation} as %s`, async (name) => {
      const p = principals.get(name)!;
      const allowed = c.needs === 'user' ? p.user : roleIncludes(p.role, c.needs);
      const code = codeOf(await c.run(p.as));
      if (allowed) expect(['FORBIDDEN', 'UNAUTHENTICATED']).not.toContain(code);
      else expect(code).toBe('FORBIDDEN');
    });
  }
});

describe('notification channels as each role reads them (issue 13)', () => {
  it.each(['user OWNER', 'user ADMIN', 'user DEVELOPER', 'user VIEWER', 'token READ', 'token ADMIN'])(
    '%s: the signing secret and the full URL to ADMIN only',
    async (name) => {
      const p = principals.get(name)!;
      const data = await ok(
        p.as,
        'query($t: ID!) { team(id: $t) { notificationChannels { id target secret } } }',
        {
          t: A.id,
        },
      );
      const c = data.team.notificationChannels.find((x: { id: string }) => x.id === A.channelId);
      if (roleIncludes(p.role, 'ADMIN')) {
        expect(c.secret).toMatch(/^[0-9a-f]{64}$/);
        expect(c.target).toMatch(/^http:\/\/127\.0\.0\.1:9\//);
      } else {
        expect(c.secret).toBeNull();
        expect(c.target).toBe('http://127.0.0.1:9/…');
      }
    },
  );
});

describe('team A never reaches team B', () => {
  const asA = () => [principals.get('user OWNER')!.as, principals.get('token ADMIN')!.as];

  it('queries answer null for B ids, lists leave B out', async () => {
    for (const as of asA()) {
      const data = await ok(
        as,
        'query($s: ID!, $slug: String!, $d: ID!, $t: ID!) { site(id: $s) { id } bySlug: site(slug: $slug) { id } deploy(id: $d) { id logs { seq } } team(id: $t) { id } sites { id } viewer { teams { id } } }',
        { s: B.siteId, slug: B.siteSlug, d: B.deployId, t: B.id },
      );
      expect(data.site).toBeNull();
      expect(data.bySlug).toBeNull();
      expect(data.deploy).toBeNull();
      expect(data.team).toBeNull();
      expect(data.sites.map((s: { id: string }) => s.id)).not.toContain(B.siteId);
      expect(data.viewer.teams.map((t: { id: string }) => t.id)).not.toContain(B.id);
    }
  });

  const B_MUTATIONS: [string, string, () => Record<string, unknown>][] = [
    [
      'updateSite',
      'mutation($id: ID!) { updateSite(id: $id, input: { name: "x" }) { id } }',
      () => ({ id: B.siteId }),
    ],
    ['deploySite', 'mutation($id: ID!) { deploySite(id: $id) { id } }', () => ({ id: B.zipSiteId })],
    ['rollback', 'mutation($id: ID!) { rollback(deployId: $id) { id } }', () => ({ id: B.deployId })],
    ['cancelDeploy', 'mutation($id: ID!) { cancelDeploy(id: $id) { id } }', () => ({ id: B.deployId })],
    ['deleteSite', 'mutation($id: ID!) { deleteSite(id: $id) }', () => ({ id: B.siteId })],
    [
      'clearBuildCache',
      'mutation($id: ID!) { clearBuildCache(siteId: $id) { id } }',
      () => ({ id: B.siteId }),
    ],
    [
      'rotateWebhookSecret',
      'mutation($id: ID!) { rotateWebhookSecret(id: $id) { id } }',
      () => ({ id: B.siteId }),
    ],
    [
      'createSite',
      'mutation($t: ID!) { createSite(input: { name: "n", sourceType: ZIP, teamId: $t }) { id } }',
      () => ({ t: B.id }),
    ],
    [
      'inviteMember',
      'mutation($t: ID!) { inviteMember(teamId: $t, email: "x@example.com", role: VIEWER) { id } }',
      () => ({ t: B.id }),
    ],
    [
      'setMemberRole',
      'mutation($t: ID!, $u: ID!) { setMemberRole(teamId: $t, userId: $u, role: VIEWER) { role } }',
      () => ({ t: B.id, u: B.owner.userId }),
    ],
    [
      'removeMember',
      'mutation($t: ID!, $u: ID!) { removeMember(teamId: $t, userId: $u) }',
      () => ({ t: B.id, u: B.owner.userId }),
    ],
    [
      'createApiToken',
      'mutation($t: ID!) { createApiToken(teamId: $t, name: "x", scope: READ) { secret } }',
      () => ({ t: B.id }),
    ],
    ['revokeApiToken', 'mutation($id: ID!) { revokeApiToken(id: $id) }', () => ({ id: B.tokenId })],
    ['auditLog', 'query($t: ID!) { auditLog(teamId: $t) { id } }', () => ({ t: B.id })],
    [
      'createNotificationChannel',
      'mutation($t: ID!) { createNotificationChannel(teamId: $t, input: { kind: EMAIL, target: "x@example.com", events: [SITE_DOWN] }) { id } }',
      () => ({ t: B.id }),
    ],
    [
      'updateNotificationChannel',
      'mutation($id: ID!) { updateNotificationChannel(id: $id, input: { kind: EMAIL, target: "x@example.com", events: [SITE_DOWN] }) { id } }',
      () => ({ id: B.channelId }),
    ],
    [
      'deleteNotificationChannel',
      'mutation($id: ID!) { deleteNotificationChannel(id: $id) }',
      () => ({ id: B.channelId }),
    ],
    [
      'testNotificationChannel',
      'mutation($id: ID!) { testNotificationChannel(id: $id) { id } }',
      () => ({ id: B.channelId }),
    ],
  ];
  it.each(B_MUTATIONS)('%s on a B id answers NOT_FOUND', async (_name, query, vars) => {
    for (const as of asA()) expect(codeOf(await gqlAs(lp.url, as, query, vars()))).toBe('NOT_FOUND');
  });

  it('subscriptions to B ids answer NOT_FOUND (site, deploy, log, notification deliveries)', async () => {
    for (const as of asA()) {
      const client = wsAs(lp.url, as);
      try {
        for (const [query, vars] of [
          ['subscription($id: ID!) { siteUpdated(id: $id) { id } }', { id: B.siteId }],
          ['subscription($id: ID!) { deployUpdated(id: $id) { id } }', { id: B.deployId }],
          ['subscription($id: ID!) { deployLog(deployId: $id) { seq } }', { id: B.deployId }],
          ['subscription($id: ID!) { notificationDeliveryUpdated(teamId: $id) { id } }', { id: B.id }],
        ] as const) {
          const r = await firstResult(client, query, vars).catch((e) => ({
            errors: [{ message: String(e) }],
          }));
          expect([query, codeOf(r as never)]).toEqual([query, 'NOT_FOUND']);
        }
      } finally {
        await client.dispose();
      }
    }
  });

  it('siteUpdated without an id yields no event of team B', async () => {
    const client = wsAs(lp.url, principals.get('user VIEWER')!.as);
    try {
      const seen: string[] = [];
      let stop = () => {};
      const first = new Promise<void>((resolve, reject) => {
        stop = client.subscribe<{ siteUpdated: { id: string } }>(
          { query: 'subscription { siteUpdated { id } }' },
          {
            next: (m) => {
              seen.push(m.data!.siteUpdated.id);
              if (m.data!.siteUpdated.id === A.siteId) resolve();
            },
            error: reject,
            complete: () => {},
          },
        );
      });
      // B's site changes first each round, then A's: the subscriber must see A's and never B's.
      let done = false;
      void first.then(() => {
        done = true;
      });
      for (let i = 0; i < 50 && !done; i++) {
        await ok(admin(), 'mutation($id: ID!) { rotateWebhookSecret(id: $id) { id } }', { id: B.siteId });
        await ok(admin(), 'mutation($id: ID!) { rotateWebhookSecret(id: $id) { id } }', { id: A.siteId });
        await new Promise((r) => setTimeout(r, 100));
      }
      await first;
      stop();
      expect(seen).not.toContain(B.siteId);
    } finally {
      await client.dispose();
    }
  });
});
