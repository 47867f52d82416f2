import { type Component, createResource, createSignal, For, Show } from 'solid-js';
import { Ago } from '../components/Time';
import { teamAdmin } from '../lib/accounts';
import { atLeast } from '../lib/roles';
import { currentTeam } from '../lib/teams';

type AuditEvent = Awaited<ReturnType<typeof teamAdmin.auditLog>>[number];

/** Who did what on the team, newest first (ADMIN), 50 at a time. */
export const AuditPage: Component = () => {
  const admin = () => atLeast(currentTeam()?.viewerRole, 'ADMIN');
  const [pages, setPages] = createSignal<AuditEvent[]>([]);
  const [first] = createResource(
    () => (admin() ? currentTeam()?.id : undefined),
    async (id) => {
      const events = await teamAdmin.auditLog(id, null);
      setPages(events);
      return events;
    },
  );
  const more = async () => {
    const last = pages().at(-1);
    const id = currentTeam()?.id;
    if (!last || !id) return;
    const older = await teamAdmin.auditLog(id, last.id);
    setPages([...pages(), ...older]);
  };
  return (
    <section aria-labelledby="audit-title">
      <div class="page-head">
        <h1 id="audit-title" tabindex="-1">
          Audit log
        </h1>
      </div>
      <Show when={admin()} fallback={<p class="muted">Only a team admin or owner reads the audit log.</p>}>
        <div class="card">
          <Show when={first() !== undefined && pages().length === 0}>
            <p class="muted">Nothing yet.</p>
          </Show>
          <table class="members">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Target</th>
                <th scope="col">From</th>
              </tr>
            </thead>
            <tbody>
              <For each={pages()}>
                {(e) => (
                  <tr>
                    <td>
                      <Ago iso={e.at} />
                    </td>
                    <td>{e.actor}</td>
                    <td>
                      <code>{e.action}</code>
                      <Show when={e.detail}>{(d) => <span class="muted"> {d()}</span>}</Show>
                    </td>
                    <td class="muted">{e.targetType ? `${e.targetType} ${e.targetId ?? ''}` : ''}</td>
                    <td class="muted">{e.ip ?? ''}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
          <Show when={pages().length > 0 && pages().length % 50 === 0}>
            <button type="button" class="btn" onClick={() => void more()}>
              Older events
            </button>
          </Show>
        </div>
      </Show>
    </section>
  );
};
