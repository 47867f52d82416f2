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
    "query InvitationOffer($token: String!) { invitationOffer(token: $token) { teamName role expiresAt member } }": typeof types.InvitationOfferDocument,
    "mutation AcceptInvitation($token: String!) { acceptInvitation(token: $token) { id name } }": typeof types.AcceptInvitationDocument,
    "mutation RemoveMember($teamId: ID!, $userId: ID!) { removeMember(teamId: $teamId, userId: $userId) }": typeof types.RemoveMemberDocument,
    "\n  query Tokens($id: ID!) { team(id: $id) { id tokens { id name scope prefix createdAt lastUsedAt expiresAt } } }\n": typeof types.TokensDocument,
    "\n  mutation CreateApiToken($teamId: ID!, $name: String!, $scope: TokenScope!, $expiresInDays: Int) {\n    createApiToken(teamId: $teamId, name: $name, scope: $scope, expiresInDays: $expiresInDays) { secret token { id } }\n  }\n": typeof types.CreateApiTokenDocument,
    "mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) }": typeof types.RevokeApiTokenDocument,
    "\n  query AuditLog($teamId: ID!, $before: ID) {\n    auditLog(teamId: $teamId, first: 50, before: $before) { id at actor action targetType targetId ip detail }\n  }\n": typeof types.AuditLogDocument,
    "\n  mutation ChangePassword($current: String!, $next: String!) { changePassword(current: $current, next: $next) }\n": typeof types.ChangePasswordDocument,
    "mutation SignOutEverywhere { signOutEverywhere }": typeof types.SignOutEverywhereDocument,
    "query Ping { __typename }": typeof types.PingDocument,
    "\n  query Sites($first: Int, $after: ID, $search: String) {\n    sites(first: $first, after: $after, search: $search) { ...SiteSummary }\n  }\n": typeof types.SitesDocument,
    "\n  query TeamSites($id: ID!, $first: Int, $after: ID, $search: String) {\n    team(id: $id) { id sites(first: $first, after: $after, search: $search) { ...SiteSummary } }\n  }\n": typeof types.TeamSitesDocument,
    "query Site($id: ID!) { site(id: $id) { ...SiteDetail } }": typeof types.SiteDocument,
    "query Deploy($id: ID!) { deploy(id: $id) { ...DeploySummary } }": typeof types.DeployDocument,
    "\n  mutation CreateSite($input: CreateSiteInput!) { createSite(input: $input) { id slug } }\n": typeof types.CreateSiteDocument,
    "\n  mutation UpdateSite($id: ID!, $input: UpdateSiteInput!) { updateSite(id: $id, input: $input) { ...SiteDetail } }\n": typeof types.UpdateSiteDocument,
    "\n  mutation DeploySite($id: ID!, $file: File) { deploySite(id: $id, file: $file) { ...DeploySummary } }\n": typeof types.DeploySiteDocument,
    "mutation CancelDeploy($id: ID!) { cancelDeploy(id: $id) { ...DeploySummary } }": typeof types.CancelDeployDocument,
    "mutation Rollback($deployId: ID!) { rollback(deployId: $deployId) { ...DeploySummary } }": typeof types.RollbackDocument,
    "mutation RotateWebhookSecret($id: ID!) { rotateWebhookSecret(id: $id) { ...SiteDetail } }": typeof types.RotateWebhookSecretDocument,
    "mutation DeleteSite($id: ID!) { deleteSite(id: $id) }": typeof types.DeleteSiteDocument,
    "mutation ClearBuildCache($siteId: ID!) { clearBuildCache(siteId: $siteId) { ...SiteDetail } }": typeof types.ClearBuildCacheDocument,
    "\n  mutation GenerateDeployKey($siteId: ID!) { generateDeployKey(siteId: $siteId) { publicKey fingerprint createdAt } }\n": typeof types.GenerateDeployKeyDocument,
    "subscription SitesUpdated { siteUpdated { ...SiteSummary } }": typeof types.SitesUpdatedDocument,
    "subscription SiteUpdated($id: ID!) { siteUpdated(id: $id) { ...SiteDetail } }": typeof types.SiteUpdatedDocument,
    "\n  subscription DeployUpdated($id: ID!) { deployUpdated(id: $id) { ...DeploySummary } }\n": typeof types.DeployUpdatedDocument,
    "\n  subscription DeployLog($deployId: ID!, $after: Int) { deployLog(deployId: $deployId, after: $after) { ...LogLineFields } }\n": typeof types.DeployLogDocument,
    "\n  subscription SiteRuntimeLog($siteId: ID!, $tail: Int) { siteRuntimeLog(siteId: $siteId, tail: $tail) { ...LogLineFields } }\n": typeof types.SiteRuntimeLogDocument,
    "\n  query SiteTraffic($id: ID!, $from: DateTime!, $interval: TrafficInterval) {\n    site(id: $id) { id traffic(from: $from, interval: $interval) { at requests bytes status4xx status5xx } }\n  }\n": typeof types.SiteTrafficDocument,
    "\n  query SiteBuildTimes($id: ID!) {\n    site(id: $id) { id deploys(first: 50) { id number status startedAt finishedAt } }\n  }\n": typeof types.SiteBuildTimesDocument,
    "\n  fragment DeploySummary on Deploy {\n    id\n    number\n    status\n    trigger\n    commitSha\n    commitMessage\n    error\n    permalink\n    filesPrunedAt\n    context\n    branch\n    pullRequest\n    url\n    sourceDeploy {\n      id\n      number\n    }\n    createdAt\n    startedAt\n    finishedAt\n  }\n": typeof types.DeploySummaryFragmentDoc,
    "\n  fragment SiteSummary on Site {\n    id\n    team {\n      id\n    }\n    slug\n    name\n    status\n    url\n    localUrl\n    sourceType\n    createdAt\n    updatedAt\n    deploys(first: 1) {\n      id\n      number\n      status\n      createdAt\n    }\n  }\n": typeof types.SiteSummaryFragmentDoc,
    "\n  fragment SiteDetail on Site {\n    id\n    team {\n      id\n      viewerRole\n    }\n    slug\n    name\n    status\n    url\n    localUrl\n    sourceType\n    gitUrl\n    branch\n    buildCommand\n    outputDir\n    spa\n    autoDeploy\n    branchDeploys\n    deployPreviews\n    buildCache\n    buildCacheBytes\n    domains\n    envVars {\n      name\n      value\n      secret\n    }\n    gitAuth\n    deployKey {\n      publicKey\n      fingerprint\n      createdAt\n    }\n    createdAt\n    updatedAt\n    currentDeploy {\n      id\n    }\n    deploys(first: 20) {\n      ...DeploySummary\n    }\n    webhookUrl\n    webhookSecret\n    kind\n    startCommand\n    port\n    healthCheckPath\n    app {\n      state\n      restartCount\n    }\n    webhookDeliveries(first: 10) {\n      ...WebhookDeliveryFields\n    }\n  }\n": typeof types.SiteDetailFragmentDoc,
    "\n  fragment WebhookDeliveryFields on WebhookDelivery {\n    id\n    deliveryId\n    event\n    outcome\n    reason\n    receivedAt\n    deploy {\n      id\n      number\n    }\n  }\n": typeof types.WebhookDeliveryFieldsFragmentDoc,
    "\n  fragment LogLineFields on LogLine {\n    seq\n    at\n    stream\n    text\n  }\n": typeof types.LogLineFieldsFragmentDoc,
    "\n  fragment NotificationDeliveryFields on NotificationDelivery {\n    id channelId event at attempts responseStatus ok error test nextAttemptAt\n  }\n": typeof types.NotificationDeliveryFieldsFragmentDoc,
    "\n  fragment NotificationChannelFields on NotificationChannel {\n    id kind target events enabled secret\n  }\n": typeof types.NotificationChannelFieldsFragmentDoc,
    "\n  query NotificationChannels($id: ID!) {\n    team(id: $id) { id viewerRole notificationChannels { ...NotificationChannelFields } }\n  }\n": typeof types.NotificationChannelsDocument,
    "\n  query NotificationDeliveries($id: ID!) {\n    team(id: $id) { id notificationChannels { id deliveries(first: 20) { ...NotificationDeliveryFields } } }\n  }\n": typeof types.NotificationDeliveriesDocument,
    "\n  subscription NotificationDeliveryUpdated($teamId: ID!) {\n    notificationDeliveryUpdated(teamId: $teamId) { ...NotificationDeliveryFields }\n  }\n": typeof types.NotificationDeliveryUpdatedDocument,
    "\n  mutation CreateNotificationChannel($teamId: ID!, $input: NotificationChannelInput!) {\n    createNotificationChannel(teamId: $teamId, input: $input) { ...NotificationChannelFields }\n  }\n": typeof types.CreateNotificationChannelDocument,
    "\n  mutation UpdateNotificationChannel($id: ID!, $input: NotificationChannelInput!) {\n    updateNotificationChannel(id: $id, input: $input) { ...NotificationChannelFields }\n  }\n": typeof types.UpdateNotificationChannelDocument,
    "mutation DeleteNotificationChannel($id: ID!) { deleteNotificationChannel(id: $id) }": typeof types.DeleteNotificationChannelDocument,
    "\n  mutation TestNotificationChannel($id: ID!) { testNotificationChannel(id: $id) { ...NotificationDeliveryFields } }\n": typeof types.TestNotificationChannelDocument,
    "\n  query SiteHealth($id: ID!) {\n    site(id: $id) { id uptime(days: 30) week: uptime(days: 7) incidents(first: 10) { id kind at reason } }\n  }\n": typeof types.SiteHealthDocument,
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
    "query InvitationOffer($token: String!) { invitationOffer(token: $token) { teamName role expiresAt member } }": types.InvitationOfferDocument,
    "mutation AcceptInvitation($token: String!) { acceptInvitation(token: $token) { id name } }": types.AcceptInvitationDocument,
    "mutation RemoveMember($teamId: ID!, $userId: ID!) { removeMember(teamId: $teamId, userId: $userId) }": types.RemoveMemberDocument,
    "\n  query Tokens($id: ID!) { team(id: $id) { id tokens { id name scope prefix createdAt lastUsedAt expiresAt } } }\n": types.TokensDocument,
    "\n  mutation CreateApiToken($teamId: ID!, $name: String!, $scope: TokenScope!, $expiresInDays: Int) {\n    createApiToken(teamId: $teamId, name: $name, scope: $scope, expiresInDays: $expiresInDays) { secret token { id } }\n  }\n": types.CreateApiTokenDocument,
    "mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) }": types.RevokeApiTokenDocument,
    "\n  query AuditLog($teamId: ID!, $before: ID) {\n    auditLog(teamId: $teamId, first: 50, before: $before) { id at actor action targetType targetId ip detail }\n  }\n": types.AuditLogDocument,
    "\n  mutation ChangePassword($current: String!, $next: String!) { changePassword(current: $current, next: $next) }\n": types.ChangePasswordDocument,
    "mutation SignOutEverywhere { signOutEverywhere }": types.SignOutEverywhereDocument,
    "query Ping { __typename }": types.PingDocument,
    "\n  query Sites($first: Int, $after: ID, $search: String) {\n    sites(first: $first, after: $after, search: $search) { ...SiteSummary }\n  }\n": types.SitesDocument,
    "\n  query TeamSites($id: ID!, $first: Int, $after: ID, $search: String) {\n    team(id: $id) { id sites(first: $first, after: $after, search: $search) { ...SiteSummary } }\n  }\n": types.TeamSitesDocument,
    "query Site($id: ID!) { site(id: $id) { ...SiteDetail } }": types.SiteDocument,
    "query Deploy($id: ID!) { deploy(id: $id) { ...DeploySummary } }": types.DeployDocument,
    "\n  mutation CreateSite($input: CreateSiteInput!) { createSite(input: $input) { id slug } }\n": types.CreateSiteDocument,
    "\n  mutation UpdateSite($id: ID!, $input: UpdateSiteInput!) { updateSite(id: $id, input: $input) { ...SiteDetail } }\n": types.UpdateSiteDocument,
    "\n  mutation DeploySite($id: ID!, $file: File) { deploySite(id: $id, file: $file) { ...DeploySummary } }\n": types.DeploySiteDocument,
    "mutation CancelDeploy($id: ID!) { cancelDeploy(id: $id) { ...DeploySummary } }": types.CancelDeployDocument,
    "mutation Rollback($deployId: ID!) { rollback(deployId: $deployId) { ...DeploySummary } }": types.RollbackDocument,
    "mutation RotateWebhookSecret($id: ID!) { rotateWebhookSecret(id: $id) { ...SiteDetail } }": types.RotateWebhookSecretDocument,
    "mutation DeleteSite($id: ID!) { deleteSite(id: $id) }": types.DeleteSiteDocument,
    "mutation ClearBuildCache($siteId: ID!) { clearBuildCache(siteId: $siteId) { ...SiteDetail } }": types.ClearBuildCacheDocument,
    "\n  mutation GenerateDeployKey($siteId: ID!) { generateDeployKey(siteId: $siteId) { publicKey fingerprint createdAt } }\n": types.GenerateDeployKeyDocument,
    "subscription SitesUpdated { siteUpdated { ...SiteSummary } }": types.SitesUpdatedDocument,
    "subscription SiteUpdated($id: ID!) { siteUpdated(id: $id) { ...SiteDetail } }": types.SiteUpdatedDocument,
    "\n  subscription DeployUpdated($id: ID!) { deployUpdated(id: $id) { ...DeploySummary } }\n": types.DeployUpdatedDocument,
    "\n  subscription DeployLog($deployId: ID!, $after: Int) { deployLog(deployId: $deployId, after: $after) { ...LogLineFields } }\n": types.DeployLogDocument,
    "\n  subscription SiteRuntimeLog($siteId: ID!, $tail: Int) { siteRuntimeLog(siteId: $siteId, tail: $tail) { ...LogLineFields } }\n": types.SiteRuntimeLogDocument,
    "\n  query SiteTraffic($id: ID!, $from: DateTime!, $interval: TrafficInterval) {\n    site(id: $id) { id traffic(from: $from, interval: $interval) { at requests bytes status4xx status5xx } }\n  }\n": types.SiteTrafficDocument,
    "\n  query SiteBuildTimes($id: ID!) {\n    site(id: $id) { id deploys(first: 50) { id number status startedAt finishedAt } }\n  }\n": types.SiteBuildTimesDocument,
    "\n  fragment DeploySummary on Deploy {\n    id\n    number\n    status\n    trigger\n    commitSha\n    commitMessage\n    error\n    permalink\n    filesPrunedAt\n    context\n    branch\n    pullRequest\n    url\n    sourceDeploy {\n      id\n      number\n    }\n    createdAt\n    startedAt\n    finishedAt\n  }\n": types.DeploySummaryFragmentDoc,
    "\n  fragment SiteSummary on Site {\n    id\n    team {\n      id\n    }\n    slug\n    name\n    status\n    url\n    localUrl\n    sourceType\n    createdAt\n    updatedAt\n    deploys(first: 1) {\n      id\n      number\n      status\n      createdAt\n    }\n  }\n": types.SiteSummaryFragmentDoc,
    "\n  fragment SiteDetail on Site {\n    id\n    team {\n      id\n      viewerRole\n    }\n    slug\n    name\n    status\n    url\n    localUrl\n    sourceType\n    gitUrl\n    branch\n    buildCommand\n    outputDir\n    spa\n    autoDeploy\n    branchDeploys\n    deployPreviews\n    buildCache\n    buildCacheBytes\n    domains\n    envVars {\n      name\n      value\n      secret\n    }\n    gitAuth\n    deployKey {\n      publicKey\n      fingerprint\n      createdAt\n    }\n    createdAt\n    updatedAt\n    currentDeploy {\n      id\n    }\n    deploys(first: 20) {\n      ...DeploySummary\n    }\n    webhookUrl\n    webhookSecret\n    kind\n    startCommand\n    port\n    healthCheckPath\n    app {\n      state\n      restartCount\n    }\n    webhookDeliveries(first: 10) {\n      ...WebhookDeliveryFields\n    }\n  }\n": types.SiteDetailFragmentDoc,
    "\n  fragment WebhookDeliveryFields on WebhookDelivery {\n    id\n    deliveryId\n    event\n    outcome\n    reason\n    receivedAt\n    deploy {\n      id\n      number\n    }\n  }\n": types.WebhookDeliveryFieldsFragmentDoc,
    "\n  fragment LogLineFields on LogLine {\n    seq\n    at\n    stream\n    text\n  }\n": types.LogLineFieldsFragmentDoc,
    "\n  fragment NotificationDeliveryFields on NotificationDelivery {\n    id channelId event at attempts responseStatus ok error test nextAttemptAt\n  }\n": types.NotificationDeliveryFieldsFragmentDoc,
    "\n  fragment NotificationChannelFields on NotificationChannel {\n    id kind target events enabled secret\n  }\n": types.NotificationChannelFieldsFragmentDoc,
    "\n  query NotificationChannels($id: ID!) {\n    team(id: $id) { id viewerRole notificationChannels { ...NotificationChannelFields } }\n  }\n": types.NotificationChannelsDocument,
    "\n  query NotificationDeliveries($id: ID!) {\n    team(id: $id) { id notificationChannels { id deliveries(first: 20) { ...NotificationDeliveryFields } } }\n  }\n": types.NotificationDeliveriesDocument,
    "\n  subscription NotificationDeliveryUpdated($teamId: ID!) {\n    notificationDeliveryUpdated(teamId: $teamId) { ...NotificationDeliveryFields }\n  }\n": types.NotificationDeliveryUpdatedDocument,
    "\n  mutation CreateNotificationChannel($teamId: ID!, $input: NotificationChannelInput!) {\n    createNotificationChannel(teamId: $teamId, input: $input) { ...NotificationChannelFields }\n  }\n": types.CreateNotificationChannelDocument,
    "\n  mutation UpdateNotificationChannel($id: ID!, $input: NotificationChannelInput!) {\n    updateNotificationChannel(id: $id, input: $input) { ...NotificationChannelFields }\n  }\n": types.UpdateNotificationChannelDocument,
    "mutation DeleteNotificationChannel($id: ID!) { deleteNotificationChannel(id: $id) }": types.DeleteNotificationChannelDocument,
    "\n  mutation TestNotificationChannel($id: ID!) { testNotificationChannel(id: $id) { ...NotificationDeliveryFields } }\n": types.TestNotificationChannelDocument,
    "\n  query SiteHealth($id: ID!) {\n    site(id: $id) { id uptime(days: 30) week: uptime(days: 7) incidents(first: 10) { id kind at reason } }\n  }\n": types.SiteHealthDocument,
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
export function graphql(source: "query InvitationOffer($token: String!) { invitationOffer(token: $token) { teamName role expiresAt member } }"): (typeof documents)["query InvitationOffer($token: String!) { invitationOffer(token: $token) { teamName role expiresAt member } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AcceptInvitation($token: String!) { acceptInvitation(token: $token) { id name } }"): (typeof documents)["mutation AcceptInvitation($token: String!) { acceptInvitation(token: $token) { id name } }"];
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
export function graphql(source: "\n  query Sites($first: Int, $after: ID, $search: String) {\n    sites(first: $first, after: $after, search: $search) { ...SiteSummary }\n  }\n"): (typeof documents)["\n  query Sites($first: Int, $after: ID, $search: String) {\n    sites(first: $first, after: $after, search: $search) { ...SiteSummary }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamSites($id: ID!, $first: Int, $after: ID, $search: String) {\n    team(id: $id) { id sites(first: $first, after: $after, search: $search) { ...SiteSummary } }\n  }\n"): (typeof documents)["\n  query TeamSites($id: ID!, $first: Int, $after: ID, $search: String) {\n    team(id: $id) { id sites(first: $first, after: $after, search: $search) { ...SiteSummary } }\n  }\n"];
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
export function graphql(source: "mutation ClearBuildCache($siteId: ID!) { clearBuildCache(siteId: $siteId) { ...SiteDetail } }"): (typeof documents)["mutation ClearBuildCache($siteId: ID!) { clearBuildCache(siteId: $siteId) { ...SiteDetail } }"];
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
export function graphql(source: "\n  query SiteTraffic($id: ID!, $from: DateTime!, $interval: TrafficInterval) {\n    site(id: $id) { id traffic(from: $from, interval: $interval) { at requests bytes status4xx status5xx } }\n  }\n"): (typeof documents)["\n  query SiteTraffic($id: ID!, $from: DateTime!, $interval: TrafficInterval) {\n    site(id: $id) { id traffic(from: $from, interval: $interval) { at requests bytes status4xx status5xx } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SiteBuildTimes($id: ID!) {\n    site(id: $id) { id deploys(first: 50) { id number status startedAt finishedAt } }\n  }\n"): (typeof documents)["\n  query SiteBuildTimes($id: ID!) {\n    site(id: $id) { id deploys(first: 50) { id number status startedAt finishedAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DeploySummary on Deploy {\n    id\n    number\n    status\n    trigger\n    commitSha\n    commitMessage\n    error\n    permalink\n    filesPrunedAt\n    context\n    branch\n    pullRequest\n    url\n    sourceDeploy {\n      id\n      number\n    }\n    createdAt\n    startedAt\n    finishedAt\n  }\n"): (typeof documents)["\n  fragment DeploySummary on Deploy {\n    id\n    number\n    status\n    trigger\n    commitSha\n    commitMessage\n    error\n    permalink\n    filesPrunedAt\n    context\n    branch\n    pullRequest\n    url\n    sourceDeploy {\n      id\n      number\n    }\n    createdAt\n    startedAt\n    finishedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SiteSummary on Site {\n    id\n    team {\n      id\n    }\n    slug\n    name\n    status\n    url\n    localUrl\n    sourceType\n    createdAt\n    updatedAt\n    deploys(first: 1) {\n      id\n      number\n      status\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  fragment SiteSummary on Site {\n    id\n    team {\n      id\n    }\n    slug\n    name\n    status\n    url\n    localUrl\n    sourceType\n    createdAt\n    updatedAt\n    deploys(first: 1) {\n      id\n      number\n      status\n      createdAt\n    }\n  }\n"];
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
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationDeliveryFields on NotificationDelivery {\n    id channelId event at attempts responseStatus ok error test nextAttemptAt\n  }\n"): (typeof documents)["\n  fragment NotificationDeliveryFields on NotificationDelivery {\n    id channelId event at attempts responseStatus ok error test nextAttemptAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationChannelFields on NotificationChannel {\n    id kind target events enabled secret\n  }\n"): (typeof documents)["\n  fragment NotificationChannelFields on NotificationChannel {\n    id kind target events enabled secret\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationChannels($id: ID!) {\n    team(id: $id) { id viewerRole notificationChannels { ...NotificationChannelFields } }\n  }\n"): (typeof documents)["\n  query NotificationChannels($id: ID!) {\n    team(id: $id) { id viewerRole notificationChannels { ...NotificationChannelFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationDeliveries($id: ID!) {\n    team(id: $id) { id notificationChannels { id deliveries(first: 20) { ...NotificationDeliveryFields } } }\n  }\n"): (typeof documents)["\n  query NotificationDeliveries($id: ID!) {\n    team(id: $id) { id notificationChannels { id deliveries(first: 20) { ...NotificationDeliveryFields } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationDeliveryUpdated($teamId: ID!) {\n    notificationDeliveryUpdated(teamId: $teamId) { ...NotificationDeliveryFields }\n  }\n"): (typeof documents)["\n  subscription NotificationDeliveryUpdated($teamId: ID!) {\n    notificationDeliveryUpdated(teamId: $teamId) { ...NotificationDeliveryFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateNotificationChannel($teamId: ID!, $input: NotificationChannelInput!) {\n    createNotificationChannel(teamId: $teamId, input: $input) { ...NotificationChannelFields }\n  }\n"): (typeof documents)["\n  mutation CreateNotificationChannel($teamId: ID!, $input: NotificationChannelInput!) {\n    createNotificationChannel(teamId: $teamId, input: $input) { ...NotificationChannelFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNotificationChannel($id: ID!, $input: NotificationChannelInput!) {\n    updateNotificationChannel(id: $id, input: $input) { ...NotificationChannelFields }\n  }\n"): (typeof documents)["\n  mutation UpdateNotificationChannel($id: ID!, $input: NotificationChannelInput!) {\n    updateNotificationChannel(id: $id, input: $input) { ...NotificationChannelFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteNotificationChannel($id: ID!) { deleteNotificationChannel(id: $id) }"): (typeof documents)["mutation DeleteNotificationChannel($id: ID!) { deleteNotificationChannel(id: $id) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestNotificationChannel($id: ID!) { testNotificationChannel(id: $id) { ...NotificationDeliveryFields } }\n"): (typeof documents)["\n  mutation TestNotificationChannel($id: ID!) { testNotificationChannel(id: $id) { ...NotificationDeliveryFields } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SiteHealth($id: ID!) {\n    site(id: $id) { id uptime(days: 30) week: uptime(days: 7) incidents(first: 10) { id kind at reason } }\n  }\n"): (typeof documents)["\n  query SiteHealth($id: ID!) {\n    site(id: $id) { id uptime(days: 30) week: uptime(days: 7) incidents(first: 10) { id kind at reason } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;