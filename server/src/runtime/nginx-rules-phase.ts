import type { NginxRewrite, TranslatedRules } from './netlify/rules.js';
import { anchored, headerName, literal, quote } from './nginx-syntax.js';

export const headerVar = (prefix: string, block: number, header: number) =>
  `$${prefix}header_${block}_${header}`;

/**
 * `_redirects`, run in nginx's server rewrite phase, before any file is looked up. Netlify checks rules in
 * order and the first match wins; a rule that is not forced (`!`) is skipped when a file exists at the path
 * (shadowing), and then no later rule applies either: nginx `break` stops the rules and the file is served.
 *
 * A rule with conditions Launchpad cannot evaluate (`Role=`, `Country=`…) denies: the paths it matches get
 * no file (no shadowing), later rules still apply (as on Netlify for a visitor without the role), and a
 * request no later rule handles answers 404.
 */
export function rulesPhase(
  rules: TranslatedRules,
  has404Rules: boolean,
  has401Rules: boolean,
  prefix: string,
): string[] {
  const out = [
    // Internal redirects (index files, error pages, the SPA fallback) re-enter this phase; the rules ran on
    // the path the client asked for and must not run again on, say, /404.html. `set` variables survive
    // internal redirects, so the first pass marks the request.
    '    uninitialized_variable_warn off;',
    '    if ($launchpad_routed) {',
    '        break;',
    '    }',
    '    set $launchpad_routed 1;',
    // Never sent in a header: $uri is decoded and may hold CR/LF. Used only as a map key.
    '    set $launchpad_path $uri;',
  ];
  // _headers: every block that matches the requested path adds its headers (Netlify). `set` in this phase
  // rather than one `map` per header: nginx allocates a large hash for every map at each start and reload
  // (about 10 ms each), which hundreds of header lines times every retained deploy made minutes.
  rules.headers.forEach((block, b) => {
    out.push(
      `    # _headers line ${block.line}`,
      `    if ($launchpad_path ~ ${quote(anchored(block.pattern))}) {`,
    );
    block.headers.forEach((h, i) => {
      out.push(`        set ${headerVar(prefix, b, i)} ${literal(h.value)}; # ${headerName(h.name)}`);
    });
    out.push('    }');
  });
  if (has404Rules) out.push('    set $launchpad_404 /404.html;');
  if (has401Rules) out.push('    set $launchpad_401 @launchpad_401;');
  if (rules.rewrites.some((r) => r.origin)) out.push(`    set $launchpad_origin "$${prefix}scheme://$host";`);
  const probe = rules.rewrites.some((r) => !r.force && !r.deny);
  if (probe) {
    // The same files try_files would find: the path itself, <path>.html and <path>/index.html.
    out.push(
      '    set $launchpad_file 0;',
      '    if (-f $request_filename) {',
      '        set $launchpad_file 1;',
      '    }',
      '    if (-f $request_filename.html) {',
      '        set $launchpad_file 1;',
      '    }',
      '    if (-f $request_filename/index.html) {',
      '        set $launchpad_file 1;',
      '    }',
    );
  }
  const denied = rules.rewrites.filter((r) => r.deny);
  for (const r of denied) {
    out.push(`    # _redirects line ${r.line}: denied (conditions Launchpad cannot evaluate)`);
    for (const line of conditions(r)) out.push(line);
    for (const line of ifMatches(r, ['set $launchpad_deny 1;', ...(probe ? ['set $launchpad_file 0;'] : [])]))
      out.push(line);
  }
  if (probe) out.push('    set $launchpad_probe "$launchpad_file:$uri";');
  for (const r of rules.rewrites) {
    if (r.deny) continue;
    out.push(`    # _redirects line ${r.line}: ${r.status}${r.force ? '!' : ''}`);
    for (const line of conditions(r)) out.push(line);
    if (!r.force) {
      const conditional = isConditional(r);
      if (conditional) out.push('    set $launchpad_shadow "$launchpad_if$launchpad_probe";');
      out.push(
        `    if (${conditional ? '$launchpad_shadow' : '$launchpad_probe'} ~ ${quote(`^1:${anchored(r.pattern).slice(1)}`)}) {`,
        '        break;',
        '    }',
      );
    }
    for (const line of rewrite(r)) out.push(line);
  }
  if (denied.length > 0) out.push('    if ($launchpad_deny) {', '        return 404;', '    }');
  return out;
}

const isConditional = (r: NginxRewrite) => Boolean(r.query || r.origin);

/**
 * Query and domain conditions, evaluated before the path: `$launchpad_if` ends up "" when they hold and
 * "no" when not, and `$launchpad_cond` is `$launchpad_if:$uri`, so one anchored regex (nginx has no `&&`,
 * and `if` blocks do not nest) tests conditions and path together. Query placeholders are copied out of the
 * captures at once: the next regex overwrites them.
 */
function conditions(r: NginxRewrite): string[] {
  if (!isConditional(r)) return [];
  const out: string[] = [];
  if (r.query) {
    const captures = (r.query.match(/\((?!\?)/g) ?? []).length;
    out.push(
      '    set $launchpad_if no;',
      `    if ($args ~ ${quote(anchored(r.query))}) {`,
      '        set $launchpad_if "";',
    );
    for (let i = 1; i <= captures; i++) out.push(`        set $launchpad_q${i} $${i};`);
    out.push('    }');
  } else {
    out.push('    set $launchpad_if "";');
  }
  if (r.origin) {
    if (!/^https?:\/\/[a-z0-9.-]+$/.test(r.origin)) throw new Error(`Refusing the origin ${r.origin}`);
    out.push(`    if ($launchpad_origin != ${quote(r.origin)}) {`, '        set $launchpad_if no;', '    }');
  }
  out.push('    set $launchpad_cond "$launchpad_if:$uri";');
  return out;
}

/** `body` runs when the rule (its conditions and its path) matches; captures are the path's. */
function ifMatches(r: NginxRewrite, body: string[]): string[] {
  const test = isConditional(r)
    ? `$launchpad_cond ~ ${quote(`^:${anchored(r.pattern).slice(1)}`)}`
    : `$uri ~ ${quote(anchored(r.pattern))}`;
  return [`    if (${test}) {`, ...body.map((l) => `        ${l}`), '    }'];
}

function rewrite(r: NginxRewrite): string[] {
  const target = replacement(r.target);
  if (r.status === 404 || r.status === 401) {
    // Serve the target's content with this status: error_page follows $launchpad_404 / $launchpad_401.
    return ifMatches(r, [`set $launchpad_${r.status} ${target};`, `return ${r.status};`]);
  }
  // `rewrite` escapes captures in redirects (a decoded %0d%0a cannot split the Location header), unlike
  // `return`. Query strings are passed on, as Netlify does.
  const flag = r.status === 200 ? 'last' : r.status === 301 ? 'permanent' : 'redirect';
  const line = `rewrite ${quote(anchored(r.pattern))} ${target} ${flag};`;
  return isConditional(r) ? ifMatches(r, [line]) : [`    ${line}`];
}

/**
 * A rewrite target may reference captures `$1`..`$9` and query placeholders `${q1}`..`${q9}` (copied into
 * `$launchpad_q1`.. by conditions()), and nothing else that nginx would expand.
 */
function replacement(target: string): string {
  const withQuery = target.replace(/\$\{q([1-9])\}/g, '$${launchpad_q$1}');
  if (/\$(?![1-9]|\{launchpad_q[1-9]\})/.test(withQuery)) {
    throw new Error(`Refusing an nginx replacement with a variable: ${target}`);
  }
  return quote(withQuery);
}
