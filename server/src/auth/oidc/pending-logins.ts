import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** What the callback needs from the request that started a sign-in, and nothing the browser may alter. */
export interface PendingLogin {
  provider: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  /** The invitation token the person arrived with (`?invitation=`), carried to IdentitySignIn. */
  invitation: string | null;
}

export type TakeResult =
  | { ok: true; login: PendingLogin }
  | { ok: false; reason: 'state_mismatch' | 'login_expired' };

interface Entry {
  login: PendingLogin;
  /** SHA-256 of the browser secret: the login completes only in the browser that started it. */
  browser: Buffer;
  expiresAt: number;
}

export interface PendingLoginOptions {
  ttlMs: number;
  /** Unauthenticated requests create entries: past this many, the oldest is dropped. */
  max: number;
  now?: () => number;
}

/**
 * Sign-ins between the redirect to the provider and its callback, kept server-side and keyed by `state`.
 * The browser holds only a random secret (a cookie) that binds the entry to it, so a callback link made in
 * someone else's browser cannot sign this one in (login CSRF). Every entry is taken once: a replayed
 * callback finds nothing.
 */
export class PendingLogins {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;

  constructor(private readonly opts: PendingLoginOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** Stores `login` and returns the browser secret to set in the pending-login cookie. */
  add(login: PendingLogin): string {
    this.sweep();
    while (this.entries.size >= this.opts.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    const secret = randomBytes(32).toString('base64url');
    this.entries.set(login.state, {
      login,
      browser: digest(secret),
      expiresAt: this.now() + this.opts.ttlMs,
    });
    return secret;
  }

  /** Removes and returns the login for `state` if `browserSecret` is the one it was started with. */
  take(state: string, browserSecret: string | null): TakeResult {
    const entry = this.entries.get(state);
    if (!entry) return { ok: false, reason: 'state_mismatch' };
    this.entries.delete(state);
    if (browserSecret === null || !timingSafeEqual(entry.browser, digest(browserSecret))) {
      return { ok: false, reason: 'state_mismatch' };
    }
    if (this.now() >= entry.expiresAt) return { ok: false, reason: 'login_expired' };
    return { ok: true, login: entry.login };
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * Entries are in insertion order, so expired ones are at the front. They stay one more lifetime, so a
   * late callback is told its sign-in expired rather than that it is unknown.
   */
  private sweep(): void {
    const now = this.now();
    for (const [state, entry] of this.entries) {
      if (entry.expiresAt + this.opts.ttlMs > now) break;
      this.entries.delete(state);
    }
  }
}

function digest(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}
