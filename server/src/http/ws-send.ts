import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

/** Bytes a socket may hold unsent before a send waits for the network again. */
export const SEND_AHEAD_BYTES = 64 * 1024;

type SendCallback = (err?: Error) => void;

const ignore: SendCallback = () => {};

/**
 * graphql-ws sends a subscription's events one at a time, each only once the last one has been handed to
 * the kernel: a write system call per event, the largest single cost of a build log streaming thousands of
 * lines a second (bench/log-throughput.ts). Here a send is acknowledged at once while less than `sendAhead`
 * bytes wait, and everything sent in one event-loop turn leaves in one write (the TCP socket stays corked
 * until the turn ends). Past `sendAhead`, a send is acknowledged only once written, so a client that stops
 * reading still stops its subscriptions (whose bounded buffers then cut it off) instead of growing this
 * buffer. An early-acknowledged send that fails later has a closed socket behind it, and graphql-ws learns
 * of that from the close event.
 */
export function coalesceSends(ws: WebSocket, tcp: Socket, sendAhead = SEND_AHEAD_BYTES): void {
  const send = ws.send.bind(ws) as (data: unknown, options: object, cb?: SendCallback) => void;
  let corked = false;
  const uncork = () => {
    corked = false;
    tcp.uncork();
  };
  ws.send = ((data: unknown, options?: object | SendCallback, cb?: SendCallback) => {
    const callback = typeof options === 'function' ? (options as SendCallback) : cb;
    const opts = typeof options === 'function' || options === undefined ? {} : options;
    if (!corked && ws.readyState === ws.OPEN) {
      corked = true;
      tcp.cork();
      setImmediate(uncork);
    }
    if (!callback || ws.bufferedAmount >= sendAhead) return send(data, opts, callback);
    send(data, opts, ignore);
    callback();
  }) as WebSocket['send'];
}
