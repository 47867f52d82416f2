import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { type App, buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Deploy } from '../../src/domain/model.js';
import { BuildNetwork, buildNetworkSpec } from '../../src/runtime/build-network.js';
import { testDatabaseEnv } from './test-database.js';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

export interface Launchpad {
  app: App;
  url: string;
  token: string;
  dataDir: string;
  network: string;
  /** Prefix for slugs made by this test file, so parallel files never share Docker names. */
  slugPrefix: string;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
  ): Promise<GraphQLResponse<T>>;
  upload<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown>,
    file: { path: string; name: string; content: Buffer },
    token?: string | null,
  ): Promise<GraphQLResponse<T> & { status: number }>;
  ws(token?: string | null): Client;
  /** Stops the server only (data dir, containers and network stay), for restart tests. */
  stop(): Promise<void>;
  /** Stops the server and removes every container, network and file this instance made. */
  cleanup(): Promise<void>;
}

export const docker = new Docker();

export async function startLaunchpad(
  env: Record<string, string> = {},
  reuse?: { dataDir: string; network: string },
): Promise<Launchpad> {
  const id = randomBytes(4).toString('hex');
  const dataDir = reuse?.dataDir ?? (await mkdtemp(join(tmpdir(), 'launchpad-test-')));
  const network = reuse?.network ?? `lp-test-${id}`;
  const token = env.LAUNCHPAD_ADMIN_TOKEN ?? 'test-token-0123456789abcdef';
  const config = loadConfig({
    LAUNCHPAD_PORT: '0',
    LAUNCHPAD_DATA: dataDir,
    LAUNCHPAD_NETWORK: network,
    LAUNCHPAD_BUILD_NETWORK: buildNetworkOf(network),
    LAUNCHPAD_ADMIN_TOKEN: token,
    LAUNCHPAD_PUBLISH_PORTS: 'false',
    ...(await testDatabaseEnv(dataDir)),
    ...env,
  });
  const app = await buildApp(config);
  const { url } = await app.start();
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await app.stop();
  };
  const gql: Launchpad['gql'] = async (query, variables = {}, auth = token) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as never;
  };
  return {
    app,
    url,
    token,
    dataDir,
    network,
    slugPrefix: `t${id}`,
    gql,
    async upload(query, variables, file, auth = token) {
      const form = new FormData();
      form.set('operations', JSON.stringify({ query, variables }));
      form.set('map', JSON.stringify({ 0: [`variables.${file.path}`] }));
      form.set('0', new Blob([new Uint8Array(file.content)], { type: 'application/zip' }), file.name);
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'x-graphql-yoga-csrf': '1', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
        body: form,
      });
      const text = await res.text();
      let body: GraphQLResponse;
      try {
        body = JSON.parse(text);
      } catch {
        body = { errors: [{ message: text }] };
      }
      return { ...(body as GraphQLResponse<never>), status: res.status };
    },
    ws(auth = token) {
      return graphqlWsClient(url, auth);
    },
    stop,
    async cleanup() {
      await stop();
      await removeInstanceObjects(network);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Records every deploy status change the pipeline publishes on the real event bus, as the snapshots it
 * publishes (tests need transitions of deploys whose ids are not known in advance).
 */
export function recordDeployEvents(lp: Launchpad): Deploy[] {
  const events: Deploy[] = [];
  const publish = lp.app.bus.publish.bind(lp.app.bus);
  lp.app.bus.publish = ((topic: string, ...args: unknown[]) => {
    if (topic === 'deploy:updated') events.push({ ...(args[1] as Deploy) });
    return (publish as (...a: unknown[]) => void)(topic, ...args);
  }) as typeof lp.app.bus.publish;
  return events;
}

/** The build network of a test instance whose sites network is `network` (one per instance, removed with it). */
export const buildNetworkOf = (network: string) => `${network}-builds`;

/**
 * Removes every container on the test network and the network itself (every copy, by id), and the
 * instance's build network with its firewall rules.
 */
export async function removeInstanceObjects(network: string): Promise<void> {
  await new BuildNetwork(docker, buildNetworkSpec(buildNetworkOf(network))).remove().catch(() => {});
  const networks = (await docker.listNetworks({ filters: { name: [network] } })).filter(
    (n) => n.Name === network,
  );
  for (const net of networks) {
    const containers = await docker.listContainers({ all: true, filters: { network: [net.Id] } });
    await Promise.all(
      containers.map((c) =>
        docker
          .getContainer(c.Id)
          .remove({ force: true })
          .catch(() => {}),
      ),
    );
    await docker
      .getNetwork(net.Id)
      .remove()
      .catch(() => {});
  }
}

/** A graphql-ws client of the server at `url`, as the dashboard connects (no retries: tests see every close). */
export function graphqlWsClient(url: string, auth: string | null): Client {
  return createClient({
    url: `${url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: auth ? { authorization: `Bearer ${auth}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

/**
 * Waits until deploy #`number` of the site has finished (LIVE, FAILED or CANCELLED) and the site row has
 * caught up with it (site and deploys are two SELECTs). `query` takes `$id` and selects at least
 * `site(id: $id) { status deploys { number status } }`.
 */
export async function settledDeploy(
  lp: Pick<Launchpad, 'gql'>,
  query: string,
  siteId: string,
  number: number,
  timeoutMs = 45_000,
): Promise<{ site: any; deploy: any }> {
  return eventually(
    async () => {
      const site = (await lp.gql(query, { id: siteId })).data?.site;
      const deploy = site?.deploys.find((d: { number: number }) => d.number === number);
      const done =
        deploy && ['LIVE', 'FAILED', 'CANCELLED'].includes(deploy.status) && site.status !== 'DEPLOYING';
      return done ? { site, deploy } : undefined;
    },
    timeoutMs,
    `deploy #${number}`,
  );
}

/** Waits until `check` returns a value other than undefined (polls; for tests only). */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 30_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

export interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/**
 * A plain HTTP GET with an explicit Host header (fetch does not let us set Host) and any other headers.
 * The body comes back as sent: node:http neither decompresses nor pools connections here.
 */
export function httpGet(
  ip: string,
  path: string,
  host: string,
  port = 80,
  headers: Record<string, string> = {},
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: ip, port, path, method: 'GET', headers: { host, ...headers }, timeout: 5000, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}
