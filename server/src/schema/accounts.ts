import type { ApiToken, AuditEvent, Invitation, Team, User } from '../accounts/model.js';
import { TOKEN_SCOPES } from '../accounts/model.js';
import type { MemberView } from '../accounts/views.js';
import { UserEntity } from '../db/account-entities.js';
import { ROLES } from '../domain/principal.js';
import { requireRole } from '../services/scope.js';
import { builder } from './builder.js';
import { SiteRef } from './refs.js';
import { selectedPage, selectedProperties, uses } from './selection.js';
import { siteWindow, siteWindowArgs } from './site-window.js';

// Accounts, teams, tokens (api.md). Who may do what is decided per team by the services (another team's
// id is NOT_FOUND, too small a role FORBIDDEN); the fields here only require a principal where one is needed.

const AUTHENTICATED = { authenticated: true } as const;

export const RoleEnum = builder.enumType('Role', { values: ROLES });
export const TokenScopeEnum = builder.enumType('TokenScope', { values: TOKEN_SCOPES });

const UserRef = builder.objectRef<User>('User').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    email: t.exposeString('email'),
    name: t.exposeString('name', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const MemberRef = builder.objectRef<MemberView>('Member').implement({
  fields: (t) => ({
    user: t.field({ type: UserRef, resolve: (m) => m.user }),
    role: t.expose('role', { type: RoleEnum }),
    joinedAt: t.expose('joinedAt', { type: 'DateTime' }),
  }),
});

const InvitationRef = builder.objectRef<Invitation & { url?: string }>('Invitation').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    email: t.exposeString('email'),
    role: t.expose('role', { type: RoleEnum }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    url: t.string({
      nullable: true,
      description: 'The link that accepts the invitation: only in the answer to inviteMember, once',
      resolve: (i) => i.url ?? null,
    }),
  }),
});

const ApiTokenRef = builder.objectRef<ApiToken>('ApiToken').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    scope: t.expose('scope', { type: TokenScopeEnum }),
    prefix: t.exposeString('prefix', { description: 'The first characters of the secret' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
  }),
});

const CreatedApiTokenRef = builder
  .objectRef<{ token: ApiToken; secret: string }>('CreatedApiToken')
  .implement({
    fields: (t) => ({
      token: t.field({ type: ApiTokenRef, resolve: (c) => c.token }),
      secret: t.exposeString('secret', { description: 'Shown this once; only its hash is stored' }),
    }),
  });

export const TeamRef = builder.objectRef<Team>('Team').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    slug: t.exposeString('slug'),
    viewerRole: t.field({ type: RoleEnum, resolve: (team, _a, ctx) => ctx.accountReads.viewerRole(team) }),
    members: t.field({ type: [MemberRef], resolve: (team, _a, ctx) => ctx.accountReads.members(team) }),
    invitations: t.field({
      type: [InvitationRef],
      description: 'Pending invitations (ADMIN)',
      resolve: (team, _a, ctx) => ctx.accountReads.invitations(team),
    }),
    tokens: t.field({
      type: [ApiTokenRef],
      description: 'API tokens not revoked (ADMIN)',
      resolve: (team, _a, ctx) => ctx.accountReads.tokens(team),
    }),
    // The dashboard's Sites page for a signed-in user: the same batched, column-selecting read as `sites`.
    sites: t.field({
      type: [SiteRef],
      description: "Newest first: the team's sites, or a page of them",
      args: siteWindowArgs(t.arg),
      resolve: (team, args, ctx, info) => {
        requireRole(ctx.caller.principal, team.id, 'VIEWER');
        const list = { ...siteWindow(args), teamId: team.id };
        return ctx.reads.sites(selectedProperties(info), selectedPage(info, 'deploys'), list);
      },
    }),
  }),
});

const AuditEventRef = builder.objectRef<AuditEvent>('AuditEvent').implement({
  fields: (t) => ({
    id: t.id({ resolve: (e) => String(e.id) }),
    at: t.expose('at', { type: 'DateTime' }),
    actor: t.exposeString('actor'),
    action: t.exposeString('action'),
    targetType: t.exposeString('targetType', { nullable: true }),
    targetId: t.exposeID('targetId', { nullable: true }),
    ip: t.exposeString('ip', { nullable: true }),
    detail: t.exposeString('detail', { nullable: true }),
  }),
});

const ViewerRef = builder.objectRef<Record<string, never>>('Viewer').implement({
  fields: (t) => ({
    user: t.field({
      type: UserRef,
      nullable: true,
      description: 'Null for the admin token and API tokens',
      resolve: (_v, _a, ctx) => ctx.accountReads.viewerUser(),
    }),
    teams: t.field({ type: [TeamRef], resolve: (_v, _a, ctx) => ctx.accountReads.teams() }),
  }),
});

builder.objectField(SiteRef, 'team', (t) =>
  t.field({
    type: TeamRef,
    description: 'The team that owns the site',
    extensions: uses('teamId'),
    resolve: (site, _a, ctx) => ctx.accountReads.siteTeam(site),
  }),
);

