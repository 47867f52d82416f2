/**
 * Pipeline stage "build": runs a site's build command in an ephemeral container with the checkout
 * bind-mounted at /workspace, and streams its output line by line into the deploy log.
 *
 * The build command is the user's own shell command and runs only inside the container (`sh -c` there,
 * never a shell on the host). The container gets no docker.sock, no capabilities, no new privileges,
 * bounded memory / CPU / processes, and a network of its own (build-network.ts): package registries are
 * reachable, the host's own services, the site containers and other builds are not.
 *
 * Disk is bounded too, though this engine cannot cap it up front (overlay2 on ext4 has no per-container
 * quota; a bind mount has none either): no single file may pass the limit (RLIMIT_FSIZE, enforced by the
 * kernel), and a watchdog measures the checkout plus the container's writable layer (`SizeRw`) about once
 * a second and kills the build past the limit. Between two measurements a build can overshoot by what it
 * writes in that time.
 */
import { lchown, lstat, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type Docker from 'dockerode';
import { DomainError } from '../domain/errors.js';
import { formatBytes, formatLimitMB } from '../domain/format-bytes.js';
import { StreamRedactor } from '../secrets/redact.js';
import { BuildNetwork } from './build-network.js';
import { diskUsage, watchDiskUsage } from './disk-usage.js';
import { engineError, ensureImage, isNotFound } from './images.js';
import { BUILD_LABEL, INSTANCE_LABEL, MANAGED_LABEL, SITE_LABEL } from './labels.js';
import { BUILD_TOOLS_PATH } from './ports.js';

/** Where log lines go; `LogSink` (pipeline/log-sink.ts) satisfies it. */
export interface LogWriter {
  write(stream: 'STDOUT' | 'STDERR' | 'SYSTEM', text: string): void;
  system(text: string): void;
}

export const buildContainerName = (deployId: string) => `launchpad-build-${deployId}`;

/** uid:gid a build runs as when the checkout belongs to root (the node images' `node` user). */
export const BUILD_UID = 1000;
export const BUILD_GID = 1000;
export const MAX_BUILD_LINE_CHARS = 8192;

const GiB = 1024 * 1024 * 1024;
export const DEFAULT_BUILD_LIMITS = {
  memoryBytes: 2 * GiB,
  nanoCpus: 1.5e9,
  pids: 512,
  diskBytes: 4 * GiB,
} as const;
/** How often the build's disk use is measured (less often when one measurement is slow). */
const DISK_CHECK_MS = 1000;
/** /tmp (and with it HOME, so npm's cache) is a tmpfs; its pages count against the memory limit. */
const TMP_SIZE = '1g';
/**
 * How long the output may stay silent after the process exited before it is taken as complete. Silent, not
 * in total: a build that printed faster than Launchpad read can leave megabytes in the engine's and the
 * socket's buffers when it exits, and a fixed wait cut such a log short mid-line (bench/log-throughput.ts).
 */
const DRAIN_MS = 2000;

export interface BuildLimits {
  memoryBytes?: number;
  nanoCpus?: number;
  pids?: number;
  /** Disk the build may use: its checkout plus its container's writable layer (LAUNCHPAD_BUILD_DISK_MB). */
  diskBytes?: number;
}

export interface BuildOptions {
  deployId: string;
  siteId: string;
  image: string;
  /** Host path of the checkout, mounted read-write at /workspace. */
  checkout: string;
  /**
   * Host path of the site's own build cache (issue 15), mounted read-write at /cache, where npm, yarn and
   * pnpm keep their caches. Only this site's builds ever see it; it counts against the disk limit.
   */
  cacheDir?: string;
  /** Host path of helper commands, mounted read-only at BUILD_TOOLS_PATH, which goes first on PATH. */
  toolsDir?: string;
  command: string;
  env: readonly { name: string; value: string }[];
  /** Strings the output must never show: masked as a stream, before lines are split (a split value too). */
  redact?: readonly string[];
  timeoutMs: number;
  signal: AbortSignal;
  log: LogWriter;
  limits?: BuildLimits;
  /** Labels the container with the Launchpad instance, so recovery removes only its own builds. */
  instanceId?: string;
  /** The network builds run on; default: the engine's `launchpad-builds` (one per Docker client). */
  network?: BuildNetwork;
}

const defaultNetworks = new WeakMap<Docker, BuildNetwork>();

function networkFor(docker: Docker, given?: BuildNetwork): BuildNetwork {
  if (given) return given;
  let network = defaultNetworks.get(docker);
  if (!network) {
    network = new BuildNetwork(docker);
    defaultNetworks.set(docker, network);
  }
  return network;
}

export interface BuildResult {
  exitCode: number;
  /** The kernel killed the build for exceeding its memory limit. */
  oomKilled: boolean;
}

export class BuildTimeoutError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly timeoutMs: number) {
    super(
      `The build ran longer than ${formatSeconds(timeoutMs)} and was stopped. ` +
        'Make it faster, or raise LAUNCHPAD_BUILD_TIMEOUT.',
    );
    this.name = 'BuildTimeoutError';
  }
}

