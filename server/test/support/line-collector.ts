import type { LogWriter } from '../../src/runtime/build-container.js';

export interface CollectedLine {
  stream: 'STDOUT' | 'STDERR' | 'SYSTEM';
  text: string;
}

/** A LogWriter that keeps every line in memory, for assertions. */
export class LineCollector implements LogWriter {
  readonly lines: CollectedLine[] = [];

  write(stream: CollectedLine['stream'], text: string): void {
    this.lines.push({ stream, text });
  }

  system(text: string): void {
    this.write('SYSTEM', text);
  }

  /** Lines of one stream, text only. */
  of(stream: CollectedLine['stream']): string[] {
    return this.lines.filter((l) => l.stream === stream).map((l) => l.text);
  }

  /** Everything the build itself printed (stdout and stderr), in order, as `STREAM text`. */
  output(): string[] {
    return this.lines.filter((l) => l.stream !== 'SYSTEM').map((l) => `${l.stream} ${l.text}`);
  }
}
