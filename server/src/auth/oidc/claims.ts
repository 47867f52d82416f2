import type { VerifiedIdentity } from '../identity.js';

/** Claims as a provider sends them: untyped JSON, only `sub` guaranteed by the library's checks. */
export type Claims = Record<string, unknown>;

const MAX_EMAIL = 254; // RFC 5321's path limit
const MAX_NAME = 200;

/**
 * The identity Launchpad takes from a verified ID token (and the UserInfo answer, when the token left the
 * profile claims there). Only a boolean `email_verified: true` counts as verified: a missing claim, a
 * string, or an e-mail that is not one means the e-mail may not link an account.
 */
export function identityFromClaims(
  provider: string,
  idToken: Claims,
  userInfo: Claims | null,
): VerifiedIdentity {
  const claim = (name: string) => idToken[name] ?? userInfo?.[name];
  const rawEmail = claim('email');
  const email =
    typeof rawEmail === 'string' && rawEmail.length <= MAX_EMAIL && /^[^\s@]+@[^\s@]+$/.test(rawEmail.trim())
      ? rawEmail.trim()
      : null;
  // The verification flag must come from the same source as the e-mail it vouches for.
  const source = idToken.email !== undefined ? idToken : userInfo;
  const rawName = claim('name');
  const name = typeof rawName === 'string' && rawName.trim() ? rawName.trim().slice(0, MAX_NAME) : null;
  return {
    provider,
    subject: String(idToken.sub),
    email,
    emailVerified: email !== null && source?.email_verified === true,
    name,
  };
}

/** True when the ID token lacks the e-mail and the UserInfo endpoint should be asked for it. */
export function needsUserInfo(idToken: Claims): boolean {
  return typeof idToken.email !== 'string';
}
