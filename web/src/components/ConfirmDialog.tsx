import { type Component, createEffect, createUniqueId, type JSX } from 'solid-js';

/**
 * A modal question on the native <dialog>: it traps focus, closes on Escape, and gives focus back to
 * whatever opened it.
 */
export const ConfirmDialog: Component<{
  open: boolean;
  title: string;
  children: JSX.Element;
  confirmLabel: string;
  cancelLabel?: string;
  busy?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}> = (props) => {
  let dialog!: HTMLDialogElement;
  const titleId = `dialog-title-${createUniqueId()}`;
  createEffect(() => {
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  });
  return (
    <dialog ref={dialog} class="dialog" aria-labelledby={titleId} onClose={() => props.onClose()}>
      <h2 id={titleId}>{props.title}</h2>
      <div class="dialog-body">{props.children}</div>
      <div class="actions">
        <button type="button" class="btn" onClick={() => props.onClose()} autofocus>
          {props.cancelLabel ?? 'Cancel'}
        </button>
        <button type="button" class="btn btn-danger" disabled={props.busy} onClick={() => props.onConfirm()}>
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
};
