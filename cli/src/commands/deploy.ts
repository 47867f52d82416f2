import type { Api } from '../api/http.js';
import type { FilePart } from '../api/multipart.js';
import { socketClient } from '../api/ws.js';
import { planBatches } from '../batches.js';
import { CliError, EXIT, usage } from '../errors.js';
import { type FolderScan, type LocalFile, openRegular, scanFolder } from '../folder.js';
import { formatBytes } from '../format.js';
import { CancelDeploy, CreateDigestDeploy, CreateSite, UploadDeployFiles } from '../operations.js';
import type { Output } from '../output.js';
import { uploadProgress } from '../progress.js';
import { openSession } from '../session.js';
import { findSite, type SiteRef } from './site-ref.js';
import { watchDeploy } from './wait-deploy.js';

export interface DeployOptions {
  site?: string;
  create?: string;
  team?: string;
}

/** What `deploy --json` prints (api.md): exactly these keys. */
export interface DeployReport {
  deployId: string;
  siteId: string;
  url: string;
  permalink: string;
  status: string;
  totalFiles: number;
  uploadedFiles: number;
  uploadedBytes: number;
}

/**
 * A digest deploy of a folder: hash every file, tell the server the list (createDigestDeploy), upload only
 * the files it lacks in multipart batches, then wait on deployUpdated until the deploy is live (or failed)
 * and print its URL. A second run over an unchanged folder uploads nothing.
 */
export async function deploy(out: Output, dir: string, opts: DeployOptions): Promise<number> {
  if (!opts.site && !opts.create)
    throw usage('deploy needs --site <slug|id> (or --create <name> for a new site)');
  const { api } = await openSession(out);
  const site = await siteFor(api, out, opts);

  const scan = await scanFolder(dir);
  noteSkipped(out, scan);
  out.note(`Hashed ${scan.files.length} files (${formatBytes(scan.bytes)}) in ${scan.root}`);

  const files = scan.files.map((f) => ({ path: f.path, sha256: f.sha256, size: f.size }));
  const created = (await api.multipart(CreateDigestDeploy, { siteId: site.id, files })).createDigestDeploy;
  const deployId = created.deploy.id;
  const client = socketClient(api.settings);
  try {
    const watch = watchDeploy(api, client, deployId);
    const upload = await cancelUnlessDone(api, deployId, () =>
      uploadRequired(api, deployId, created.required, scan.files),
    );
    out.note(
      upload.files
        ? `Uploaded ${upload.files} of ${scan.files.length} files (${formatBytes(upload.bytes)}); deploy #${created.deploy.number} is starting`
        : `Uploaded 0 of ${scan.files.length} files (0 B): the server has every file; deploy #${created.deploy.number} is starting`,
    );
    const done = await watch.finished();
    const report: DeployReport = {
      deployId,
      siteId: done.site.id,
      url: done.url,
      permalink: done.permalink,
      status: done.status,
      totalFiles: scan.files.length,
      uploadedFiles: upload.files,
      uploadedBytes: upload.bytes,
    };
    if (done.status === 'FAILED' || done.status === 'CANCELLED') {
      out.result(report, '');
      out.write(
        process.stderr,
        `launchpad: deploy #${done.number} ${done.status}: ${done.error ?? 'no reason given'}\n`,
      );
      return done.status === 'FAILED' ? EXIT.DEPLOY_FAILED : EXIT.DEPLOY_CANCELLED;
    }
    out.result(report, `Deploy #${done.number} is ${done.status}: ${done.url}\nPermalink: ${done.permalink}`);
    return EXIT.OK;
  } finally {
    await client.dispose();
  }
}

/**
 * Runs the upload; when it fails or the user presses Ctrl-C, the deploy is cancelled rather than left
 * UPLOADING until the server's upload timeout (best effort: the server's timeout still ends it otherwise).
 */
async function cancelUnlessDone<T>(api: Api, deployId: string, upload: () => Promise<T>): Promise<T> {
  const cancel = () => api.request(CancelDeploy, { id: deployId }).catch(() => {});
  const onSignal = () => {
    void cancel().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  try {
    return await upload();
  } catch (err) {
    await cancel();
    throw err;
  } finally {
    process.off('SIGINT', onSignal);
  }
}

async function siteFor(api: Api, out: Output, opts: DeployOptions): Promise<SiteRef> {
  const found = opts.site ? await findSite(api, opts.site) : null;
  if (found) return found;
  if (!opts.create) {
    throw new CliError('NOT_FOUND', `no site ${JSON.stringify(opts.site)}; add --create <name> to create it`);
  }
  const input = {
    name: opts.create,
    sourceType: 'ZIP' as const,
    ...(opts.site ? { slug: opts.site } : {}),
    ...(opts.team ? { teamId: opts.team } : {}),
  };
  const site = (await api.request(CreateSite, { input })).createSite;
  out.note(`Created site ${site.slug} (${site.url})`);
  return site;
}

function noteSkipped(out: Output, scan: FolderScan): void {
  const links = scan.skipped.filter((s) => s.reason === 'symlink');
  const special = scan.skipped.filter((s) => s.reason === 'not a regular file');
  const ignored = scan.skipped.filter((s) => s.reason === 'ignored');
  if (links.length) {
    out.warn(
      `skipped ${links.length} symlink(s), which are never followed: ${sample(links.map((s) => s.path))}`,
    );
  }
  if (special.length)
    out.warn(`skipped ${special.length} special file(s): ${sample(special.map((s) => s.path))}`);
  if (ignored.length)
    out.note(`Left out ${ignored.length} dotfile(s) or folder(s): ${sample(ignored.map((s) => s.path))}`);
}

const sample = (paths: string[]) =>
  paths.length > 5 ? `${paths.slice(0, 5).join(', ')}, …` : paths.join(', ');

/** Uploads each required digest once (any one of the paths that have it), in batches, with progress. */
async function uploadRequired(
  api: Api,
  deployId: string,
  required: readonly string[],
  files: readonly LocalFile[],
): Promise<{ files: number; bytes: number }> {
  if (required.length === 0) return { files: 0, bytes: 0 };
  const bySha = new Map(files.map((f) => [f.sha256, f]));
  const todo = required.map((sha) => {
    const file = bySha.get(sha);
    if (!file)
      throw new CliError('BAD_RESPONSE', `the server asked for a file this deploy does not have (${sha})`);
    return file;
  });
  const bytes = todo.reduce((n, f) => n + f.size, 0);
  const progress = uploadProgress(bytes, todo.length);
  let left: readonly string[] = required;
  try {
    for (const batch of planBatches(todo)) {
      const parts: FilePart[] = batch.map((file) => ({
        name: file.sha256,
        size: file.size,
        open: () => read(file),
      }));
      const answer = await api.multipart(UploadDeployFiles, { deployId, files: [] }, parts, 'files', (n) =>
        progress.add(n),
      );
      left = answer.uploadDeployFiles.required;
    }
  } finally {
    progress.stop();
  }
  if (left.length) {
    throw new CliError(
      'BAD_RESPONSE',
      `the server still wants ${left.length} file(s) after the upload`,
      EXIT.ERROR,
    );
  }
  return { files: todo.length, bytes };
}

/** A file's bytes for its part, read through a handle that refuses a symlink swapped in since the scan. */
async function* read(file: LocalFile): AsyncGenerator<Uint8Array> {
  const handle = await openRegular(file.abs);
  try {
    for await (const chunk of handle.createReadStream({ autoClose: false })) yield chunk as Uint8Array;
  } finally {
    await handle.close();
  }
}
