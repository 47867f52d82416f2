/** One OpenID provider Launchpad signs people in through (LAUNCHPAD_OIDC_<NAME>_*). */
export interface OidcProviderSettings {
  /** Lower case, as listed in LAUNCHPAD_OIDC_PROVIDERS; the path segment in /auth/oidc/<name>. */
  name: string;
  /** The issuer identifier, exactly as the provider's discovery document states it. */
  issuer: string;
  clientId: string;
  /** Not enumerable: a settings object that is logged or serialised never carries it. */
  readonly clientSecret: string;
  /** Shown on the sign-in button. */
  label: string;
}

/** A bad setting: `variable` names the environment variable, the message never repeats a secret. */
export class OidcSettingsError extends Error {
  constructor(
    readonly variable: string,
    readonly detail: string,
  ) {
    super(`${variable}: ${detail}`);
    this.name = 'OidcSettingsError';
  }
}

type Env = Record<string, string | undefined>;

// Names become environment variable infixes and URL path segments: letters, digits and `_` only.
const NAME = /^[a-z][a-z0-9_]{0,31}$/;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const MAX_PROVIDERS = 16;

/**
 * Reads every provider named in LAUNCHPAD_OIDC_PROVIDERS. Pure: the first bad value throws, naming the
 * variable, so a misconfigured provider stops the start instead of failing at someone's first sign-in.
 */
export function readOidcProviders(env: Env): OidcProviderSettings[] {
  const raw = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : null;
  };
  const list = raw('LAUNCHPAD_OIDC_PROVIDERS');
  if (list === null) return [];
  const names = list
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (names.length > MAX_PROVIDERS) {
    throw new OidcSettingsError('LAUNCHPAD_OIDC_PROVIDERS', `at most ${MAX_PROVIDERS} providers`);
  }
  const seen = new Set<string>();
  return names.map((name) => {
    if (!NAME.test(name)) {
      throw new OidcSettingsError(
        'LAUNCHPAD_OIDC_PROVIDERS',
        `"${name}" is not a provider name (a letter, then letters, digits or _; at most 32)`,
      );
    }
    if (seen.has(name)) throw new OidcSettingsError('LAUNCHPAD_OIDC_PROVIDERS', `"${name}" is listed twice`);
    seen.add(name);
    const prefix = `LAUNCHPAD_OIDC_${name.toUpperCase()}`;
    const required = (suffix: string) => {
      const v = raw(`${prefix}_${suffix}`);
      if (v === null)
        throw new OidcSettingsError(`${prefix}_${suffix}`, `is required for provider "${name}"`);
      return v;
    };
    const issuer = checkIssuer(`${prefix}_ISSUER`, required('ISSUER'));
    const clientId = required('CLIENT_ID');
    const clientSecret = required('CLIENT_SECRET');
    const label = raw(`${prefix}_LABEL`) ?? name.charAt(0).toUpperCase() + name.slice(1);
    if (label.length > 64) throw new OidcSettingsError(`${prefix}_LABEL`, 'at most 64 characters');
    const settings = { name, issuer, clientId, label } as OidcProviderSettings;
    Object.defineProperty(settings, 'clientSecret', { value: clientSecret, enumerable: false });
    return settings;
  });
}

/**
 * An issuer must be https: its discovery document and keys are what the ID tokens are checked against.
 * Plain http is allowed on loopback only (a provider on the same host, and the tests).
 */
function checkIssuer(variable: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new OidcSettingsError(variable, `"${value}" is not a URL`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new OidcSettingsError(
      variable,
      'must be an https URL (http only on 127.0.0.1, localhost or [::1])',
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new OidcSettingsError(variable, 'must have no credentials, query or fragment');
  }
  return value;
}

/** True when talking to this issuer over plain http was allowed by checkIssuer (loopback only). */
export function isLoopbackHttp(issuer: string): boolean {
  return new URL(issuer).protocol === 'http:';
}
