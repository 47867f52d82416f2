/* eslint-disable */
import * as types from './graphql.js';



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
    "\n  query CliViewer {\n    viewer { user { email } teams { id slug name viewerRole } }\n  }\n": typeof types.CliViewerDocument,
    "\n  query CliSites {\n    sites { id slug name sourceType status url currentDeploy { id number status } }\n  }\n": typeof types.CliSitesDocument,
    "\n  query CliSiteBySlug($slug: String!) {\n    site(slug: $slug) { id slug name sourceType url }\n  }\n": typeof types.CliSiteBySlugDocument,
    "\n  query CliSiteById($id: ID!) {\n    site(id: $id) { id slug name sourceType url }\n  }\n": typeof types.CliSiteByIdDocument,
    "\n  mutation CliCreateSite($input: CreateSiteInput!) {\n    createSite(input: $input) { id slug name sourceType url }\n  }\n": typeof types.CliCreateSiteDocument,
    "\n  mutation CliCreateDigestDeploy($siteId: ID!, $files: [DeployFileInput!]!) {\n    createDigestDeploy(siteId: $siteId, files: $files) { required deploy { id number status } }\n  }\n": typeof types.CliCreateDigestDeployDocument,
    "\n  mutation CliUploadDeployFiles($deployId: ID!, $files: [File!]!) {\n    uploadDeployFiles(deployId: $deployId, files: $files) { required deploy { id status } }\n  }\n": typeof types.CliUploadDeployFilesDocument,
    "\n  query CliDeployState($id: ID!) {\n    deploy(id: $id) { id number status error url permalink site { id } }\n  }\n": typeof types.CliDeployStateDocument,
    "\n  subscription CliDeployUpdated($id: ID!) {\n    deployUpdated(id: $id) { id number status error url permalink site { id } }\n  }\n": typeof types.CliDeployUpdatedDocument,
    "\n  query CliDeployLogs($id: ID!, $after: Int, $first: Int) {\n    deploy(id: $id) { id logs(after: $after, first: $first) { seq at stream text } }\n  }\n": typeof types.CliDeployLogsDocument,
    "\n  subscription CliDeployLog($deployId: ID!, $after: Int) {\n    deployLog(deployId: $deployId, after: $after) { seq at stream text }\n  }\n": typeof types.CliDeployLogDocument,
    "\n  mutation CliRollback($deployId: ID!) {\n    rollback(deployId: $deployId) { id number status url permalink site { id slug } }\n  }\n": typeof types.CliRollbackDocument,
    "\n  mutation CliCancelDeploy($id: ID!) {\n    cancelDeploy(id: $id) { id status }\n  }\n": typeof types.CliCancelDeployDocument,
};
const documents: Documents = {
    "\n  query CliViewer {\n    viewer { user { email } teams { id slug name viewerRole } }\n  }\n": types.CliViewerDocument,
    "\n  query CliSites {\n    sites { id slug name sourceType status url currentDeploy { id number status } }\n  }\n": types.CliSitesDocument,
    "\n  query CliSiteBySlug($slug: String!) {\n    site(slug: $slug) { id slug name sourceType url }\n  }\n": types.CliSiteBySlugDocument,
    "\n  query CliSiteById($id: ID!) {\n    site(id: $id) { id slug name sourceType url }\n  }\n": types.CliSiteByIdDocument,
    "\n  mutation CliCreateSite($input: CreateSiteInput!) {\n    createSite(input: $input) { id slug name sourceType url }\n  }\n": types.CliCreateSiteDocument,
    "\n  mutation CliCreateDigestDeploy($siteId: ID!, $files: [DeployFileInput!]!) {\n    createDigestDeploy(siteId: $siteId, files: $files) { required deploy { id number status } }\n  }\n": types.CliCreateDigestDeployDocument,
    "\n  mutation CliUploadDeployFiles($deployId: ID!, $files: [File!]!) {\n    uploadDeployFiles(deployId: $deployId, files: $files) { required deploy { id status } }\n  }\n": types.CliUploadDeployFilesDocument,
    "\n  query CliDeployState($id: ID!) {\n    deploy(id: $id) { id number status error url permalink site { id } }\n  }\n": types.CliDeployStateDocument,
    "\n  subscription CliDeployUpdated($id: ID!) {\n    deployUpdated(id: $id) { id number status error url permalink site { id } }\n  }\n": types.CliDeployUpdatedDocument,
    "\n  query CliDeployLogs($id: ID!, $after: Int, $first: Int) {\n    deploy(id: $id) { id logs(after: $after, first: $first) { seq at stream text } }\n  }\n": types.CliDeployLogsDocument,
    "\n  subscription CliDeployLog($deployId: ID!, $after: Int) {\n    deployLog(deployId: $deployId, after: $after) { seq at stream text }\n  }\n": types.CliDeployLogDocument,
    "\n  mutation CliRollback($deployId: ID!) {\n    rollback(deployId: $deployId) { id number status url permalink site { id slug } }\n  }\n": types.CliRollbackDocument,
    "\n  mutation CliCancelDeploy($id: ID!) {\n    cancelDeploy(id: $id) { id status }\n  }\n": types.CliCancelDeployDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliViewer {\n    viewer { user { email } teams { id slug name viewerRole } }\n  }\n"): typeof import('./graphql.js').CliViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliSites {\n    sites { id slug name sourceType status url currentDeploy { id number status } }\n  }\n"): typeof import('./graphql.js').CliSitesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliSiteBySlug($slug: String!) {\n    site(slug: $slug) { id slug name sourceType url }\n  }\n"): typeof import('./graphql.js').CliSiteBySlugDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliSiteById($id: ID!) {\n    site(id: $id) { id slug name sourceType url }\n  }\n"): typeof import('./graphql.js').CliSiteByIdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliCreateSite($input: CreateSiteInput!) {\n    createSite(input: $input) { id slug name sourceType url }\n  }\n"): typeof import('./graphql.js').CliCreateSiteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliCreateDigestDeploy($siteId: ID!, $files: [DeployFileInput!]!) {\n    createDigestDeploy(siteId: $siteId, files: $files) { required deploy { id number status } }\n  }\n"): typeof import('./graphql.js').CliCreateDigestDeployDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliUploadDeployFiles($deployId: ID!, $files: [File!]!) {\n    uploadDeployFiles(deployId: $deployId, files: $files) { required deploy { id status } }\n  }\n"): typeof import('./graphql.js').CliUploadDeployFilesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliDeployState($id: ID!) {\n    deploy(id: $id) { id number status error url permalink site { id } }\n  }\n"): typeof import('./graphql.js').CliDeployStateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CliDeployUpdated($id: ID!) {\n    deployUpdated(id: $id) { id number status error url permalink site { id } }\n  }\n"): typeof import('./graphql.js').CliDeployUpdatedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliDeployLogs($id: ID!, $after: Int, $first: Int) {\n    deploy(id: $id) { id logs(after: $after, first: $first) { seq at stream text } }\n  }\n"): typeof import('./graphql.js').CliDeployLogsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CliDeployLog($deployId: ID!, $after: Int) {\n    deployLog(deployId: $deployId, after: $after) { seq at stream text }\n  }\n"): typeof import('./graphql.js').CliDeployLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliRollback($deployId: ID!) {\n    rollback(deployId: $deployId) { id number status url permalink site { id slug } }\n  }\n"): typeof import('./graphql.js').CliRollbackDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliCancelDeploy($id: ID!) {\n    cancelDeploy(id: $id) { id status }\n  }\n"): typeof import('./graphql.js').CliCancelDeployDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
