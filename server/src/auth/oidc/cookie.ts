/**
 * The pending-login cookie: a random secret binding a sign-in to the browser that started it. On https it
 * carries the `__Host-` prefix, which browsers accept only from this exact host (Secure, Path=/, no
 * Domain): a site served on a sibling subdomain cannot plant its own value (cookie tossing) to make the
 * callback of its own sign-in complete in someone else's browser.
 */
export function pendingCookieName(secure: boolean): string {
  return secure ? '__Host-launchpad_oidc' : 'launchpad_oidc';
}

export function pendingCookie(secure: boolean, value: string, maxAgeSeconds: number): string {
  const attrs = [`${pendingCookieName(secure)}=${value}`, 'Path=/', `Max-Age=${maxAgeSeconds}`, 'HttpOnly'];
  // Lax, not Strict: the callback is a top-level navigation from the provider's site and must carry it.
  attrs.push('SameSite=Lax');
  if (secure) attrs.push('Secure');
  return attrs.join('; ');
}

export function clearPendingCookie(secure: boolean): string {
  return pendingCookie(secure, '', 0);
}

/** The cookie's value from a Cookie header, or null; values other than base64url are ignored. */
export function readPendingCookie(header: string | undefined, secure: boolean): string | null {
  if (!header) return null;
  const name = pendingCookieName(secure);
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    if (/^[A-Za-z0-9_-]{16,128}$/.test(value)) return value;
  }
  return null;
}
