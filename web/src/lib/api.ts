import type { AnyVariables, OperationResult, TypedDocumentNode } from '@urql/core';
import { onEnd, pipe, subscribe } from 'wonka';
import { graphql } from '../gql';
import type {
  CreateSiteInput,
  DeploySummaryFragment,
  LogLineFieldsFragment,
  SiteDetailFragment,
  SiteSummaryFragment,
  UpdateSiteInput,
  WebhookDeliveryFieldsFragment,
} from '../gql/graphql';
import { client } from './client';
import { type ApiError, fromCombinedError } from './errors';
import { type Progress, upload } from './upload';

export type SiteSummary = SiteSummaryFragment;
export type SiteDetail = SiteDetailFragment;
export type DeploySummary = DeploySummaryFragment;
export type LogLine = LogLineFieldsFragment;
export type WebhookDelivery = WebhookDeliveryFieldsFragment;
export type { CreateSiteInput, UpdateSiteInput };
/** A window of a site list: `first` sites after the site `after`, whose name or slug contains `search`. */
export interface SitesPage {
  first: number;
  after?: string | null;
  search?: string | null;
}

const Ping = graphql(`query Ping { __typename }`);
const Sites = graphql(`
  query Sites($first: Int, $after: ID, $search: String) {
    sites(first: $first, after: $after, search: $search) { ...SiteSummary }
  }
`);
const TeamSites = graphql(`
  query TeamSites($id: ID!, $first: Int, $after: ID, $search: String) {
    team(id: $id) { id sites(first: $first, after: $after, search: $search) { ...SiteSummary } }
  }
`);
const Site = graphql(`query Site($id: ID!) { site(id: $id) { ...SiteDetail } }`);
const Deploy = graphql(`query Deploy($id: ID!) { deploy(id: $id) { ...DeploySummary } }`);

const CreateSite = graphql(`
  mutation CreateSite($input: CreateSiteInput!) { createSite(input: $input) { id slug } }
`);
const UpdateSite = graphql(`
  mutation UpdateSite($id: ID!, $input: UpdateSiteInput!) { updateSite(id: $id, input: $input) { ...SiteDetail } }
`);
const DeploySite = graphql(`
  mutation DeploySite($id: ID!, $file: File) { deploySite(id: $id, file: $file) { ...DeploySummary } }
`);
const CancelDeploy = graphql(
  `mutation CancelDeploy($id: ID!) { cancelDeploy(id: $id) { ...DeploySummary } }`,
);
const Rollback = graphql(
  `mutation Rollback($deployId: ID!) { rollback(deployId: $deployId) { ...DeploySummary } }`,
);
const RotateWebhookSecret = graphql(
  `mutation RotateWebhookSecret($id: ID!) { rotateWebhookSecret(id: $id) { ...SiteDetail } }`,
);
const DeleteSite = graphql(`mutation DeleteSite($id: ID!) { deleteSite(id: $id) }`);
const ClearBuildCache = graphql(
  `mutation ClearBuildCache($siteId: ID!) { clearBuildCache(siteId: $siteId) { ...SiteDetail } }`,
);
const GenerateDeployKey = graphql(`
  mutation GenerateDeployKey($siteId: ID!) { generateDeployKey(siteId: $siteId) { publicKey fingerprint createdAt } }
`);

const SitesUpdated = graphql(`subscription SitesUpdated { siteUpdated { ...SiteSummary } }`);
const SiteUpdated = graphql(`subscription SiteUpdated($id: ID!) { siteUpdated(id: $id) { ...SiteDetail } }`);
const DeployUpdated = graphql(`
  subscription DeployUpdated($id: ID!) { deployUpdated(id: $id) { ...DeploySummary } }
`);
const DeployLog = graphql(`
  subscription DeployLog($deployId: ID!, $after: Int) { deployLog(deployId: $deployId, after: $after) { ...LogLineFields } }
`);
const SiteRuntimeLog = graphql(`
  subscription SiteRuntimeLog($siteId: ID!, $tail: Int) { siteRuntimeLog(siteId: $siteId, tail: $tail) { ...LogLineFields } }
`);

function unwrap<D>(result: OperationResult<D>): D {
  if (result.error) throw fromCombinedError(result.error);
  return result.data!;
}

async function query<D, V extends AnyVariables>(doc: TypedDocumentNode<D, V>, variables: V): Promise<D> {
  return unwrap(await client.query(doc, variables).toPromise());
}

async function mutate<D, V extends AnyVariables>(doc: TypedDocumentNode<D, V>, variables: V): Promise<D> {
  return unwrap(await client.mutation(doc, variables).toPromise());
}

export interface WatchHandlers<T> {
  next: (value: T) => void;
  error?: (error: ApiError) => void;
  /** The server ended the subscription (a settled deploy's log). Not called on unsubscribe. */
  complete?: () => void;
}

