/** The session cookie's name (api.md). */
export const SESSION_COOKIE = 'launchpad_session';

/** The value of one cookie in a Cookie header, or null. Values are base64url, so no decoding is needed. */
export function readCookie(header: string | undefined | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{1,128}$/.test(value) ? value : null;
    }
  }
  return null;
}

export interface CookieOptions {
  /** Secure when the public URL is https: the browser then never sends the cookie over plain HTTP. */
  secure: boolean;
  maxAgeSeconds: number;
}

/**
 * The Set-Cookie value of a session: HttpOnly (no script reads it), SameSite=Lax (not sent with
 * cross-site subrequests or POSTs; the Origin check in http/principal.ts covers same-site origins), Path=/.
 */
export function sessionCookie(secret: string, opts: CookieOptions): string {
  return [
    `${SESSION_COOKIE}=${secret}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${opts.maxAgeSeconds}`,
    ...(opts.secure ? ['Secure'] : []),
  ].join('; ');
}

/** Tells the browser to forget the session cookie. */
export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', { secure, maxAgeSeconds: 0 });
}
