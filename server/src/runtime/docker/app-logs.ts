import { PassThrough, Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type Docker from 'dockerode';
import { NotFoundError } from '../../domain/errors.js';
import { storableText } from '../../domain/storable-text.js';
import { engineError, isNotFound } from '../images.js';
import type { AppLogLine } from '../ports.js';

/** As for build logs: a longer line is cut (and says so). */
const MAX_LINE_CHARS = 8192;
export const MAX_TAIL = 1000;

/**
 * An app container's stdout and stderr as lines: the last `tail` ones, then (with `follow`) new ones as the
 * app writes them. Returning from the iterator closes the engine's log stream.
 */
export async function appLogLines(
  docker: Docker,
  name: string,
  opts: { tail: number; follow: boolean },
): Promise<AsyncIterableIterator<AppLogLine>> {
  const tail = Math.max(0, Math.min(Math.floor(opts.tail), MAX_TAIL));
  let raw: NodeJS.ReadableStream;
  try {
    const container = docker.getContainer(name);
    const args = { stdout: true, stderr: true, tail, timestamps: true } as const;
    raw = opts.follow
      ? await container.logs({ ...args, follow: true })
      : Readable.from([(await container.logs({ ...args, follow: false })) as unknown as Buffer]);
  } catch (err) {
    if (isNotFound(err))
      throw new NotFoundError('The app is not running (no container for the current deploy)');
    throw engineError(err);
  }
  const lines = new PassThrough({ objectMode: true, highWaterMark: 256 });
  const split = (stream: AppLogLine['stream']) => {
    const decoder = new StringDecoder('utf8');
    let rest = '';
    const sink = new PassThrough();
    sink.on('data', (chunk: Buffer) => {
      const parts = (rest + decoder.write(chunk)).split('\n');
      rest = parts.pop() ?? '';
      for (const part of parts) lines.write(parse(stream, part));
    });
    sink.on('end', () => {
      if (rest) lines.write(parse(stream, rest));
    });
    return sink;
  };
  const out = split('STDOUT');
  const err = split('STDERR');
  docker.modem.demuxStream(raw, out, err);
  raw.on('end', () => {
    out.end();
    err.end();
    setImmediate(() => lines.end());
  });
  raw.on('error', (e) => lines.destroy(e));
  // The consumer went away (unsubscribed): stop the engine's stream too.
  lines.on('close', () => (raw as Readable).destroy?.());
  return lines[Symbol.asyncIterator]() as AsyncIterableIterator<AppLogLine>;
}

/** `2026-12-02T01:02:03.456789012Z text` (timestamps: true) → a line; the text made storable and bounded. */
function parse(stream: AppLogLine['stream'], line: string): AppLogLine {
  const space = line.indexOf(' ');
  const at = new Date(line.slice(0, space));
  const text = (space > 0 && !Number.isNaN(at.getTime()) ? line.slice(space + 1) : line).replace(/\r$/, '');
  const bounded = text.length > MAX_LINE_CHARS ? `${text.slice(0, MAX_LINE_CHARS)}… (line cut)` : text;
  return { at: Number.isNaN(at.getTime()) ? new Date() : at, stream, text: storableText(bounded) };
}
