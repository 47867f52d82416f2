import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { chmod, mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { EntityManager } from '@mikro-orm/knex';
import { DeployEntity } from '../db/entities.js';
import { queueLane } from '../domain/deploy-context.js';
import { BadInputError, ConflictError } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { type Deploy, isSettled } from '../domain/model.js';
import type { PubSub } from '../events/pubsub.js';
import type { DataDir } from '../pipeline/data-dir.js';
import type { DeployScheduler } from '../pipeline/queue.js';
import { DeployState } from '../pipeline/state.js';
import { SHA256 } from '../pipeline/store/content-store.js';
import {
  checkDigestFiles,
  type DeployFileInput,
  type DigestLimits,
  type DigestManifest,
} from '../source/digest-manifest.js';
import { type Caller, getDeploy, getSite } from './scope.js';
import type { SiteService, Upload } from './sites.js';

/** What createDigestDeploy and uploadDeployFiles answer (api.md): the deploy and the digests still missing. */
export interface DigestDeploy {
  deploy: Deploy;
  required: string[];
}

export interface DigestDeployDeps {
  /** A unit of work of its own, for the sweep. */
  fork: () => EntityManager;
  data: DataDir;
  bus: PubSub;
  queue: DeployScheduler;
  sites: Pick<SiteService, 'queueDeploy'>;
  limits: DigestLimits;
  /** A deploy that receives no upload for this long is cancelled (LAUNCHPAD_UPLOAD_TIMEOUT). */
  uploadTimeoutMs: number;
  now?: () => Date;
}

const refuse = (message: string) => new BadInputError(message, 'files');

/**
 * Digest deploys (api.md, "Deploy workflow"): the client lists its files by path, SHA-256 and size; the
 * server links at once every file its content store already holds and answers with the digests it lacks;
 * the client uploads only those, and the deploy is queued by itself once nothing is missing. Until then it
 * is UPLOADING, with its files staged in uploads/<id> (hard links into the store, so no collection can take
 * a blob it was promised). One that receives nothing for LAUNCHPAD_UPLOAD_TIMEOUT is CANCELLED.
 */
export class DigestDeploys {
  private readonly now: () => Date;
  /** Uploads to one deploy run one request at a time: each sees what the one before it stored. */
  private readonly turns = new Map<string, Promise<unknown>>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: DigestDeployDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async create(caller: Caller, siteId: string, files: readonly DeployFileInput[]): Promise<DigestDeploy> {
    const site = await getSite(caller, siteId, 'DEVELOPER');
    if (site.sourceType !== 'ZIP') {
      throw new BadInputError(
        'A git site is deployed from its repository, not from uploaded files',
        'siteId',
      );
    }
    const manifest = checkDigestFiles(files, this.deps.limits);
    const id = newId();
    let required: string[];
    let deploy: Deploy;
    try {
      required = await this.stage(id, manifest);
      deploy = await this.deps.sites.queueDeploy(
        caller,
        site,
        'UPLOAD',
        { id, status: 'UPLOADING', digest: true },
        false,
      );
    } catch (err) {
      await this.discard(id);
      throw err;
    }
    if (required.length === 0) await this.start(caller.em, deploy);
    return { deploy, required };
  }

  async upload(caller: Caller, deployId: string, files: readonly Upload[]): Promise<DigestDeploy> {
    const found = await getDeploy(caller, deployId, 'DEVELOPER');
    if (!found.digest) {
      throw new BadInputError(
        'This deploy was not created by createDigestDeploy; it takes no uploads',
        'deployId',
      );
    }
    return this.inTurn(deployId, async () => {
      const state = new DeployState(caller.em, this.deps.bus, this.now);
      const deploy = (await state.deploy(deployId))!;
      if (deploy.status !== 'UPLOADING') {
        throw new ConflictError(
          `Deploy #${deploy.number} is ${deploy.status.toLowerCase()}; it needs no files`,
        );
      }
      const manifest = await this.manifest(deployId);
      const missing = await this.missing(deployId, manifest);
      const received = await this.receiveAll(files, manifest);
      const staged = join(this.deps.data.uploads(deployId), 'files');
      // fsyncs are what a commit waits for; a few at once let the file system group them.
      await inParallel(received, 8, async ({ sha, temp }) => {
        const paths = missing.get(sha);
        if (!paths) return rm(temp, { force: true }); // sent again (a retried request): already stored
        await this.deps.data.store.commit(
          temp,
          sha,
          paths.map((p) => join(staged, p)),
        );
        missing.delete(sha);
      });
      const at = this.now();
      await utimes(this.manifestPath(deployId), at, at); // the deploy is alive: the timeout starts again
      if (missing.size === 0) await this.start(caller.em, deploy);
      return { deploy, required: [...missing.keys()] };
    });
  }

  /** Starts the sweep of abandoned deploys (and runs one now). */
  startSweeping(): void {
    void this.sweep();
    const every = Math.min(this.deps.uploadTimeoutMs, 60_000);
    this.timer = setInterval(() => void this.sweep(), every);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * Cancels UPLOADING deploys that received nothing for the timeout, and removes staged files no waiting
   * deploy owns (a cancelled or replaced one's, a crash's). Never fails: the next sweep tries again.
   */
  async sweep(em: EntityManager = this.deps.fork()): Promise<{ expired: number; removed: number }> {
    const result = { expired: 0, removed: 0 };
    try {
      // Listed before any row is read: a folder whose row is not there yet belongs to a `create` still
      // staging (the row comes after), so only folders seen before the rows were read are judged by them.
      const staged = (await readdir(this.deps.data.uploadsRoot).catch(() => [] as string[])).filter((e) =>
        /^[0-9a-f]{24}$/.test(e),
      );
      const state = new DeployState(em, this.deps.bus, this.now);
      const uploading = await em.find(DeployEntity, { digest: true, status: 'UPLOADING' });
      const limit = this.now().getTime() - this.deps.uploadTimeoutMs;
      for (const deploy of uploading) {
        const touched = (await stat(this.manifestPath(deploy.id)).catch(() => null))?.mtimeMs;
        if ((touched ?? deploy.createdAt.getTime()) > limit) continue;
        const minutes = Math.round(this.deps.uploadTimeoutMs / 60_000);
        await state.setDeploy(deploy, 'CANCELLED', {
          error: `No files were uploaded for ${minutes} minute(s); deploy again (only missing files are sent)`,
        });
        result.expired++;
      }
      // Read after the expiry, so a deploy just cancelled reads as such, and a row written since the
      // listing is a deploy that just began uploading.
      const rows = new Map(
        (await em.find(DeployEntity, { id: { $in: staged } }, { fields: ['id', 'status'] })).map((d) => [
          d.id,
          d.status,
        ]),
      );
      for (const entry of staged) {
        const status = rows.get(entry);
        // Still wanted: uploading, queued, or building or publishing here or on another control plane
        // (issue 16), which took the files (deployer.ts) or still will.
        if ((status && !isSettled(status)) || this.deps.queue.isRunning(entry)) continue;
        // No row: a deploy being created right now, or one a crash cut off before its row was written.
        // Only the second grows older than the upload timeout.
        if (!rows.has(entry) && !(await this.untouchedSince(entry, limit))) continue;
        await rm(this.deps.data.uploads(entry), { recursive: true, force: true });
        result.removed++;
      }
      if (result.removed > 0) await this.deps.data.store.collect();
    } catch (err) {
      console.error('digest deploys: sweep failed:', err);
    }
    return result;
  }

  /** Whether a staged folder (and its manifest) last changed before `limit` (epoch ms). */
  private async untouchedSince(deployId: string, limit: number): Promise<boolean> {
    const changed = await Promise.all(
      [this.deps.data.uploads(deployId), this.manifestPath(deployId)].map(
        async (path) => (await stat(path).catch(() => null))?.mtimeMs ?? 0,
      ),
    );
    return Math.max(...changed) <= limit;
  }

  /** Removes a deploy's staged files (a cancelled or refused deploy) and the blobs only they linked. */
  async discard(deployId: string): Promise<void> {
    await rm(this.deps.data.uploads(deployId), { recursive: true, force: true });
    await this.deps.data.store.collect();
  }

  /** Writes the manifest and links every file the store holds; returns the digests it does not. */
  private async stage(deployId: string, manifest: DigestManifest): Promise<string[]> {
    const root = this.deps.data.uploads(deployId);
    const staged = join(root, 'files');
    await mkdir(staged, { recursive: true, mode: 0o755 });
    await writeFile(this.manifestPath(deployId), JSON.stringify(manifest.files));
    const folders = new Set<string>([staged]);
    for (const file of manifest.files) folders.add(dirname(join(staged, file.path)));
    for (const folder of [...folders].sort()) {
      await mkdir(folder, { recursive: true });
      // mkdir's mode passes through the umask; the site container must be able to read the tree.
      await chmod(folder, 0o755);
    }
    const wanted = [...manifest.blobs].map(([sha, { size, paths }]) => ({
      sha,
      size,
      targets: paths.map((p) => join(staged, p)),
    }));
    return this.deps.data.store.linkMany(wanted, (sha) =>
      refuse(`the size given for ${sha} is not the size of the file with that digest`),
    );
  }

  private manifestPath(deployId: string): string {
    return join(this.deps.data.uploads(deployId), 'manifest.json');
  }

  private async manifest(deployId: string): Promise<DigestManifest> {
    const files = JSON.parse(await readFile(this.manifestPath(deployId), 'utf8')) as DeployFileInput[];
    return checkDigestFiles(files, {
      maxFiles: Number.MAX_SAFE_INTEGER,
      maxUncompressedBytes: Number.MAX_SAFE_INTEGER,
    });
  }

  /** Digests with at least one path not staged yet, with those paths. */
  private async missing(deployId: string, manifest: DigestManifest): Promise<Map<string, string[]>> {
    const staged = join(this.deps.data.uploads(deployId), 'files');
    // One readdir per folder instead of one lstat per file: a request must not cost O(files) syscalls.
    const present = new Set(
      (await readdir(staged, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile())
        .map((e) => relative(staged, join(e.parentPath, e.name)).split(sep).join('/')),
    );
    const missing = new Map<string, string[]>();
    for (const [sha, { paths }] of manifest.blobs) {
      const absent = paths.filter((p) => !present.has(p));
      if (absent.length > 0) missing.set(sha, absent);
    }
    return missing;
  }

  /**
   * Checks every part's name and declared size, then streams each into a temp file of the store while
   * hashing it. Any bad part refuses the whole request and removes every temp file: nothing is half-stored.
   */
  private async receiveAll(
    files: readonly Upload[],
    manifest: DigestManifest,
  ): Promise<{ sha: string; temp: string }[]> {
    if (files.length === 0) throw refuse('no files were sent');
    const seen = new Set<string>();
    for (const file of files) {
      const sha = file.name;
      if (!SHA256.test(sha))
        throw refuse('each part must be named by its sha256 (64 lowercase hex characters)');
      const blob = manifest.blobs.get(sha);
      if (!blob) throw refuse(`${sha} is not the digest of a file of this deploy`);
      if (seen.has(sha)) throw refuse(`${sha} was sent twice`);
      seen.add(sha);
      if (file.size !== blob.size) {
        throw refuse(`${sha} is ${file.size} bytes; the deploy lists it with ${blob.size}`);
      }
    }
    const received = files.map((file) => ({ sha: file.name, temp: this.deps.data.store.tempPath(), file }));
    let failure: unknown = null;
    // Several parts at once; after a failure no new one starts, and the temps go once every write has ended.
    await inParallel(received, 8, async ({ file, temp }) => {
      if (failure) return;
      await receive(file, temp, manifest.blobs.get(file.name)!.size).catch((err) => {
        failure ??= err;
      });
    });
    if (failure) {
      await Promise.all(received.map(({ temp }) => rm(temp, { force: true })));
      throw failure;
    }
    return received;
  }

  /** Nothing is missing any more: the deploy joins the queue like any other. */
  private async start(em: EntityManager, deploy: Deploy): Promise<void> {
    const state = new DeployState(em, this.deps.bus, this.now);
    await state.setDeploy(deploy, 'QUEUED');
    await this.deps.queue.enqueue(deploy.id, deploy.siteId, queueLane(deploy), (replaced) =>
      state.cancelReplaced(replaced, deploy),
    );
  }

  private async inTurn<T>(deployId: string, fn: () => Promise<T>): Promise<T> {
    const before = this.turns.get(deployId) ?? Promise.resolve();
    const mine = before.catch(() => {}).then(fn);
    this.turns.set(deployId, mine);
    try {
      return await mine;
    } finally {
      if (this.turns.get(deployId) === mine) this.turns.delete(deployId);
    }
  }
}

/** Streams one part to `temp`, hashing and counting; refuses more bytes than declared or another digest. */
async function receive(file: Upload, temp: string, size: number): Promise<void> {
  const hash = createHash('sha256');
  let seen = 0;
  const check = new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > size) return done(refuse(`${file.name} holds more than the ${size} bytes listed for it`));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(
    Readable.from(file.stream() as unknown as AsyncIterable<Uint8Array>),
    check,
    createWriteStream(temp, { flags: 'wx', mode: 0o600 }),
  );
  if (seen !== size) throw refuse(`${file.name} is ${seen} bytes; the deploy lists it with ${size}`);
  if (hash.digest('hex') !== file.name) {
    throw refuse(`the bytes sent as ${file.name} have another sha256; the file changed or was damaged`);
  }
}

/** Runs `fn` over `items`, at most `limit` at once. */
async function inParallel<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
