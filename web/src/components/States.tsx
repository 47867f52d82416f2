import { type Component, createEffect, on } from 'solid-js';
import { ApiError } from '../lib/errors';
import { pathname } from '../lib/router';

export const Loading: Component<{ label?: string }> = (props) => (
  <div class="loading" role="status" aria-live="polite">
    <span class="spinner" aria-hidden="true" />
    {props.label ?? 'Loading…'}
  </div>
);

/** What the error boundary shows when a page could not load; it clears itself on navigation. */
export const LoadError: Component<{ error: unknown; retry: () => void }> = (props) => {
  createEffect(on(pathname, () => props.retry(), { defer: true }));
  const message = () =>
    props.error instanceof ApiError || props.error instanceof Error
      ? props.error.message
      : String(props.error);
  return (
    <section class="empty" aria-labelledby="load-error-title">
      <h1 id="load-error-title" tabindex="-1">
        Could not load this page
      </h1>
      <p class="muted">{message()}</p>
      <button type="button" class="btn" onClick={() => props.retry()}>
        Try again
      </button>
    </section>
  );
};