/**
 * The build wrote more than its disk limit and was killed; its container (and with it every file it wrote
 * outside /workspace) is gone and the checkout has been emptied.
 */
export class BuildDiskLimitError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly limitBytes: number) {
    super(
      `The build used more than ${formatLimitMB(limitBytes)} of disk and was stopped. ` +
        'Make it write less (node_modules, caches and output all count), or raise LAUNCHPAD_BUILD_DISK_MB.',
    );
    this.name = 'BuildDiskLimitError';
  }
}

export class BuildCancelledError extends Error {
  constructor() {
    super('The build was cancelled');
    this.name = 'BuildCancelledError';
  }
}

/**
 * Runs `command` in a fresh build container and resolves with its exit code once it has exited and every
 * line of its output has been written to `log`. Throws BuildTimeoutError / BuildCancelledError when
 * stopped; the container is removed on every path.
 */
export async function runBuild(docker: Docker, opts: BuildOptions): Promise<BuildResult> {
  const { signal } = opts;
  if (!isAbsolute(opts.checkout)) throw new Error(`checkout must be an absolute path: ${opts.checkout}`);
  if (signal.aborted) throw new BuildCancelledError();
  for (const { name } of opts.env) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`invalid environment variable name: ${name}`);
  }

  await ensureImage(docker, opts.image);
  const path = opts.toolsDir ? `${BUILD_TOOLS_PATH}:${await imagePath(docker, opts.image)}` : null;
  const user = await prepareCheckout(opts.checkout);
  if (opts.cacheDir) await prepareCache(opts.cacheDir, user);
  const network = await networkFor(docker, opts.network).ensure();
  if (network.warning) opts.log.system(`warning: ${network.warning}`);
  if (signal.aborted) throw new BuildCancelledError();

  const name = buildContainerName(opts.deployId);
  const memory = opts.limits?.memoryBytes ?? DEFAULT_BUILD_LIMITS.memoryBytes;
  const disk = opts.limits?.diskBytes ?? DEFAULT_BUILD_LIMITS.diskBytes;
  const create: Docker.ContainerCreateOptions = {
    name,
    Image: opts.image,
    Cmd: ['sh', '-c', opts.command],
    WorkingDir: '/workspace',
    User: user,
    // Defaults first: a site may set its own CI or HOME.
    Env: [
      'CI=true',
      'HOME=/tmp',
      ...(opts.cacheDir ? CACHE_ENV : []),
      ...(path ? [`PATH=${path}`] : []),
      ...opts.env.map(({ name, value }) => `${name}=${value}`),
    ],
    Labels: {
      [MANAGED_LABEL]: 'true',
      [SITE_LABEL]: opts.siteId,
      [BUILD_LABEL]: opts.deployId,
      ...(opts.instanceId ? { [INSTANCE_LABEL]: opts.instanceId } : {}),
    },
    AttachStdin: false,
    AttachStdout: true,
    AttachStderr: true,
    Tty: false,
    OpenStdin: false,
    HostConfig: {
      Mounts: [
        { Type: 'bind', Source: opts.checkout, Target: '/workspace', ReadOnly: false },
        ...(opts.cacheDir
          ? [{ Type: 'bind' as const, Source: opts.cacheDir, Target: CACHE_MOUNT, ReadOnly: false }]
          : []),
        ...(opts.toolsDir
          ? [{ Type: 'bind' as const, Source: opts.toolsDir, Target: BUILD_TOOLS_PATH, ReadOnly: true }]
          : []),
      ],
      Tmpfs: { '/tmp': `rw,exec,nosuid,nodev,size=${TMP_SIZE},mode=1777` },
      NetworkMode: network.id,
      Memory: memory,
      MemorySwap: memory,
      NanoCpus: opts.limits?.nanoCpus ?? DEFAULT_BUILD_LIMITS.nanoCpus,
      PidsLimit: opts.limits?.pids ?? DEFAULT_BUILD_LIMITS.pids,
      // No single file may outgrow the whole disk budget: the kernel refuses the write at once (EFBIG),
      // where the watchdog below only sees it at its next measurement.
      Ulimits: [{ Name: 'fsize', Soft: disk, Hard: disk }],
      SecurityOpt: ['no-new-privileges'],
      CapDrop: ['ALL'],
      Privileged: false,
      ReadonlyRootfs: false,
      // A tiny init as PID 1 reaps the zombies npm scripts leave and passes signals on.
      Init: true,
      AutoRemove: false,
    },
  };

  let container: Docker.Container | null = null;
  try {
    container = await createContainer(docker, create, opts.deployId);
    return await attachAndRun(docker, container, opts, { memory, disk });
  } catch (err) {
    if (err instanceof BuildDiskLimitError) {
      // Give the disk back now, not when the caller gets round to it: the container goes below, the
      // checkout is emptied here (Launchpad runs as root, so it can remove whatever the build wrote).
      if (container) await removeQuietly(container);
      container = null;
      await emptyDir(opts.checkout);
    }
    throw err;
  } finally {
    if (container) await removeQuietly(container);
  }
}

