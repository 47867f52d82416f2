import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogLineEntity } from '../src/db/entities.js';
import type { Orm } from '../src/db/orm.js';
import type { LogLine } from '../src/domain/model.js';
import { NUL_STAND_IN, storableText } from '../src/domain/storable-text.js';
import { createEventBus } from '../src/events/pubsub.js';
import { LogSink } from '../src/pipeline/log-sink.js';
import { runBuild } from '../src/runtime/build-container.js';
import { redactionForms } from '../src/secrets/redact.js';
import { testBuildNetwork } from './support/build-network.js';
import { seedSites } from './support/seed.js';
import { openTestDatabase } from './support/test-database.js';

let dir: string;
let orm: Orm;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'launchpad-log-sink-'));
  orm = await openTestDatabase(dir);
});
afterAll(async () => {
  await orm?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/**
 * A sink on the real database (for a deploy row of its own: log lines reference their deploy), with every
 * line it publishes collected until the end marker.
 */
async function sink(lastSeq = 0) {
  const [site] = await seedSites(orm.em.fork(), 1, { deploysPerSite: 1, deliveriesPerSite: 0 });
  const deployId = site!.currentDeployId!;
  const bus = createEventBus();
  const published: LogLine[] = [];
  const done = (async () => {
    for await (const event of bus.subscribe('deploy:log', deployId)) {
      if ('end' in event) return;
      published.push(...event.lines);
    }
  })();
  const log = new LogSink({ deployId, em: orm.em.fork(), bus, file: join(dir, `${deployId}.log`), lastSeq });
  const stored = async () =>
    (await orm.em.fork().find(LogLineEntity, { deployId }, { orderBy: { seq: 'asc' } })).map(
      (l) => `${l.seq} ${l.stream} ${l.text}`,
    );
  const close = async () => {
    await log.close();
    await done;
    return published.map((l) => `${l.seq} ${l.stream} ${l.text}`);
  };
  return { deployId, log, stored, close };
}

describe('LogSink', () => {
  it('a NUL byte in build output cannot hide the lines stored with it', async () => {
    const s = await sink();
    s.log.write('STDOUT', 'before');
    s.log.write('STDOUT', 'hidden\0secret');
    s.log.write('STDERR', '\0');
    s.log.write('STDOUT', 'after');
    const published = await s.close();
    const expected = [
      '1 STDOUT before',
      `2 STDOUT hidden${NUL_STAND_IN}secret`,
      `3 STDERR ${NUL_STAND_IN}`,
      '4 STDOUT after',
    ];
    expect(await s.stored()).toEqual(expected);
    expect(published).toEqual(expected);
  });

  it('a line cut mid-character (lone surrogate) is stored as a replacement character', async () => {
    const s = await sink();
    s.log.write('STDOUT', 'cut \ud83d here');
    s.log.write('STDOUT', 'emoji 😀 whole');
    await s.close();
    expect(await s.stored()).toEqual(['1 STDOUT cut \ufffd here', '2 STDOUT emoji 😀 whole']);
  });

  it('one line the database refuses does not cost the rest of its batch', async () => {
    // A row already holding seq 2 (as after a restart that misjudged the last stored line) makes the
    // batch insert fail on its UNIQUE (deploy, seq) key.
    const s = await sink();
    await orm.em
      .fork()
      .insert(LogLineEntity, { deployId: s.deployId, seq: 2, at: new Date(), stream: 'SYSTEM', text: 'old' });
    s.log.write('STDOUT', 'one');
    s.log.write('STDOUT', 'two');
    s.log.write('STDOUT', 'three');
    const published = await s.close();
    expect(await s.stored()).toEqual(['1 STDOUT one', '2 SYSTEM old', '3 STDOUT three']);
    // Only what is stored is published: a subscriber replaying from the database sees the same lines.
    expect(published).toEqual(['1 STDOUT one', '3 STDOUT three']);
    expect(await readFile(join(dir, `${s.deployId}.log`), 'utf8')).toMatch(/log line 2 could not be stored/);
  });

  it('a build printing NUL bytes keeps its whole log (real engine, real database)', async () => {
    const checkout = await mkdtemp(join(tmpdir(), 'launchpad-nul-build-'));
    const s = await sink();
    try {
      const docker = new Docker();
      const network = testBuildNetwork(docker);
      const result = await runBuild(docker, {
        network,
        deployId: s.deployId,
        siteId: `test-nul-${s.deployId}`,
        image: 'node:20-alpine',
        checkout,
        command: `echo first; printf 'a\\000b\\n'; printf '\\000\\000\\000\\n'; echo last`,
        env: [],
        timeoutMs: 60_000,
        signal: new AbortController().signal,
        log: s.log,
      }).finally(() => network.remove());
      expect(result.exitCode).toBe(0);
      await s.close();
      const output = (await s.stored())
        .map((l) => l.replace(/^\d+ /, ''))
        .filter((l) => !l.startsWith('SYSTEM'));
      expect(output).toEqual([
        'STDOUT first',
        `STDOUT a${NUL_STAND_IN}b`,
        `STDOUT ${NUL_STAND_IN.repeat(3)}`,
        'STDOUT last',
      ]);
    } finally {
      await rm(checkout, { recursive: true, force: true });
    }
  });
});

describe('LogSink batches (real engine, real database)', () => {
  it('a line split across chunks, and batches, keeps one seq, its place among stderr lines and its masking', async () => {
    const checkout = await mkdtemp(join(tmpdir(), 'launchpad-split-build-'));
    const s = await sink();
    try {
      const docker = new Docker();
      const network = testBuildNetwork(docker);
      // Each pause is longer than the sink's batch interval: the halves of a line arrive in different
      // chunks and the lines around them in different batches (and events). The engine reads stdout and
      // stderr separately, so a switch of stream waits a moment for the order to be the one printed.
      const result = await runBuild(docker, {
        network,
        deployId: s.deployId,
        siteId: `test-split-${s.deployId}`,
        image: 'node:20-alpine',
        checkout,
        command: [
          "printf 'first half '; sleep 0.3; printf 'second half\\n'; sleep 0.2",
          'echo err1 >&2; sleep 0.2',
          "printf 'token=hunter2-'; sleep 0.3; printf 'secret and '; sleep 0.2",
          'echo err2 >&2; sleep 0.3',
          "printf 'more\\n'; echo last",
        ].join('; '),
        redact: redactionForms(['hunter2-secret']),
        env: [],
        timeoutMs: 60_000,
        signal: new AbortController().signal,
        log: s.log,
      }).finally(() => network.remove());
      expect(result.exitCode).toBe(0);
      const published = await s.close();
      const stored = await s.stored();
      expect(published).toEqual(stored);
      expect(stored.map((l) => Number(l.split(' ')[0]))).toEqual(stored.map((_, i) => i + 1));
      expect(stored.map((l) => l.replace(/^\d+ /, '')).filter((l) => !l.startsWith('SYSTEM'))).toEqual([
        'STDOUT first half second half',
        'STDERR err1',
        // A line gets its seq when it ends: err2 ended while `token=…` was still being printed.
        'STDERR err2',
        'STDOUT token=*** and more',
        'STDOUT last',
      ]);
    } finally {
      await rm(checkout, { recursive: true, force: true });
    }
  });
});

describe('storableText', () => {
  it.each([
    ['plain text', 'hello', 'hello'],
    ['NUL', 'a\0b', `a${NUL_STAND_IN}b`],
    ['terminal colours kept', '\u001b[32mok\u001b[0m', '\u001b[32mok\u001b[0m'],
    ['tab kept', 'a\tb', 'a\tb'],
    ['lone high surrogate', 'x\ud800', 'x\ufffd'],
    ['lone low surrogate', '\udc00x', '\ufffdx'],
    ['surrogate pair kept', '😀', '😀'],
  ])('%s', (_name, input, expected) => {
    expect(storableText(input)).toBe(expected);
  });
});
