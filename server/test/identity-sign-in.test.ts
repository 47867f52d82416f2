import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerifiedIdentity } from '../src/auth/identity.js';
import { gqlAs, invitationToken, signUp } from './support/accounts.js';
import { type BareApp, startBareApp } from './support/bare-app.js';

// The accounts side of the OIDC seam (auth/identity.ts), driven with hand-made verified identities: the
// OIDC module proves who someone is; this decides which user that is and starts the session.

const PASSWORD = 'correct horse battery';
let lp: BareApp;
let owner: { userId: string; cookie: string };
let teamId: string;
const request = { ip: '127.0.0.1', invitation: null };
const identity = (over: Partial<VerifiedIdentity>): VerifiedIdentity => ({
  provider: 'test',
  subject: 'sub-1',
  email: null,
  emailVerified: false,
  name: null,
  ...over,
});

beforeAll(async () => {
  lp = await startBareApp();
  owner = await signUp(lp.url, 'owner@example.com', PASSWORD);
  teamId = (await gqlAs(lp.url, { cookie: owner.cookie }, '{ viewer { teams { id } } }')).data!.viewer
    .teams[0].id;
});
afterAll(async () => {
  await lp?.cleanup();
});

/** The e-mail of the user a Set-Cookie value signs in. */
async function whoIs(setCookie: string): Promise<string | undefined> {
  const cookie = setCookie.split(';')[0]!;
  expect(setCookie).toMatch(/HttpOnly; SameSite=Lax/);
  return (await gqlAs(lp.url, { cookie }, '{ viewer { user { email } } }')).data?.viewer.user.email;
}

describe('identity sign-in (the OIDC seam)', () => {
  it('refuses an identity that matches nobody, without saying more than no_account', async () => {
    const result = await lp.app.identitySignIn(
      identity({ subject: 'nobody', email: 'nobody@example.com', emailVerified: true }),
      request,
    );
    expect(result).toEqual({ ok: false, reason: 'no_account' });
    const audited = await lp.app.orm.em
      .getConnection()
      .execute("select actor, action, detail, ip from audit_events where action = 'auth.signin_failed'");
    expect(audited).toContainEqual({
      actor: 'oidc:test:nobody@example.com',
      action: 'auth.signin_failed',
      detail: 'no_account',
      ip: '127.0.0.1',
    });
  });

  it('does not link by an e-mail the provider has not verified', async () => {
    const result = await lp.app.identitySignIn(
      identity({ subject: 'sly', email: 'owner@example.com', emailVerified: false }),
      request,
    );
    expect(result).toEqual({ ok: false, reason: 'email_unverified' });
  });

  it('links by verified e-mail, then by provider+subject alone (the e-mail may change at the provider)', async () => {
    const first = await lp.app.identitySignIn(
      identity({ subject: 'owner-sub', email: 'OWNER@example.com', emailVerified: true }),
      request,
    );
    expect(first.ok).toBe(true);
    expect(await whoIs((first as { setCookie: string }).setCookie)).toBe('owner@example.com');
    const again = await lp.app.identitySignIn(
      identity({ subject: 'owner-sub', email: 'renamed@example.com', emailVerified: false }),
      request,
    );
    expect(again.ok).toBe(true);
    expect(await whoIs((again as { setCookie: string }).setCookie)).toBe('owner@example.com');
  });

  it('makes a new member through an invitation, once', async () => {
    const invited = await gqlAs(
      lp.url,
      { cookie: owner.cookie },
      'mutation($t: ID!) { inviteMember(teamId: $t, email: "new@example.com", role: DEVELOPER) { url } }',
      { t: teamId },
    );
    const token = invitationToken(invited.data!.inviteMember.url);
    const who = identity({ subject: 'new-sub', email: 'new@example.com', emailVerified: true, name: 'New' });
    const result = await lp.app.identitySignIn(who, { ...request, invitation: token });
    expect(result.ok).toBe(true);
    const cookie = (result as { setCookie: string }).setCookie.split(';')[0]!;
    const viewer = await gqlAs(
      lp.url,
      { cookie },
      '{ viewer { user { email name } teams { id viewerRole } } }',
    );
    expect(viewer.data!.viewer).toEqual({
      user: { email: 'new@example.com', name: 'New' },
      teams: [{ id: teamId, viewerRole: 'DEVELOPER' }],
    });
    const reused = await lp.app.identitySignIn(
      identity({ subject: 'other-sub', email: 'x@example.com', emailVerified: true }),
      {
        ...request,
        invitation: token,
      },
    );
    expect(reused).toEqual({ ok: false, reason: 'invitation_invalid' });
  });
});
