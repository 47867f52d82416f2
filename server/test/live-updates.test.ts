import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBuildSite } from './support/build-site.js';
import { eventually, type Launchpad, startLaunchpad } from './support/harness.js';

const LOG = /* GraphQL */ `
  subscription($id: ID!, $after: Int) { deployLog(deployId: $id, after: $after) { seq stream text } }`;

interface Line {
  seq: number;
  stream: string;
  text: string;
}

let lp: Launchpad;
beforeAll(async () => {
  lp = await startLaunchpad({ LAUNCHPAD_BUILD_CONCURRENCY: '1' });
});
afterAll(async () => {
  await lp?.cleanup();
});

/** A zip site whose build prints `count` numbered lines in `chunks`, pausing `pauseMs` between chunks. */
async function printingSite(name: string, count: number, chunks = 1, pauseMs = 0, width = 0) {
  const script = `
const pad = 'x'.repeat(${width});
const per = Math.ceil(${count} / ${chunks});
let n = 0;
function chunk() {
  let out = '';
  for (let i = 0; i < per && n < ${count}; i++) out += 'line ' + (++n) + pad + '\\n';
  process.stdout.write(out, () => {
    if (n < ${count}) setTimeout(chunk, ${pauseMs});
    else { require('fs').mkdirSync('dist'); require('fs').writeFileSync('dist/index.html', 'done'); }
  });
}
chunk();`;
  return createBuildSite(lp, `${lp.slugPrefix}-${name}`, script);
}

/** Collects a deployLog subscription until it completes, or until `stopAfter` lines (then disposes the client). */
function follow(
  client: Client,
  deployId: string,
  after: number | null,
  stopAfter = Infinity,
): Promise<Line[]> {
  const lines: Line[] = [];
  return new Promise((resolve, reject) => {
    const unsubscribe = client.subscribe<{ deployLog: Line }>(
      { query: LOG, variables: { id: deployId, after } },
      {
        next: (msg) => {
          if (msg.errors) return reject(new Error(JSON.stringify(msg.errors)));
          lines.push(msg.data!.deployLog);
          if (lines.length >= stopAfter) {
            unsubscribe();
            resolve(lines);
          }
        },
        error: reject,
        complete: () => resolve(lines),
      },
    );
  });
}

async function storedCount(deployId: string): Promise<number> {
  const res = await lp.gql('query($id: ID!) { deploy(id: $id) { logs(first: 5000) { seq } } }', {
    id: deployId,
  });
  return res.data!.deploy.logs.length;
}

function buildLines(lines: Line[]): string[] {
  return lines.filter((l) => l.stream === 'STDOUT').map((l) => l.text);
}