async function emptyDir(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.map((n) => rm(join(dir, n), { recursive: true, force: true })));
}

/**
 * What the build occupies on disk: its checkout plus its container's writable layer. This engine cannot
 * cap either (`--storage-opt size` needs overlay2 on xfs with pquota; a bind mount has no size), so the
 * build is measured and killed past its limit.
 */
async function buildDiskUsage(
  container: Docker.Container,
  checkout: string,
  cacheDir: string | undefined,
  stopAbove: number,
) {
  const info = (await container
    .inspect({ size: true } as Docker.ContainerInspectOptions)
    .catch(() => null)) as { SizeRw?: number } | null;
  const layer = info?.SizeRw ?? 0;
  const work = layer + (await diskUsage(checkout, stopAbove - layer));
  return cacheDir ? work + (await diskUsage(cacheDir, stopAbove - work)) : work;
}

async function attachAndRun(
  docker: Docker,
  container: Docker.Container,
  opts: BuildOptions,
  { memory, disk }: { memory: number; disk: number },
): Promise<BuildResult> {
  const { log, signal } = opts;
  // Attach before start, or the first lines are lost.
  const stream = (await container.attach({ stream: true, stdout: true, stderr: true }).catch((err) => {
    throw engineError(err);
  })) as NodeJS.ReadableStream;
  const stdout = new RedactedLines(opts.redact ?? [], (line) => log.write('STDOUT', line));
  const stderr = new RedactedLines(opts.redact ?? [], (line) => log.write('STDERR', line));
  // Writables that hand each frame on synchronously, so lines keep the order the frames arrived in.
  const into = (splitter: RedactedLines) =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        splitter.push(chunk);
        done();
      },
    });
  docker.modem.demuxStream(stream, into(stdout), into(stderr));
  let lastOutput = Date.now();
  stream.on('data', () => {
    lastOutput = Date.now();
  });
  const ended = new Promise<void>((resolve) => {
    stream.once('end', resolve);
    stream.once('close', resolve);
    stream.once('error', () => resolve());
  });

  let stopped: StopReason | null = null;
  const killNow = () =>
    container.kill({ signal: 'SIGKILL' }).catch(() => {
      // Not running (yet, or any more): the kill after start() or wait() covers both.
    });
  const kill = (why: StopReason) => {
    if (stopped) return;
    stopped = why;
    void killNow();
  };
  const onAbort = () => kill('cancelled');
  signal.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => kill('timeout'), opts.timeoutMs);
  let diskUsed = 0;
  let watch: { stop(): Promise<void> } | null = null;

  try {
    if (signal.aborted) throw new BuildCancelledError();
    log.system(`running the build command in ${opts.image}`);
    for (const line of opts.command.split('\n')) log.system(`$ ${line}`);
    await container.start().catch((e) => {
      throw engineError(e);
    });
    watch = watchDiskUsage(
      (stopAbove) => buildDiskUsage(container, opts.checkout, opts.cacheDir, stopAbove),
      disk,
      (bytes) => {
        diskUsed = bytes;
        kill('disk');
      },
      DISK_CHECK_MS,
    );
    // A kill sent while the container was still starting finds nothing to kill; send it again.
    if (stopped) await killNow();
    const { StatusCode } = (await container.wait().catch((e) => {
      throw engineError(e);
    })) as { StatusCode: number };
    await drained(ended, () => lastOutput, DRAIN_MS);
    stdout.end();
    stderr.end();
    await watch.stop();
    // A build that wrote fast and exited between two measurements is measured once more.
    if (!stopped) {
      const used = await buildDiskUsage(container, opts.checkout, opts.cacheDir, disk);
      if (used > disk) {
        diskUsed = used;
        stopped = 'disk';
      }
    }
    const why = stopped as StopReason | null;

    if (why === 'timeout') {
      log.system(`build timed out after ${formatSeconds(opts.timeoutMs)}`);
      throw new BuildTimeoutError(opts.timeoutMs);
    }
    if (why === 'cancelled' || signal.aborted) {
      log.system('build cancelled');
      throw new BuildCancelledError();
    }
    if (why === 'disk') {
      log.system(
        `build used more than ${formatLimitMB(disk)} of disk (${formatBytes(diskUsed)} measured); ` +
          'it was stopped and its files are removed',
      );
      throw new BuildDiskLimitError(disk);
    }
    const oomKilled = await container.inspect().then(
      (info) => info.State?.OOMKilled === true,
      () => false,
    );
    if (oomKilled) {
      log.system(`build ran out of memory (limit ${Math.round(memory / 1024 / 1024)} MiB) and was killed`);
    }
    log.system(`build exited with code ${StatusCode}`);
    return { exitCode: StatusCode, oomKilled };
  } finally {
    clearTimeout(timer);
    await watch?.stop();
    signal.removeEventListener('abort', onAbort);
    (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
  }
}

