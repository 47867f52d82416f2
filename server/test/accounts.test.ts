import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  codeOf,
  firstResult,
  gqlAs,
  invitationToken,
  SIGN_IN,
  SIGN_UP,
  sessionCookieOf,
  signUp,
  wsAs,
} from './support/accounts.js';
import { type BareApp, startBareApp } from './support/bare-app.js';
import { storedBytes } from './support/test-database.js';

const PASSWORD = 'correct horse battery';
let lp: BareApp;
let owner: { userId: string; cookie: string };
let teamId: string;

beforeAll(async () => {
  lp = await startBareApp();
  owner = await signUp(lp.url, 'Owner@Example.com', PASSWORD);
  const viewer = await gqlAs(
    lp.url,
    { cookie: owner.cookie },
    '{ viewer { user { email } teams { id slug viewerRole } } }',
  );
  teamId = viewer.data!.viewer.teams[0].id;
});
afterAll(async () => {
  await lp?.cleanup();
});

const VIEWER = '{ viewer { user { email } } }';

describe('sign-up', () => {
  it('makes the first user OWNER of the first team (the one existing sites belong to)', async () => {
    const viewer = await gqlAs(
      lp.url,
      { cookie: owner.cookie },
      '{ viewer { user { email } teams { slug viewerRole } } }',
    );
    expect(viewer.data!.viewer).toEqual({
      user: { email: 'owner@example.com' },
      teams: [{ slug: 'default', viewerRole: 'OWNER' }],
    });
  });

  it('is by invitation afterwards (LAUNCHPAD_SIGNUP=invite): a stranger is FORBIDDEN, an invitee joins with the role', async () => {
    const stranger = await gqlAs(lp.url, null, SIGN_UP, {
      email: 'stranger@example.com',
      password: PASSWORD,
    });
    expect(codeOf(stranger)).toBe('FORBIDDEN');
    const invited = await gqlAs(
      lp.url,
      { cookie: owner.cookie },
      'mutation($t: ID!) { inviteMember(teamId: $t, email: "dev@example.com", role: DEVELOPER) { url role } }',
      { t: teamId },
    );
    expect(invited.data!.inviteMember.url).toMatch(/\/invite#[A-Za-z0-9_-]{43}$/);
    const token = invitationToken(invited.data!.inviteMember.url);
    const dev = await signUp(lp.url, 'dev@example.com', PASSWORD, token);
    const viewer = await gqlAs(lp.url, { cookie: dev.cookie }, '{ viewer { teams { viewerRole } } }');
    expect(viewer.data!.viewer.teams).toEqual([{ viewerRole: 'DEVELOPER' }]);
    // One-time: the same link does not make a second account.
    const again = await gqlAs(lp.url, null, SIGN_UP, {
      email: 'x@example.com',
      password: PASSWORD,
      invitation: token,
    });
    expect(codeOf(again)).toBe('BAD_USER_INPUT');
    // The pending list no longer shows it, and never shows a link again.
    const team = await gqlAs(
      lp.url,
      { cookie: owner.cookie },
      'query($t: ID!) { team(id: $t) { invitations { email url } } }',
      { t: teamId },
    );
    expect(team.data!.team.invitations).toEqual([]);
  });

  it('refuses a short password and a malformed e-mail with BAD_USER_INPUT naming the field', async () => {
    const short = await gqlAs(lp.url, null, SIGN_UP, { email: 'a@example.com', password: 'short' });
    expect(short.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    const bad = await gqlAs(lp.url, null, SIGN_UP, { email: 'not-an-email', password: PASSWORD });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
  });
});

describe('invitations for a signed-in user', () => {
  it('invitationOffer names the team and role before acceptInvitation; a used, unknown or token-held link offers nothing', async () => {
    const created = await gqlAs(
      lp.url,
      { cookie: owner.cookie },
      'mutation { createTeam(name: "Offer team") { id } }',
    );
    const offerTeam = created.data!.createTeam.id;
    await signUpInvited('joiner@example.com');
    const joiner = await gqlAs(lp.url, null, SIGN_IN, { email: 'joiner@example.com', password: PASSWORD });
    const cookie = sessionCookieOf(joiner);
    const invited = await gqlAs(
      lp.url,
      { cookie: owner.cookie },
      'mutation($t: ID!) { inviteMember(teamId: $t, email: "joiner@example.com", role: ADMIN) { url } }',
      { t: offerTeam },
    );
    const token = invitationToken(invited.data!.inviteMember.url);
    const OFFER = 'query($t: String!) { invitationOffer(token: $t) { teamName role member } }';

    const offer = await gqlAs(lp.url, { cookie }, OFFER, { t: token });
    expect(offer.data!.invitationOffer).toEqual({ teamName: 'Offer team', role: 'ADMIN', member: false });
    // Only a signed-in user can accept, so only one is told: not a script with the admin token.
    expect(codeOf(await gqlAs(lp.url, { token: lp.token }, OFFER, { t: token }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gqlAs(lp.url, null, OFFER, { t: token }))).toBe('UNAUTHENTICATED');
    const unknown = await gqlAs(lp.url, { cookie }, OFFER, { t: `${token.slice(0, -2)}xx` });
    expect(unknown.data!.invitationOffer).toBeNull();

    const accepted = await gqlAs(
      lp.url,
      { cookie },
      'mutation($t: String!) { acceptInvitation(token: $t) { id name } }',
      { t: token },
    );
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptInvitation).toEqual({ id: offerTeam, name: 'Offer team' });
    const teams = await gqlAs(lp.url, { cookie }, '{ viewer { teams { name viewerRole } } }');
    expect(teams.data!.viewer.teams).toContainEqual({ name: 'Offer team', viewerRole: 'ADMIN' });
    const used = await gqlAs(lp.url, { cookie }, OFFER, { t: token });
    expect(used.data!.invitationOffer).toBeNull();
  });

  it("a team just joined or created answers the caller's role in the same request (the principal follows the join)", async () => {
    const created = await gqlAs(
      lp.url,
      { cookie: owner.cookie },
      'mutation { createTeam(name: "Same request") { id viewerRole sites { id } } }',
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createTeam).toMatchObject({ viewerRole: 'OWNER', sites: [] });
    await signUpInvited('same-request@example.com');
    const joiner = await gqlAs(lp.url, null, SIGN_IN, {
      email: 'same-request@example.com',
      password: PASSWORD,
    });
    const invited = await gqlAs(
      lp.url,
      { cookie: owner.cookie },
      'mutation($t: ID!) { inviteMember(teamId: $t, email: "same-request@example.com", role: VIEWER) { url } }',
      { t: created.data!.createTeam.id },
    );
    const accepted = await gqlAs(
      lp.url,
      { cookie: sessionCookieOf(joiner) },
      'mutation($t: String!) { acceptInvitation(token: $t) { name viewerRole } }',
      { t: invitationToken(invited.data!.inviteMember.url) },
    );
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptInvitation).toEqual({ name: 'Same request', viewerRole: 'VIEWER' });
  });
});

describe('sessions', () => {
  it('set a cookie that is HttpOnly, SameSite=Lax, not Secure over http, and rotated at each sign-in', async () => {
    const first = await gqlAs(lp.url, null, SIGN_IN, { email: 'owner@example.com', password: PASSWORD });
    const header = first.setCookie.find((c) => c.startsWith('launchpad_session='))!;
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; SameSite=Lax/);
    expect(header).toMatch(/; Path=\//);
    expect(header).not.toMatch(/Secure/);
    const cookie = sessionCookieOf(first);
    // Signing in again with that cookie replaces it: the old one stops working (no session fixation).
    const second = await gqlAs(lp.url, { cookie }, SIGN_IN, {
      email: 'owner@example.com',
      password: PASSWORD,
    });
    expect(sessionCookieOf(second)).not.toBe(cookie);
    expect(codeOf(await gqlAs(lp.url, { cookie }, VIEWER))).toBe('UNAUTHENTICATED');
    expect((await gqlAs(lp.url, { cookie: sessionCookieOf(second) }, VIEWER)).data).toBeTruthy();
  });

  it('sign-out everywhere ends every other session; sign-out ends its own', async () => {
    const signIn = async () =>
      sessionCookieOf(await gqlAs(lp.url, null, SIGN_IN, { email: 'owner@example.com', password: PASSWORD }));
    const [a, b, c] = [await signIn(), await signIn(), await signIn()];
    const ended = await gqlAs(lp.url, { cookie: a }, 'mutation { signOutEverywhere }');
    expect(ended.data).toEqual({ signOutEverywhere: true });
    expect(codeOf(await gqlAs(lp.url, { cookie: b }, VIEWER))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gqlAs(lp.url, { cookie: c }, VIEWER))).toBe('UNAUTHENTICATED');
    expect((await gqlAs(lp.url, { cookie: a }, VIEWER)).data?.viewer.user.email).toBe('owner@example.com');
    const out = await gqlAs(lp.url, { cookie: a }, 'mutation { signOut }');
    expect(out.setCookie.some((h) => /^launchpad_session=;.*Max-Age=0/.test(h))).toBe(true);
    expect(codeOf(await gqlAs(lp.url, { cookie: a }, VIEWER))).toBe('UNAUTHENTICATED');
    owner.cookie = await signIn(); // the suite's own session ended with the others
  });

  it('refuse an expired session (sliding expiry passed), and one past its absolute end', async () => {
    const signIn = async () =>
      sessionCookieOf(await gqlAs(lp.url, null, SIGN_IN, { email: 'owner@example.com', password: PASSWORD }));
    const sliding = await signIn();
    const absolute = await signIn();
    const conn = lp.app.orm.em.getConnection();
    const { secretHash } = await import('../src/accounts/secrets.js');
    const idOf = (cookie: string) => secretHash(cookie.split('=')[1]!);
    // A Date binds as what the driver stores (milliseconds on SQLite, a timestamp on PostgreSQL).
    const past = new Date(Date.now() - 1000);
    await conn.execute('update sessions set expires_at = ? where id = ?', [past, idOf(sliding)]);
    await conn.execute('update sessions set absolute_expires_at = ? where id = ?', [past, idOf(absolute)]);
    expect(codeOf(await gqlAs(lp.url, { cookie: sliding }, VIEWER))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gqlAs(lp.url, { cookie: absolute }, VIEWER))).toBe('UNAUTHENTICATED');
  });

  it('CSRF: a cookie sent from another origin (a hosted site, same-site with the dashboard) counts for nothing', async () => {
    const cookie = owner.cookie;
    const forged = await gqlAs(
      lp.url,
      { cookie },
      'mutation($t: ID!) { createApiToken(teamId: $t, name: "stolen", scope: ADMIN) { secret } }',
      { t: teamId },
      'http://evil-site.localhost',
    );
    expect(codeOf(forged)).toBe('UNAUTHENTICATED');
    expect(forged.status).toBe(401);
    // Without any Origin (not what a browser sends with a POST) the cookie does not count either.
    expect(codeOf(await gqlAs(lp.url, { cookie }, VIEWER, {}, null))).toBe('UNAUTHENTICATED');
    // And a cross-origin WebSocket handshake carrying the cookie gets no principal.
    const client = wsAs(lp.url, { cookie }, 'http://evil-site.localhost');
    try {
      expect(codeOf(await firstResult(client, VIEWER))).toBe('UNAUTHENTICATED');
    } finally {
      await client.dispose();
    }
    const same = wsAs(lp.url, { cookie });
    try {
      expect((await firstResult(same, VIEWER)).data).toEqual({
        viewer: { user: { email: 'owner@example.com' } },
      });
    } finally {
      await same.dispose();
    }
  });
});

