/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment ViewerFields on Viewer {\n    user { id email name }\n    teams { id name slug viewerRole }\n  }\n": typeof types.ViewerFieldsFragmentDoc,
    "\n  fragment MemberFields on Member {\n    user { id email name }\n    role\n    joinedAt\n  }\n": typeof types.MemberFieldsFragmentDoc,
    "query AuthProviders { authProviders { name label } }": typeof types.AuthProvidersDocument,
    "query Viewer { viewer { ...ViewerFields } }": typeof types.ViewerDocument,
    "mutation SignIn($email: String!, $password: String!) { signIn(email: $email, password: $password) { id } }": typeof types.SignInDocument,
    "\n  mutation SignUp($email: String!, $password: String!, $name: String, $invitation: String) {\n    signUp(email: $email, password: $password, name: $name, invitation: $invitation) { id }\n  }\n": typeof types.SignUpDocument,
    "mutation SignOut { signOut }": typeof types.SignOutDocument,
    "query Members($id: ID!) { team(id: $id) { id viewerRole members { ...MemberFields } } }": typeof types.MembersDocument,
    "query Invitations($id: ID!) { team(id: $id) { id invitations { id email role expiresAt } } }": typeof types.InvitationsDocument,
    "\n  mutation InviteMember($teamId: ID!, $email: String!, $role: Role!) {\n    inviteMember(teamId: $teamId, email: $email, role: $role) { id email role expiresAt url }\n  }\n": typeof types.InviteMemberDocument,
    "\n  mutation SetMemberRole($teamId: ID!, $userId: ID!, $role: Role!) {\n    setMemberRole(teamId: $teamId, userId: $userId, role: $role) { ...MemberFields }\n  }\n": typeof types.SetMemberRoleDocument,
    "mutation RemoveMember($teamId: ID!, $userId: ID!) { removeMember(teamId: $teamId, userId: $userId) }": typeof types.RemoveMemberDocument,
    "\n  query Tokens($id: ID!) { team(id: $id) { id tokens { id name scope prefix createdAt lastUsedAt expiresAt } } }\n": typeof types.TokensDocument,
    "\n  mutation CreateApiToken($teamId: ID!, $name: String!, $scope: TokenScope!, $expiresInDays: Int) {\n    createApiToken(teamId: $teamId, name: $name, scope: $scope, expiresInDays: $expiresInDays) { secret token { id } }\n  }\n": typeof types.CreateApiTokenDocument,
    "mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) }": typeof types.RevokeApiTokenDocument,
    "\n  query AuditLog($teamId: ID!, $before: ID) {\n    auditLog(teamId: $teamId, first: 50, before: $before) { id at actor action targetType targetId ip detail }\n  }\n": typeof types.AuditLogDocument,
    "\n  mutation ChangePassword($current: String!, $next: String!) { changePassword(current: $current, next: $next) }\n": typeof types.ChangePasswordDocument,
    "mutation SignOutEverywhere { signOutEverywhere }": typeof types.SignOutEverywhereDocument,
    "query Ping { __typename }": typeof types.PingDocument,
    "query Sites { sites { ...SiteSummary } }": typeof types.SitesDocument,
    "query Site($id: ID!) { site(id: $id) { ...SiteDetail } }": typeof types.SiteDocument,
    "query Deploy($id: ID!) { deploy(id: $id) { ...DeploySummary } }": typeof types.DeployDocument,
    "\n  mutation CreateSite($input: CreateSiteInput!) { createSite(input: $input) { id slug } }\n": typeof types.CreateSiteDocument,
    "\n  mutation UpdateSite($id: ID!, $input: UpdateSiteInput!) { updateSite(id: $id, input: $input) { ...SiteDetail } }\n": typeof types.UpdateSiteDocument,
    "\n  mutation DeploySite($id: ID!, $file: File) { deploySite(id: $id, file: $file) { ...DeploySummary } }\n": typeof types.DeploySiteDocument,
    "mutation CancelDeploy($id: ID!) { cancelDeploy(id: $id) { ...DeploySummary } }": typeof types.CancelDeployDocument,
    "mutation Rollback($deployId: ID!) { rollback(deployId: $deployId) { ...DeploySummary } }": typeof types.RollbackDocument,
    "mutation RotateWebhookSecret($id: ID!) { rotateWebhookSecret(id: $id) { ...SiteDetail } }": typeof types.RotateWebhookSecretDocument,
    "mutation DeleteSite($id: ID!) { deleteSite(id: $id) }": typeof types.DeleteSiteDocument,
    "\n  mutation GenerateDeployKey($siteId: ID!) { generateDeployKey(siteId: $siteId) { publicKey fingerprint createdAt } }\n": typeof types.GenerateDeployKeyDocument,
    "subscription SitesUpdated { siteUpdated { ...SiteSummary } }": typeof types.SitesUpdatedDocument,
    "subscription SiteUpdated($id: ID!) { siteUpdated(id: $id) { ...SiteDetail } }": typeof types.SiteUpdatedDocument,
    "\n  subscription DeployUpdated($id: ID!) { deployUpdated(id: $id) { ...DeploySummary } }\n": typeof types.DeployUpdatedDocument,
    "\n  subscription DeployLog($deployId: ID!, $after: Int) { deployLog(deployId: $deployId, after: $after) { ...LogLineFields } }\n": typeof types.DeployLogDocument,
    "\n  subscription SiteRuntimeLog($siteId: ID!, $tail: Int) { siteRuntimeLog(siteId: $siteId, tail: $tail) { ...LogLineFields } }\n": typeof types.SiteRuntimeLogDocument,
    "\n  fragment DeploySummary on Deploy {\n    id\n    number\n    status\n    trigger\n    commitSha\n    commitMessage\n    error\n    permalink\n    filesPrunedAt\n    context\n    branch\n    pullRequest\n    url\n    sourceDeploy {\n      id\n      number\n    }\n    createdAt\n    startedAt\n    finishedAt\n  }\n": typeof types.DeploySummaryFragmentDoc,
    "\n  fragment SiteSummary on Site {\n    id\n    slug\n    name\n    status\n    url\n    localUrl\n    sourceType\n    updatedAt\n    deploys(first: 1) {\n      id\n      number\n      status\n      createdAt\n    }\n  }\n": typeof types.SiteSummaryFragmentDoc,
    "\n  fragment SiteDetail on Site {\n    id\n    team {\n      id\n      viewerRole\n    }\n    slug\n    name\n    status\n    url\n    localUrl\n    sourceType\n    gitUrl\n    branch\n    buildCommand\n    outputDir\n    spa\n    autoDeploy\n    branchDeploys\n    deployPreviews\n    buildCache\n    buildCacheBytes\n    domains\n    envVars {\n      name\n      value\n      secret\n    }\n    gitAuth\n    deployKey {\n      publicKey\n      fingerprint\n      createdAt\n    }\n    createdAt\n    updatedAt\n    currentDeploy {\n      id\n    }\n    deploys(first: 20) {\n      ...DeploySummary\n    }\n    webhookUrl\n    webhookSecret\n    kind\n    startCommand\n    port\n    healthCheckPath\n    app {\n      state\n      restartCount\n    }\n    webhookDeliveries(first: 10) {\n      ...WebhookDeliveryFields\n    }\n  }\n": typeof types.SiteDetailFragmentDoc,
    "\n  fragment WebhookDeliveryFields on WebhookDelivery {\n    id\n    deliveryId\n    event\n    outcome\n    reason\n    receivedAt\n    deploy {\n      id\n      number\n    }\n  }\n": typeof types.WebhookDeliveryFieldsFragmentDoc,
    "\n  fragment LogLineFields on LogLine {\n    seq\n    at\n    stream\n    text\n  }\n": typeof types.LogLineFieldsFragmentDoc,
};
const documents: Documents = {
    "\n  fragment ViewerFields on Viewer {\n    user { id email name }\n    teams { id name slug viewerRole }\n  }\n": types.ViewerFieldsFragmentDoc,
    "\n  fragment MemberFields on Member {\n    user { id email name }\n    role\n    joinedAt\n  }\n": types.MemberFieldsFragmentDoc,
    "query AuthProviders { authProviders { name label } }": types.AuthProvidersDocument,
    "query Viewer { viewer { ...ViewerFields } }": types.ViewerDocument,
    "mutation SignIn($email: String!, $password: String!) { signIn(email: $email, password: $password) { id } }": types.SignInDocument,
    "\n  mutation SignUp($email: String!, $password: String!, $name: String, $invitation: String) {\n    signUp(email: $email, password: $password, name: $name, invitation: $invitation) { id }\n  }\n": types.SignUpDocument,
    "mutation SignOut { signOut }": types.SignOutDocument,
    "query Members($id: ID!) { team(id: $id) { id viewerRole members { ...MemberFields } } }": types.MembersDocument,
    "query Invitations($id: ID!) { team(id: $id) { id invitations { id email role expiresAt } } }": types.InvitationsDocument,
    "\n  mutation InviteMember($teamId: ID!, $email: String!, $role: Role!) {\n    inviteMember(teamId: $teamId, email: $email, role: $role) { id email role expiresAt url }\n  }\n": types.InviteMemberDocument,
    "\n  mutation SetMemberRole($teamId: ID!, $userId: ID!, $role: Role!) {\n    setMemberRole(teamId: $teamId, userId: $userId, role: $role) { ...MemberFields }\n  }\n": types.SetMemberRoleDocument,
    "mutation RemoveMember($teamId: ID!, $userId: ID!) { removeMember(teamId: $teamId, userId: $userId) }": types.RemoveMemberDocument,
    "\n  query Tokens($id: ID!) { team(id: $id) { id tokens { id name scope prefix createdAt lastUsedAt expiresAt } } }\n": types.TokensDocument,
    "\n  mutation CreateApiToken($teamId: ID!, $name: String!, $scope: TokenScope!, $expiresInDays: Int) {\n    createApiToken(teamId: $teamId, name: $name, scope: $scope, expiresInDays: $expiresInDays) { secret token { id } }\n  }\n": types.CreateApiTokenDocument,
    "mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) }": types.RevokeApiTokenDocument,
    "\n  query AuditLog($teamId: ID!, $before: ID) {\n    auditLog(teamId: $teamId, first: 50, before: $before) { id at actor action targetType targetId ip detail }\n  }\n": types.AuditLogDocument,
    "\n  mutation ChangePassword($current: String!, $next: String!) { changePassword(current: $current, next: $next) }\n": types.ChangePasswordDocument,
    "mutation SignOutEverywhere { signOutEverywhere }": types.SignOutEverywhereDocument,
    "query Ping { __typename }": types.PingDocument,
    "query Sites { sites { ...SiteSummary } }": types.SitesDocument,
    "query Site($id: ID!) { site(id: $id) { ...SiteDetail } }": types.SiteDocument,
    "query Deploy($id: ID!) { deploy(id: $id) { ...DeploySummary } }": types.DeployDocument,
    "\n  mutation CreateSite($input: CreateSiteInput!) { createSite(input: $input) { id slug } }\n": types.CreateSiteDocument,
    "\n  mutation UpdateSite($id: ID!, $input: UpdateSiteInput!) { updateSite(id: $id, input: $input) { ...SiteDetail } }\n": types.UpdateSiteDocument,
    "\n  mutation DeploySite($id: ID!, $file: File) { deploySite(id: $id, file: $file) { ...DeploySummary } }\n": types.DeploySiteDocument,
    "mutation CancelDeploy($id: ID!) { cancelDeploy(id: $id) { ...DeploySummary } }": types.CancelDeployDocument,
    "mutation Rollback($deployId: ID!) { rollback(deployId: $deployId) { ...DeploySummary } }": types.RollbackDocument,
    "mutation RotateWebhookSecret($id: ID!) { rotateWebhookSecret(id: $id) { ...SiteDetail } }": types.RotateWebhookSecretDocument,
    "mutation DeleteSite($id: ID!) { deleteSite(id: $id) }": types.DeleteSiteDocument,
    "\n  mutation GenerateDeployKey($siteId: ID!) { generateDeployKey(siteId: $siteId) { publicKey fingerprint createdAt } }\n": types.GenerateDeployKeyDocument,
    "subscription SitesUpdated { siteUpdated { ...SiteSummary } }": types.SitesUpdatedDocument,
    "subscription SiteUpdated($id: ID!) { siteUpdated(id: $id) { ...SiteDetail } }": types.SiteUpdatedDocument,
    "\n  subscription DeployUpdated($id: ID!) { deployUpdated(id: $id) { ...DeploySummary } }\n": types.DeployUpdatedDocument,
    "\n  subscription DeployLog($deployId: ID!, $after: Int) { deployLog(deployId: $deployId, after: $after) { ...LogLineFields } }\n": types.DeployLogDocument,
    "\n  subscription SiteRuntimeLog($siteId: ID!, $tail: Int) { siteRuntimeLog(siteId: $siteId, tail: $tail) { ...LogLineFields } }\n": types.SiteRuntimeLogDocument,
    "\n  fragment DeploySummary on Deploy {\n    id\n    number\n    status\n    trigger\n    commitSha\n    commitMessage\n    error\n    permalink\n    filesPrunedAt\n    context\n    branch\n    pullRequest\n    url\n    sourceDeploy {\n      id\n      number\n    }\n    createdAt\n    startedAt\n    finishedAt\n  }\n": types.DeploySummaryFragmentDoc,
    "\n  fragment SiteSummary on Site {\n    id\n    slug\n    name\n    status\n    url\n    localUrl\n    sourceType\n    updatedAt\n    deploys(first: 1) {\n      id\n      number\n      status\n      createdAt\n    }\n  }\n": types.SiteSummaryFragmentDoc,
    "\n  fragment SiteDetail on Site {\n    id\n    team {\n      id\n      viewerRole\n    }\n    slug\n    name\n    status\n    url\n    localUrl\n    sourceType\n    gitUrl\n    branch\n    buildCommand\n    outputDir\n    spa\n    autoDeploy\n    branchDeploys\n    deployPreviews\n    buildCache\n    buildCacheBytes\n    domains\n    envVars {\n      name\n      value\n      secret\n    }\n    gitAuth\n    deployKey {\n      publicKey\n      fingerprint\n      createdAt\n    }\n    createdAt\n    updatedAt\n    currentDeploy {\n      id\n    }\n    deploys(first: 20) {\n      ...DeploySummary\n    }\n    webhookUrl\n    webhookSecret\n    kind\n    startCommand\n    port\n    healthCheckPath\n    app {\n      state\n      restartCount\n    }\n    webhookDeliveries(first: 10) {\n      ...WebhookDeliveryFields\n    }\n  }\n": types.SiteDetailFragmentDoc,
    "\n  fragment WebhookDeliveryFields on WebhookDelivery {\n    id\n    deliveryId\n    event\n    outcome\n    reason\n    receivedAt\n    deploy {\n      id\n      number\n    }\n  }\n": types.WebhookDeliveryFieldsFragmentDoc,
    "\n  fragment LogLineFields on LogLine {\n    seq\n    at\n    stream\n    text\n  }\n": types.LogLineFieldsFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ViewerFields on Viewer {\n    user { id email name }\n    teams { id name slug viewerRole }\n  }\n"): (typeof documents)["\n  fragment ViewerFields on Viewer {\n    user { id email name }\n    teams { id name slug viewerRole }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MemberFields on Member {\n    user { id email name }\n    role\n    joinedAt\n  }\n"): (typeof documents)["\n  fragment MemberFields on Member {\n    user { id email name }\n    role\n    joinedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AuthProviders { authProviders { name label } }"): (typeof documents)["query AuthProviders { authProviders { name label } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Viewer { viewer { ...ViewerFields } }"): (typeof documents)["query Viewer { viewer { ...ViewerFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignIn($email: String!, $password: String!) { signIn(email: $email, password: $password) { id } }"): (typeof documents)["mutation SignIn($email: String!, $password: String!) { signIn(email: $email, password: $password) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($email: String!, $password: String!, $name: String, $invitation: String) {\n    signUp(email: $email, password: $password, name: $name, invitation: $invitation) { id }\n  }\n"): (typeof documents)["\n  mutation SignUp($email: String!, $password: String!, $name: String, $invitation: String) {\n    signUp(email: $email, password: $password, name: $name, invitation: $invitation) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignOut { signOut }"): (typeof documents)["mutation SignOut { signOut }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Members($id: ID!) { team(id: $id) { id viewerRole members { ...MemberFields } } }"): (typeof documents)["query Members($id: ID!) { team(id: $id) { id viewerRole members { ...MemberFields } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Invitations($id: ID!) { team(id: $id) { id invitations { id email role expiresAt } } }"): (typeof documents)["query Invitations($id: ID!) { team(id: $id) { id invitations { id email role expiresAt } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteMember($teamId: ID!, $email: String!, $role: Role!) {\n    inviteMember(teamId: $teamId, email: $email, role: $role) { id email role expiresAt url }\n  }\n"): (typeof documents)["\n  mutation InviteMember($teamId: ID!, $email: String!, $role: Role!) {\n    inviteMember(teamId: $teamId, email: $email, role: $role) { id email role expiresAt url }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMemberRole($teamId: ID!, $userId: ID!, $role: Role!) {\n    setMemberRole(teamId: $teamId, userId: $userId, role: $role) { ...MemberFields }\n  }\n"): (typeof documents)["\n  mutation SetMemberRole($teamId: ID!, $userId: ID!, $role: Role!) {\n    setMemberRole(teamId: $teamId, userId: $userId, role: $role) { ...MemberFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemoveMember($teamId: ID!, $userId: ID!) { removeMember(teamId: $teamId, userId: $userId) }"): (typeof documents)["mutation RemoveMember($teamId: ID!, $userId: ID!) { removeMember(teamId: $teamId, userId: $userId) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Tokens($id: ID!) { team(id: $id) { id tokens { id name scope prefix createdAt lastUsedAt expiresAt } } }\n"): (typeof documents)["\n  query Tokens($id: ID!) { team(id: $id) { id tokens { id name scope prefix createdAt lastUsedAt expiresAt } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($teamId: ID!, $name: String!, $scope: TokenScope!, $expiresInDays: Int) {\n    createApiToken(teamId: $teamId, name: $name, scope: $scope, expiresInDays: $expiresInDays) { secret token { id } }\n  }\n"): (typeof documents)["\n  mutation CreateApiToken($teamId: ID!, $name: String!, $scope: TokenScope!, $expiresInDays: Int) {\n    createApiToken(teamId: $teamId, name: $name, scope: $scope, expiresInDays: $expiresInDays) { secret token { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) }"): (typeof documents)["mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($teamId: ID!, $before: ID) {\n    auditLog(teamId: $teamId, first: 50, before: $before) { id at actor action targetType targetId ip detail }\n  }\n"): (typeof documents)["\n  query AuditLog($teamId: ID!, $before: ID) {\n    auditLog(teamId: $teamId, first: 50, before: $before) { id at actor action targetType targetId ip detail }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($current: String!, $next: String!) { changePassword(current: $current, next: $next) }\n"): (typeof documents)["\n  mutation ChangePassword($current: String!, $next: String!) { changePassword(current: $current, next: $next) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignOutEverywhere { signOutEverywhere }"): (typeof documents)["mutation SignOutEverywhere { signOutEverywhere }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Ping { __typename }"): (typeof documents)["query Ping { __typename }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Sites { sites { ...SiteSummary } }"): (typeof documents)["query Sites { sites { ...SiteSummary } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Site($id: ID!) { site(id: $id) { ...SiteDetail } }"): (typeof documents)["query Site($id: ID!) { site(id: $id) { ...SiteDetail } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Deploy($id: ID!) { deploy(id: $id) { ...DeploySummary } }"): (typeof documents)["query Deploy($id: ID!) { deploy(id: $id) { ...DeploySummary } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSite($input: CreateSiteInput!) { createSite(input: $input) { id slug } }\n"): (typeof documents)["\n  mutation CreateSite($input: CreateSiteInput!) { createSite(input: $input) { id slug } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSite($id: ID!, $input: UpdateSiteInput!) { updateSite(id: $id, input: $input) { ...SiteDetail } }\n"): (typeof documents)["\n  mutation UpdateSite($id: ID!, $input: UpdateSiteInput!) { updateSite(id: $id, input: $input) { ...SiteDetail } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeploySite($id: ID!, $file: File) { deploySite(id: $id, file: $file) { ...DeploySummary } }\n"): (typeof documents)["\n  mutation DeploySite($id: ID!, $file: File) { deploySite(id: $id, file: $file) { ...DeploySummary } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CancelDeploy($id: ID!) { cancelDeploy(id: $id) { ...DeploySummary } }"): (typeof documents)["mutation CancelDeploy($id: ID!) { cancelDeploy(id: $id) { ...DeploySummary } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Rollback($deployId: ID!) { rollback(deployId: $deployId) { ...DeploySummary } }"): (typeof documents)["mutation Rollback($deployId: ID!) { rollback(deployId: $deployId) { ...DeploySummary } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RotateWebhookSecret($id: ID!) { rotateWebhookSecret(id: $id) { ...SiteDetail } }"): (typeof documents)["mutation RotateWebhookSecret($id: ID!) { rotateWebhookSecret(id: $id) { ...SiteDetail } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteSite($id: ID!) { deleteSite(id: $id) }"): (typeof documents)["mutation DeleteSite($id: ID!) { deleteSite(id: $id) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GenerateDeployKey($siteId: ID!) { generateDeployKey(siteId: $siteId) { publicKey fingerprint createdAt } }\n"): (typeof documents)["\n  mutation GenerateDeployKey($siteId: ID!) { generateDeployKey(siteId: $siteId) { publicKey fingerprint createdAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription SitesUpdated { siteUpdated { ...SiteSummary } }"): (typeof documents)["subscription SitesUpdated { siteUpdated { ...SiteSummary } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription SiteUpdated($id: ID!) { siteUpdated(id: $id) { ...SiteDetail } }"): (typeof documents)["subscription SiteUpdated($id: ID!) { siteUpdated(id: $id) { ...SiteDetail } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DeployUpdated($id: ID!) { deployUpdated(id: $id) { ...DeploySummary } }\n"): (typeof documents)["\n  subscription DeployUpdated($id: ID!) { deployUpdated(id: $id) { ...DeploySummary } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DeployLog($deployId: ID!, $after: Int) { deployLog(deployId: $deployId, after: $after) { ...LogLineFields } }\n"): (typeof documents)["\n  subscription DeployLog($deployId: ID!, $after: Int) { deployLog(deployId: $deployId, after: $after) { ...LogLineFields } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SiteRuntimeLog($siteId: ID!, $tail: Int) { siteRuntimeLog(siteId: $siteId, tail: $tail) { ...LogLineFields } }\n"): (typeof documents)["\n  subscription SiteRuntimeLog($siteId: ID!, $tail: Int) { siteRuntimeLog(siteId: $siteId, tail: $tail) { ...LogLineFields } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DeploySummary on Deploy {\n    id\n    number\n    status\n    trigger\n    commitSha\n    commitMessage\n    error\n    permalink\n    filesPrunedAt\n    context\n    branch\n    pullRequest\n    url\n    sourceDeploy {\n      id\n      number\n    }\n    createdAt\n    startedAt\n    finishedAt\n  }\n"): (typeof documents)["\n  fragment DeploySummary on Deploy {\n    id\n    number\n    status\n    trigger\n    commitSha\n    commitMessage\n    error\n    permalink\n    filesPrunedAt\n    context\n    branch\n    pullRequest\n    url\n    sourceDeploy {\n      id\n      number\n    }\n    createdAt\n    startedAt\n    finishedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SiteSummary on Site {\n    id\n    slug\n    name\n    status\n    url\n    localUrl\n    sourceType\n    updatedAt\n    deploys(first: 1) {\n      id\n      number\n      status\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  fragment SiteSummary on Site {\n    id\n    slug\n    name\n    status\n    url\n    localUrl\n    sourceType\n    updatedAt\n    deploys(first: 1) {\n      id\n      number\n      status\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SiteDetail on Site {\n    id\n    team {\n      id\n      viewerRole\n    }\n    slug\n    name\n    status\n    url\n    localUrl\n    sourceType\n    gitUrl\n    branch\n    buildCommand\n    outputDir\n    spa\n    autoDeploy\n    branchDeploys\n    deployPreviews\n    buildCache\n    buildCacheBytes\n    domains\n    envVars {\n      name\n      value\n      secret\n    }\n    gitAuth\n    deployKey {\n      publicKey\n      fingerprint\n      createdAt\n    }\n    createdAt\n    updatedAt\n    currentDeploy {\n      id\n    }\n    deploys(first: 20) {\n      ...DeploySummary\n    }\n    webhookUrl\n    webhookSecret\n    kind\n    startCommand\n    port\n    healthCheckPath\n    app {\n      state\n      restartCount\n    }\n    webhookDeliveries(first: 10) {\n      ...WebhookDeliveryFields\n    }\n  }\n"): (typeof documents)["\n  fragment SiteDetail on Site {\n    id\n    team {\n      id\n      viewerRole\n    }\n    slug\n    name\n    status\n    url\n    localUrl\n    sourceType\n    gitUrl\n    branch\n    buildCommand\n    outputDir\n    spa\n    autoDeploy\n    branchDeploys\n    deployPreviews\n    buildCache\n    buildCacheBytes\n    domains\n    envVars {\n      name\n      value\n      secret\n    }\n    gitAuth\n    deployKey {\n      publicKey\n      fingerprint\n      createdAt\n    }\n    createdAt\n    updatedAt\n    currentDeploy {\n      id\n    }\n    deploys(first: 20) {\n      ...DeploySummary\n    }\n    webhookUrl\n    webhookSecret\n    kind\n    startCommand\n    port\n    healthCheckPath\n    app {\n      state\n      restartCount\n    }\n    webhookDeliveries(first: 10) {\n      ...WebhookDeliveryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookDeliveryFields on WebhookDelivery {\n    id\n    deliveryId\n    event\n    outcome\n    reason\n    receivedAt\n    deploy {\n      id\n      number\n    }\n  }\n"): (typeof documents)["\n  fragment WebhookDeliveryFields on WebhookDelivery {\n    id\n    deliveryId\n    event\n    outcome\n    reason\n    receivedAt\n    deploy {\n      id\n      number\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LogLineFields on LogLine {\n    seq\n    at\n    stream\n    text\n  }\n"): (typeof documents)["\n  fragment LogLineFields on LogLine {\n    seq\n    at\n    stream\n    text\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;