type StopReason = 'timeout' | 'cancelled' | 'disk';

/** Resolves once `ended` has, or once `lastOutput()` lies `silentMs` in the past. */
async function drained(ended: Promise<void>, lastOutput: () => number, silentMs: number): Promise<void> {
  let finished = false;
  void ended.then(() => {
    finished = true;
  });
  for (;;) {
    const wait = lastOutput() + silentMs - Date.now();
    if (finished || wait <= 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([ended, new Promise((resolve) => (timer = setTimeout(resolve, wait)))]);
    clearTimeout(timer);
  }
}

async function createContainer(
  docker: Docker,
  create: Docker.ContainerCreateOptions,
  deployId: string,
): Promise<Docker.Container> {
  try {
    return await docker.createContainer(create);
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode !== 409) throw engineError(err);
  }
  // A container of the same deploy survived a crash: it is ours (same build label), so replace it.
  const stale = docker.getContainer(create.name!);
  const info = await stale.inspect().catch(() => null);
  if (info?.Config.Labels?.[BUILD_LABEL] !== deployId) {
    throw new Error(`A container named ${create.name} exists and is not this build's; refusing to touch it`);
  }
  await removeQuietly(stale);
  return docker.createContainer(create).catch((err) => {
    throw engineError(err);
  });
}

async function removeQuietly(container: Docker.Container): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await container.remove({ force: true, v: true });
      return;
    } catch (err) {
      if (isNotFound(err)) return;
      // 409 "removal already in progress": the engine is finishing it.
      if ((err as { statusCode?: number }).statusCode === 409) return;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/**
 * Decides the uid:gid the build runs as, so files it writes in /workspace belong to the same owner as the
 * checkout. A root-owned checkout (Launchpad itself runs as root) is handed to 1000:1000 first: a build
 * never runs as root, and the control plane, as root, can still read and remove everything it writes.
 * Files the build creates get the container's umask (022), so they stay world-readable for nginx.
 */
export async function prepareCheckout(checkout: string): Promise<string> {
  const st = await stat(checkout);
  if (!st.isDirectory()) throw new Error(`checkout is not a directory: ${checkout}`);
  if (st.uid !== 0) return `${st.uid}:${st.gid}`;
  await chownTree(checkout, BUILD_UID, BUILD_GID);
  return `${BUILD_UID}:${BUILD_GID}`;
}

/** Where a build sees its site's cache folder, and the package managers' caches in it. */
export const CACHE_MOUNT = '/cache';
const CACHE_ENV = [
  `npm_config_cache=${CACHE_MOUNT}/npm`,
  `YARN_CACHE_FOLDER=${CACHE_MOUNT}/yarn`,
  // pnpm's store is $PNPM_HOME/store; npm_config_store_dir did the same but npm warned about it in every build.
  `PNPM_HOME=${CACHE_MOUNT}/pnpm`,
];

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** The image's own PATH (setting PATH on the container replaces it), or the usual default. */
async function imagePath(docker: Docker, image: string): Promise<string> {
  const info = await docker
    .getImage(image)
    .inspect()
    .catch((err) => {
      throw engineError(err);
    });
  const env = info.Config?.Env ?? [];
  return env.find((e) => e.startsWith('PATH='))?.slice('PATH='.length) || DEFAULT_PATH;
}

/** The cache folder belongs to the uid:gid the build runs as, like the checkout (written by earlier builds). */
async function prepareCache(dir: string, user: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const [uid, gid] = user.split(':').map(Number) as [number, number];
  const st = await stat(dir);
  if (st.uid !== uid || st.gid !== gid) await chownTree(dir, uid, gid);
}

/**
 * chown -R without following symlinks (a checkout may hold links pointing anywhere on the host). A folder
 * below `dir` that is already the build user's is skipped whole: in a root-owned clone that can only be
 * node_modules restored from the build cache (written by an earlier build as that user), thousands of
 * files that need no change.
 */
async function chownTree(dir: string, uid: number, gid: number): Promise<void> {
  await lchown(dir, uid, gid);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const st = await lstat(path);
      if (st.uid !== uid || st.gid !== gid) await chownTree(path, uid, gid);
    } else await lchown(path, uid, gid);
  }
}

