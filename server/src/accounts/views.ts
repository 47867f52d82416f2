import type { EntityManager } from '@mikro-orm/knex';
import DataLoader from 'dataloader';
import {
  ApiTokenEntity,
  AuditEventEntity,
  InvitationEntity,
  MembershipEntity,
  TeamEntity,
  UserEntity,
} from '../db/account-entities.js';
import type { Site } from '../domain/model.js';
import type { Role } from '../domain/principal.js';
import { batchOnly, byId, unique } from '../services/batch.js';
import { type Caller, requireRole, roleOn, teamIds } from '../services/scope.js';
import type { ApiToken, AuditEvent, Invitation, Team, User } from './model.js';

export interface MemberView {
  user: User;
  role: Role;
  joinedAt: Date;
}

/** Longest page of audit events. */
export const MAX_AUDIT_PAGE = 100;

/** What the API reads of accounts, for one caller; scoped like every other read (services/scope.ts). */
export class AccountReads {
  /** Teams of sites the caller sees: a list of sites asking each for its team is one query. */
  private readonly teamsById: DataLoader<string, Team | null>;

  constructor(private readonly caller: Caller) {
    this.teamsById = new DataLoader(
      (ids) =>
        caller.em
          .find(TeamEntity, { id: { $in: unique(ids) } }, { disableIdentityMap: true })
          .then((rows) => byId(ids, rows)),
      batchOnly(),
    );
  }

  private get em(): EntityManager {
    return this.caller.em;
  }

  async viewerUser(): Promise<User | null> {
    const p = this.caller.principal;
    return p?.kind === 'user' ? this.em.findOne(UserEntity, { id: p.userId }) : null;
  }

  /** The caller's teams (every team for the admin token), oldest first. */
  teams(): Promise<Team[]> {
    const ids = teamIds(this.caller.principal);
    return this.em.find(TeamEntity, ids === null ? {} : { id: { $in: ids } }, {
      orderBy: { createdAt: 'asc' },
    });
  }

  /** A team the caller belongs to, or null (another team's id looks like none). */
  async team(id: string): Promise<Team | null> {
    if (roleOn(this.caller.principal, id) === null) return null;
    return this.em.findOne(TeamEntity, { id });
  }

  viewerRole(team: Pick<Team, 'id'>): Role {
    return requireRole(this.caller.principal, team.id, 'VIEWER');
  }

  async members(team: Pick<Team, 'id'>): Promise<MemberView[]> {
    requireRole(this.caller.principal, team.id, 'VIEWER');
    const rows = await this.em.find(MembershipEntity, { teamId: team.id }, { orderBy: { createdAt: 'asc' } });
    const users = await this.em.find(UserEntity, { id: { $in: rows.map((r) => r.userId) } });
    const byId = new Map(users.map((u) => [u.id, u]));
    return rows.flatMap((r) => {
      const user = byId.get(r.userId);
      return user ? [{ user, role: r.role, joinedAt: r.createdAt }] : [];
    });
  }

  /** Pending invitations (ADMIN): their links are never shown again. */
  invitations(team: Pick<Team, 'id'>): Promise<Invitation[]> {
    requireRole(this.caller.principal, team.id, 'ADMIN');
    return this.em.find(
      InvitationEntity,
      { teamId: team.id, acceptedAt: null, expiresAt: { $gt: new Date() } },
      { orderBy: { createdAt: 'desc' } },
    );
  }

  /** Tokens not revoked (ADMIN). */
  tokens(team: Pick<Team, 'id'>): Promise<ApiToken[]> {
    requireRole(this.caller.principal, team.id, 'ADMIN');
    return this.em.find(
      ApiTokenEntity,
      { teamId: team.id, revokedAt: null },
      { orderBy: { createdAt: 'desc' } },
    );
  }

  /**
   * The team of a site the caller sees. Every site has one (the accounts migration gave the older ones the
   * first team, and new ones name theirs); a row without one is a broken invariant, not a user error.
   */
  async siteTeam(site: Pick<Site, 'id' | 'teamId'>): Promise<Team> {
    const team = site.teamId ? await this.teamsById.load(site.teamId) : null;
    if (!team) throw new Error(`site ${site.id} has no team`);
    return team;
  }

  /**
   * Newest first (ADMIN): the team's events, and the sign-ins of its current members (a sign-in belongs to
   * a user, not a team).
   */
  async auditLog(teamId: string, first: number, before: string | null): Promise<AuditEvent[]> {
    requireRole(this.caller.principal, teamId, 'ADMIN');
    const members = await this.em.find(MembershipEntity, { teamId });
    const beforeId = before !== null && /^\d+$/.test(before) ? Number(before) : null;
    return this.em.find(
      AuditEventEntity,
      {
        $and: [
          { $or: [{ teamId }, { teamId: null, userId: { $in: members.map((m) => m.userId) } }] },
          ...(beforeId !== null ? [{ id: { $lt: beforeId } }] : []),
        ],
      },
      { orderBy: { id: 'desc' }, limit: Math.max(0, Math.min(first, MAX_AUDIT_PAGE)) },
    );
  }
}