const numbered = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`);
const seqsFrom = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('deployLog', () => {
  it('gives a client that subscribes mid-build every line exactly once, in order', async () => {
    const { deployId } = await printingSite('mid', 20_000); // as fast as it can
    await eventually(async () => ((await storedCount(deployId)) > 2000 ? true : undefined));
    const client = lp.ws();
    try {
      const lines = await follow(client, deployId, null);
      expect(lines.map((l) => l.seq)).toEqual(lines.map((_, i) => i + 1));
      expect(buildLines(lines)).toEqual(numbered(20_000));
      expect(lines.at(-1)!.text).toMatch(/live at/);
    } finally {
      await client.dispose();
    }
  }, 240_000); // a 20,000-line build: slow on a loaded machine, not wrong

  it('a cursor inside a batch (stored or still live) gets exactly the lines after it, during the burst and after', async () => {
    const { deployId } = await printingSite('cursor', 6_000); // as fast as it can: batches of up to 500
    await eventually(async () => ((await storedCount(deployId)) > 1000 ? true : undefined));
    const clients = [lp.ws(), lp.ws(), lp.ws()];
    try {
      // Joined mid-burst: 733 lies in a stored batch, 4,444 (most likely) in one not yet committed.
      const [stored, live] = await Promise.all([
        follow(clients[0]!, deployId, 733),
        follow(clients[1]!, deployId, 4444),
      ]);
      const last = stored.at(-1)!.seq;
      expect(stored.at(-1)!.text).toMatch(/live at/);
      expect(stored.map((l) => l.seq)).toEqual(seqsFrom(734, last));
      expect(live.map((l) => l.seq)).toEqual(seqsFrom(4445, last));
      // Joined after the end.
      const late = await follow(clients[2]!, deployId, 2345);
      expect(late.map((l) => l.seq)).toEqual(seqsFrom(2346, last));
      expect(late).toEqual(stored.slice(2345 - 733));
    } finally {
      await Promise.all(clients.map((c) => c.dispose()));
    }
  }, 240_000);

  it('resumes after dropped sockets from the last seq seen: same exact sequence (20 random cuts)', async () => {
    const { deployId } = await printingSite('cuts', 20_000, 40, 50);
    const received: Line[] = [];
    for (let cut = 0; cut < 20; cut++) {
      const client = lp.ws();
      const part = await follow(
        client,
        deployId,
        received.at(-1)?.seq ?? null,
        1 + Math.floor(Math.random() * 1500),
      );
      await client.dispose(); // the socket drops wherever this subscription happened to be
      received.push(...part);
    }
    const client = lp.ws();
    received.push(...(await follow(client, deployId, received.at(-1)?.seq ?? null)));
    await client.dispose();
    expect(received.map((l) => l.seq)).toEqual(received.map((_, i) => i + 1));
    expect(buildLines(received)).toEqual(numbered(20_000));
  }, 240_000); // 20 reconnects through a 20,000-line log: slow on a loaded machine, not wrong
});

describe('deployUpdated and siteUpdated', () => {
  it('deliver every status transition in order, and every site when no id is given', async () => {
    const client = lp.ws();
    const sitesSeen = new Set<string>();
    const offSites = client.subscribe<{ siteUpdated: { id: string } }>(
      { query: 'subscription { siteUpdated { id status } }' },
      { next: (m) => m.data && sitesSeen.add(m.data.siteUpdated.id), error: () => {}, complete: () => {} },
    );
    try {
      // With one build at a time, a slow first site keeps the second one QUEUED while we subscribe to it.
      const blocker = await printingSite('blocker', 10, 10, 150);
      const watched = await printingSite('watched', 10);
      const statuses: string[] = [];
      await new Promise<void>((resolve, reject) => {
        client.subscribe<{ deployUpdated: { status: string } }>(
          {
            query: 'subscription($id: ID!) { deployUpdated(id: $id) { status } }',
            variables: { id: watched.deployId },
          },
          {
            next: (m) => {
              statuses.push(m.data!.deployUpdated.status);
              if (['LIVE', 'FAILED', 'CANCELLED'].includes(m.data!.deployUpdated.status)) resolve();
            },
            error: reject,
            complete: () => {},
          },
        );
      });
      expect(statuses).toEqual(['BUILDING', 'PUBLISHING', 'LIVE']);
      await eventually(async () =>
        sitesSeen.has(blocker.siteId) && sitesSeen.has(watched.siteId) ? true : undefined,
      );
    } finally {
      offSites();
      await client.dispose();
    }
  });
});

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/**
 * A WebSocket client that stops reading: a raw TCP socket speaking just enough of RFC 6455 to subscribe.
 * (The `ws` client resumes its socket by itself whenever its parser drains, so it cannot play this part.)
 */
async function stalledSubscriber(url: string, token: string, deployId: string) {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write(
    'GET /graphql HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n` +
      'Sec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n',
  );
  const frame = (text: string) => {
    const payload = Buffer.from(text);
    // Client frames must be masked; an all-zero mask leaves the payload as it is.
    const header =
      payload.length < 126
        ? Buffer.from([0x81, 0x80 | payload.length])
        : Buffer.from([0x81, 0x80 | 126, payload.length >> 8, payload.length & 255]);
    return Buffer.concat([header, Buffer.alloc(4), payload]);
  };
  let received = 0;
  socket.on('data', (chunk) => {
    received += chunk.length;
  });
  await new Promise((resolve) => setTimeout(resolve, 100));
  socket.write(
    frame(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })),
  );
  await new Promise((resolve) => setTimeout(resolve, 100));
  socket.write(
    frame(
      JSON.stringify({ id: '1', type: 'subscribe', payload: { query: LOG, variables: { id: deployId } } }),
    ),
  );
  await new Promise((resolve) => setTimeout(resolve, 100));
  socket.pause();
  return { socket, received: () => received };
}

describe('a subscriber that does not read', () => {
  it('is cut off, and the server heap stays bounded', async () => {
    const { deployId } = await printingSite('flood', 90_000, 45, 10, 300);
    const client = await stalledSubscriber(lp.url, lp.token, deployId);
    // Live heap after a full collection, so garbage from log processing does not count as retained.
    const retained = () => {
      collectGarbage();
      return process.memoryUsage().heapUsed;
    };
    const before = retained();
    let peak = before;
    await eventually(
      async () => {
        peak = Math.max(peak, retained());
        const d = (await lp.gql('query($id: ID!) { deploy(id: $id) { status } }', { id: deployId })).data!
          .deploy;
        return d.status === 'LIVE' ? true : undefined;
      },
      360_000,
      'the flood build',
    );
    const closed = new Promise<void>((resolve) => client.socket.once('close', () => resolve()));
    client.socket.resume();
    await closed;
    if (process.env.LAUNCHPAD_TEST_VERBOSE)
      console.info({ received: client.received(), heapGrowth: peak - before });
    // The server ended the connection before sending the whole log (~28 MB of text in 90,000 lines).
    expect(client.received()).toBeLessThan(28 * 1024 * 1024);
    // A subscriber buffered without bound would hold all of it, several times over as objects.
    expect(peak - before).toBeLessThan(64 * 1024 * 1024);
  }, 420_000);
});
