import { type Component, createResource, createSignal, For, Show } from 'solid-js';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { CopyField } from '../components/CopyField';
import { describedBy, Field } from '../components/Field';
import { Ago } from '../components/Time';
import { accounts, type Member, type Role } from '../lib/accounts';
import { placeError, toApiError } from '../lib/errors';
import { atLeast, grantable, memberLock, roleLabel } from '../lib/roles';
import { currentTeam, viewer } from '../lib/teams';

/** The current team's members: who, which role, since when; admins invite, re-role and remove. */
export const MembersPage: Component = () => {
  const [team, { refetch }] = createResource(
    () => currentTeam()?.id,
    (id) => accounts.members(id),
  );
  const role = () => team()?.viewerRole;
  return (
    <section aria-labelledby="members-title">
      <div class="page-head">
        <h1 id="members-title" tabindex="-1">
          Members <Show when={currentTeam()}>{(t) => <span class="muted">of {t().name}</span>}</Show>
        </h1>
      </div>
      <Show when={currentTeam()} fallback={<p class="muted">The admin token belongs to no team yet.</p>}>
        <Show when={role() && atLeast(role(), 'ADMIN')}>
          <InviteForm teamId={currentTeam()!.id} viewerRole={role()!} />
        </Show>
        <div class="card">
          <table class="members">
            <thead>
              <tr>
                <th scope="col">E-mail</th>
                <th scope="col">Role</th>
                <th scope="col">Joined</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={team()?.members}>
                {(m) => (
                  <MemberRow
                    member={m}
                    teamId={team()!.id}
                    viewerRole={role()!}
                    onChange={() => void refetch()}
                  />
                )}
              </For>
            </tbody>
          </table>
          <Show when={role() && !atLeast(role(), 'ADMIN')}>
            <p class="muted card-note">Only an admin or owner invites, re-roles and removes members.</p>
          </Show>
        </div>
      </Show>
    </section>
  );
};

const MemberRow: Component<{ member: Member; teamId: string; viewerRole: Role; onChange: () => void }> = (
  props,
) => {
  const [error, setError] = createSignal<string>();
  const [confirming, setConfirming] = createSignal(false);
  const self = () => viewer()?.user?.id === props.member.user.id;
  const lock = () => (self() ? 'This is you' : memberLock(props.viewerRole, props.member.role));
  const act = async (fn: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await fn();
      props.onChange();
    } catch (err) {
      setError(toApiError(err).message);
    }
  };
  const selectId = () => `role-${props.member.user.id}`;
  return (
    <tr>
      <td>
        {props.member.user.email}
        <Show when={props.member.user.name}>{(n) => <span class="muted"> ({n()})</span>}</Show>
      </td>
      <td>
        <label class="visually-hidden" for={selectId()}>
          Role of {props.member.user.email}
        </label>
        <select
          id={selectId()}
          value={props.member.role}
          disabled={!!lock()}
          title={lock() ?? undefined}
          onChange={(e) =>
            void act(() =>
              accounts.setRole(props.teamId, props.member.user.id, e.currentTarget.value as Role),
            )
          }
        >
          <For each={lock() ? [props.member.role] : grantable(props.viewerRole)}>
            {(r) => <option value={r}>{roleLabel(r)}</option>}
          </For>
        </select>
        <Show when={error()}>
          <p class="field-error" role="alert">
            {error()}
          </p>
        </Show>
      </td>
      <td>
        <Ago iso={props.member.joinedAt} />
      </td>
      <td>
        <Show when={!lock()} fallback={<span class="muted small">{lock()}</span>}>
          <button type="button" class="btn btn-small btn-danger" onClick={() => setConfirming(true)}>
            Remove
          </button>
          <ConfirmDialog
            open={confirming()}
            title={`Remove ${props.member.user.email}?`}
            confirmLabel="Remove"
            onConfirm={() => {
              setConfirming(false);
              void act(() => accounts.remove(props.teamId, props.member.user.id));
            }}
            onClose={() => setConfirming(false)}
          >
            They lose access to the team's sites at once.
          </ConfirmDialog>
        </Show>
      </td>
    </tr>
  );
};

/** Invites by e-mail; the one-time link is shown once (and e-mailed when the server has SMTP). */
const InviteForm: Component<{ teamId: string; viewerRole: Role }> = (props) => {
  const [email, setEmail] = createSignal('');
  const [role, setRole] = createSignal<Role>('DEVELOPER' as Role);
  const [error, setError] = createSignal<ReturnType<typeof placeError>>({});
  const [link, setLink] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    setError({});
    setLink(undefined);
    try {
      const invitation = await accounts.invite(props.teamId, email().trim(), role());
      setLink(invitation.url ?? undefined);
      setEmail('');
    } catch (err) {
      setError(placeError(toApiError(err), ['email', 'role']));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card invite-form" onSubmit={submit} novalidate>
      <h2>Invite a member</h2>
      <Show when={error().general}>
        <div class="alert alert-error" role="alert">
          {error().general}
        </div>
      </Show>
      <div class="field-row">
        <Field
          id="invite-email"
          label="E-mail"
          error={error().field === 'email' ? error().message : undefined}
        >
          <input
            id="invite-email"
            type="email"
            required
            value={email()}
            onInput={(e) => setEmail(e.currentTarget.value)}
            aria-describedby={describedBy('invite-email')}
          />
        </Field>
        <Field id="invite-role" label="Role">
          <select id="invite-role" value={role()} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            <For each={grantable(props.viewerRole)}>{(r) => <option value={r}>{roleLabel(r)}</option>}</For>
          </select>
        </Field>
      </div>
      <button type="submit" class="btn btn-primary" disabled={busy()}>
        {busy() ? 'Inviting…' : 'Invite'}
      </button>
      <Show when={link()}>
        {(url) => (
          <CopyField
            id="invite-link"
            label="Invitation link"
            value={url()}
            hint="Shown this once: send it to them. It works once and expires in 7 days."
          />
        )}
      </Show>
    </form>
  );
};
