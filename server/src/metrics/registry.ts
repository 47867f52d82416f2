import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Orm } from '../db/orm.js';
import { buildDurations, deployCounts, siteCounts, trafficTotals } from './sources.js';

/** What the registry reads besides the database: the deploy queue as it is now. */
export interface QueueView {
  readonly size: { waiting: number; running: number };
}

/** Whether this control plane runs the background duties (cluster/leadership.ts). */
export interface LeaderView {
  readonly isLeader: boolean;
}

/** Build times from seconds to the 15-minute default build timeout and beyond. */
const BUILD_BUCKETS = [1, 2.5, 5, 10, 20, 30, 60, 120, 300, 600, 900, 1800];
/** The control plane's own API answers in milliseconds; uploads and deploy mutations take longer. */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * prom-client's default `nodejs_active_{handles,requests,resources}_total` are gauges whose names end in
 * `_total`, which `promtool check metrics` refuses (that suffix is for counters). The same values stay
 * under `nodejs_active_handles`, `…_requests` and `…_resources`.
 */
export const DROPPED_DEFAULTS = [
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
  'nodejs_active_resources_total',
];

export interface Metrics {
  registry: Registry;
  /** Records one answered request of the control plane's own HTTP API. */
  observeRequest(route: string, method: string, status: number, seconds: number): void;
}

/** The `/metrics` registry (api.md "Observability"): Launchpad's series plus the process defaults. */
export function createMetrics(orm: Orm, queue: QueueView, leader: LeaderView): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  for (const name of DROPPED_DEFAULTS) registry.removeSingleMetric(name);
  const em = () => orm.em.fork();

  new Counter({
    name: 'launchpad_deploys_total',
    help: 'Finished deploys by outcome (LIVE, FAILED, CANCELLED) and trigger.',
    labelNames: ['status', 'trigger'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of await deployCounts(em()))
        this.inc({ status: row.status, trigger: row.trigger }, row.count);
    },
  });
  new Histogram({
    name: 'launchpad_build_duration_seconds',
    help: 'Time from a deploy starting to run to its end (clone or upload, build, publish).',
    buckets: BUILD_BUCKETS,
    registers: [registry],
    async collect() {
      this.reset();
      for (const seconds of await buildDurations(em())) this.observe(seconds);
    },
  });
  new Gauge({
    name: 'launchpad_deploy_queue_depth',
    help: 'Deploys waiting for a build slot.',
    registers: [registry],
    collect() {
      this.set(queue.size.waiting);
    },
  });
  new Gauge({
    name: 'launchpad_builds_running',
    help: 'Deploys running now.',
    registers: [registry],
    collect() {
      this.set(queue.size.running);
    },
  });
  new Gauge({
    name: 'launchpad_leader',
    help: 'Whether this control plane runs the background duties (1; always on SQLite) or another one does (0).',
    registers: [registry],
    collect() {
      this.set(leader.isLeader ? 1 : 0);
    },
  });
  new Gauge({
    name: 'launchpad_sites',
    help: 'Sites by status.',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of await siteCounts(em())) this.set({ status: row.status }, row.count);
    },
  });
  // Both traffic series come from one read per scrape.
  let totals: ReturnType<typeof trafficTotals> | null = null;
  const readTotals = () => {
    totals ??= trafficTotals(em()).finally(() => setImmediate(() => (totals = null)));
    return totals;
  };
  new Counter({
    name: 'launchpad_site_requests_total',
    help: "Requests a site's server answered, by status class (1xx … 5xx); permalink hosts included.",
    labelNames: ['site', 'code'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const site of await readTotals())
        for (const [code, n] of Object.entries(site.requests))
          if (n > 0) this.inc({ site: site.slug, code }, n);
    },
  });
  new Counter({
    name: 'launchpad_site_response_bytes_total',
    help: "Bytes a site's server sent in its responses, headers included.",
    labelNames: ['site'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const site of await readTotals()) this.inc({ site: site.slug }, site.bytes);
    },
  });
  const http = new Histogram({
    name: 'launchpad_http_request_duration_seconds',
    help: "Time the control plane's own HTTP API took to answer, by route, method and status.",
    labelNames: ['route', 'method', 'code'],
    buckets: HTTP_BUCKETS,
    registers: [registry],
  });
  return {
    registry,
    observeRequest(route, method, status, seconds) {
      http.observe({ route, method, code: String(status) }, seconds);
    },
  };
}
