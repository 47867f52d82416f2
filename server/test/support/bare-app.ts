import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'graphql-ws';
import { type App, buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { type GraphQLResponse, graphqlWsClient } from './harness.js';
import { testDatabaseEnv } from './test-database.js';

export interface BareApp {
  app: App;
  url: string;
  token: string;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  ws(token?: string | null): Client;
  cleanup(): Promise<void>;
}

/**
 * A running Launchpad for tests that only read and write rows (seeded with support/seed.ts): it builds and
 * serves nothing, so it makes no Docker object and cleans up only its data dir.
 */
export async function startBareApp(env: Record<string, string> = {}): Promise<BareApp> {
  const token = 'test-token-0123456789abcdef';
  const dataDir = await mkdtemp(join(tmpdir(), 'launchpad-bare-'));
  const app = await buildApp(
    loadConfig({
      LAUNCHPAD_PORT: '0',
      LAUNCHPAD_DATA: dataDir,
      LAUNCHPAD_NETWORK: `lp-test-${randomBytes(4).toString('hex')}`,
      LAUNCHPAD_ADMIN_TOKEN: token,
      LAUNCHPAD_PUBLISH_PORTS: 'false',
      ...(await testDatabaseEnv(dataDir)),
      ...env,
    }),
  );
  const { url } = await app.start();
  return {
    app,
    url,
    token,
    async gql(query, variables = {}) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as never;
    },
    ws(auth = token) {
      return graphqlWsClient(url, auth);
    },
    async cleanup() {
      await app.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
