import { createSignal } from 'solid-js';

// sessionStorage: the token is root-equivalent (the API drives Docker), so it lives only as long as the tab.
const KEY = 'launchpad.token';

function read(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

const [token, setToken] = createSignal<string | null>(read());
// A session lives in an HttpOnly cookie the page cannot read: it learns of one from `viewer` (undefined until
// asked), and of its end from an UNAUTHENTICATED answer or its own sign-out.
const [session, setSession] = createSignal<boolean | undefined>(undefined);
const [notice, setNotice] = createSignal<string | null>(null);
const listeners = new Set<() => void>();

/** The current admin token (reactive), or null when signed out. */
/** Why the user was signed out (a rejected token), shown on the sign-in page once. */
export { notice as signOutNotice, session, token };

/** Signed in by either means: the admin token in this tab, or a session cookie. */
export function signedIn(): boolean {
  return !!token() || session() === true;
}

/** The server answered `viewer` (or signUp/signIn) for the cookie: a session is open, or none is. */
export function sessionKnown(open: boolean): void {
  if (open) setNotice(null);
  setSession(open);
}

export function authHeader(): string | null {
  const t = token();
  return t ? `Bearer ${t}` : null;
}

export function signIn(value: string): void {
  sessionStorage.setItem(KEY, value);
  setNotice(null);
  setToken(value);
}

export function signOut(reason?: string): void {
  sessionStorage.removeItem(KEY);
  setNotice(reason ?? null);
  setToken(null);
  setSession(false);
  for (const fn of listeners) fn();
}

/** Runs `fn` on every sign-out (the API client drops its socket, which carries the old token). */
export function onSignOut(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
