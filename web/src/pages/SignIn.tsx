import { type Component, createResource, createSignal, For, type JSX, Show } from 'solid-js';
import { describedBy, Field } from '../components/Field';
import { accounts } from '../lib/accounts';
import { api } from '../lib/api';
import { sessionKnown, signIn, signOutNotice } from '../lib/auth';
import { placeError, toApiError } from '../lib/errors';
import { Link } from '../lib/router';
import { signInErrorMessage } from '../lib/signin-errors';
import { refetchViewer } from '../lib/teams';

/** The card every signed-out page sits in. */
export const AuthCard: Component<{
  intro: string;
  children: JSX.Element;
  onSubmit: (e: SubmitEvent) => void;
}> = (props) => (
  <main class="sign-in" id="main">
    <form class="card sign-in-card" onSubmit={props.onSubmit} novalidate>
      <h1>
        <span class="brand-mark" aria-hidden="true" /> Launchpad
      </h1>
      <p class="muted">{props.intro}</p>
      <Show when={signOutNotice()}>
        <div class="alert alert-warn" role="status">
          {signOutNotice()}
        </div>
      </Show>
      {props.children}
    </form>
  </main>
);

/** One button per configured OpenID provider; the sign-in itself is the server's redirect dance. */
export const ProviderButtons: Component<{ invitation?: string | null }> = (props) => {
  const [providers] = createResource(() => accounts.providers().catch(() => []));
  const href = (name: string) =>
    `/auth/oidc/${encodeURIComponent(name)}${props.invitation ? `?invitation=${encodeURIComponent(props.invitation)}` : ''}`;
  return (
    <Show when={(providers() ?? []).length > 0}>
      <div class="providers">
        <p class="or muted">or</p>
        <For each={providers()}>
          {(p) => (
            <a class="btn btn-block provider" href={href(p.name)}>
              Continue with {p.label}
            </a>
          )}
        </For>
      </div>
    </Show>
  );
};

/** E-mail and password (the session cookie is set by the server), or the admin token for this tab. */
export const SignInPage: Component = () => {
  const [mode, setMode] = createSignal<'password' | 'token'>('password');
  return (
    <Show when={mode() === 'password'} fallback={<TokenSignIn back={() => setMode('password')} />}>
      <PasswordSignIn useToken={() => setMode('token')} />
    </Show>
  );
};

const PasswordSignIn: Component<{ useToken: () => void }> = (props) => {
  const params = new URLSearchParams(location.search);
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [error, setError] = createSignal(signInErrorMessage(params.get('signin_error')));
  const [busy, setBusy] = createSignal(false);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (!email().trim() || !password()) return setError('Enter your e-mail and password');
    setBusy(true);
    setError(null);
    try {
      await accounts.signIn(email().trim(), password());
      // The query string may carry a sign-in error from before: drop it with the page it was for.
      if (location.search) history.replaceState(null, '', location.pathname);
      sessionKnown(true);
      void refetchViewer();
    } catch (err) {
      setError(placeError(toApiError(err), []).general ?? null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <AuthCard intro="Sign in to your account." onSubmit={submit}>
      <Show when={error()}>
        <div class="alert alert-error" role="alert" id="signin-error">
          {error()}
        </div>
      </Show>
      <Field id="email" label="E-mail">
        <input
          id="email"
          type="email"
          autocomplete="username"
          required
          value={email()}
          onInput={(e) => setEmail(e.currentTarget.value)}
          autofocus
        />
      </Field>
      <Field id="password" label="Password">
        <input
          id="password"
          type="password"
          autocomplete="current-password"
          required
          value={password()}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
      </Field>
      <button type="submit" class="btn btn-primary btn-block" disabled={busy()}>
        {busy() ? 'Signing in…' : 'Sign in'}
      </button>
      <ProviderButtons />
      <p class="muted sign-in-links">
        New here? <Link href="/signup">Create an account</Link>
        {' · '}
        <button type="button" class="link-button" onClick={() => props.useToken()}>
          Use an admin token instead
        </button>
      </p>
    </AuthCard>
  );
};

/** Asks for the admin token and checks it before keeping it (in this tab only). */
const TokenSignIn: Component<{ back: () => void }> = (props) => {
  const [value, setValue] = createSignal('');
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const token = value().trim();
    if (!token) return setError('Paste the admin token');
    setBusy(true);
    setError(undefined);
    try {
      await api.verifyToken(token);
      signIn(token);
    } catch (err) {
      const apiError = toApiError(err);
      setError(apiError.code === 'UNAUTHENTICATED' ? 'Launchpad does not know this token' : apiError.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <AuthCard intro="Sign in with the admin token Launchpad printed when it first started." onSubmit={submit}>
      <Field
        id="token"
        label="Admin token"
        hint="Kept for this tab only; closing it signs you out."
        error={error()}
      >
        <input
          id="token"
          type="password"
          autocomplete="current-password"
          spellcheck={false}
          required
          value={value()}
          onInput={(e) => setValue(e.currentTarget.value)}
          aria-describedby={describedBy('token')}
          aria-invalid={!!error()}
          autofocus
        />
      </Field>
      <button type="submit" class="btn btn-primary btn-block" disabled={busy()}>
        {busy() ? 'Checking…' : 'Sign in'}
      </button>
      <p class="muted sign-in-links">
        <button type="button" class="link-button" onClick={() => props.back()}>
          Sign in with e-mail instead
        </button>
      </p>
    </AuthCard>
  );
};
