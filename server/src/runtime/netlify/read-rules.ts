import { createReadStream } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DEFAULT_RULE_LIMITS, type RuleLimits, RulesLimitError } from './limits.js';
import { HeadersParser } from './parse-headers.js';
import { RedirectsParser } from './parse-redirects.js';
import type { TranslatedRules } from './rules.js';
import { translateRules } from './translate.js';

export interface RulesLog {
  system(text: string): void;
}

/**
 * Reads `_redirects` and `_headers` from a deploy's folder and makes them ready for nginx. Each file is
 * streamed line by line and never more than `limits.fileBytes` of it is read, so a huge file costs neither
 * memory nor a blocked event loop: it fails the deploy with RulesLimitError. Every line Launchpad cannot
 * honour is a warning in the deploy log. `undefined` when the deploy has neither file.
 */
export async function readNetlifyRules(
  dir: string,
  log: RulesLog,
  limits: RuleLimits = DEFAULT_RULE_LIMITS,
): Promise<TranslatedRules | undefined> {
  const redirects = new RedirectsParser(limits);
  const headers = new HeadersParser(limits);
  const hasRedirects = await readLines(join(dir, '_redirects'), '_redirects', limits, (l, n) =>
    redirects.line(l, n),
  );
  const hasHeaders = await readLines(join(dir, '_headers'), '_headers', limits, (l, n) => headers.line(l, n));
  if (!hasRedirects && !hasHeaders) return undefined;
  const r = redirects.result();
  const h = headers.result();
  const translated = translateRules(r.rules, h.rules);
  for (const warning of inFileOrder([...r.warnings, ...h.warnings, ...translated.warnings])) {
    log.system(`warning: ${warning}`);
  }
  log.system(`applied ${r.rules.length} redirect rule(s) and ${h.rules.length} header rule(s)`);
  return translated.nginx;
}

/** Feeds each line of a regular file to `line`; false when there is no such file. */
async function readLines(
  file: string,
  name: string,
  limits: RuleLimits,
  line: (text: string, n: number) => void,
): Promise<boolean> {
  // publish.ts has already removed links, FIFOs and devices from the deploy; a folder by that name is no file.
  const stat = await lstat(file).catch(() => null);
  if (!stat?.isFile()) return false;
  if (stat.size > limits.fileBytes) throw tooLarge(name, limits);
  // `end` bounds what is read even if the file grew after lstat (it is inclusive).
  const stream = createReadStream(file, { encoding: 'utf8', end: limits.fileBytes });
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  let bytes = 0;
  try {
    for await (const text of lines) {
      n++;
      bytes += Buffer.byteLength(text) + 1;
      if (bytes > limits.fileBytes + 1) throw tooLarge(name, limits);
      line(n === 1 ? text.replace(/^\uFEFF/, '') : text, n);
    }
  } finally {
    lines.close();
    stream.destroy();
  }
  return true;
}

const tooLarge = (name: string, limits: RuleLimits) =>
  new RulesLimitError(
    `${name} is larger than ${Math.floor(limits.fileBytes / 1024)} KiB; Launchpad serves at most that`,
  );

/** Parse and translate warnings, as the user reads the files: `_redirects` first, each by line. */
function inFileOrder(warnings: string[]): string[] {
  const key = (w: string) => {
    const m = /^(_redirects|_headers) line (\d+):/.exec(w);
    return m ? (m[1] === '_redirects' ? 0 : 1e9) + Number(m[2]) : 2e9;
  };
  return warnings
    .map((w, i) => ({ w, i }))
    .sort((a, b) => key(a.w) - key(b.w) || a.i - b.i)
    .map(({ w }) => w);
}
