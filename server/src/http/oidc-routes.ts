import type { IncomingMessage, ServerResponse } from 'node:http';
import type { IdentityRefusal, IdentitySignIn } from '../auth/identity.js';
import { clearPendingCookie, pendingCookie, readPendingCookie } from '../auth/oidc/cookie.js';
import { type FlowRefusal, OidcFlow } from '../auth/oidc/flow.js';
import type { OidcProviderSettings } from '../auth/oidc/settings.js';

export interface OidcRoutesOptions {
  providers: readonly OidcProviderSettings[];
  /** Launchpad's public URL (known only once it listens when not configured): the redirect URIs' base. */
  publicUrl: () => string;
  /** Links the verified identity to a user and starts a session (accounts). */
  signIn: IdentitySignIn;
  /** How long a person has at the provider; 10 minutes unless a test says otherwise. */
  pendingTtlMs?: number;
}

/** Every reason a browser may be sent back with, as `/?signin_error=<reason>` (README). */
export type SignInError = FlowRefusal | IdentityRefusal | 'server_error';

const PENDING_TTL_MS = 10 * 60_000;
// Invitation tokens are made by accounts; here only their shape is bounded before they travel.
const INVITATION = /^[A-Za-z0-9._~-]{1,256}$/;
const ROUTE = /^\/auth\/oidc\/([^/]+)(\/callback)?$/;

/**
 * `GET /auth/oidc/:provider` (302 to the provider) and `GET /auth/oidc/:provider/callback` (session cookie
 * and 302 to `/`). They take no bearer: they are how a person without a session gets one. Every refusal is
 * a redirect to the dashboard with a reason that never says whether an account exists.
 */
export function oidcRoutes(opts: OidcRoutesOptions) {
  const ttlMs = opts.pendingTtlMs ?? PENDING_TTL_MS;
  const flow = new OidcFlow({
    providers: opts.providers,
    redirectUri: (provider) => `${opts.publicUrl()}/auth/oidc/${provider}/callback`,
    pendingTtlMs: ttlMs,
  });
  const secure = () => opts.publicUrl().startsWith('https:');

  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://launchpad.invalid');
    const match = ROUTE.exec(url.pathname);
    if (!match) return false;
    if (req.method !== 'GET') {
      res.writeHead(405, { allow: 'GET', 'content-type': 'text/plain; charset=utf-8' }).end('GET only\n');
      return true;
    }
    const provider = match[1]!;
    if (!flow.has(provider)) {
      res.writeHead(404, {
        'content-type': 'text/plain; charset=utf-8',
        'x-content-type-options': 'nosniff',
      });
      res.end('No sign-in provider of that name is configured here.\n');
      return true;
    }

    if (!match[2]) {
      const invitation = url.searchParams.get('invitation');
      if (invitation !== null && !INVITATION.test(invitation)) {
        return refuse(res, 'invitation_invalid', secure());
      }
      const started = await flow.start(provider, invitation);
      if (!started.ok) return refuse(res, started.reason, secure());
      return redirect(res, started.url, [
        pendingCookie(secure(), started.browserSecret, Math.ceil(ttlMs / 1000)),
      ]);
    }

    const finished = await flow.finish(
      provider,
      url.searchParams,
      readPendingCookie(req.headers.cookie, secure()),
    );
    if (!finished.ok) return refuse(res, finished.reason, secure());
    let answer: Awaited<ReturnType<IdentitySignIn>>;
    try {
      answer = await opts.signIn(finished.identity, {
        ip: req.socket.remoteAddress ?? 'unknown',
        invitation: finished.invitation,
      });
    } catch (err) {
      console.error(`OpenID sign-in through "${provider}" failed:`, err);
      return refuse(res, 'server_error', secure());
    }
    if (!answer.ok) return refuse(res, answer.reason, secure());
    return redirect(res, '/', [answer.setCookie, clearPendingCookie(secure())]);
  };
}

function refuse(res: ServerResponse, reason: SignInError, secure: boolean): true {
  return redirect(res, `/?signin_error=${reason}`, [clearPendingCookie(secure)]);
}

function redirect(res: ServerResponse, location: string, cookies: string[]): true {
  res.writeHead(302, {
    location,
    'set-cookie': cookies,
    'cache-control': 'no-store',
    // The callback URL carries the authorization code: never hand it on as a Referer.
    'referrer-policy': 'no-referrer',
  });
  res.end();
  return true;
}
