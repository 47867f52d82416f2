import { Client, fetchExchange, mapExchange, subscriptionExchange } from '@urql/core';
import { createClient as createSocket, type Client as Socket } from 'graphql-ws';
import { createSignal } from 'solid-js';
import { authHeader, onSignOut, signedIn, signOut } from './auth';
import { type ApiError, fromCombinedError } from './errors';
import { checkHealth } from './health';

/** The live connection as the header shows it. */
export type Connection = 'idle' | 'connecting' | 'live' | 'reconnecting';
const [connection, setConnection] = createSignal<Connection>('idle');

export { connection };

const reconnectListeners = new Set<() => void>();
const dropListeners = new Set<() => void>();

/** `fn` runs after the socket came back: events sent while it was away are lost, so views resync. */
export function onReconnect(fn: () => void): () => void {
  reconnectListeners.add(fn);
  return () => reconnectListeners.delete(fn);
}

/** `fn` runs when a live socket drops (not on the normal close of an idle one). */
export function onDrop(fn: () => void): () => void {
  dropListeners.add(fn);
  return () => dropListeners.delete(fn);
}

function socketUrl(): string {
  const url = new URL('/graphql', location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

let socket: Socket | null = null;

function getSocket(): Socket {
  if (socket) return socket;
  let connectedBefore = false;
  let live = false;
  const created = createSocket({
    url: socketUrl,
    lazy: true,
    lazyCloseTimeout: 5_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    // Browsers report a refused connection as an error event before the close event; the default
    // (retry on close events only) would end every subscription the first time the server is down.
    shouldRetry: () => true,
    // Exponential back-off capped at 10 s, with jitter so many tabs do not return at once.
    retryWait: (retries) =>
      new Promise((r) => setTimeout(r, Math.min(10_000, 500 * 2 ** retries) + Math.random() * 500)),
    connectionParams: () => {
      const authorization = authHeader();
      return authorization ? { authorization } : {};
    },
  });
  created.on('connecting', (retrying) => setConnection(retrying ? 'reconnecting' : 'connecting'));
  created.on('connected', () => {
    setConnection('live');
    live = true;
    if (connectedBefore) {
      void checkHealth();
      for (const fn of reconnectListeners) fn();
    }
    connectedBefore = true;
  });
  created.on('closed', (event) => {
    const normal = (event as CloseEvent | undefined)?.code === 1000;
    setConnection(normal ? 'idle' : 'reconnecting');
    // Once per outage: failed attempts to reconnect close too.
    if (live && !normal) {
      void checkHealth();
      for (const fn of dropListeners) fn();
    }
    live = false;
  });
  socket = created;
  return created;
}

onSignOut(() => {
  void socket?.dispose();
  socket = null;
  setConnection('idle');
});

/** What happens on any failed operation, whoever made it: a rejected token signs out. */
export function noticeError(error: ApiError): void {
  if (error.code === 'UNAUTHENTICATED' && signedIn())
    signOut('Launchpad did not accept your sign-in (it ended or was revoked); sign in again.');
  if (error.code === 'UNAVAILABLE' || error.code === 'NETWORK') void checkHealth();
}

export const client = new Client({
  url: '/graphql',
  // GET queries would need the CSRF header; POST with JSON does not.
  preferGetMethod: false,
  requestPolicy: 'network-only',
  fetchOptions: (): RequestInit => {
    const authorization = authHeader();
    return { headers: authorization ? { authorization } : {} };
  },
  exchanges: [
    mapExchange({ onError: (error) => noticeError(fromCombinedError(error)) }),
    subscriptionExchange({
      forwardSubscription: (request) => ({
        subscribe: (sink) => ({
          unsubscribe: getSocket().subscribe({ ...request, query: request.query ?? '' }, sink),
        }),
      }),
    }),
    fetchExchange,
  ],
});
