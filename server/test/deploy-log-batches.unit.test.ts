import { type ExecutionResult, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { LogLine } from '../src/domain/model.js';
import { createEventBus, type PubSub } from '../src/events/pubsub.js';
import { unfold } from '../src/events/unfold.js';
import type { LogSink } from '../src/pipeline/log-sink.js';
import { linesAfter } from '../src/schema/log.js';
import {
  deployWithLog,
  lineOf,
  readToEnd,
  settle,
  subscribeLog,
  useLogDatabase,
} from './support/deploy-log.js';

// The log pipeline moves lines in batches (one event per committed batch of up to 500, one replayed page);
// deployLog hands them out one by one. Against the real schema, database and bus, as deploy-log-end.unit.
// The build-container side (a line split across chunks) is in log-sink.test.ts, against the real engine.

const LOG = parse(
  'subscription($id: ID!, $after: Int) { deployLog(deployId: $id, after: $after) { seq text } }',
);

const db = useLogDatabase('deploy-log-batches');

/** A building deploy with its log sink. */
async function buildingDeploy(bus: PubSub) {
  const { deployId, log } = await deployWithLog(db, bus, 'BUILDING');
  /** The deploy settles and its log ends, as the deployer ends a build. */
  const finish = async () => {
    await log.flush();
    await settle(db, deployId, 'LIVE');
    await log.close();
  };
  return { deployId, log, finish };
}

const follow = (bus: PubSub, deployId: string, after: number | null) =>
  subscribeLog(db, bus, LOG, { id: deployId, after });

/** Every seq the stream yields until it ends, each line's text checked against its seq. */
async function seqsToEnd(stream: AsyncIterator<ExecutionResult>): Promise<number[]> {
  const lines = await readToEnd(stream, 150_000);
  for (const line of lines) expect(line.text).toBe(`line ${line.seq}`);
  return lines.map((line) => line.seq);
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

function print(log: LogSink, from: number, to: number): void {
  for (let seq = from; seq <= to; seq++) log.write(seq % 7 === 0 ? 'STDERR' : 'STDOUT', `line ${seq}`);
}

describe('deployLog over batched log events', () => {
  it('a late subscriber with `after` in the middle of a stored batch gets exactly the rest', async () => {
    const bus = createEventBus();
    const { deployId, log, finish } = await buildingDeploy(bus);
    print(log, 1, 1234); // stored as batches 1–500, 501–1000, 1001–1234
    await log.flush();
    const stream = await follow(bus, deployId, 733);
    const seqs = seqsToEnd(stream);
    print(log, 1235, 1600);
    await finish();
    expect(await seqs).toEqual(range(734, 1600));
  });

  it('a subscriber with `after` in the middle of a live batch gets the rest of that batch and no line before it', async () => {
    const bus = createEventBus();
    const { deployId, log, finish } = await buildingDeploy(bus);
    const stream = await follow(bus, deployId, 733);
    // Joined and replayed (nothing stored yet) before the burst: lines 501–1000 arrive as one live batch.
    const first = stream.next();
    await new Promise((resolve) => setTimeout(resolve, 200));
    print(log, 1, 1234);
    await finish();
    const head = await first;
    expect([lineOf(head.value).seq, ...(await seqsToEnd(stream))]).toEqual(range(734, 1234));
  });

  it('subscribers joining during a burst each get every line after their cursor once, in order', async () => {
    const bus = createEventBus();
    const { deployId, log, finish } = await buildingDeploy(bus);
    const followers: { after: number; seqs: Promise<number[]> }[] = [];
    let printed = 0;
    // 4,000 lines in uneven writes, committed in batches while subscribers join between them: with the
    // cursor at 0, at the last printed line, inside a batch not yet committed and inside one already stored.
    for (const chunk of [137, 501, 999, 1, 730, 400, 1232]) {
      const cursors = printed === 0 ? [0] : [printed, printed - 3, Math.floor(printed / 2)];
      print(log, printed + 1, printed + chunk);
      printed += chunk;
      for (const after of cursors) {
        followers.push({ after, seqs: follow(bus, deployId, after).then(seqsToEnd) });
      }
      if (printed % 2 === 0) await log.flush();
      else await new Promise((resolve) => setImmediate(resolve));
    }
    await finish();
    for (const { after, seqs } of followers) expect(await seqs).toEqual(range(after + 1, printed));
  }, 240_000); // a dozen and more subscribers replaying through graphql-js: slow on a loaded machine

  it('a batch that never arrives (lost between control planes) is filled in from the database', async () => {
    const bus = createEventBus();
    // What a replica's subscriber sees when a NOTIFY went by while its listening connection was down
    // (events/pg-link.ts): the sink commits and publishes every batch, one of them never reaches the bus.
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
    const stream = await follow(bus, deployId, 0);
    // Line 1 reaching the subscriber shows it has replayed and follows live lines: what comes next is live.
    print(log, 1, 1);
    await log.flush();
    const head = await stream.next();
    print(log, 2, 1500); // batches 2–501, 502–1001 (lost), 1002–1500
    await finish();
    expect(batches).toBeGreaterThanOrEqual(4);
    expect([lineOf(head.value).seq, ...(await seqsToEnd(stream))]).toEqual(range(1, 1500));
  });
});

describe('linesAfter', () => {
  const batch = (from: number, to: number) =>
    range(from, to).map((seq) => ({ seq, text: `line ${seq}` }) as LogLine);
  it.each([
    ['a batch wholly after the cursor is kept as it is', 10, 11, 20, range(11, 20)],
    ['a batch wholly replayed is dropped', 20, 11, 20, []],
    ['a batch straddling the cursor keeps only the lines after it', 14, 11, 20, range(15, 20)],
    ['an empty batch stays empty', 0, 1, 0, []],
  ])('%s', (_name, last, from, to, expected) => {
    expect(linesAfter(batch(from, to), last).map((l) => l.seq)).toEqual(expected);
  });
});

describe('unfold', () => {
  /** A source of the given batches that records how many it has been asked for. */
  function source(batches: number[][]) {
    let asked = 0;
    let returned = false;
    const iterator: AsyncIterator<number[]> = {
      next: async () => {
        asked++;
        const value = batches.shift();
        return value ? { value, done: false } : { value: undefined, done: true };
      },
      return: async () => {
        returned = true;
        return { value: undefined, done: true };
      },
    };
    return { iterator, asked: () => asked, returned: () => returned };
  }

  it('hands out the items of each batch in order, across empty batches', async () => {
    const items: number[] = [];
    for await (const item of unfold(source([[1, 2], [], [3], [4, 5, 6]]).iterator)) items.push(item);
    expect(items).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('asks for the next batch only once the current one is handed out', async () => {
    const s = source([
      [1, 2, 3],
      [4, 5],
    ]);
    const items = unfold(s.iterator);
    expect((await items.next()).value).toBe(1);
    expect((await items.next()).value).toBe(2);
    expect((await items.next()).value).toBe(3);
    expect(s.asked()).toBe(1);
    expect((await items.next()).value).toBe(4);
    expect(s.asked()).toBe(2);
  });

  it('return() ends a pending wait at once, drops the rest and ends the source', async () => {
    let endWait: (r: IteratorResult<number[]>) => void = () => {};
    let returned = false;
    const items = unfold<number>({
      next: () => new Promise((resolve) => (endWait = resolve)),
      return: async () => {
        returned = true;
        endWait({ value: undefined, done: true });
        return { value: undefined, done: true };
      },
    });
    const pending = items.next();
    await items.return!();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(returned).toBe(true);
    expect(await items.next()).toEqual({ value: undefined, done: true });
  });

  it("passes the source's error on", async () => {
    const items = unfold<number>({
      next: async () => {
        throw new Error('cut off');
      },
    });
    await expect(items.next()).rejects.toThrow('cut off');
  });
});
