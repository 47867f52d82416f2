import * as client from 'openid-client';
import type { VerifiedIdentity } from '../identity.js';
import { type Claims, identityFromClaims, needsUserInfo } from './claims.js';
import { PendingLogins } from './pending-logins.js';
import { isLoopbackHttp, type OidcProviderSettings } from './settings.js';

/** Why the OIDC side refused a sign-in before any account was looked at. */
export type FlowRefusal =
  /** The callback's state is unknown, already used, or was started in another browser. */
  | 'state_mismatch'
  | 'login_expired'
  /** The provider sent the person back with an error (they cancelled, or it refused the request). */
  | 'provider_denied'
  /** The token endpoint refused the code (replayed, expired, wrong PKCE) or the ID token failed its checks. */
  | 'code_rejected'
  /** Discovery or the token request could not reach the provider. */
  | 'provider_unavailable';

export type StartResult =
  | { ok: true; url: string; browserSecret: string }
  | { ok: false; reason: 'provider_unavailable' };

export type FinishResult =
  | { ok: true; identity: VerifiedIdentity; invitation: string | null }
  | { ok: false; reason: FlowRefusal };

export interface OidcFlowOptions {
  providers: readonly OidcProviderSettings[];
  /** The exact redirect URI registered at the provider for `provider`. */
  redirectUri: (provider: string) => string;
  /** How long a person has at the provider before the sign-in must start over. */
  pendingTtlMs?: number;
  /** Seconds an HTTP request to a provider may take. */
  timeoutSeconds?: number;
}

const SCOPE = 'openid email profile';

/**
 * The authorization code flow with PKCE (S256), state and nonce, through openid-client: `start` makes the
 * provider URL, `finish` turns its callback into a VerifiedIdentity. It never decides who that is.
 */
export class OidcFlow {
  private readonly providers: Map<string, OidcProviderSettings>;
  private readonly configs = new Map<string, Promise<client.Configuration>>();
  readonly pending: PendingLogins;

  constructor(private readonly opts: OidcFlowOptions) {
    this.providers = new Map(opts.providers.map((p) => [p.name, p]));
    this.pending = new PendingLogins({ ttlMs: opts.pendingTtlMs ?? 10 * 60_000, max: 10_000 });
  }

  has(provider: string): boolean {
    return this.providers.has(provider);
  }

  async start(provider: string, invitation: string | null): Promise<StartResult> {
    const config = await this.configuration(provider);
    if (!config) return { ok: false, reason: 'provider_unavailable' };
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.opts.redirectUri(provider),
      scope: SCOPE,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    const browserSecret = this.pending.add({ provider, state, nonce, codeVerifier, invitation });
    return { ok: true, url: url.href, browserSecret };
  }

  /** `query` is the callback's query string; the pending login is spent whatever the outcome. */
  async finish(
    provider: string,
    query: URLSearchParams,
    browserSecret: string | null,
  ): Promise<FinishResult> {
    const taken = this.pending.take(query.get('state') ?? '', browserSecret);
    if (!taken.ok) return taken;
    const { login } = taken;
    if (login.provider !== provider) return { ok: false, reason: 'state_mismatch' };
    const config = await this.configuration(provider);
    if (!config) return { ok: false, reason: 'provider_unavailable' };
    // Built from the registered redirect URI, not the request's Host: openid-client sends it back as
    // redirect_uri, and behind a proxy the request's own address is not the one the provider knows.
    const callbackUrl = new URL(this.opts.redirectUri(provider));
    callbackUrl.search = query.toString();
    try {
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: login.codeVerifier,
        expectedState: login.state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims() as Claims | undefined;
      if (!idToken) return { ok: false, reason: 'code_rejected' };
      const userInfo =
        needsUserInfo(idToken) && config.serverMetadata().userinfo_endpoint
          ? ((await client.fetchUserInfo(config, tokens.access_token, String(idToken.sub))) as Claims)
          : null;
      return {
        ok: true,
        identity: identityFromClaims(provider, idToken, userInfo),
        invitation: login.invitation,
      };
    } catch (err) {
      return { ok: false, reason: refusalOf(provider, err) };
    }
  }

  /** Discovery once per provider; a failure is not kept, so the next sign-in tries again. */
  private async configuration(name: string): Promise<client.Configuration | null> {
    const settings = this.providers.get(name);
    if (!settings) return null;
    let config = this.configs.get(name);
    if (!config) {
      config = client.discovery(
        new URL(settings.issuer),
        settings.clientId,
        undefined,
        // The default of OpenID Connect Discovery: every provider that lists none supports it.
        client.ClientSecretBasic(settings.clientSecret),
        {
          timeout: this.opts.timeoutSeconds ?? 10,
          ...(isLoopbackHttp(settings.issuer) ? { execute: [client.allowInsecureRequests] } : {}),
        },
      );
      this.configs.set(name, config);
    }
    try {
      return await config;
    } catch (err) {
      this.configs.delete(name);
      console.warn(`OpenID provider "${name}": discovery at ${settings.issuer} failed: ${describe(err)}`);
      return null;
    }
  }
}

/** Sorts a failed callback; logs what an operator needs, never a code, token or secret. */
function refusalOf(provider: string, err: unknown): FlowRefusal {
  if (err instanceof client.AuthorizationResponseError) return 'provider_denied';
  const reason: FlowRefusal =
    err instanceof client.ResponseBodyError || err instanceof client.ClientError
      ? 'code_rejected'
      : 'provider_unavailable';
  console.warn(`OpenID provider "${provider}": sign-in refused (${reason}): ${describe(err)}`);
  return reason;
}

function describe(err: unknown): string {
  if (err instanceof client.ResponseBodyError)
    return `${err.error}${err.error_description ? `: ${err.error_description}` : ''}`;
  if (err instanceof Error) return `${(err as { code?: string }).code ?? err.name}: ${err.message}`;
  return String(err);
}
