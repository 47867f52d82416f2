import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/lib/errors';
import { followLogSource, type LogSource, type LogState } from '../src/lib/log-cursor';

type Line = { seq: number; text: string };
type Handlers = Parameters<LogSource<Line>['subscribe']>[1];

/** A log source the test drives: it records each subscription and can drop the connection. */
function fakeSource() {
  const subs: { after: number; handlers: Handlers; closed: boolean }[] = [];
  let drop: (() => void) | undefined;
  const source: LogSource<Line> = {
    subscribe(after, handlers) {
      const sub = { after, handlers, closed: false };
      subs.push(sub);
      return () => {
        sub.closed = true;
      };
    },
    onDrop(fn) {
      drop = fn;
      return () => {
        drop = undefined;
      };
    },
  };
  return { source, subs, drop: () => drop?.() };
}

const line = (seq: number): Line => ({ seq, text: `line ${seq}` });

function follow(source: LogSource<Line>) {
  const lines: number[] = [];
  const states: LogState[] = [];
  const stop = followLogSource(source, { line: (l) => lines.push(l.seq), state: (s) => states.push(s) });
  return { lines, states, stop };
}

describe('following a log', () => {
  it('starts from the beginning and ends when the server completes', () => {
    const fake = fakeSource();
    const log = follow(fake.source);
    expect(fake.subs[0]!.after).toBe(0);
    fake.subs[0]!.handlers.next(line(1));
    fake.subs[0]!.handlers.next(line(2));
    fake.subs[0]!.handlers.complete();
    expect(log.lines).toEqual([1, 2]);
    expect(log.states).toEqual(['following', 'done']);
  });

  it('resumes after a drop from the last line, without repeating or skipping one', () => {
    const fake = fakeSource();
    const log = follow(fake.source);
    for (const seq of [1, 2, 3]) fake.subs[0]!.handlers.next(line(seq));
    fake.drop();
    expect(fake.subs[0]!.closed).toBe(true);
    expect(fake.subs[1]!.after).toBe(3);
    // A server (or a transport retry) that sends line 3 again must not show it twice.
    for (const seq of [3, 4, 5]) fake.subs[1]!.handlers.next(line(seq));
    // Late lines from the old subscription are ignored too.
    fake.subs[0]!.handlers.next(line(2));
    expect(log.lines).toEqual([1, 2, 3, 4, 5]);
  });

  it('does not subscribe again once the log is complete or failed', () => {
    const fake = fakeSource();
    follow(fake.source);
    fake.subs[0]!.handlers.complete();
    fake.drop();
    expect(fake.subs).toHaveLength(1);

    const failing = fakeSource();
    const log = follow(failing.source);
    failing.subs[0]!.handlers.error(new ApiError('No deploy', 'NOT_FOUND'));
    failing.drop();
    expect(failing.subs).toHaveLength(1);
    expect(log.states).toEqual(['error']);
  });

  it('stops listening when the view goes away', () => {
    const fake = fakeSource();
    const log = follow(fake.source);
    log.stop();
    expect(fake.subs[0]!.closed).toBe(true);
    fake.drop();
    expect(fake.subs).toHaveLength(1);
  });
});
