import type { Component, JSX } from 'solid-js';
import { Show } from 'solid-js';

/**
 * A labelled control with its hint and its error. The control itself is the child: give it `id`,
 * and `aria-describedby={describedBy(id)}` so the hint and the error are read with it.
 */
export const Field: Component<{
  id: string;
  label: string;
  hint?: JSX.Element;
  error?: string | undefined;
  children: JSX.Element;
}> = (props) => (
  <div class="field" classList={{ 'field-invalid': !!props.error }}>
    <label for={props.id}>{props.label}</label>
    {props.children}
    <Show when={props.hint}>
      <p class="hint" id={`${props.id}-hint`}>
        {props.hint}
      </p>
    </Show>
    <FieldError id={props.id} message={props.error} />
  </div>
);

/** An error beside a control; announced as it appears. */
export const FieldError: Component<{ id: string; message?: string | undefined }> = (props) => (
  <p class="field-error" id={`${props.id}-error`} role="alert" hidden={!props.message}>
    {props.message}
  </p>
);

export function describedBy(id: string): string {
  return `${id}-hint ${id}-error`;
}

/** The form-level error (one without a field, or for a field the form does not show). */
export const FormError: Component<{ message?: string | undefined }> = (props) => (
  <Show when={props.message}>
    <div class="alert alert-error" role="alert">
      {props.message}
    </div>
  </Show>
);

/** Moves focus to a field once the form is enabled again (after the current update). */
export function focusField(id: string): void {
  queueMicrotask(() => document.getElementById(id)?.focus());
}
