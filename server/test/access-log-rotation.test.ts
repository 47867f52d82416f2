import { randomBytes } from 'node:crypto';
import { appendFile, mkdir, mkdtemp, open, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Orm } from '../src/db/orm.js';
import { TrafficTotalsEntity } from '../src/db/traffic-entities.js';
import { AccessLogFiles } from '../src/runtime/docker/access-log-files.js';
import { SiteContainers } from '../src/runtime/site-containers.js';
import { TrafficCollector } from '../src/traffic/collector.js';
import { docker } from './support/harness.js';
import { seedSites } from './support/seed.js';
import { openTestDatabase } from './support/test-database.js';

// The reader against real files and a real database; nginx is played by appends (the same O_APPEND
// writes, one line each). No container of this random instance exists, so a rotation signals nothing.

let dir: string;
let orm: Orm;
let siteId: string;
let logDir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'launchpad-access-log-'));
  orm = await openTestDatabase(dir);
  siteId = (await seedSites(orm.em.fork(), 1, { deploysPerSite: 1, deliveriesPerSite: 0 }))[0]!.id;
  logDir = join(dir, 'traffic', siteId);
  await mkdir(logDir, { recursive: true });
});
afterAll(async () => {
  await orm?.close(true);
  await rm(dir, { recursive: true, force: true });
});

const source = () =>
  new AccessLogFiles(
    join(dir, 'traffic'),
    docker,
    new SiteContainers(docker, {
      image: 'nginx:alpine',
      network: 'unused',
      publishPorts: false,
      routing: { domain: 'localhost', network: 'unused', https: false },
      instanceId: randomBytes(8).toString('hex'),
    }),
  );

const collector = () =>
  new TrafficCollector({ orm, source: source(), intervalMs: 60_000, rotateBytes: 2000, settleMs: 0 });

const line = (status: number) =>
  `${JSON.stringify({ site: siteId, at: Date.now() / 1000, status, bytes: 100, time: 0.002, host: 'h' })}\n`;

async function requests(): Promise<number> {
  const totals = await orm.em.fork().findOne(TrafficTotalsEntity, { siteId });
  return totals?.requests ?? 0;
}

describe('reading access logs', () => {
  it('counts every line once through rotations, late writes to the rotated file, a half-written line and restarts', async () => {
    let written = 0;
    const write = async (n: number, file = join(logDir, 'access.log')) => {
      for (let i = 0; i < n; i++) await appendFile(file, line(200 + (i % 4) * 100));
      written += n;
    };
    await write(10);
    // Half a line: not counted until its end arrives.
    await appendFile(join(logDir, 'access.log'), line(200).slice(0, 30));
    let reader = collector();
    await reader.collect();
    expect(await requests()).toBe(10);
    await appendFile(join(logDir, 'access.log'), line(200).slice(30));
    written += 1;
    await write(20); // past rotateBytes
    await reader.collect(); // reads to the end, then rotates
    expect(await requests()).toBe(31);
    expect((await readdir(logDir)).sort()).toEqual(['access.log.1']);

    // nginx has not reopened yet: a worker still appends to the old inode (now access.log.1) ...
    const old = await open(join(logDir, 'access.log.1'), 'a');
    await old.write(line(500));
    written += 1;
    // ... and the control plane restarts: a new reader, the offsets from the database.
    reader = collector();
    await write(5); // the reopened log
    await old.write(line(404));
    written += 1;
    await old.close();
    await reader.collect();
    expect(await requests()).toBe(written);
    // Read to its end and settled: the rotated file is deleted, its offset forgotten at the next pass.
    expect(await readdir(logDir)).toEqual(['access.log']);
    await reader.collect();
    expect(await requests()).toBe(written);

    // Another restart with nothing new: nothing counted twice.
    reader = collector();
    await reader.collect();
    await reader.collect();
    expect(await requests()).toBe(written);
    const cursors = await orm.em.getConnection().execute('select count(*) as n from access_log_cursors');
    expect(Number(cursors[0]?.n)).toBe(1);
  });

  it('rotates once when two leaders overlap, never over a rotated file still being read', async () => {
    const current = join(logDir, 'access.log');
    for (const name of ['access.log', 'access.log.1']) await rm(join(logDir, name), { force: true });
    for (let i = 0; i < 5; i++) await appendFile(current, line(200));
    const [oldLeader, newLeader] = [source(), source()];
    // Both saw the same current log, big enough to rotate.
    const seen = (await oldLeader.files()).find((f) => !f.rotated)!;
    await oldLeader.rotate(seen);
    // nginx reopened its log and writes the new one; the rotated one waits to be read to its end.
    const reopened = line(201);
    await appendFile(current, reopened);
    const rotatedBefore = await readFile(join(logDir, 'access.log.1'), 'utf8');
    // The new leader acts on what it saw a moment ago.
    await newLeader.rotate(seen);
    expect(await readFile(join(logDir, 'access.log.1'), 'utf8')).toBe(rotatedBefore);
    expect(rotatedBefore.split('\n').filter(Boolean)).toHaveLength(5);
    expect(await readFile(current, 'utf8')).toBe(reopened);
    // Both at once, on a rotated-free folder: one rotation, nothing lost.
    await rm(join(logDir, 'access.log.1'));
    const again = (await oldLeader.files()).find((f) => !f.rotated)!;
    await Promise.all([oldLeader.rotate(again), newLeader.rotate(again)]);
    expect((await readdir(logDir)).sort()).toEqual(['access.log.1']);
    expect(await readFile(join(logDir, 'access.log.1'), 'utf8')).toBe(reopened);
    await rm(join(logDir, 'access.log.1'));
  });

  it('removes the log folder of a site that no longer exists', async () => {
    const gone = join(dir, 'traffic', 'ffffffffffffffffffffffff');
    await mkdir(gone, { recursive: true });
    await appendFile(join(gone, 'access.log'), line(200));
    await collector().collect();
    expect((await readdir(join(dir, 'traffic'))).sort()).toEqual([siteId]);
  });
});
