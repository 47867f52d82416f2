import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DocumentNode, type ExecutionResult, parse } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeployEntity } from '../src/db/entities.js';
import type { Orm } from '../src/db/orm.js';
import { ADMIN } from '../src/domain/principal.js';
import { createEventBus, type PubSub } from '../src/events/pubsub.js';
import { unfold } from '../src/events/unfold.js';
import { plainLogSelection, useLogLineStream } from '../src/http/log-stream.js';
import { LogSink } from '../src/pipeline/log-sink.js';
import type { Context } from '../src/schema/context.js';
import { schema } from '../src/schema/index.js';
import { Reads } from '../src/services/reads.js';
import { seedSites } from './support/seed.js';
import { openTestDatabase } from './support/test-database.js';

// deployLog's own serialization of plain selections (http/log-stream.ts) against graphql's executor: the
// same operations, on the same deploy's log (stored and live lines), must give the same results.

let dir: string;
let orm: Orm;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'launchpad-log-stream-'));
  orm = await openTestDatabase(dir);
});
afterAll(async () => {
  await orm?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const executor = createYoga({ schema }).getEnveloped({});
const fastPath = createYoga({ schema, plugins: [useLogLineStream()] }).getEnveloped({});

function operationContext(bus: PubSub): Context {
  const caller = { principal: ADMIN, em: orm.em.fork() };
  return { principal: ADMIN, caller, reads: new Reads(caller), bus } as unknown as Context;
}

async function buildingDeploy(bus: PubSub) {
  const [site] = await seedSites(orm.em.fork(), 1, { deploysPerSite: 1, deliveriesPerSite: 0 });
  const deployId = site!.currentDeployId!;
  await orm.em.fork().nativeUpdate(DeployEntity, { id: deployId }, { status: 'BUILDING' });
  const log = new LogSink({ deployId, em: orm.em.fork(), bus, file: join(dir, `${deployId}.log`) });
  const finish = async () => {
    await log.flush();
    await orm.em.fork().nativeUpdate(DeployEntity, { id: deployId }, { status: 'LIVE' });
    await log.close();
  };
  return { deployId, log, finish };
}

const TEXTS = [
  'plain',
  '',
  '  indented\ttab',
  'ünïcødé ✓ 🚀',
  '"quoted" \\ back',
  '\u001b[32mcolour\u001b[0m',
];

function print(log: LogSink, from: number, to: number): void {
  for (let n = from; n <= to; n++) {
    const text = `${n} ${TEXTS[n % TEXTS.length]}`;
    if (n % 11 === 0) log.system(text);
    else log.write(n % 3 === 0 ? 'STDERR' : 'STDOUT', text);
  }
}

type Enveloped = typeof executor;

/** Every result of the subscription until it ends (or its errors, when it does not start). */
async function results(
  path: Enveloped,
  bus: PubSub,
  document: DocumentNode,
  variableValues: Record<string, unknown>,
): Promise<ExecutionResult[]> {
  const stream = await path.subscribe({
    schema,
    document,
    variableValues,
    contextValue: operationContext(bus),
  });
  if (!(Symbol.asyncIterator in (stream as object))) return [stream as ExecutionResult];
  const out: ExecutionResult[] = [];
  for await (const result of stream as AsyncIterable<ExecutionResult>) out.push(result);
  return out;
}

const STANDARD = parse(`
  subscription($id: ID!, $after: Int) { deployLog(deployId: $id, after: $after) { seq at stream text } }`);
const ALIASED = parse(`
  subscription Follow($id: ID!) {
    log: deployLog(deployId: $id) { __typename n: seq text seq kind: stream at when: at } }`);
// The dashboard's shape: a fragment, and __typename added by urql.
const FRAGMENT = parse(`
  subscription($id: ID!, $after: Int) { deployLog(deployId: $id, after: $after) { ...L __typename } }
  fragment L on LogLine { seq at stream text __typename }`);
const NESTED = parse(`
  subscription($id: ID!) { deployLog(deployId: $id) { text ... on LogLine { seq ...L } } }
  fragment L on LogLine { text stream }`);
const FRAGMENT_DIRECTIVE = parse(`
  subscription($id: ID!) { deployLog(deployId: $id) { ...L @skip(if: false) } } fragment L on LogLine { seq }`);
const DIRECTIVE = parse(`
  subscription($id: ID!, $t: Boolean!) { deployLog(deployId: $id) { seq text @include(if: $t) } }`);

describe('deployLog serialized without the executor', () => {
  it('takes plain LogLine selections (aliases, __typename, fragments on LogLine) and leaves directives and other fields to the executor', () => {
    const plan = (document: DocumentNode) => plainLogSelection({ schema, document });
    expect(plan(STANDARD)?.fields.map(([key]) => key)).toEqual(['seq', 'at', 'stream', 'text']);
    expect(plan(ALIASED)?.rootKey).toBe('log');
    expect(plan(FRAGMENT)?.fields.map(([key]) => key)).toEqual(['seq', 'at', 'stream', 'text', '__typename']);
    expect(plan(NESTED)?.fields.map(([key]) => key)).toEqual(['text', 'seq', 'stream']);
    expect(plan(FRAGMENT_DIRECTIVE)).toBeNull();
    expect(plan(DIRECTIVE)).toBeNull();
    expect(plan(parse('subscription($id: ID!) { deployUpdated(id: $id) { id } }'))).toBeNull();
    expect(plan(parse('query($id: ID!) { deploy(id: $id) { logs { seq } } }'))).toBeNull();
  });

  it('gives the executor’s results, line by line, for stored and live lines, replayed from a cursor', async () => {
    const bus = createEventBus();
    const { deployId, log, finish } = await buildingDeploy(bus);
    print(log, 1, 1234); // stored in batches of 500
    await log.flush();
    const runs = [
      [STANDARD, { id: deployId, after: 0 }],
      [STANDARD, { id: deployId, after: 733 }],
      [ALIASED, { id: deployId }],
      [FRAGMENT, { id: deployId, after: 2000 }],
      [NESTED, { id: deployId }],
    ] as const;
    const pending = runs.flatMap(([document, vars]) => [
      results(executor, bus, document, vars),
      results(fastPath, bus, document, vars),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 200)); // joined and replayed before the live lines
    print(log, 1235, 2100);
    await finish();
    const [full, fullFast, cursor, cursorFast, aliased, aliasedFast, ...rest] = await Promise.all(pending);
    expect(full).toHaveLength(2100);
    expect(fullFast).toEqual(full);
    expect(cursor).toHaveLength(2100 - 733);
    expect(cursorFast).toEqual(cursor);
    expect(aliasedFast).toEqual(aliased);
    expect(rest[0]).toHaveLength(100);
    expect(rest[1]).toEqual(rest[0]);
    expect(rest[2]).toHaveLength(2100);
    expect(rest[3]).toEqual(rest[2]);
    expect(aliased![0]).toEqual({
      data: {
        log: {
          __typename: 'LogLine',
          n: 1,
          text: '1 ',
          seq: 1,
          kind: 'STDOUT',
          at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
          when: (aliased![0]!.data as { log: { at: string } }).log.at,
        },
      },
    });
  });

  it('fills batches lost between control planes from the database, the last one too (no later batch shows the gap), on both paths', async () => {
    const bus = createEventBus();
    // A replica whose listening connection was down while one batch was published (events/pg-link.ts).
    let batches = 0;
    const lossy = {
      ...bus,
      publish: ((...args: Parameters<PubSub['publish']>) => {
        const [topic, , event] = args as unknown as [string, string, { lines?: unknown }];
        if (topic === 'deploy:log' && event?.lines && ++batches === 3) return;
        (bus.publish as (...a: unknown[]) => void)(...args);
      }) as PubSub['publish'],
    } as PubSub;
    const { deployId, log, finish } = await buildingDeploy(lossy);
    const slow = results(executor, bus, STANDARD, { id: deployId, after: 0 });
    const fast = results(fastPath, bus, STANDARD, { id: deployId, after: 0 });
    await new Promise((resolve) => setTimeout(resolve, 200)); // both follow live lines
    // Batches 1–500, 501–1000, 1001–1500, each stored before the next is cut: the last one lost.
    for (const from of [1, 501, 1001]) {
      print(log, from, from + 499);
      await log.flush();
    }
    await finish();
    expect(batches).toBeGreaterThanOrEqual(3);
    const seqs = (rs: ExecutionResult[]) =>
      rs.map((r) => (r.data as { deployLog: { seq: number } }).deployLog.seq);
    expect(seqs(await fast)).toEqual(Array.from({ length: 1500 }, (_, i) => i + 1));
    expect(await fast).toEqual(await slow);
  });

  it('unfold hands a batch reader the rest of the batch it was in, then the next ones', async () => {
    const source = [
      [1, 2, 3],
      [4, 5],
    ][Symbol.iterator]();
    const items = unfold<number>({ next: async () => source.next() as IteratorResult<number[]> });
    expect((await items.next()).value).toBe(1);
    const batches = items.batches();
    expect((await batches.next()).value).toEqual([2, 3]);
    expect((await batches.next()).value).toEqual([4, 5]);
    expect((await batches.next()).done).toBe(true);
  });

  it('answers bad variables and an unknown deploy as the executor does', async () => {
    const bus = createEventBus();
    for (const vars of [{ id: 'no-such-deploy' }, { id: 'x', after: 'not a number' }, { after: 1 }]) {
      const [slow, fast] = await Promise.all([
        results(executor, bus, STANDARD, vars),
        results(fastPath, bus, STANDARD, vars),
      ]);
      expect(slow).toHaveLength(1);
      expect(slow![0]!.errors?.length).toBeGreaterThan(0);
      expect(JSON.parse(JSON.stringify(fast))).toEqual(JSON.parse(JSON.stringify(slow)));
    }
  });
});
