import { type Component, createSignal, Show } from 'solid-js';
import { describedBy, Field } from '../components/Field';
import { accounts } from '../lib/accounts';
import { sessionKnown } from '../lib/auth';
import { placeError, toApiError } from '../lib/errors';
import { Link, navigate } from '../lib/router';
import { refetchViewer } from '../lib/teams';
import { AuthCard, ProviderButtons } from './SignIn';

/**
 * Creates an account and signs it in. At /invite#<token> it carries the invitation: the token stays in the
 * fragment, which no server log or Referer sees.
 */
export const SignUpPage: Component = () => {
  const invitation = location.pathname === '/invite' ? location.hash.slice(1) || null : null;
  const [email, setEmail] = createSignal('');
  const [name, setName] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [error, setError] = createSignal<ReturnType<typeof placeError>>({});
  const [busy, setBusy] = createSignal(false);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (!email().trim()) return setError({ field: 'email', message: 'Enter your e-mail' });
    setBusy(true);
    setError({});
    try {
      await accounts.signUp({
        email: email().trim(),
        password: password(),
        name: name().trim() || null,
        invitation,
      });
      navigate('/', { replace: true });
      sessionKnown(true);
      void refetchViewer();
    } catch (err) {
      setError(placeError(toApiError(err), ['email', 'password']));
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (f: string) => (error().field === f ? error().message : undefined);
  return (
    <AuthCard
      intro={
        invitation ? 'You were invited to a team: create your account to join it.' : 'Create your account.'
      }
      onSubmit={submit}
    >
      <Show when={error().general}>
        <div class="alert alert-error" role="alert" id="signup-error">
          {error().general}
        </div>
      </Show>
      <Field
        id="email"
        label="E-mail"
        error={fieldError('email')}
        hint={invitation ? 'The address the invitation was sent to' : undefined}
      >
        <input
          id="email"
          type="email"
          autocomplete="username"
          required
          value={email()}
          onInput={(e) => setEmail(e.currentTarget.value)}
          aria-describedby={describedBy('email')}
          aria-invalid={!!fieldError('email')}
          autofocus
        />
      </Field>
      <Field id="name" label="Name (optional)">
        <input id="name" autocomplete="name" value={name()} onInput={(e) => setName(e.currentTarget.value)} />
      </Field>
      <Field id="password" label="Password" hint="At least 10 characters" error={fieldError('password')}>
        <input
          id="password"
          type="password"
          autocomplete="new-password"
          required
          minLength={10}
          value={password()}
          onInput={(e) => setPassword(e.currentTarget.value)}
          aria-describedby={describedBy('password')}
          aria-invalid={!!fieldError('password')}
        />
      </Field>
      <button type="submit" class="btn btn-primary btn-block" disabled={busy()}>
        {busy() ? 'Creating…' : 'Create account'}
      </button>
      <ProviderButtons invitation={invitation} />
      <p class="muted sign-in-links">
        Have an account? <Link href="/">Sign in</Link>
      </p>
    </AuthCard>
  );
};
