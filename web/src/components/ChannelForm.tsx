import { type Component, createSignal, For, Show } from 'solid-js';
import { placeError, toApiError } from '../lib/errors';
import {
  type Channel,
  type ChannelInput,
  EVENTS,
  KINDS,
  type NotificationEvent,
  type NotificationKind,
} from '../lib/notifications';
import { Field } from './Field';

/** Creates a channel, or edits one (`channel` given). The server checks the target; its error shows here. */
export const ChannelForm: Component<{
  channel?: Channel;
  save: (input: ChannelInput) => Promise<unknown>;
  onDone: () => void;
  onCancel?: () => void;
}> = (props) => {
  const prefix = props.channel ? `channel-${props.channel.id}` : 'channel-new';
  const [kind, setKind] = createSignal<NotificationKind>(
    props.channel?.kind ?? ('WEBHOOK' as NotificationKind),
  );
  const [target, setTarget] = createSignal(props.channel?.target ?? '');
  const [events, setEvents] = createSignal<NotificationEvent[]>(
    props.channel?.events ?? EVENTS.map((e) => e.value),
  );
  const [error, setError] = createSignal<ReturnType<typeof placeError>>({});
  const [busy, setBusy] = createSignal(false);
  const toggle = (event: NotificationEvent, on: boolean) =>
    setEvents(on ? [...events(), event] : events().filter((e) => e !== event));
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    setError({});
    try {
      await props.save({ kind: kind(), target: target().trim(), events: events() });
      if (!props.channel) setTarget('');
      props.onDone();
    } catch (err) {
      setError(placeError(toApiError(err), ['target', 'events']));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="channel-form" onSubmit={submit} novalidate>
      <Show when={error().general}>
        <div class="alert alert-error" role="alert">
          {error().general}
        </div>
      </Show>
      <div class="field-row">
        <Field id={`${prefix}-kind`} label="Kind">
          <select
            id={`${prefix}-kind`}
            value={kind()}
            onChange={(e) => setKind(e.currentTarget.value as NotificationKind)}
          >
            <For each={KINDS}>{(k) => <option value={k.value}>{k.label}</option>}</For>
          </select>
        </Field>
        <Field
          id={`${prefix}-target`}
          label={kind() === 'EMAIL' ? 'Address' : 'URL'}
          error={error().field === 'target' ? error().message : undefined}
        >
          <input
            id={`${prefix}-target`}
            required
            type={kind() === 'EMAIL' ? 'email' : 'url'}
            placeholder={KINDS.find((k) => k.value === kind())?.placeholder}
            value={target()}
            onInput={(e) => setTarget(e.currentTarget.value)}
          />
        </Field>
      </div>
      <fieldset class="event-choices">
        <legend>Events</legend>
        <For each={EVENTS}>
          {(ev) => (
            <label class="checkbox">
              <input
                type="checkbox"
                checked={events().includes(ev.value)}
                onChange={(e) => toggle(ev.value, e.currentTarget.checked)}
              />
              {ev.label}
            </label>
          )}
        </For>
        <Show when={error().field === 'events'}>
          <p class="field-error" role="alert">
            {error().message}
          </p>
        </Show>
      </fieldset>
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={busy()}>
          {busy() ? 'Saving…' : props.channel ? 'Save channel' : 'Add channel'}
        </button>
        <Show when={props.onCancel}>
          <button type="button" class="btn btn-ghost" onClick={() => props.onCancel?.()}>
            Cancel
          </button>
        </Show>
      </div>
    </form>
  );
};
