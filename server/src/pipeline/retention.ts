import { rm } from 'node:fs/promises';
import type { EntityManager } from '@mikro-orm/knex';
import { DeployEntity } from '../db/entities.js';
import type { Site } from '../domain/model.js';
import type { DataDir } from './data-dir.js';

/**
 * Keeps the files of `keep` deploys of a site: the one it serves now and the newest others; older
 * deploys lose their folder but keep their rows and logs, marked with filesPrunedAt. Rollback deploys own no
 * files: they go with the deploy they point at. Archives are removed once no kept deploy uses them.
 *
 * The runtime forgets a pruned deploy's permalink (and its rollbacks') with its files.
 */
export async function pruneDeploys(
  em: EntityManager,
  data: DataDir,
  /** Tells the runtime to drop what it keeps for these deploys (their permalinks, a server site's apps). */
  forget: (deployIds: string[]) => Promise<void>,
  site: Site,
  keep: number,
  /** The deploy whose files the site serves from now on (counts as one of the kept). */
  serving: string,
): Promise<number> {
  // A rollback serves the files of the deploy it points at: those are the ones kept, not its own (none).
  const servingRow = await em.findOne(DeployEntity, { id: serving });
  const servedFiles = servingRow?.sourceDeployId ?? serving;
  const others = await em.find(
    DeployEntity,
    {
      siteId: site.id,
      id: { $nin: [serving, servedFiles] },
      filesPrunedAt: null,
      status: { $in: ['LIVE', 'SUPERSEDED'] },
      trigger: { $ne: 'ROLLBACK' },
      // Branch and preview deploys (issue 15) are kept while their branch or pull request lives.
      context: 'PRODUCTION',
    },
    { orderBy: { number: 'desc' } },
  );
  const doomed = others.slice(Math.max(0, keep - 1));
  if (doomed.length === 0) return 0;

  const keptArchives = new Set(
    (
      await em.find(DeployEntity, {
        siteId: site.id,
        archive: { $ne: null },
        id: { $nin: doomed.map((d) => d.id) },
      })
    ).map((d) => d.archive),
  );
  const now = new Date();
  const rollbacks = await em.find(DeployEntity, {
    siteId: site.id,
    sourceDeployId: { $in: doomed.map((d) => d.id) },
  });
  for (const deploy of doomed) {
    await rm(data.deploy(site.slug, deploy.id), { recursive: true, force: true });
    if (deploy.archive && !keptArchives.has(deploy.archive))
      await rm(data.archive(deploy.id), { force: true });
    deploy.filesPrunedAt = now;
  }
  for (const rollback of rollbacks) {
    await rm(data.deploy(site.slug, rollback.id), { force: true }); // the permalink symlink
    rollback.filesPrunedAt = now;
  }
  await forget([...doomed, ...rollbacks].map((d) => d.id));
  await em.flush();
  // Blobs the removed folders were the last to link (a kept deploy's links keep its blobs).
  await data.store.collect();
  return doomed.length;
}
