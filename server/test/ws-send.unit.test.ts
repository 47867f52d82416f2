import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { coalesceSends, SEND_AHEAD_BYTES } from '../src/http/ws-send.js';

// coalesceSends against a real `ws` server and client on loopback.

let server: Server | undefined;
let client: WebSocket | undefined;
afterEach(async () => {
  client?.terminate();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = client = undefined;
});

/**
 * A server socket with coalesced sends, its client, the raw TCP socket of the client, and how many times
 * the server's TCP socket has handed data to the kernel (its Writable `_write`/`_writev`: one system call).
 */
async function connect(): Promise<{ ws: WebSocket; client: WebSocket; tcp: Socket; writes: () => number }> {
  const wss = new WebSocketServer({ noServer: true });
  server = createServer();
  let writes = 0;
  const accepted = new Promise<WebSocket>((resolve) => {
    server!.on('upgrade', (req: IncomingMessage, socket, head) =>
      wss.handleUpgrade(req, socket, head, (ws) => {
        const tcp = req.socket as Socket & Record<'_write' | '_writev', (...args: unknown[]) => void>;
        for (const method of ['_write', '_writev'] as const) {
          const original = tcp[method].bind(tcp);
          tcp[method] = (...args: unknown[]) => {
            writes++;
            original(...args);
          };
        }
        coalesceSends(ws, req.socket);
        resolve(ws);
      }),
    );
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  await new Promise((resolve) => client!.once('open', resolve));
  const ws = await accepted;
  return { ws, client, tcp: (client as unknown as { _socket: Socket })._socket, writes: () => writes };
}

/** Sends as graphql-ws does: the next message only once the last one's callback has run. */
async function sendAll(ws: WebSocket, messages: string[], onSent?: () => void): Promise<void> {
  for (const m of messages) {
    await new Promise<void>((resolve, reject) => ws.send(m, (err) => (err ? reject(err) : resolve())));
    onSent?.();
  }
}

describe('coalesceSends', () => {
  it('sends awaited one by one leave in a few writes, every message in order', async () => {
    const { ws, client, writes } = await connect();
    const messages = Array.from({ length: 1000 }, (_, i) => `{"seq":${i + 1}}`);
    const received: string[] = [];
    const before = writes();
    const all = new Promise<void>((resolve) =>
      client.on('message', (data) => {
        received.push(String(data));
        if (received.length === messages.length) resolve();
      }),
    );
    await sendAll(ws, messages);
    await all;
    expect(received).toEqual(messages);
    // Uncoalesced, each message is a write system call of its own (1,000); ~13 KB fit in one.
    expect(writes() - before).toBeLessThan(10);
  });

  it('a client that does not read holds up the sender at SEND_AHEAD_BYTES, not in an unbounded buffer', async () => {
    const { ws, tcp } = await connect();
    tcp.pause();
    const message = 'x'.repeat(1000);
    let sent = 0;
    let peak = 0;
    const sending = sendAll(ws, Array(20_000).fill(message), () => {
      sent++;
      peak = Math.max(peak, ws.bufferedAmount);
    }).catch(() => {});
    // 20 MB cannot pass loopback's socket buffers (a few MB at most) without the client reading.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(sent).toBeLessThan(20_000);
    expect(peak).toBeLessThan(SEND_AHEAD_BYTES + 2 * message.length);
    tcp.resume();
    await sending;
    expect(sent).toBe(20_000);
  });
});
