import { graphql } from './gql/gql.js';

// Every operation the CLI sends, typed by codegen (npm run generate) from schema.graphql: the CLI uses the
// public API only, exactly as any other client would.

export const Viewer = graphql(`
  query CliViewer {
    viewer { user { email } teams { id slug name viewerRole } }
  }
`);

export const Sites = graphql(`
  query CliSites {
    sites { id slug name sourceType status url currentDeploy { id number status } }
  }
`);

export const SiteBySlug = graphql(`
  query CliSiteBySlug($slug: String!) {
    site(slug: $slug) { id slug name sourceType url }
  }
`);

export const SiteById = graphql(`
  query CliSiteById($id: ID!) {
    site(id: $id) { id slug name sourceType url }
  }
`);

export const CreateSite = graphql(`
  mutation CliCreateSite($input: CreateSiteInput!) {
    createSite(input: $input) { id slug name sourceType url }
  }
`);

export const CreateDigestDeploy = graphql(`
  mutation CliCreateDigestDeploy($siteId: ID!, $files: [DeployFileInput!]!) {
    createDigestDeploy(siteId: $siteId, files: $files) { required deploy { id number status } }
  }
`);

export const UploadDeployFiles = graphql(`
  mutation CliUploadDeployFiles($deployId: ID!, $files: [File!]!) {
    uploadDeployFiles(deployId: $deployId, files: $files) { required deploy { id status } }
  }
`);

export const DeployState = graphql(`
  query CliDeployState($id: ID!) {
    deploy(id: $id) { id number status error url permalink site { id } }
  }
`);

export const DeployUpdated = graphql(`
  subscription CliDeployUpdated($id: ID!) {
    deployUpdated(id: $id) { id number status error url permalink site { id } }
  }
`);

export const DeployLogs = graphql(`
  query CliDeployLogs($id: ID!, $after: Int, $first: Int) {
    deploy(id: $id) { id logs(after: $after, first: $first) { seq at stream text } }
  }
`);

export const DeployLog = graphql(`
  subscription CliDeployLog($deployId: ID!, $after: Int) {
    deployLog(deployId: $deployId, after: $after) { seq at stream text }
  }
`);

export const Rollback = graphql(`
  mutation CliRollback($deployId: ID!) {
    rollback(deployId: $deployId) { id number status url permalink site { id slug } }
  }
`);

export const CancelDeploy = graphql(`
  mutation CliCancelDeploy($id: ID!) {
    cancelDeploy(id: $id) { id status }
  }
`);
