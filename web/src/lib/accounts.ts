import type { AnyVariables, TypedDocumentNode } from '@urql/core';
import { graphql } from '../gql';
import type { MemberFieldsFragment, Role, TokenScope, ViewerFieldsFragment } from '../gql/graphql';
import { client } from './client';
import { fromCombinedError } from './errors';

// Accounts, teams and members (api.md "Accounts, teams, tokens"): the operations the dashboard runs.

export type Viewer = ViewerFieldsFragment;
export type Member = MemberFieldsFragment;
export type { Role, TokenScope };

graphql(`
  fragment ViewerFields on Viewer {
    user { id email name }
    teams { id name slug viewerRole }
  }
`);
graphql(`
  fragment MemberFields on Member {
    user { id email name }
    role
    joinedAt
  }
`);

const AuthProviders = graphql(`query AuthProviders { authProviders { name label } }`);
const ViewerQuery = graphql(`query Viewer { viewer { ...ViewerFields } }`);
const SignIn = graphql(
  `mutation SignIn($email: String!, $password: String!) { signIn(email: $email, password: $password) { id } }`,
);
const SignUp = graphql(`
  mutation SignUp($email: String!, $password: String!, $name: String, $invitation: String) {
    signUp(email: $email, password: $password, name: $name, invitation: $invitation) { id }
  }
`);
const SignOut = graphql(`mutation SignOut { signOut }`);
const Members = graphql(
  `query Members($id: ID!) { team(id: $id) { id viewerRole members { ...MemberFields } } }`,
);
const Invitations = graphql(
  `query Invitations($id: ID!) { team(id: $id) { id invitations { id email role expiresAt } } }`,
);
const InviteMember = graphql(`
  mutation InviteMember($teamId: ID!, $email: String!, $role: Role!) {
    inviteMember(teamId: $teamId, email: $email, role: $role) { id email role expiresAt url }
  }
`);
const SetMemberRole = graphql(`
  mutation SetMemberRole($teamId: ID!, $userId: ID!, $role: Role!) {
    setMemberRole(teamId: $teamId, userId: $userId, role: $role) { ...MemberFields }
  }
`);
const InvitationOffer = graphql(
  `query InvitationOffer($token: String!) { invitationOffer(token: $token) { teamName role expiresAt member } }`,
);
const AcceptInvitation = graphql(
  `mutation AcceptInvitation($token: String!) { acceptInvitation(token: $token) { id name } }`,
);
const RemoveMember = graphql(
  `mutation RemoveMember($teamId: ID!, $userId: ID!) { removeMember(teamId: $teamId, userId: $userId) }`,
);

async function run<D, V extends AnyVariables>(
  kind: 'query' | 'mutation',
  doc: TypedDocumentNode<D, V>,
  variables: V,
): Promise<D> {
  const result = await client[kind](doc, variables).toPromise();
  if (result.error) throw fromCombinedError(result.error);
  return result.data!;
}

export const accounts = {
  providers: async () => (await run('query', AuthProviders, {})).authProviders,
  viewer: async () => (await run('query', ViewerQuery, {})).viewer,
  signIn: (email: string, password: string) => run('mutation', SignIn, { email, password }),
  signUp: (v: { email: string; password: string; name?: string | null; invitation?: string | null }) =>
    run('mutation', SignUp, v),
  signOut: () => run('mutation', SignOut, {}),
  members: async (id: string) => (await run('query', Members, { id })).team,
  invitations: async (id: string) => (await run('query', Invitations, { id })).team?.invitations ?? [],
  invite: async (teamId: string, email: string, role: Role) =>
    (await run('mutation', InviteMember, { teamId, email, role })).inviteMember,
  setRole: async (teamId: string, userId: string, role: Role) =>
    (await run('mutation', SetMemberRole, { teamId, userId, role })).setMemberRole,
  remove: (teamId: string, userId: string) => run('mutation', RemoveMember, { teamId, userId }),
  /** What an invitation link offers the signed-in user (null: used, expired or unknown). */
  invitationOffer: async (token: string) =>
    (await run('query', InvitationOffer, { token })).invitationOffer ?? null,
  acceptInvitation: async (token: string) =>
    (await run('mutation', AcceptInvitation, { token })).acceptInvitation,
};

const Tokens = graphql(`
  query Tokens($id: ID!) { team(id: $id) { id tokens { id name scope prefix createdAt lastUsedAt expiresAt } } }
`);
const CreateApiToken = graphql(`
  mutation CreateApiToken($teamId: ID!, $name: String!, $scope: TokenScope!, $expiresInDays: Int) {
    createApiToken(teamId: $teamId, name: $name, scope: $scope, expiresInDays: $expiresInDays) { secret token { id } }
  }
`);
const RevokeApiToken = graphql(`mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) }`);
const AuditLog = graphql(`
  query AuditLog($teamId: ID!, $before: ID) {
    auditLog(teamId: $teamId, first: 50, before: $before) { id at actor action targetType targetId ip detail }
  }
`);
const ChangePassword = graphql(`
  mutation ChangePassword($current: String!, $next: String!) { changePassword(current: $current, next: $next) }
`);
const SignOutEverywhere = graphql(`mutation SignOutEverywhere { signOutEverywhere }`);

export const teamAdmin = {
  tokens: async (id: string) => (await run('query', Tokens, { id })).team?.tokens ?? [],
  createToken: async (v: { teamId: string; name: string; scope: TokenScope; expiresInDays: number | null }) =>
    (await run('mutation', CreateApiToken, v)).createApiToken,
  revokeToken: (id: string) => run('mutation', RevokeApiToken, { id }),
  auditLog: async (teamId: string, before: string | null) =>
    (await run('query', AuditLog, { teamId, before })).auditLog,
  changePassword: (current: string, next: string) => run('mutation', ChangePassword, { current, next }),
  signOutEverywhere: () => run('mutation', SignOutEverywhere, {}),
};
