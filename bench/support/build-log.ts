/**
 * The build that prints as fast as it can, shared by the log benches (log-latency, log-throughput), and
 * the same printer in `docker run`, its stdout read directly: the ceiling a build log is measured against.
 */
import { spawn } from 'node:child_process';

const IMAGE = 'node:20-alpine';

/** Node source that prints `lines` numbered lines (`line 1`, …) as fast as stdout takes them, then calls done(). */
export const floodPrinter = (lines: number) => `
let n = 0;
function more() {
  while (n < ${lines}) {
    let out = '';
    for (let i = 0; i < 1000 && n < ${lines}; i++) out += 'line ' + (++n) + '\\n';
    if (!process.stdout.write(out)) return process.stdout.once('drain', more);
  }
  process.stdout.write('', done);
}
more();`;

/** Node source of the done() a build's printer calls: it writes the site, so the deploy goes live. */
export const publishDist = `
function done() {
  require('fs').mkdirSync('dist', { recursive: true });
  require('fs').writeFileSync('dist/index.html', 'done');
}`;

/** Lines per second over the span from the first line's arrival to the last one's. */
export const rate = (count: number, firstMs: number, lastMs: number) =>
  (count - 1) / ((lastMs - firstMs) / 1000);

export interface DockerRunFlood {
  linesPerSec: number;
  /** Spawn to the last line read. */
  toLastLineMs: number;
  /** Spawn to the process closing (the container removed). */
  toCloseMs: number;
}

/** floodPrinter(lines) in `docker run --rm`, lines counted on the CLI's stdout pipe; fails unless all came. */
export async function dockerRunFlood(lines: number): Promise<DockerRunFlood> {
  const start = performance.now();
  const child = spawn(
    'docker',
    ['run', '--rm', IMAGE, 'node', '-e', `function done() {}\n${floodPrinter(lines)}`],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let count = 0;
  let first = 0;
  let last = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    let n = 0;
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) n++;
    if (n === 0) return;
    const now = performance.now();
    if (count === 0) first = now;
    last = now;
    count += n;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0 || count !== lines) throw new Error(`docker run: exit ${code}, ${count} lines`);
  return {
    linesPerSec: rate(count, first, last),
    toLastLineMs: last - start,
    toCloseMs: performance.now() - start,
  };
}
