import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { CloseCode } from 'graphql-ws';
import type { WebSocket, WebSocketServer } from 'ws';

/** Bounds on graphql-ws sockets (README, "Security model"). */
export interface SocketLimits {
  /** A socket must send connection_init within this (graphql-ws closes it with 4408). */
  initTimeoutMs: number;
  /** A socket that has not authenticated within this is closed with 4403. */
  unauthenticatedTtlMs: number;
  /** Sockets open at once that have not authenticated, server-wide; the oldest is closed to make room. */
  maxUnauthenticated: number;
  /** Sockets open at once from one client address (behind a reverse proxy: from the proxy). */
  maxPerAddress: number;
  /** Operations running at once on one socket. */
  maxSubscriptionsPerSocket: number;
  /** Largest WebSocket message; a query and its variables fit in far less. */
  maxMessageBytes: number;
}

export const SOCKET_LIMITS: SocketLimits = {
  initTimeoutMs: 3_000,
  unauthenticatedTtlMs: 10_000,
  maxUnauthenticated: 64,
  maxPerAddress: 32,
  maxSubscriptionsPerSocket: 32,
  maxMessageBytes: 1024 * 1024,
};

/**
 * graphql-ws has no close code for "too many"; 4429 ("Too many initialisation requests") is the nearest,
 * and the graphql-ws client treats it as fatal, so a capped client does not reconnect in a tight loop.
 * The reason text says which cap it hit.
 */
export const CLOSE_TOO_MANY = CloseCode.TooManyInitialisationRequests;

/**
 * Admits WebSocket upgrades within the caps and tracks each socket until it authenticates or closes.
 * Refused sockets finish the handshake only to be closed with a graphql-ws code the client can read.
 */
export class SocketGuard {
  private readonly perAddress = new Map<string, number>();
  /** Unauthenticated sockets, oldest first (a Map keeps insertion order), each with its TTL timer. */
  private readonly unauthenticated = new Map<WebSocket, NodeJS.Timeout>();
  private readonly verified = new WeakSet<WebSocket>();

  constructor(readonly limits: SocketLimits = SOCKET_LIMITS) {}

  handleUpgrade(wss: WebSocketServer, req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const address = req.socket.remoteAddress ?? 'unknown';
    wss.handleUpgrade(req, socket, head, (ws) => {
      const open = this.perAddress.get(address) ?? 0;
      if (open >= this.limits.maxPerAddress) {
        ws.close(CLOSE_TOO_MANY, `Too many sockets from one address (at most ${this.limits.maxPerAddress})`);
        return;
      }
      this.perAddress.set(address, open + 1);
      this.watchUnauthenticated(ws);
      ws.once('close', () => {
        this.uncount(ws);
        const left = (this.perAddress.get(address) ?? 1) - 1;
        if (left > 0) this.perAddress.set(address, left);
        else this.perAddress.delete(address);
      });
      wss.emit('connection', ws, req);
    });
  }

  /** The socket presented a valid credential: it no longer counts against the unauthenticated cap. */
  authenticated(ws: WebSocket): void {
    this.verified.add(ws);
    this.uncount(ws);
  }

  isAuthenticated(ws: WebSocket): boolean {
    return this.verified.has(ws);
  }

  /** Closes the socket when it already runs as many operations as allowed; true if it did. */
  refuseSubscription(ws: WebSocket, running: number): boolean {
    if (running <= this.limits.maxSubscriptionsPerSocket) return false;
    ws.close(
      CLOSE_TOO_MANY,
      `Too many operations on one socket (at most ${this.limits.maxSubscriptionsPerSocket})`,
    );
    return true;
  }

  private watchUnauthenticated(ws: WebSocket): void {
    if (this.unauthenticated.size >= this.limits.maxUnauthenticated) {
      const [oldest] = this.unauthenticated.keys();
      if (oldest) {
        this.uncount(oldest);
        oldest.close(CLOSE_TOO_MANY, 'Too many unauthenticated sockets: authenticate at once');
      }
    }
    const ttl = setTimeout(() => {
      if (this.unauthenticated.has(ws)) ws.close(CloseCode.Forbidden, 'Forbidden: no valid credential');
    }, this.limits.unauthenticatedTtlMs);
    ttl.unref();
    this.unauthenticated.set(ws, ttl);
  }

  private uncount(ws: WebSocket): void {
    clearTimeout(this.unauthenticated.get(ws));
    this.unauthenticated.delete(ws);
  }
}
