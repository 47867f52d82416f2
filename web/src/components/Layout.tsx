import { type Component, createEffect, type JSX, on, onCleanup, Show } from 'solid-js';
import { signOut } from '../lib/auth';
import { connection } from '../lib/client';
import { watchHealth } from '../lib/health';
import { Link, pathname } from '../lib/router';
import { EngineBanner } from './EngineBanner';

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
        </nav>
        <Show when={connection() === 'reconnecting'}>
          <span class="conn" role="status">
            Reconnecting…
          </span>
        </Show>
        <button type="button" class="btn btn-ghost btn-small" onClick={() => signOut()}>
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
