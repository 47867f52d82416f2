import type { InvitationOffer } from '../accounts/teams.js';
import { RoleEnum } from './accounts.js';
import { builder } from './builder.js';

// Issue 11's dashboard: a signed-in user who opens an invitation link is offered "Join <team>" rather than
// the sign-up form, so the page needs the team's name before acceptInvitation runs.

const InvitationOfferRef = builder.objectRef<InvitationOffer>('InvitationOffer').implement({
  description: 'What an open invitation link offers the signed-in user, before they accept it',
  fields: (t) => ({
    teamName: t.exposeString('teamName'),
    role: t.expose('role', { type: RoleEnum }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    member: t.exposeBoolean('member', { description: 'The user is already in the team' }),
  }),
});

builder.queryField('invitationOffer', (t) =>
  t.field({
    type: InvitationOfferRef,
    nullable: true,
    description: 'The team an invitation link joins, for a signed-in user (null: used, expired or unknown)',
    args: { token: t.arg.string({ required: true }) },
    authScopes: { authenticated: true },
    resolve: (_r, { token }, ctx) => ctx.accounts.teams.offer(ctx.caller, ctx.accounts.signIn, token),
  }),
);
