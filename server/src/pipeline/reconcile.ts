import { readdir, readlink, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/knex';
import { DeployEntity } from '../db/entities.js';
import type { Deploy, Site } from '../domain/model.js';
import { validateSlug } from '../domain/slug.js';
import type { PubSub } from '../events/pubsub.js';
import type { SiteRuntime } from '../runtime/ports.js';
import type { SecretBox } from '../secrets/box.js';
import type { Activation } from './activation.js';
import type { DataDir } from './data-dir.js';
import { siteSpec } from './site-spec.js';
import { DeployState } from './state.js';

export interface ReconcileDeps {
  bus: PubSub;
  data: DataDir;
  runtime: SiteRuntime;
  activation: Pick<Activation, 'reapply'>;
  secrets: SecretBox;
  /** Deploys a running deploy is writing right now: never touched (none at start; checked anyway). */
  isRunning(deployId: string): boolean;
}

/**
 * What a site serves after a crash, decided per site. The database is the truth: it is what the API has
 * told users, and an activation records its deploy LIVE only once everything before it (config, files,
 * switch, retention) is done, so a switch without that commit is a half-done activation. It is undone: the
 * site serves the deploy the database calls current again, its config and its files (`restore`).
 * Only when that deploy's files are gone (retention with LAUNCHPAD_KEEP_DEPLOYS=1 prunes the previous deploy
 * just before the commit) and `current` already points at the complete files of the deploy that was being
 * activated, that activation is finished instead (`finish`): the site then serves what it served when the
 * process died, and the database says so.
 */
export type ServingDecision =
  | { action: 'keep' }
  | { action: 'restore'; deployId: string }
  | { action: 'finish'; deployId: string }
  | { action: 'unserve' };

export interface ServingFacts {
  /** The database's current deploy of the site (null: it never went live). */
  current: Pick<Deploy, 'id' | 'filesPrunedAt'> | null;
  /** Whether the current deploy's folder exists. */
  currentFiles: boolean;
  /** The deploy `current` points at (null: no link). */
  linked: string | null;
  /** Whether the linked deploy was mid-activation when the process stopped (PUBLISHING), with its files. */
  linkedInterrupted: boolean;
  /** Whether a deploy of the site was mid-activation: its config may have replaced the live one. */
  interrupted: boolean;
}

/** Pure: which way a site's serving state is brought back in line with its rows (table-tested). */
export function decideServing(f: ServingFacts): ServingDecision {
  if (!f.current) return f.linked ? { action: 'unserve' } : { action: 'keep' };
  const restorable = f.currentFiles && !f.current.filesPrunedAt;
  if (!restorable && f.linked && f.linked !== f.current.id && f.linkedInterrupted)
    return { action: 'finish', deployId: f.linked };
  if (f.linked !== f.current.id || f.interrupted) return { action: 'restore', deployId: f.current.id };
  return { action: 'keep' };
}

/**
 * Makes each site's served `current` (and its server config) agree with the database, at start, before the
 * API answers and before interrupted deploys are marked failed. Returns the interrupted deploys it finished
 * (made LIVE) instead of undoing. A site it cannot bring back is reported and left as it is.
 */
export async function reconcileServing(
  em: EntityManager,
  deps: ReconcileDeps,
  sites: Site[],
  interrupted: Deploy[],
): Promise<Set<string>> {
  const state = new DeployState(em, deps.bus);
  const finished = new Set<string>();
  for (const site of sites) {
    const ownInterrupted = interrupted.filter((d) => d.siteId === site.id);
    const linked = await readCurrentLink(deps.data.current(site.slug));
    const current = site.currentDeployId ? await state.deploy(site.currentDeployId) : null;
    const linkedDeploy = ownInterrupted.find((d) => d.id === linked && d.status === 'PUBLISHING');
    const decision = decideServing({
      current,
      currentFiles: current ? await isDir(deps.data.deploy(site.slug, current.id)) : false,
      linked,
      linkedInterrupted: !!linkedDeploy && (await isDir(deps.data.deploy(site.slug, linkedDeploy.id))),
      interrupted: ownInterrupted.some((d) => d.status === 'PUBLISHING'),
    });
    try {
      if (decision.action === 'unserve') {
        // Its first deploy was switched in but never recorded: the site has nothing to serve yet.
        await deps.runtime.remove(site.slug);
        await rm(deps.data.current(site.slug), { force: true });
        console.warn(`recovery: ${site.slug}: stopped serving a deploy that never went live`);
      } else if (decision.action === 'restore') {
        await deps.activation.reapply(
          em,
          site.id,
          'restart: serving this deploy again, as the database says',
        );
        if (linked !== decision.deployId)
          console.warn(
            `recovery: ${site.slug}: served ${linked ?? 'nothing'}, now ${decision.deployId} again`,
          );
      } else if (decision.action === 'finish') {
        await state.goLive(linkedDeploy!, site, current);
        finished.add(decision.deployId);
        await deps.activation.reapply(em, site.id, 'restart: finishing the switch to this deploy');
        console.warn(`recovery: ${site.slug}: finished going live with ${decision.deployId}`);
      }
    } catch (err) {
      console.error(`recovery: ${site.slug}: could not make what it serves agree with the database:`, err);
    }
  }
  return finished;
}

/**
 * Removes what deploys that never went live left behind: deploy folders, permalinks (through the runtime),
 * archives and logs of deploys with no row, and folders of sites with no row. Kept: every deploy retention
 * keeps (LIVE and SUPERSEDED with files), QUEUED ones, anything a running deploy writes, and the newest
 * archive of each site (a redeploy without a file uses it again).
 */
export async function removeLeftovers(
  em: EntityManager,
  deps: ReconcileDeps,
  sites: Site[],
): Promise<{ folders: number; permalinks: number; archives: number }> {
  const removed = { folders: 0, permalinks: 0, archives: 0 };
  // A fork of its own: these rows are loaded partially and must never be flushed.
  const deploys = await em
    .fork()
    .find(
      DeployEntity,
      {},
      { fields: ['id', 'siteId', 'number', 'status', 'filesPrunedAt', 'archive'], refresh: true },
    );
  const kept = new Set(deploys.filter(keepsFiles).map((d) => d.id));
  const known = new Set(deploys.map((d) => d.id));
  const busy = (id: string) => kept.has(id) || deps.isRunning(id);

  for (const site of sites) {
    const keep = deploys.filter((d) => d.siteId === site.id && busy(d.id)).map((d) => d.id);
    const dir = deps.data.deploys(site.slug);
    for (const entry of await readdir(dir).catch(() => [] as string[])) {
      if (!DEPLOY_ID.test(entry) || busy(entry)) continue;
      await rm(join(dir, entry), { recursive: true, force: true });
      removed.folders++;
    }
    // Temporary links of a switch the crash interrupted.
    for (const entry of await readdir(deps.data.site(site.slug)).catch(() => [] as string[])) {
      if (entry.startsWith('.current-')) await rm(join(deps.data.site(site.slug), entry), { force: true });
    }
    removed.permalinks += (await deps.runtime.retain(siteSpec(site, deps.secrets), keep)).length;
  }

  const slugs = new Set(sites.map((s) => s.slug));
  const sitesRoot = join(deps.data.root, 'sites');
  for (const entry of await readdir(sitesRoot).catch(() => [] as string[])) {
    if (slugs.has(entry) || !isSlug(entry)) continue;
    await rm(join(sitesRoot, entry), { recursive: true, force: true });
    removed.folders++;
  }

  const keptArchives = new Set<string>();
  const newest = new Map<string, { number: number; archive: string }>();
  for (const d of deploys) {
    if (!d.archive) continue;
    if (busy(d.id) || d.status === 'QUEUED') keptArchives.add(d.archive);
    const seen = newest.get(d.siteId);
    if (!seen || seen.number < d.number) newest.set(d.siteId, { number: d.number, archive: d.archive });
  }
  for (const { archive } of newest.values()) keptArchives.add(archive);
  for (const entry of await readdir(join(deps.data.root, 'archives')).catch(() => [] as string[])) {
    const id = entry.replace(/\.zip$/, '');
    if (!DEPLOY_ID.test(id) || keptArchives.has(deps.data.archiveRelative(id)) || deps.isRunning(id))
      continue;
    await rm(join(deps.data.root, 'archives', entry), { force: true });
    removed.archives++;
  }
  for (const entry of await readdir(join(deps.data.root, 'logs')).catch(() => [] as string[])) {
    const id = entry.replace(/\.log$/, '');
    if (DEPLOY_ID.test(id) && !known.has(id)) await rm(join(deps.data.root, 'logs', entry), { force: true });
  }
  return removed;
}

/** Only names Launchpad gives (24 hex characters) are ever removed here: anything else is not ours. */
const DEPLOY_ID = /^[0-9a-f]{24}$/;

/** A deploy whose files retention keeps: it went live (or is still to run) and was not pruned. */
function keepsFiles(d: Pick<Deploy, 'status' | 'filesPrunedAt'>): boolean {
  if (d.status === 'QUEUED') return true;
  return (d.status === 'LIVE' || d.status === 'SUPERSEDED') && !d.filesPrunedAt;
}

/** The deploy id `current` points at (`deploys/<id>`), or null when there is no such link. */
async function readCurrentLink(link: string): Promise<string | null> {
  const target = await readlink(link).catch(() => null);
  const match = target ? /^deploys\/([0-9a-f]{24})$/.exec(target) : null;
  return match?.[1] ?? null;
}

function isSlug(name: string): boolean {
  try {
    validateSlug(name);
    return true;
  } catch {
    return false;
  }
}

async function isDir(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}
