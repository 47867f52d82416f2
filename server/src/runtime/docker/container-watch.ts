import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { instanceFilter, SITE_LABEL } from '../labels.js';
import type { SiteRuntimeEvent } from '../ports.js';

type Listener = (event: SiteRuntimeEvent) => void;

/** The engine's event as `GET /events` sends it (the fields read here). */
export interface EngineEvent {
  Type?: string;
  Action?: string;
  id?: string;
  time?: number;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
}

const SITE_CONTAINER = /^launchpad-site-([a-z0-9-]+)$/;
const APP_CONTAINER = /^launchpad-app-([a-z0-9-]+)-([0-9a-f]{24})$/;
const RECONNECT_MAX_MS = 30_000;

/**
 * Turns the engine's container events into site events (pure, table-tested). `notes` carries what an
 * earlier event of the same container said (an `oom` or a `kill` signal) into the reason of its `die`.
 * Config-check and build containers carry the site label too; only site servers (by name) count.
 */
export function siteEvent(
  e: EngineEvent,
  notes: Map<string, string>,
  ignored: (slug: string) => boolean,
): SiteRuntimeEvent | null {
  const attrs = e.Actor?.Attributes ?? {};
  const app = APP_CONTAINER.exec(attrs.name ?? '');
  if (app) return appEvent(e, app[1]!, app[2]!);
  const slug = SITE_CONTAINER.exec(attrs.name ?? '')?.[1];
  const siteId = attrs[SITE_LABEL];
  const id = e.Actor?.ID ?? e.id ?? '';
  if (e.Type !== 'container' || !slug || !siteId) return null;
  const at = e.time ? new Date(e.time * 1000) : new Date();
  switch (e.Action) {
    case 'oom':
      notes.set(id, 'out of memory');
      return null;
    case 'kill':
      if (!notes.has(id)) notes.set(id, `killed (signal ${attrs.signal ?? '?'})`);
      return null;
    case 'die': {
      const reason = notes.get(id) ?? `exited with code ${attrs.exitCode ?? '?'}`;
      notes.delete(id);
      return ignored(slug) ? null : { kind: 'down', siteId, slug, serverId: id, reason, at };
    }
    case 'start':
      notes.delete(id);
      return ignored(slug) ? null : { kind: 'up', siteId, slug, serverId: id, reason: 'started', at };
    default:
      return null;
  }
}

/**
 * A server app container (issue 14) that stopped or was removed. Whether it matters (the site's current
 * app, not restarted by its policy) is the listener's to decide against the database, under the site lock.
 */
function appEvent(e: EngineEvent, slug: string, deployId: string): SiteRuntimeEvent | null {
  const attrs = e.Actor?.Attributes ?? {};
  const siteId = attrs[SITE_LABEL];
  if (e.Type !== 'container' || !siteId) return null;
  const at = e.time ? new Date(e.time * 1000) : new Date();
  if (e.Action === 'die')
    return {
      kind: 'app-down',
      siteId,
      slug,
      deployId,
      reason: `exited with code ${attrs.exitCode ?? '?'}`,
      at,
    };
  if (e.Action === 'destroy') return { kind: 'app-down', siteId, slug, deployId, reason: 'removed', at };
  return null;
}

/**
 * One stream of this instance's site-container events from the engine, shared by every listener (the
 * container watcher now, incidents later). Started by the first listener, stopped with the last. When the
 * stream ends or fails (the engine restarted), it reconnects with backoff and says `resync`: events of the
 * gap are lost, so listeners compare what should run with what runs.
 */
export class ContainerEvents {
  private readonly listeners = new Set<Listener>();
  private readonly notes = new Map<string, string>();
  private abort: AbortController | null = null;

  constructor(
    private readonly docker: Docker,
    private readonly instanceId: string,
    /** Servers the runtime itself removes (a deleted site): their stop is no news. */
    private readonly ignored: (slug: string) => boolean,
  ) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    if (!this.abort) {
      this.abort = new AbortController();
      void this.run(this.abort.signal);
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.abort?.abort();
        this.abort = null;
      }
    };
  }

  private async run(signal: AbortSignal): Promise<void> {
    let delay = 500;
    while (!signal.aborted) {
      try {
        const stream = (await this.docker.getEvents({
          filters: {
            type: ['container'],
            event: ['start', 'die', 'kill', 'oom', 'destroy'],
            label: instanceFilter(this.instanceId, SITE_LABEL),
          },
          abortSignal: signal,
        } as Docker.GetEventsOptions)) as unknown as Readable;
        this.emit({ kind: 'resync', at: new Date() });
        delay = 500;
        await this.consume(stream, signal);
      } catch (err) {
        if (signal.aborted) return;
        console.warn(`site watcher: engine event stream failed (${(err as Error).message}); reconnecting`);
      }
      if (signal.aborted) return;
      await sleep(delay, signal);
      delay = Math.min(delay * 2, RECONNECT_MAX_MS);
    }
  }

  /** Resolves when the stream ends (or the watch stops); one JSON object per line. */
  private consume(stream: Readable, signal: AbortSignal): Promise<void> {
    return new Promise((done) => {
      let buffered = '';
      const finish = () => {
        signal.removeEventListener('abort', onAbort);
        done();
      };
      const onAbort = () => stream.destroy();
      signal.addEventListener('abort', onAbort, { once: true });
      stream.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        let newline = buffered.indexOf('\n');
        while (newline >= 0) {
          this.line(buffered.slice(0, newline));
          buffered = buffered.slice(newline + 1);
          newline = buffered.indexOf('\n');
        }
        // The engine sends one small object per line; anything this long is not an event.
        if (buffered.length > 1024 * 1024) buffered = '';
      });
      stream.once('end', finish);
      stream.once('close', finish);
      stream.once('error', finish);
    });
  }

  private line(text: string): void {
    if (!text.trim()) return;
    let parsed: EngineEvent;
    try {
      parsed = JSON.parse(text) as EngineEvent;
    } catch {
      return;
    }
    if (this.notes.size > 1000) this.notes.clear(); // notes of kills that never ended in a die
    const event = siteEvent(parsed, this.notes, this.ignored);
    if (event) this.emit(event);
  }

  private emit(event: SiteRuntimeEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (err) {
        console.error('site watcher: a listener failed:', err);
      }
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((done) => {
    const timer = setTimeout(done, ms);
    timer.unref();
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        done();
      },
      { once: true },
    );
  });
}
