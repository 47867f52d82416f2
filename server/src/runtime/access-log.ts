/**
 * The site's nginx writes one JSON line per request (issue 13) to a file the control plane reads
 * (runtime/docker/access-log-files.ts). Pure: the directives that make nginx write it, and the parser
 * that reads a line back.
 */

/** Where a site container writes its access log (a host folder per site, mounted read-write). */
export const ACCESS_LOG_DIR = '/var/log/launchpad';
export const ACCESS_LOG_FILE = 'access.log';

/** One request as the site's nginx logged it. */
export interface AccessRecord {
  /** When nginx finished the request, in milliseconds since the epoch. */
  atMs: number;
  status: number;
  /** `$bytes_sent`: the whole response, headers included. */
  bytes: number;
  /** `$request_time` in milliseconds (nginx's resolution is 1 ms). */
  ms: number;
  host: string;
}

/**
 * http-level directives for a site's default.conf: every server of the file and of the permalink files it
 * includes inherits them (the probe server turns logging off, so Launchpad's own probes are not counted).
 * `escape=json` makes every variable safe inside a JSON string; the numeric ones are numbers by nginx's
 * own formatting. Buffered (64 KiB, flushed at least every second, and on reload, reopen and shutdown):
 * a write holds whole lines only, and one write per many requests keeps a static request's latency within
 * a few percent of logging off (bench/access-log.ts; unbuffered cost ~15 % at the median). A SIGKILLed nginx
 * loses at most its last second of lines.
 */
export function accessLogDirectives(siteId: string): string[] {
  if (!/^[0-9a-f]{24}$/.test(siteId)) throw new Error(`Refusing the site id ${siteId}`);
  return [
    '# Per-request traffic for Launchpad (one JSON line each; read and aggregated by the control plane).',
    'log_format launchpad_traffic escape=json',
    `    '{"site":"${siteId}","at":$msec,"status":$status,"bytes":$bytes_sent,"time":$request_time,"host":"$host"}';`,
    `access_log ${ACCESS_LOG_DIR}/${ACCESS_LOG_FILE} launchpad_traffic buffer=64k flush=1s;`,
    '',
  ];
}

/** Reads one line; null when it is not a line of this format (a torn write, a foreign file). */
export function parseAccessLine(line: string): AccessRecord | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : null);
  const at = num(v.at);
  const status = num(v.status);
  const bytes = num(v.bytes);
  const time = num(v.time);
  if (at === null || status === null || bytes === null || time === null) return null;
  if (!Number.isInteger(status) || status < 100 || status > 999) return null;
  return {
    atMs: Math.round(at * 1000),
    status,
    bytes,
    ms: Math.round(time * 1000),
    host: typeof v.host === 'string' ? v.host.slice(0, 253) : '',
  };
}
