import { SingleBar } from 'cli-progress';
import { formatBytes } from './format.js';

/** What the deploy command reports upload progress to. */
export interface Progress {
  add(bytes: number): void;
  stop(): void;
}

/**
 * The upload's progress in bytes: a redrawn bar (cli-progress) when stderr is a terminal, nothing
 * otherwise (a log file or CI gets the one summary line the command prints instead of 10 redraws a second).
 */
export function uploadProgress(
  totalBytes: number,
  files: number,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  if (!stream.isTTY || totalBytes === 0) return { add() {}, stop() {} };
  const bar = new SingleBar({
    stream,
    format: `Uploading ${files} file${files === 1 ? '' : 's'} [{bar}] {percentage}% {value} / {total}`,
    formatValue: (v, options, type) =>
      type === 'value' || type === 'total' ? formatBytes(v) : String(v).padStart(options.autopadding ? 3 : 0),
    hideCursor: true,
    barsize: 30,
  });
  bar.start(totalBytes, 0);
  let sent = 0;
  return {
    add(bytes) {
      sent += bytes;
      bar.update(sent);
    },
    stop() {
      bar.stop();
    },
  };
}
