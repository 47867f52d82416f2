/**
 * The seam between OpenID Connect sign-in (auth/oidc) and accounts: the OIDC side proves who someone is,
 * the accounts side decides which user that is and starts a session. Neither imports the other.
 */

/** An identity an OpenID provider vouched for: its ID token verified (issuer, audience, nonce, expiry). */
export interface VerifiedIdentity {
  /** The provider's name as listed in LAUNCHPAD_OIDC_PROVIDERS, lower case. */
  provider: string;
  /** The provider's stable `sub` for this person. */
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

/** Where the sign-in came from, for the audit log and rate limits. */
export interface SignInRequest {
  ip: string;
  /** An invitation token carried through the provider round trip, when the person followed an invite link. */
  invitation: string | null;
}

/** Why an identity cannot sign in; said to the person without revealing whether an account exists. */
export type IdentityRefusal = 'email_unverified' | 'no_account' | 'invitation_invalid' | 'rate_limited';

export type IdentitySignInResult =
  | { ok: true; /** A complete Set-Cookie header value for the new session. */ setCookie: string }
  | { ok: false; reason: IdentityRefusal };

/** Links the identity to a user (same provider+subject, else the user with the same verified e-mail, else an
 * invitation) and starts a session. Implemented by accounts; called by the OIDC callback route. */
export type IdentitySignIn = (identity: VerifiedIdentity, request: SignInRequest) => Promise<IdentitySignInResult>;
