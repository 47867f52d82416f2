import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { WebhookAnswer, WebhookRequest } from '../services/webhooks.js';

/** GitHub sends up to 25 MB; a push that matters to us is far smaller. Bigger bodies get 413. */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;

export interface RouteDeps {
  /** Handles a GitHub delivery (authenticated by its signature). */
  githubWebhook: (req: WebhookRequest) => Promise<WebhookAnswer>;
  /** Resolves true when the Docker engine answers. */
  dockerPing: () => Promise<boolean>;
  /** The built dashboard (web/dist); null when it was not built. */
  webRoot: string | null;
  /** OpenID Connect sign-in under /auth/oidc/ (http/oidc-routes.ts); answers false for other paths. */
  oidc?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
  /** `GET /metrics` in the Prometheus text format, behind its token (http/metrics-route.ts). */
  metrics?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
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
    let path: string;
    try {
      path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    } catch {
      return json(res, 400, { error: 'malformed URL' }); // a stray % is the client's mistake, not a 500
    }
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      const docker = await deps.dockerPing();
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ ok: true, docker }));
      return true;
    }
    const hook = /^\/api\/webhooks\/github\/([^/]+)$/.exec(path);
    if (hook) {
      if (req.method !== 'POST') return json(res, 405, { error: 'POST only' });
      const rawBody = await readBody(req, MAX_WEBHOOK_BYTES);
      if (!rawBody) {
        res.setHeader('connection', 'close');
        return json(res, 413, { error: `body over ${MAX_WEBHOOK_BYTES} bytes` });
      }
      const header = (name: string) => {
        const v = req.headers[name];
        return Array.isArray(v) ? v[0] : v;
      };
      const answer = await deps.githubWebhook({
        siteId: hook[1]!,
        event: header('x-github-event'),
        deliveryId: header('x-github-delivery'),
        signature: header('x-hub-signature-256'),
        rawBody,
      });
      return json(res, answer.status, answer.body);
    }
    if (path === '/metrics' && deps.metrics) return deps.metrics(req, res);
    if (deps.oidc && path.startsWith('/auth/oidc/') && (await deps.oidc(req, res))) return true;
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

function json(res: ServerResponse, status: number, body: unknown): true {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
  return true;
}

/**
 * The raw bytes (the signature covers them exactly), or null as soon as they pass `limit`. The rest of an
 * oversized body is drained, not stored, so the 413 still reaches a client that is still sending.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    const chunks: Buffer[] = [];
    let size = 0;
    let over = Number.isFinite(declared) && declared > limit;
    if (over) resolve(null);
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
