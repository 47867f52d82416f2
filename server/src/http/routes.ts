import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

export interface RouteDeps {
  /** Resolves true when the Docker engine answers. */
  dockerPing: () => Promise<boolean>;
  /** The built dashboard (web/dist); null when it was not built. */
  webRoot: string | null;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** The non-GraphQL routes: health, and the dashboard's static files (one origin, so no CORS). */
export function createRoutes(deps: RouteDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      const docker = await deps.dockerPing();
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ ok: true, docker }));
      return true;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (path.startsWith('/api/')) return false;
    return serveDashboard(deps.webRoot, path, res);
  };
}

async function serveDashboard(root: string | null, path: string, res: ServerResponse): Promise<boolean> {
  if (!root) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      '<!doctype html><title>Launchpad</title><p>The Launchpad API is at <a href="/graphql">/graphql</a>. ' +
        'The dashboard is not built: run <code>npm run build -w web</code>.</p>',
    );
    return true;
  }
  const file = normalize(join(root, path));
  if (!file.startsWith(root + sep) && file !== root) return false;
  const found = await stat(file).catch(() => null);
  // Client-side routes (/sites/abc) get the app shell; asset paths that do not exist stay 404.
  const target = found?.isFile() ? file : extname(path) ? null : join(root, 'index.html');
  if (!target) return false;
  const ext = extname(target);
  res.writeHead(200, {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    'cache-control': target.includes(`${sep}assets${sep}`)
      ? 'public, max-age=31536000, immutable'
      : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  createReadStream(target).pipe(res);
  return true;
}