/**
 * Removes build containers left over by a crash or restart (every container with the build label, or only
 * those of `instanceId` when given), and of those only the ones whose deploy `which` picks: a control plane
 * sharing the engine with others (issue 16) leaves the builds they still run alone. Returns how many were
 * removed.
 */
export async function removeStaleBuildContainers(
  docker: Docker,
  opts: { instanceId?: string; which?: (deployId: string) => boolean } = {},
): Promise<number> {
  const label = [`${MANAGED_LABEL}=true`, BUILD_LABEL];
  if (opts.instanceId) label.push(`${INSTANCE_LABEL}=${opts.instanceId}`);
  const containers = await docker.listContainers({ all: true, filters: { label } }).catch((err) => {
    throw engineError(err);
  });
  let removed = 0;
  for (const c of containers) {
    if (opts.which && !opts.which(c.Labels?.[BUILD_LABEL] ?? '')) continue;
    try {
      await docker.getContainer(c.Id).remove({ force: true, v: true });
      removed++;
    } catch (err) {
      if (!isNotFound(err)) throw engineError(err);
    }
  }
  return removed;
}

/** Output bytes → text (UTF-8 safe across chunks) → secrets masked (across chunks) → lines. */
class RedactedLines {
  private readonly decoder = new StringDecoder('utf8');
  private readonly lines: LineSplitter;
  private readonly redactor: StreamRedactor;

  constructor(forms: readonly string[], emit: (line: string) => void) {
    this.lines = new LineSplitter(emit);
    this.redactor = new StreamRedactor(forms, (text) => this.lines.push(text));
  }

  push(chunk: Buffer): void {
    this.redactor.push(this.decoder.write(chunk));
  }

  end(): void {
    this.redactor.push(this.decoder.end());
    this.redactor.end();
    this.lines.end();
  }
}

/**
 * Splits a byte stream into lines: UTF-8 safe across chunks, `\n` or `\r\n` endings, a final line without
 * an ending flushed by end(), and lines cut at MAX_BUILD_LINE_CHARS without holding the rest in memory.
 */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private partial = '';
  /** Characters of the current line beyond maxChars, counted but not kept. */
  private dropped = 0;
  private endsWithCR = false;

  constructor(
    private readonly emit: (line: string) => void,
    private readonly maxChars = MAX_BUILD_LINE_CHARS,
  ) {}

  push(chunk: Buffer | string): void {
    this.take(typeof chunk === 'string' ? chunk : this.decoder.write(chunk));
  }

  /** Flushes the last line when the output did not end with a newline. */
  end(): void {
    this.take(this.decoder.end());
    if (this.partial.length > 0 || this.dropped > 0) this.flush();
  }

  private take(text: string): void {
    let start = 0;
    for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
      this.append(text.slice(start, nl));
      this.flush();
      start = nl + 1;
    }
    this.append(text.slice(start));
  }

  private append(text: string): void {
    if (text.length === 0) return;
    this.endsWithCR = text.endsWith('\r');
    const room = Math.max(this.maxChars + 1 - this.partial.length, 0); // +1: room for a `\r` before `\n`
    this.partial += text.slice(0, room);
    this.dropped += Math.max(text.length - room, 0);
  }

  private flush(): void {
    let line = this.partial;
    let total = line.length + this.dropped;
    if (this.endsWithCR) {
      total--;
      if (this.dropped === 0) line = line.slice(0, -1);
    }
    if (total > this.maxChars) line = `${line.slice(0, this.maxChars)} … [line truncated: ${total} chars]`;
    this.partial = '';
    this.dropped = 0;
    this.endsWithCR = false;
    this.emit(line);
  }
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
