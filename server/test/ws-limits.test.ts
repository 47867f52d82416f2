import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SOCKET_LIMITS } from '../src/http/ws-limits.js';
import { type Launchpad, startLaunchpad } from './support/harness.js';

// graphql-ws sockets an attacker opens and keeps (issue 17): each test is named after the attack it stops.

let lp: Launchpad;
const open: WebSocket[] = [];

beforeAll(async () => {
  lp = await startLaunchpad();
});
afterEach(() => {
  for (const ws of open.splice(0)) ws.terminate();
});
afterAll(async () => {
  await lp?.cleanup();
});

interface Message {
  type: string;
  id?: string;
  payload?: any;
}

/** A bare graphql-transport-ws socket, from `localAddress` (any 127.x address reaches the server). */
class RawSocket {
  readonly ws: WebSocket;
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly opened: Promise<void>;
  private readonly messages: Message[] = [];
  private readonly waiters: (() => void)[] = [];

  constructor(localAddress = '127.0.0.1') {
    this.ws = new WebSocket(`${lp.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws', {
      localAddress,
    });
    open.push(this.ws);
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
    this.closed = new Promise((resolve) =>
      this.ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    this.ws.on('message', (data) => {
      this.messages.push(JSON.parse(String(data)));
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  send(message: Message): void {
    this.ws.send(JSON.stringify(message));
  }

  async next(match: (m: Message) => boolean): Promise<Message> {
    for (;;) {
      const found = this.messages.find(match);
      if (found) return found;
      const wait = new Promise<void>((wake) => this.waiters.push(wake));
      const closed = this.closed.then(({ code, reason }) => {
        throw new Error(`socket closed (${code} ${reason}) while waiting`);
      });
      await Promise.race([wait, closed]);
    }
  }

  /** connection_init, with the admin token unless `token` is null; resolves on connection_ack. */
  async init(token: string | null = lp.token): Promise<this> {
    await this.opened;
    this.send({ type: 'connection_init', payload: token ? { authorization: `Bearer ${token}` } : {} });
    await this.next((m) => m.type === 'connection_ack');
    return this;
  }

  /** Sends one operation and resolves with its first answer (next or error). */
  async run(id: string, query: string): Promise<Message> {
    this.send({ type: 'subscribe', id, payload: { query } });
    return this.next((m) => m.id === id && (m.type === 'next' || m.type === 'error'));
  }
}

describe('graphql-ws socket caps', () => {
  it('closes a socket that never sends connection_init (4408, within the init timeout)', async () => {
    const socket = new RawSocket();
    await socket.opened;
    expect((await socket.closed).code).toBe(4408);
  });

  it('closes a socket that stays unauthenticated (4403 after the grace period)', async () => {
    const socket = await new RawSocket().init(null);
    const answer = await socket.run('1', '{ sites { id } }');
    expect(answer.payload[0].extensions.code).toBe('UNAUTHENTICATED');
    const { code } = await socket.closed;
    expect(code).toBe(4403);
  }, 30_000);

  it('refuses a socket past the per-address cap (4429) and keeps the others', async () => {
    const sockets = await Promise.all(
      Array.from({ length: SOCKET_LIMITS.maxPerAddress }, () => new RawSocket().init()),
    );
    const extra = new RawSocket();
    const { code, reason } = await extra.closed;
    expect(code).toBe(4429);
    expect(reason).toMatch(/one address/);
    const answer = await sockets[0]!.run('1', '{ sites { id } }');
    expect(answer.payload.data.sites).toEqual([]);
  });

  it('evicts the oldest unauthenticated socket past the server-wide cap (4429); a client with a token still gets in', async () => {
    const cap = SOCKET_LIMITS.maxUnauthenticated;
    const perAddress = Math.ceil(cap / 3);
    const squatters: RawSocket[] = [];
    for (let i = 0; i < cap; i++) {
      const socket = new RawSocket(`127.0.0.${2 + Math.floor(i / perAddress)}`);
      await socket.init(null); // acknowledged, but still unauthenticated
      squatters.push(socket);
    }
    const client = await new RawSocket('127.0.0.9').init();
    expect((await squatters[0]!.closed).code).toBe(4429);
    const answer = await client.run('1', '{ sites { id } }');
    expect(answer.payload.data.sites).toEqual([]);
    expect(squatters[1]!.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('closes a socket that opens more operations than the per-socket cap (4429)', async () => {
    const socket = await new RawSocket().init();
    for (let i = 1; i <= SOCKET_LIMITS.maxSubscriptionsPerSocket + 1; i++) {
      socket.send({
        type: 'subscribe',
        id: String(i),
        payload: { query: 'subscription { siteUpdated { id } }' },
      });
    }
    const { code, reason } = await socket.closed;
    expect(code).toBe(4429);
    expect(reason).toMatch(/operations on one socket/);
  });

  it('answers an unauthenticated socket UNAUTHENTICATED before parsing its 100,000-token query', async () => {
    const socket = await new RawSocket().init(null);
    const answer = await socket.run('1', `{ ${'site { '.repeat(50_000)}id${' }'.repeat(50_000)} }`);
    expect(answer.type).toBe('error');
    expect(answer.payload[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses the nesting and alias attacks over graphql-ws with BAD_USER_INPUT and keeps the socket', async () => {
    const socket = await new RawSocket().init();
    const nested = `{ sites { ${'deploys { site { '.repeat(50)}id${' } }'.repeat(50)} } }`;
    const aliases = `{ sites { ${Array.from({ length: 100 }, (_, i) => `a${i}: deploys { logs { seq } }`).join(' ')} } }`;
    for (const [id, query] of [
      ['1', nested],
      ['2', aliases],
      ['3', `{ ${'site { '.repeat(50_000)}id${' }'.repeat(50_000)} }`],
      ['4', '{ sitez { id } }'],
    ] as const) {
      const answer = await socket.run(id, query);
      expect(answer.type).toBe('error');
      expect(answer.payload[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(answer.payload[0].message).not.toMatch(/did you mean/i);
    }
    const fine = await socket.run('5', '{ sites { id } }');
    expect(fine.payload.data.sites).toEqual([]);
  });
});
