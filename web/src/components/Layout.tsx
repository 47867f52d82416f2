import { type Component, createEffect, For, type JSX, on, onCleanup, Show } from 'solid-js';
import { accounts } from '../lib/accounts';
import { signOut, token } from '../lib/auth';
import { connection } from '../lib/client';
import { watchHealth } from '../lib/health';
import { atLeast } from '../lib/roles';
import { Link, pathname } from '../lib/router';
import { chooseTeam, currentTeam, viewer } from '../lib/teams';
import { EngineBanner } from './EngineBanner';

/** Ends the session on the server (it clears the cookie), then here; the admin token only lives here. */
async function endSignIn(): Promise<void> {
  if (!token()) await accounts.signOut().catch(() => undefined);
  signOut();
}

/** Header, banners and the main region. After a navigation, focus moves to the page's heading. */
export const Layout: Component<{ children: JSX.Element }> = (props) => {
  let main!: HTMLElement;
  onCleanup(watchHealth());
  createEffect(
    on(
      pathname,
      () => queueMicrotask(() => main.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true })),
      { defer: true },
    ),
  );
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="app-header">
        <Link href="/" class="brand">
          <span class="brand-mark" aria-hidden="true" />
          Launchpad
        </Link>
        <nav aria-label="Main" class="app-nav">
          <Link href="/" class="nav-sites" aria-current={pathname() === '/' ? 'page' : undefined}>
            Sites
          </Link>
          <Link
            href="/new"
            class="btn btn-primary btn-small"
            aria-current={pathname() === '/new' ? 'page' : undefined}
          >
            New site
          </Link>
          <Link
            href="/team/members"
            class="nav-members"
            aria-current={pathname() === '/team/members' ? 'page' : undefined}
          >
            Members
          </Link>
          <Link
            href="/team/notifications"
            aria-current={pathname() === '/team/notifications' ? 'page' : undefined}
          >
            Notifications
          </Link>
          <Show when={atLeast(currentTeam()?.viewerRole, 'ADMIN')}>
            <Link href="/team/tokens" aria-current={pathname() === '/team/tokens' ? 'page' : undefined}>
              Tokens
            </Link>
            <Link href="/team/audit" aria-current={pathname() === '/team/audit' ? 'page' : undefined}>
              Audit
            </Link>
          </Show>
        </nav>
        <Show when={(viewer()?.teams.length ?? 0) > 1}>
          <label class="team-switcher">
            <span class="visually-hidden">Team</span>
            <select
              id="team"
              value={currentTeam()?.id ?? ''}
              onChange={(e) => chooseTeam(e.currentTarget.value)}
            >
              <For each={viewer()?.teams}>{(t) => <option value={t.id}>{t.name}</option>}</For>
            </select>
          </label>
        </Show>
        <Show when={viewer()?.user}>
          {(u) => (
            <Link href="/account" class="muted viewer-email" title="Your account">
              {u().email}
            </Link>
          )}
        </Show>
        <Show when={connection() === 'reconnecting'}>
          <span class="conn" role="status">
            Reconnecting…
          </span>
        </Show>
        <button type="button" class="btn btn-ghost btn-small" onClick={() => void endSignIn()}>
          Sign out
        </button>
      </header>
      <EngineBanner />
      <main id="main" ref={main} tabindex="-1">
        {props.children}
      </main>
    </>
  );
};
