import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { uploadProgress } from '../src/progress.js';

/** A stream that says it is a terminal, as process.stderr does in one. */
function terminal(): { stream: NodeJS.WriteStream; written: () => string } {
  const stream = new PassThrough() as unknown as NodeJS.WriteStream & PassThrough;
  let text = '';
  stream.on('data', (c: Buffer) => {
    text += c.toString();
  });
  Object.assign(stream, {
    isTTY: true,
    columns: 100,
    cursorTo: (_x: number, _y?: number, cb?: () => void) => cb?.() ?? true,
    clearLine: (_dir: number, cb?: () => void) => cb?.() ?? true,
    moveCursor: (_x: number, _y: number, cb?: () => void) => cb?.() ?? true,
  });
  return { stream, written: () => text };
}

describe('uploadProgress', () => {
  it('draws a bar in bytes on a terminal and ends at 100 %', async () => {
    const { stream, written } = terminal();
    const progress = uploadProgress(3 * 1024 * 1024, 2, stream);
    progress.add(1024 * 1024);
    progress.add(2 * 1024 * 1024);
    progress.stop();
    await new Promise((r) => setImmediate(r));
    const text = written();
    expect(text).toContain('Uploading 2 files');
    expect(text).toContain('100% 3.0 MB / 3.0 MB');
  });

  it('draws nothing when stderr is not a terminal (a log file, CI)', async () => {
    const stream = new PassThrough() as unknown as NodeJS.WriteStream & PassThrough;
    let text = '';
    stream.on('data', (c: Buffer) => {
      text += c.toString();
    });
    const progress = uploadProgress(1000, 1, stream);
    progress.add(1000);
    progress.stop();
    await new Promise((r) => setImmediate(r));
    expect(text).toBe('');
  });
});
