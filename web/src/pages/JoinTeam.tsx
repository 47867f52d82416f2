import { type Component, createResource, createSignal, Match, Show, Switch } from 'solid-js';
import { accounts } from '../lib/accounts';
import { toApiError } from '../lib/errors';
import { roleLabel } from '../lib/roles';
import { Link, navigate } from '../lib/router';
import { chooseTeam, refetchViewer, viewer } from '../lib/teams';

/**
 * /invite#<token> for someone already signed in: "Join <team>" with their own account, instead of the
 * sign-up form a new user gets there. Once joined, the team is chosen in the header and its sites listed.
 */
export const JoinTeamPage: Component = () => {
  // The token stays in the fragment, which no server log or Referer sees.
  const token = location.hash.slice(1);
  const [offer] = createResource(
    () => (token && viewer()?.user ? token : null),
    (t) => accounts.invitationOffer(t),
  );
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const join = async () => {
    setBusy(true);
    setError(null);
    try {
      const team = await accounts.acceptInvitation(token);
      await refetchViewer();
      chooseTeam(team.id);
      navigate('/', { replace: true });
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="join-title" class="narrow">
      <div class="page-head">
        <h1 id="join-title" tabindex="-1">
          Join a team
        </h1>
      </div>
      <div class="card stack" data-testid="join-team">
        <Switch>
          <Match when={!viewer()?.user}>
            <p>Signed in with a token: sign in with your own account to accept an invitation.</p>
          </Match>
          <Match when={!token || (offer.state === 'ready' && offer() === null)}>
            <p>This invitation is used, expired or unknown. Ask for a new link.</p>
          </Match>
          <Match when={offer()}>
            {(o) => (
              <Show
                when={!o().member}
                fallback={
                  <p>
                    You are already in <strong>{o().teamName}</strong>. <Link href="/">Go to your sites</Link>
                  </p>
                }
              >
                <p>
                  You were invited to <strong>{o().teamName}</strong> as {roleLabel(o().role)}. Join it with
                  the account you are signed in with, <strong>{viewer()?.user?.email}</strong>.
                </p>
                <Show when={error()}>
                  <div class="alert alert-error" role="alert" id="join-error">
                    {error()}
                  </div>
                </Show>
                <div class="actions">
                  <button type="button" class="btn btn-primary" disabled={busy()} onClick={() => void join()}>
                    {busy() ? 'Joining…' : `Join ${o().teamName}`}
                  </button>
                  <Link href="/" class="btn btn-ghost">
                    Not now
                  </Link>
                </div>
              </Show>
            )}
          </Match>
        </Switch>
      </div>
    </section>
  );
};