/** Subscribes; returns the unsubscribe function. */
export function watch<D, V extends AnyVariables, T>(
  doc: TypedDocumentNode<D, V>,
  variables: V,
  pick: (data: D) => T,
  handlers: WatchHandlers<T>,
): () => void {
  let stopped = false;
  const { unsubscribe } = pipe(
    client.subscription(doc, variables),
    onEnd(() => {
      if (!stopped) handlers.complete?.();
    }),
    subscribe((result) => {
      if (result.error) return handlers.error?.(fromCombinedError(result.error));
      // urql repeats the last payload with hasNext: false when the server completes.
      if (result.hasNext === false || !result.data) return;
      handlers.next(pick(result.data));
    }),
  );
  return () => {
    stopped = true;
    unsubscribe();
  };
}

export const api = {
  /** Checks a token before it is kept. */
  async verifyToken(token: string): Promise<void> {
    const result = await client
      .query(Ping, {}, { fetchOptions: { headers: { authorization: `Bearer ${token}` } } })
      .toPromise();
    unwrap(result);
  },
  /** Every site (the admin token), newest first: a page of them, optionally only those matching `search`. */
  sites: async (page: SitesPage) => (await query(Sites, page)).sites,
  /** One team's sites, as sites() (a team that is gone, or no longer the caller's, has none). */
  teamSites: async (teamId: string, page: SitesPage) =>
    (await query(TeamSites, { id: teamId, ...page })).team?.sites ?? [],
  site: async (id: string) => (await query(Site, { id })).site ?? null,
  deploy: async (id: string) => (await query(Deploy, { id })).deploy ?? null,

  createSite: async (input: CreateSiteInput) => (await mutate(CreateSite, { input })).createSite,
  createZipSite: async (
    input: CreateSiteInput,
    file: File,
    onProgress?: (p: Progress) => void,
    signal?: AbortSignal,
  ) =>
    (
      await upload({
        document: CreateSite,
        variables: { input },
        filePath: 'input.file',
        file,
        ...(onProgress ? { onProgress } : {}),
        ...(signal ? { signal } : {}),
      })
    ).createSite,
  updateSite: async (id: string, input: UpdateSiteInput) =>
    (await mutate(UpdateSite, { id, input })).updateSite,
  /** Deploys again: with a new archive when `file` is given, else with the last one. */
  deploySite: async (id: string, file?: File, onProgress?: (p: Progress) => void, signal?: AbortSignal) =>
    file
      ? (
          await upload({
            document: DeploySite,
            variables: { id },
            filePath: 'file',
            file,
            ...(onProgress ? { onProgress } : {}),
            ...(signal ? { signal } : {}),
          })
        ).deploySite
      : (await mutate(DeploySite, { id })).deploySite,
  cancelDeploy: async (id: string) => (await mutate(CancelDeploy, { id })).cancelDeploy,
  /** Makes an earlier deploy's files current again; answers with the new ROLLBACK deploy, already live. */
  rollback: async (deployId: string) => (await mutate(Rollback, { deployId })).rollback,
  rotateWebhookSecret: async (id: string) => (await mutate(RotateWebhookSecret, { id })).rotateWebhookSecret,
  deleteSite: async (id: string) => (await mutate(DeleteSite, { id })).deleteSite,
  /** Empties the site's build cache; the next build starts cold. */
  clearBuildCache: async (siteId: string) => (await mutate(ClearBuildCache, { siteId })).clearBuildCache,
  /** A new deploy key pair for a git site (the old public key stops working once removed on GitHub). */
  generateDeployKey: async (siteId: string) =>
    (await mutate(GenerateDeployKey, { siteId })).generateDeployKey,

  watchSites: (h: WatchHandlers<SiteSummary>) => watch(SitesUpdated, {}, (d) => d.siteUpdated, h),
  watchSite: (id: string, h: WatchHandlers<SiteDetail>) =>
    watch(SiteUpdated, { id }, (d) => d.siteUpdated, h),
  watchDeploy: (id: string, h: WatchHandlers<DeploySummary>) =>
    watch(DeployUpdated, { id }, (d) => d.deployUpdated, h),
  /** Lines with seq > after, then live ones; completes when the deploy has ended. */
  watchLog: (deployId: string, after: number, h: WatchHandlers<LogLine>) =>
    watch(DeployLog, { deployId, after }, (d) => d.deployLog, h),
  /** A SERVER site's running app: its last `tail` lines, then live ones. */
  watchRuntimeLog: (siteId: string, tail: number, h: WatchHandlers<LogLine>) =>
    watch(SiteRuntimeLog, { siteId, tail }, (d) => d.siteRuntimeLog, h),
};