builder.queryFields((t) => ({
  viewer: t.field({ type: ViewerRef, authScopes: AUTHENTICATED, resolve: () => ({}) }),
  team: t.field({
    type: TeamRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    authScopes: AUTHENTICATED,
    resolve: (_r, { id }, ctx) => ctx.accountReads.team(String(id)),
  }),
  auditLog: t.field({
    type: [AuditEventRef],
    description: 'Newest first (ADMIN); `before` is the id of the last event of the previous page',
    args: {
      teamId: t.arg.id({ required: true }),
      first: t.arg.int({ defaultValue: 50 }),
      before: t.arg.id(),
    },
    authScopes: AUTHENTICATED,
    resolve: (_r, { teamId, first, before }, ctx) =>
      ctx.accountReads.auditLog(String(teamId), first ?? 50, before == null ? null : String(before)),
  }),
}));

builder.mutationFields((t) => ({
  signUp: t.field({
    type: UserRef,
    description: 'Creates an account and signs it in (session cookie)',
    args: {
      email: t.arg.string({ required: true }),
      password: t.arg.string({ required: true }),
      name: t.arg.string(),
      invitation: t.arg.string({ description: 'The token of an invitation link' }),
    },
    resolve: (_r, args, ctx) => ctx.accounts.signIn.signUp(ctx.caller.em, ctx.request, args),
  }),
  signIn: t.field({
    type: UserRef,
    args: { email: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: (_r, args, ctx) => ctx.accounts.signIn.signIn(ctx.caller.em, ctx.request, args),
  }),
  signOut: t.boolean({
    resolve: (_r, _a, ctx) => ctx.accounts.signIn.signOut(ctx.caller.em, ctx.principal, ctx.request),
  }),
  signOutEverywhere: t.boolean({
    description: 'Ends every other session of the signed-in user',
    authScopes: AUTHENTICATED,
    resolve: (_r, _a, ctx) => ctx.accounts.signIn.signOutEverywhere(ctx.caller.em, ctx.principal),
  }),
  changePassword: t.boolean({
    description: 'Also ends every other session',
    args: { current: t.arg.string({ required: true }), next: t.arg.string({ required: true }) },
    authScopes: AUTHENTICATED,
    resolve: (_r, args, ctx) =>
      ctx.accounts.signIn.changePassword(ctx.caller.em, ctx.principal, ctx.request, args),
  }),
  createTeam: t.field({
    type: TeamRef,
    args: { name: t.arg.string({ required: true }) },
    authScopes: AUTHENTICATED,
    resolve: (_r, { name }, ctx) => ctx.accounts.teams.createTeam(ctx.caller, name),
  }),
  inviteMember: t.field({
    type: InvitationRef,
    args: {
      teamId: t.arg.id({ required: true }),
      email: t.arg.string({ required: true }),
      role: t.arg({ type: RoleEnum, required: true }),
    },
    authScopes: AUTHENTICATED,
    resolve: (_r, { teamId, email, role }, ctx) =>
      ctx.accounts.teams.invite(ctx.caller, { teamId: String(teamId), email, role }),
  }),
  acceptInvitation: t.field({
    type: TeamRef,
    args: { token: t.arg.string({ required: true }) },
    authScopes: AUTHENTICATED,
    resolve: (_r, { token }, ctx) => ctx.accounts.teams.accept(ctx.caller, ctx.accounts.signIn, token),
  }),
  setMemberRole: t.field({
    type: MemberRef,
    args: {
      teamId: t.arg.id({ required: true }),
      userId: t.arg.id({ required: true }),
      role: t.arg({ type: RoleEnum, required: true }),
    },
    authScopes: AUTHENTICATED,
    resolve: async (_r, { teamId, userId, role }, ctx) => {
      const m = await ctx.accounts.teams.setRole(ctx.caller, {
        teamId: String(teamId),
        userId: String(userId),
        role,
      });
      const user = await ctx.caller.em.findOneOrFail(UserEntity, { id: m.userId });
      return { user, role: m.role, joinedAt: m.createdAt };
    },
  }),
  removeMember: t.id({
    args: { teamId: t.arg.id({ required: true }), userId: t.arg.id({ required: true }) },
    authScopes: AUTHENTICATED,
    resolve: (_r, { teamId, userId }, ctx) =>
      ctx.accounts.teams.removeMember(ctx.caller, { teamId: String(teamId), userId: String(userId) }),
  }),
  createApiToken: t.field({
    type: CreatedApiTokenRef,
    args: {
      teamId: t.arg.id({ required: true }),
      name: t.arg.string({ required: true }),
      scope: t.arg({ type: TokenScopeEnum, required: true }),
      expiresInDays: t.arg.int(),
    },
    authScopes: AUTHENTICATED,
    resolve: (_r, { teamId, name, scope, expiresInDays }, ctx) =>
      ctx.accounts.teams.createToken(ctx.caller, { teamId: String(teamId), name, scope, expiresInDays }),
  }),
  revokeApiToken: t.id({
    args: { id: t.arg.id({ required: true }) },
    authScopes: AUTHENTICATED,
    resolve: (_r, { id }, ctx) => ctx.accounts.teams.revokeToken(ctx.caller, String(id)),
  }),
}));
