import { type Component, createSignal, Show } from 'solid-js';
import { describedBy, Field } from '../components/Field';
import { teamAdmin } from '../lib/accounts';
import { placeError, toApiError } from '../lib/errors';
import { viewer } from '../lib/teams';

/** The signed-in user's own account: change the password, end every other session. */
export const AccountPage: Component = () => (
  <section aria-labelledby="account-title">
    <div class="page-head">
      <h1 id="account-title" tabindex="-1">
        Account
      </h1>
    </div>
    <Show
      when={viewer()?.user}
      fallback={<p class="muted">Signed in with a token: there is no account to manage.</p>}
    >
      {(user) => (
        <>
          <p class="muted">
            Signed in as <strong>{user().email}</strong>
          </p>
          <ChangePassword />
          <SignOutEverywhere />
        </>
      )}
    </Show>
  </section>
);

const ChangePassword: Component = () => {
  const [current, setCurrent] = createSignal('');
  const [next, setNext] = createSignal('');
  const [error, setError] = createSignal<ReturnType<typeof placeError>>({});
  const [done, setDone] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    setError({});
    setDone(false);
    try {
      await teamAdmin.changePassword(current(), next());
      setCurrent('');
      setNext('');
      setDone(true);
    } catch (err) {
      setError(placeError(toApiError(err), ['current', 'next']));
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (f: string) => (error().field === f ? error().message : undefined);
  return (
    <form class="card invite-form" onSubmit={submit} novalidate>
      <h2>Change password</h2>
      <Show when={error().general}>
        <div class="alert alert-error" role="alert" id="password-error">
          {error().general}
        </div>
      </Show>
      <Show when={done()}>
        <div class="alert alert-warn" role="status" id="password-changed">
          Password changed. Every other session was signed out.
        </div>
      </Show>
      <Field id="current" label="Current password" error={fieldError('current')}>
        <input
          id="current"
          type="password"
          autocomplete="current-password"
          value={current()}
          onInput={(e) => setCurrent(e.currentTarget.value)}
          aria-describedby={describedBy('current')}
        />
      </Field>
      <Field id="next" label="New password" hint="At least 10 characters" error={fieldError('next')}>
        <input
          id="next"
          type="password"
          autocomplete="new-password"
          value={next()}
          onInput={(e) => setNext(e.currentTarget.value)}
          aria-describedby={describedBy('next')}
        />
      </Field>
      <button type="submit" class="btn btn-primary" disabled={busy()}>
        {busy() ? 'Changing…' : 'Change password'}
      </button>
    </form>
  );
};

const SignOutEverywhere: Component = () => {
  const [note, setNote] = createSignal<string>();
  const run = async () => {
    try {
      await teamAdmin.signOutEverywhere();
      setNote('Every other session was signed out; this one stays.');
    } catch (err) {
      setNote(toApiError(err).message);
    }
  };
  return (
    <div class="card invite-form">
      <h2>Sessions</h2>
      <p class="muted">Signed in on a computer you no longer use? End every session but this one.</p>
      <button type="button" class="btn" onClick={() => void run()}>
        Sign out everywhere else
      </button>
      <Show when={note()}>
        <p role="status" id="sessions-note">
          {note()}
        </p>
      </Show>
    </div>
  );
};
