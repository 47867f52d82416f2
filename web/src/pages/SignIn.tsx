import { type Component, createSignal, Show } from 'solid-js';
import { describedBy, Field } from '../components/Field';
import { api } from '../lib/api';
import { signIn, signOutNotice } from '../lib/auth';
import { toApiError } from '../lib/errors';

/** Asks for the admin token and checks it before keeping it (in this tab only). */
export const SignInPage: Component = () => {
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
    <main class="sign-in" id="main">
      <form class="card sign-in-card" onSubmit={submit} novalidate>
        <h1>
          <span class="brand-mark" aria-hidden="true" /> Launchpad
        </h1>
        <p class="muted">Sign in with the admin token Launchpad printed when it first started.</p>
        <Show when={signOutNotice()}>
          <div class="alert alert-warn" role="status">
            {signOutNotice()}
          </div>
        </Show>
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
      </form>
    </main>
  );
};
