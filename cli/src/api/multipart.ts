import { randomBytes } from 'node:crypto';

/** One file part: its multipart filename (for uploadDeployFiles, the sha256) and its bytes, read lazily. */
export interface FilePart {
  name: string;
  size: number;
  open: () => AsyncIterable<Uint8Array>;
}

const CRLF = '\r\n';

/**
 * A GraphQL multipart request (the spec's `operations`, then `map`, then one part per file; reference.md)
 * as a stream, so a batch of files is never held in memory and `onBytes` sees each file's bytes as the
 * request body is pulled by the socket: the progress bar counts what was sent, not what was read ahead.
 */
export function multipartBody(
  operations: unknown,
  map: Record<string, string[]>,
  parts: readonly FilePart[],
  onBytes: (n: number) => void = () => {},
): { contentType: string; body: ReadableStream<Uint8Array> } {
  const boundary = `----launchpad-${randomBytes(12).toString('hex')}`;
  const encoder = new TextEncoder();
  const field = (name: string, value: string) =>
    `--${boundary}${CRLF}Content-Disposition: form-data; name="${name}"${CRLF}` +
    `Content-Type: application/json${CRLF}${CRLF}${value}${CRLF}`;
  async function* chunks(): AsyncGenerator<Uint8Array> {
    yield encoder.encode(field('operations', JSON.stringify(operations)) + field('map', JSON.stringify(map)));
    for (const [i, part] of parts.entries()) {
      // Part names are sha256s, but quote-safe all the same: a quote or newline would end the header.
      const filename = part.name.replace(/["\r\n\\]/g, '_');
      yield encoder.encode(
        `--${boundary}${CRLF}Content-Disposition: form-data; name="${i}"; filename="${filename}"${CRLF}` +
          `Content-Type: application/octet-stream${CRLF}${CRLF}`,
      );
      for await (const chunk of part.open()) {
        yield chunk;
        onBytes(chunk.byteLength);
      }
      yield encoder.encode(CRLF);
    }
    yield encoder.encode(`--${boundary}--${CRLF}`);
  }
  const iterator = chunks();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel() {
      await iterator.return(undefined);
    },
  });
  return { contentType: `multipart/form-data; boundary=${boundary}`, body };
}
