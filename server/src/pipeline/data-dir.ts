import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ContentStore } from './store/content-store.js';
import type { ReadersWriterLock } from './store/rw-lock.js';

/**
 * Where everything lives under LAUNCHPAD_DATA (design.md, "Data directory"). Slugs and ids are validated
 * before they reach here ([a-z0-9-] and 24-hex), so joining them cannot escape the data dir.
 */
export class DataDir {
  /** `files/<sha256>`: every deploy folder is hard links into it (issue 15). One per data dir: it holds the lock. */
  readonly store: ContentStore;

  constructor(
    readonly root: string,
    /** The content store's lock; control planes sharing this data dir pass one they all hold (issue 16). */
    storeLock?: ReadersWriterLock,
  ) {
    this.store = new ContentStore(join(root, 'files'), storeLock);
  }

  site(slug: string): string {
    return join(this.root, 'sites', slug);
  }
  deploys(slug: string): string {
    return join(this.site(slug), 'deploys');
  }
  deploy(slug: string, deployId: string): string {
    return join(this.deploys(slug), deployId);
  }
  /** The symlink nginx serves: `current -> deploys/<deployId>`. */
  current(slug: string): string {
    return join(this.site(slug), 'current');
  }
  get workRoot(): string {
    return join(this.root, 'work');
  }
  work(deployId: string): string {
    return join(this.root, 'work', deployId);
  }
  log(deployId: string): string {
    return join(this.root, 'logs', `${deployId}.log`);
  }
  archive(deployId: string): string {
    return join(this.root, 'archives', `${deployId}.zip`);
  }
  /** A site's build cache (issue 15): package-manager caches and node_modules, for its builds only. */
  buildCache(siteId: string): string {
    return join(this.root, 'build-cache', siteId);
  }
  /** Archive paths are stored relative to the data dir so the data dir can move. */
  archiveRelative(deployId: string): string {
    return join('archives', `${deployId}.zip`);
  }

  /** Each site's access-log folder, `traffic/<siteId>/` (issue 13). */
  get trafficRoot(): string {
    return join(this.root, 'traffic');
  }

  /** A digest deploy's files while it waits for uploads (issue 15); kept across restarts, unlike work/. */
  uploads(deployId: string): string {
    return join(this.root, 'uploads', deployId);
  }
  get uploadsRoot(): string {
    return join(this.root, 'uploads');
  }

  async prepare(): Promise<void> {
    for (const dir of ['sites', 'work', 'logs', 'archives', 'traffic', 'uploads']) {
      await mkdir(join(this.root, dir), { recursive: true, mode: 0o755 });
    }
    await this.store.prepare();
  }
}
