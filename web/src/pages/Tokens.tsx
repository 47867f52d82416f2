import { type Component, createResource, createSignal, For, Show } from 'solid-js';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { CopyField } from '../components/CopyField';
import { Field } from '../components/Field';
import { Ago } from '../components/Time';
import { type TokenScope, teamAdmin } from '../lib/accounts';
import { placeError, toApiError } from '../lib/errors';
import { atLeast } from '../lib/roles';
import { currentTeam } from '../lib/teams';

const SCOPES: { value: TokenScope; label: string }[] = [
  { value: 'READ' as TokenScope, label: 'Read: sites, deploys, logs' },
  { value: 'DEPLOY' as TokenScope, label: 'Deploy: read, create sites, deploy, roll back' },
  { value: 'ADMIN' as TokenScope, label: 'Admin: everything on this team' },
];

/** The team's API tokens (ADMIN): create one (its secret shown once), see when each was last used, revoke. */
export const TokensPage: Component = () => {
  const team = () => currentTeam();
  const admin = () => atLeast(team()?.viewerRole, 'ADMIN');
  const [tokens, { refetch }] = createResource(
    () => (admin() ? team()?.id : undefined),
    (id) => teamAdmin.tokens(id),
  );
  const [revoking, setRevoking] = createSignal<{ id: string; name: string }>();
  const [error, setError] = createSignal<string>();
  const revoke = async () => {
    const t = revoking();
    setRevoking(undefined);
    if (!t) return;
    try {
      await teamAdmin.revokeToken(t.id);
      void refetch();
    } catch (err) {
      setError(toApiError(err).message);
    }
  };
  return (
    <section aria-labelledby="tokens-title">
      <div class="page-head">
        <h1 id="tokens-title" tabindex="-1">
          API tokens
        </h1>
      </div>
      <Show when={admin()} fallback={<p class="muted">Only a team admin or owner manages API tokens.</p>}>
        <CreateToken teamId={team()!.id} onCreated={() => void refetch()} />
        <div class="card">
          <Show when={error()}>
            <div class="alert alert-error" role="alert">
              {error()}
            </div>
          </Show>
          <Show when={(tokens() ?? []).length > 0} fallback={<p class="muted">No API tokens yet.</p>}>
            <table class="members">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Scope</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Expires</th>
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={tokens()}>
                  {(t) => (
                    <tr>
                      <td>
                        {t.name} <code class="muted">{t.prefix}…</code>
                      </td>
                      <td>{t.scope}</td>
                      <td>{t.lastUsedAt ? <Ago iso={t.lastUsedAt} /> : <span class="muted">never</span>}</td>
                      <td>{t.expiresAt ? <Ago iso={t.expiresAt} /> : <span class="muted">never</span>}</td>
                      <td>
                        <button
                          type="button"
                          class="btn btn-small btn-danger"
                          onClick={() => setRevoking({ id: t.id, name: t.name })}
                        >
                          Revoke
                        </button>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </Show>
        </div>
        <ConfirmDialog
          open={!!revoking()}
          title={`Revoke ${revoking()?.name ?? ''}?`}
          confirmLabel="Revoke"
          onConfirm={() => void revoke()}
          onClose={() => setRevoking(undefined)}
        >
          Anything using it is refused from its next request on.
        </ConfirmDialog>
      </Show>
    </section>
  );
};

const CreateToken: Component<{ teamId: string; onCreated: () => void }> = (props) => {
  const [name, setName] = createSignal('');
  const [scope, setScope] = createSignal<TokenScope>('DEPLOY' as TokenScope);
  const [days, setDays] = createSignal('90');
  const [secret, setSecret] = createSignal<string>();
  const [error, setError] = createSignal<ReturnType<typeof placeError>>({});
  const [busy, setBusy] = createSignal(false);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    setError({});
    setSecret(undefined);
    try {
      const created = await teamAdmin.createToken({
        teamId: props.teamId,
        name: name().trim(),
        scope: scope(),
        expiresInDays: days() ? Number(days()) : null,
      });
      setSecret(created.secret);
      setName('');
      props.onCreated();
    } catch (err) {
      setError(placeError(toApiError(err), ['name']));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card invite-form" onSubmit={submit} novalidate>
      <h2>New token</h2>
      <Show when={error().general}>
        <div class="alert alert-error" role="alert">
          {error().general}
        </div>
      </Show>
      <div class="field-row">
        <Field id="token-name" label="Name" error={error().field === 'name' ? error().message : undefined}>
          <input id="token-name" required value={name()} onInput={(e) => setName(e.currentTarget.value)} />
        </Field>
        <Field id="token-scope" label="Scope">
          <select
            id="token-scope"
            value={scope()}
            onChange={(e) => setScope(e.currentTarget.value as TokenScope)}
          >
            <For each={SCOPES}>{(s) => <option value={s.value}>{s.label}</option>}</For>
          </select>
        </Field>
        <Field id="token-expiry" label="Expires">
          <select id="token-expiry" value={days()} onChange={(e) => setDays(e.currentTarget.value)}>
            <option value="7">in 7 days</option>
            <option value="30">in 30 days</option>
            <option value="90">in 90 days</option>
            <option value="365">in a year</option>
            <option value="">never</option>
          </select>
        </Field>
      </div>
      <button type="submit" class="btn btn-primary" disabled={busy()}>
        {busy() ? 'Creating…' : 'Create token'}
      </button>
      <Show when={secret()}>
        {(s) => (
          <CopyField
            id="token-secret"
            label="The new token"
            value={s()}
            secret
            hint="Shown this once: copy it now. Launchpad keeps only its hash."
          />
        )}
      </Show>
    </form>
  );
};