describe('sign-in', () => {
  it('says the same for an unknown e-mail and a wrong password, and audits both', async () => {
    const unknown = await gqlAs(lp.url, null, SIGN_IN, { email: 'nobody@example.com', password: PASSWORD });
    const wrong = await gqlAs(lp.url, null, SIGN_IN, {
      email: 'dev@example.com',
      password: 'wrong password!',
    });
    expect(unknown.errors?.[0]).toMatchObject({
      message: wrong.errors?.[0]?.message,
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const log = await gqlAs(
      lp.url,
      { cookie: owner.cookie },
      'query($t: ID!) { auditLog(teamId: $t, first: 100) { action actor detail } }',
      { t: teamId },
    );
    expect(log.errors).toBeUndefined();
    const actions = log.data!.auditLog as { action: string; actor: string; detail: string | null }[];
    expect(actions).toContainEqual({
      action: 'auth.signin_failed',
      actor: 'anonymous:dev@example.com',
      detail: 'bad_credentials',
    });
    expect(actions.some((a) => a.action === 'auth.signin' && a.actor === 'user:owner@example.com')).toBe(
      true,
    );
    expect(actions.some((a) => a.action === 'member.invite')).toBe(true);
  });

  it('30 wrong passwords: RATE_LIMITED before the 30th, the right one then waits too, another account is not locked', async () => {
    await signUpInvited('victim@example.com');
    await signUpInvited('bystander@example.com');
    let firstLimited = -1;
    let retryAfter = 0;
    for (let i = 0; i < 30; i++) {
      const answer = await gqlAs(lp.url, null, SIGN_IN, {
        email: 'victim@example.com',
        password: `wrong ${i} password`,
      });
      if (codeOf(answer) === 'RATE_LIMITED') {
        if (firstLimited < 0) firstLimited = i;
        retryAfter = (answer.errors![0]!.extensions as { retryAfter: number }).retryAfter;
      } else {
        expect(codeOf(answer)).toBe('UNAUTHENTICATED');
      }
    }
    expect(firstLimited).toBeGreaterThanOrEqual(0);
    expect(firstLimited).toBeLessThan(29);
    expect(retryAfter).toBeGreaterThan(0);
    const right = await gqlAs(lp.url, null, SIGN_IN, { email: 'victim@example.com', password: PASSWORD });
    expect(codeOf(right)).toBe('RATE_LIMITED');
    expect(right.errors![0]!.extensions).toMatchObject({ retryAfter: expect.any(Number) });
    expect(right.setCookie).toEqual([]);
    const other = await gqlAs(lp.url, null, SIGN_IN, { email: 'bystander@example.com', password: PASSWORD });
    expect(other.errors).toBeUndefined();
    expect(other.data).toEqual({ signIn: { id: expect.any(String), email: 'bystander@example.com' } });
  });
});

describe('API tokens', () => {
  it('work over HTTP and graphql-ws, record lastUsedAt, and stop at once when revoked (an open socket too)', async () => {
    const created = await gqlAs(
      lp.url,
      { cookie: owner.cookie },
      'mutation($t: ID!) { createApiToken(teamId: $t, name: "ci", scope: DEPLOY, expiresInDays: 30) { secret token { id prefix scope lastUsedAt expiresAt } } }',
      { t: teamId },
    );
    const { secret, token } = created.data!.createApiToken;
    expect(secret).toMatch(/^lp_pat_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(token.prefix)).toBe(true);
    expect(token.lastUsedAt).toBeNull();
    expect(new Date(token.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600_000);

    const sites = await gqlAs(
      lp.url,
      { token: secret },
      '{ sites { id } viewer { user { id } teams { id viewerRole } } }',
    );
    expect(sites.errors).toBeUndefined();
    expect(sites.data!.viewer).toEqual({ user: null, teams: [{ id: teamId, viewerRole: 'DEVELOPER' }] });
    const listed = await gqlAs(
      lp.url,
      { cookie: owner.cookie },
      'query($t: ID!) { team(id: $t) { tokens { id lastUsedAt } } }',
      { t: teamId },
    );
    const row = listed.data!.team.tokens.find((t: { id: string }) => t.id === token.id);
    expect(row.lastUsedAt).not.toBeNull();

    const client = wsAs(lp.url, { token: secret });
    try {
      expect((await firstResult(client, '{ viewer { teams { id } } }')).data).toEqual({
        viewer: { teams: [{ id: teamId }] },
      });
      const revoked = await gqlAs(
        lp.url,
        { cookie: owner.cookie },
        'mutation($id: ID!) { revokeApiToken(id: $id) }',
        { id: token.id },
      );
      expect(revoked.data).toEqual({ revokeApiToken: token.id });
      expect(codeOf(await gqlAs(lp.url, { token: secret }, '{ sites { id } }'))).toBe('UNAUTHENTICATED');
      expect(codeOf(await firstResult(client, '{ sites { id } }'))).toBe('UNAUTHENTICATED');
    } finally {
      await client.dispose();
    }
  });

  it('an expired token is refused', async () => {
    const created = await gqlAs(
      lp.url,
      { cookie: owner.cookie },
      'mutation($t: ID!) { createApiToken(teamId: $t, name: "short", scope: READ, expiresInDays: 1) { secret token { id } } }',
      { t: teamId },
    );
    const { secret, token } = created.data!.createApiToken;
    await lp.app.orm.em
      .getConnection()
      .execute('update api_tokens set expires_at = ? where id = ?', [new Date(Date.now() - 1), token.id]);
    expect(codeOf(await gqlAs(lp.url, { token: secret }, '{ sites { id } }'))).toBe('UNAUTHENTICATED');
  });
});

describe('secrets at rest', () => {
  it('the database holds no session cookie, API token or invitation token in clear', async () => {
    const session = owner.cookie.split('=')[1]!;
    const token = (
      await gqlAs(
        lp.url,
        { cookie: owner.cookie },
        'mutation($t: ID!) { createApiToken(teamId: $t, name: "rest", scope: READ) { secret } }',
        { t: teamId },
      )
    ).data!.createApiToken.secret as string;
    const link = (
      await gqlAs(
        lp.url,
        { cookie: owner.cookie },
        'mutation($t: ID!) { inviteMember(teamId: $t, email: "rest@example.com", role: VIEWER) { url } }',
        { t: teamId },
      )
    ).data!.inviteMember.url as string;
    const bytes = await storedBytes(lp.app.orm, lp.app.data.root);
    for (const secret of [session, token, token.slice(7), invitationToken(link)]) {
      expect(bytes.includes(Buffer.from(secret))).toBe(false);
    }
    // What is stored is the hash, so the lookups above worked through it.
    const { secretHash } = await import('../src/accounts/secrets.js');
    expect(bytes.includes(Buffer.from(secretHash(token)))).toBe(true);
  });
});

describe('requests without a principal', () => {
  it('may send only sign-up/sign-in sized JSON: other operations, uploads and large bodies are refused unread', async () => {
    expect(codeOf(await gqlAs(lp.url, null, '{ sites { id } }'))).toBe('UNAUTHENTICATED');
    expect(
      codeOf(
        await gqlAs(
          lp.url,
          null,
          'mutation { signIn(email: "a@b.co", password: "x") { id } createTeam(name: "x") { id } }',
        ),
      ),
    ).toBe('UNAUTHENTICATED');
    const big = await fetch(`${lp.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: SIGN_IN, variables: { email: 'a@b.co', password: 'x'.repeat(20_000) } }),
    });
    expect(big.status).toBe(401);
  });
});

async function signUpInvited(email: string): Promise<void> {
  const invited = await gqlAs(
    lp.url,
    { cookie: owner.cookie },
    'mutation($t: ID!, $e: String!) { inviteMember(teamId: $t, email: $e, role: VIEWER) { url } }',
    { t: teamId, e: email },
  );
  await signUp(lp.url, email, PASSWORD, invitationToken(invited.data!.inviteMember.url));
}
