import type { Role } from '../domain/principal.js';

/**
 * The persisted shapes of accounts (api.md, "Accounts, teams, tokens"). Secrets never appear here in clear:
 * sessions, API tokens and invitations keep only the SHA-256 of their random secret (they are 256-bit
 * random values, so a fast hash is enough; passwords, which people choose, get Argon2id).
 */
export interface User {
  id: string;
  /** Lower-cased at the edge: one account per address, whatever its case. */
  email: string;
  name: string | null;
  /** Argon2id PHC string; null for a user who only signs in through OpenID Connect. */
  passwordHash: string | null;
  createdAt: Date;
}

export interface Team {
  id: string;
  name: string;
  slug: string;
  createdAt: Date;
}

export interface Membership {
  id: string;
  teamId: string;
  userId: string;
  role: Role;
  createdAt: Date;
}

export interface Session {
  /** SHA-256 (hex) of the cookie's secret: the cookie cannot be rebuilt from the database. */
  id: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  /** Sliding: moves forward with use, never past `absoluteExpiresAt`. */
  expiresAt: Date;
  absoluteExpiresAt: Date;
}

export const TOKEN_SCOPES = ['READ', 'DEPLOY', 'ADMIN'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export interface ApiToken {
  id: string;
  teamId: string;
  name: string;
  scope: TokenScope;
  /** The first characters of the secret, shown so a user can tell tokens apart. */
  prefix: string;
  /** SHA-256 (hex) of the whole secret. */
  secretHash: string;
  createdById: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export interface Invitation {
  id: string;
  teamId: string;
  email: string;
  role: Role;
  /** SHA-256 (hex) of the one-time token in the link. */
  tokenHash: string;
  invitedById: string | null;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
}

export interface AuditEvent {
  id?: number;
  at: Date;
  /** The team the action touched; null for sign-ins, which belong to a user. */
  teamId: string | null;
  /** The user who acted or tried to sign in, when known. */
  userId: string | null;
  /** Who acted, as shown: `user:<email>`, `token:<prefix>`, `admin`, `webhook`. */
  actor: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  detail: string | null;
}

export interface OidcIdentity {
  id: string;
  provider: string;
  subject: string;
  userId: string;
  createdAt: Date;
}
