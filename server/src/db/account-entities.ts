import { EntitySchema } from '@mikro-orm/core';
import type {
  ApiToken,
  AuditEvent,
  Invitation,
  Membership,
  OidcIdentity,
  Session,
  Team,
  User,
} from '../accounts/model.js';

// Accounts (issue 11). Same conventions as entities.ts: schemas over plain interfaces, references mapped
// to the primary key so the model keeps id strings and the schema declares the foreign keys.

const reference = (entity: string, fieldName: string, deleteRule: 'cascade' | 'set null', nullable = false) =>
  ({ kind: 'm:1', entity, mapToPk: true, fieldName, deleteRule, nullable }) as const;

export const UserEntity = new EntitySchema<User>({
  name: 'User',
  tableName: 'users',
  properties: {
    id: { type: 'string', primary: true, length: 24 },
    email: { type: 'string', length: 320, unique: true },
    name: { type: 'string', length: 200, nullable: true },
    passwordHash: { type: 'string', length: 255, nullable: true },
    createdAt: { type: 'datetime' },
  },
});

export const TeamEntity = new EntitySchema<Team>({
  name: 'Team',
  tableName: 'teams',
  properties: {
    id: { type: 'string', primary: true, length: 24 },
    name: { type: 'string', length: 200 },
    slug: { type: 'string', length: 63, unique: true },
    createdAt: { type: 'datetime' },
  },
});

export const MembershipEntity = new EntitySchema<Membership>({
  name: 'Membership',
  tableName: 'memberships',
  uniques: [{ properties: ['teamId', 'userId'] }],
  properties: {
    id: { type: 'string', primary: true, length: 24 },
    // Indexed by the unique (team_id, user_id).
    teamId: { ...reference('Team', 'team_id', 'cascade'), index: false },
    userId: reference('User', 'user_id', 'cascade'),
    role: { type: 'string', length: 16 },
    createdAt: { type: 'datetime' },
  },
});

export const SessionEntity = new EntitySchema<Session>({
  name: 'Session',
  tableName: 'sessions',
  properties: {
    id: { type: 'string', primary: true, length: 64 },
    userId: reference('User', 'user_id', 'cascade'),
    createdAt: { type: 'datetime' },
    lastSeenAt: { type: 'datetime' },
    expiresAt: { type: 'datetime' },
    absoluteExpiresAt: { type: 'datetime' },
  },
});

export const ApiTokenEntity = new EntitySchema<ApiToken>({
  name: 'ApiToken',
  tableName: 'api_tokens',
  properties: {
    id: { type: 'string', primary: true, length: 24 },
    teamId: reference('Team', 'team_id', 'cascade'),
    name: { type: 'string', length: 100 },
    scope: { type: 'string', length: 8 },
    prefix: { type: 'string', length: 16 },
    secretHash: { type: 'string', length: 64, unique: true },
    createdById: reference('User', 'created_by_id', 'set null', true),
    createdAt: { type: 'datetime' },
    lastUsedAt: { type: 'datetime', nullable: true },
    expiresAt: { type: 'datetime', nullable: true },
    revokedAt: { type: 'datetime', nullable: true },
  },
});

export const InvitationEntity = new EntitySchema<Invitation>({
  name: 'Invitation',
  tableName: 'invitations',
  properties: {
    id: { type: 'string', primary: true, length: 24 },
    teamId: reference('Team', 'team_id', 'cascade'),
    email: { type: 'string', length: 320 },
    role: { type: 'string', length: 16 },
    tokenHash: { type: 'string', length: 64, unique: true },
    invitedById: reference('User', 'invited_by_id', 'set null', true),
    createdAt: { type: 'datetime' },
    expiresAt: { type: 'datetime' },
    acceptedAt: { type: 'datetime', nullable: true },
  },
});

export const AuditEventEntity = new EntitySchema<AuditEvent>({
  name: 'AuditEvent',
  tableName: 'audit_events',
  indexes: [{ properties: ['teamId', 'id'] }, { properties: ['userId', 'id'] }],
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    at: { type: 'datetime' },
    // Kept when the user or team goes: the log outlives what it describes.
    teamId: { ...reference('Team', 'team_id', 'set null', true), index: false },
    userId: { ...reference('User', 'user_id', 'set null', true), index: false },
    actor: { type: 'string', length: 400 },
    action: { type: 'string', length: 64 },
    targetType: { type: 'string', length: 32, nullable: true },
    targetId: { type: 'string', length: 64, nullable: true },
    ip: { type: 'string', length: 64, nullable: true },
    detail: { type: 'text', nullable: true },
  },
});

export const OidcIdentityEntity = new EntitySchema<OidcIdentity>({
  name: 'OidcIdentity',
  tableName: 'oidc_identities',
  uniques: [{ properties: ['provider', 'subject'] }],
  properties: {
    id: { type: 'string', primary: true, length: 24 },
    provider: { type: 'string', length: 64 },
    subject: { type: 'string', length: 255 },
    userId: reference('User', 'user_id', 'cascade'),
    createdAt: { type: 'datetime' },
  },
});

export const accountEntities = [
  UserEntity,
  TeamEntity,
  MembershipEntity,
  SessionEntity,
  ApiTokenEntity,
  InvitationEntity,
  AuditEventEntity,
  OidcIdentityEntity,
];
