import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ExecutionResult, parse, subscribe } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeployEntity } from '../src/db/entities.js';
import type { Orm } from '../src/db/orm.js';
import { ADMIN } from '../src/domain/principal.js';
import { createEventBus, type PubSub } from '../src/events/pubsub.js';
import { LogSink } from '../src/pipeline/log-sink.js';
import type { Context } from '../src/schema/context.js';
import { schema } from '../src/schema/index.js';
import { Reads } from '../src/services/reads.js';
import { seedSites } from './support/seed.js';
import { openTestDatabase } from './support/test-database.js';

// deployLog against the real schema, database and bus, with the interleavings a real server only hits
// under load made certain: each step below runs in the order a loaded machine may run it.

const LOG = parse('subscription($id: ID!) { deployLog(deployId: $id) { seq text } }');

let dir: string;
let orm: Orm;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'launchpad-deploy-log-end-'));
  orm = await openTestDatabase(dir);
});
afterAll(async () => {
  await orm?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A context like the one the server makes per operation: its own unit of work, kept for the subscription. */
function operationContext(bus: PubSub): Context {
  const caller = { principal: ADMIN, em: orm.em.fork() };
  return { principal: ADMIN, caller, reads: new Reads(caller), bus } as unknown as Context;
}

/** A deploy under way (as a rollback is while it publishes), with its log sink and two lines stored. */
async function publishingDeploy(bus: PubSub) {
  const [site] = await seedSites(orm.em.fork(), 1, { deploysPerSite: 1, deliveriesPerSite: 0 });
  const deployId = site!.currentDeployId!;
  await orm.em.fork().nativeUpdate(DeployEntity, { id: deployId }, { status: 'PUBLISHING' });
  const log = new LogSink({ deployId, em: orm.em.fork(), bus, file: join(dir, `${deployId}.log`) });
  log.system('rolling back to deploy #1');
  log.system('serving the files of deploy #1');
  await log.flush();
  return { deployId, log };
}

/** Reads the stream to its end; a stream that never ends fails the test instead of hanging it. */
async function readToEnd(stream: AsyncIterator<ExecutionResult>): Promise<string[]> {
  const texts: string[] = [];
  const read = (async () => {
    for (;;) {
      const next = await stream.next();
      if (next.done) return texts;
      expect(next.value.errors).toBeUndefined();
      texts.push((next.value.data as { deployLog: { text: string } }).deployLog.text);
    }
  })();
  let timer: NodeJS.Timeout | undefined;
  const stuck = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the log stream never ended (got ${JSON.stringify(texts)})`)),
      15_000,
    );
  });
  try {
    return await Promise.race([read, stuck]);
  } finally {
    clearTimeout(timer);
    await stream.return?.();
  }
}

describe('deployLog', () => {
  it('ends for a deploy that finished between the subscription check and the live join (a rollback never showed "End of log")', async () => {
    const bus = createEventBus();
    const { deployId, log } = await publishingDeploy(bus);
    // 1. The subscription is checked: the deploy is still publishing, and its row is now in the
    //    operation's unit of work.
    const stream = await subscribe({
      schema,
      document: LOG,
      variableValues: { id: deployId },
      contextValue: operationContext(bus),
    });
    expect(Symbol.asyncIterator in stream).toBe(true);
    // 2. Before the stream is first read, the deploy goes live and its log ends (marker published to
    //    nobody): a rollback takes only milliseconds.
    log.system('live at the-site: the files of deploy #1');
    await orm.em.fork().nativeUpdate(DeployEntity, { id: deployId }, { status: 'LIVE' });
    await log.close();
    // 3. The stream starts: it must see that the deploy is settled, replay its log and end.
    const texts = await readToEnd(stream as AsyncIterator<ExecutionResult>);
    expect(texts).toEqual([
      'rolling back to deploy #1',
      'serving the files of deploy #1',
      'live at the-site: the files of deploy #1',
    ]);
  });

  it('still follows a deploy under way to its end marker, each line once', async () => {
    const bus = createEventBus();
    const { deployId, log } = await publishingDeploy(bus);
    const stream = (await subscribe({
      schema,
      document: LOG,
      variableValues: { id: deployId },
      contextValue: operationContext(bus),
    })) as AsyncIterator<ExecutionResult>;
    const first = await stream.next(); // joined: replaying
    expect((first.value.data as { deployLog: { text: string } }).deployLog.text).toBe(
      'rolling back to deploy #1',
    );
    log.system('live at the-site: the files of deploy #1');
    await log.flush();
    await orm.em.fork().nativeUpdate(DeployEntity, { id: deployId }, { status: 'LIVE' });
    await log.close();
    expect(await readToEnd(stream)).toEqual([
      'serving the files of deploy #1',
      'live at the-site: the files of deploy #1',
    ]);
  });
});
