import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DocumentNode, type ExecutionResult, subscribe } from 'graphql';
import { afterAll, beforeAll, expect } from 'vitest';
import { DeployEntity } from '../../src/db/entities.js';
import type { Orm } from '../../src/db/orm.js';
import type { DeployStatus } from '../../src/domain/model.js';
import { ADMIN } from '../../src/domain/principal.js';
import type { PubSub } from '../../src/events/pubsub.js';
import { LogSink } from '../../src/pipeline/log-sink.js';
import type { Context } from '../../src/schema/context.js';
import { schema } from '../../src/schema/index.js';
import { Reads } from '../../src/services/reads.js';
import { seedSites } from './seed.js';
import { openTestDatabase } from './test-database.js';

// deployLog against the real schema, database and bus, without a server (deploy-log-end and
// deploy-log-batches unit tests): the database is the data dir's test database, so these run on
// PostgreSQL too in its pass (vitest.config.ts).

export interface LogDatabase {
  /** The data dir: the log files, and the SQLite database unless the test database is PostgreSQL. */
  dir: string;
  orm: Orm;
}

/** A test database on a fresh data dir, opened before the file's tests and removed after them. */
export function useLogDatabase(name: string): LogDatabase {
  const db = {} as LogDatabase;
  beforeAll(async () => {
    db.dir = await mkdtemp(join(tmpdir(), `launchpad-${name}-`));
    db.orm = await openTestDatabase(db.dir);
  });
  afterAll(async () => {
    await db.orm?.close();
    if (db.dir) await rm(db.dir, { recursive: true, force: true });
  });
  return db;
}

/** A context like the one the server makes per operation: its own unit of work, kept for the subscription. */
function operationContext(db: LogDatabase, bus: PubSub): Context {
  const caller = { principal: ADMIN, em: db.orm.em.fork() };
  return { principal: ADMIN, caller, reads: new Reads(caller), bus } as unknown as Context;
}

/** The deploy of a freshly seeded site, set to `status`, with its log sink on `bus`. */
export async function deployWithLog(
  db: LogDatabase,
  bus: PubSub,
  status: DeployStatus,
): Promise<{ deployId: string; log: LogSink }> {
  const [site] = await seedSites(db.orm.em.fork(), 1, { deploysPerSite: 1, deliveriesPerSite: 0 });
  const deployId = site!.currentDeployId!;
  await db.orm.em.fork().nativeUpdate(DeployEntity, { id: deployId }, { status });
  const log = new LogSink({ deployId, em: db.orm.em.fork(), bus, file: join(db.dir, `${deployId}.log`) });
  return { deployId, log };
}

/** Sets a deploy's status, as the deployer settles it. */
export async function settle(db: LogDatabase, deployId: string, status: DeployStatus): Promise<void> {
  await db.orm.em.fork().nativeUpdate(DeployEntity, { id: deployId }, { status });
}

/** The deployLog subscription `document` (selecting `seq text`), as the admin's operation. */
export async function subscribeLog(
  db: LogDatabase,
  bus: PubSub,
  document: DocumentNode,
  variables: Record<string, unknown>,
): Promise<AsyncIterableIterator<ExecutionResult>> {
  const stream = await subscribe({
    schema,
    document,
    variableValues: variables,
    contextValue: operationContext(db, bus),
  });
  expect(Symbol.asyncIterator in stream).toBe(true);
  return stream as AsyncIterableIterator<ExecutionResult>;
}

export interface StreamedLine {
  seq: number;
  text: string;
}

/** The line a deployLog result carries. */
export const lineOf = (result: ExecutionResult) => (result.data as { deployLog: StreamedLine }).deployLog;

/**
 * Every line the stream yields until it ends; a stream that does not end within `timeoutMs` fails the test
 * instead of hanging it.
 */
export async function readToEnd(
  stream: AsyncIterator<ExecutionResult>,
  timeoutMs: number,
): Promise<StreamedLine[]> {
  const lines: StreamedLine[] = [];
  const read = (async () => {
    for (;;) {
      const next = await stream.next();
      if (next.done) return lines;
      expect(next.value.errors).toBeUndefined();
      lines.push(lineOf(next.value));
    }
  })();
  let timer: NodeJS.Timeout | undefined;
  const stuck = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const last = lines.length > 0 ? `, the last ${JSON.stringify(lines.at(-1))}` : '';
      reject(new Error(`the log stream never ended (${lines.length} lines${last})`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([read, stuck]);
  } finally {
    clearTimeout(timer);
    await stream.return?.();
  }
}
