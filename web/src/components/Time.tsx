import type { Component } from 'solid-js';
import { useNow } from '../lib/clock';
import { duration, fullTime, timeAgo } from '../lib/format';

/** "3 minutes ago", with the exact time on hover and for machines. */
export const Ago: Component<{ iso: string }> = (props) => {
  const now = useNow();
  return (
    <time datetime={props.iso} title={fullTime(props.iso)}>
      {timeAgo(props.iso, now())}
    </time>
  );
};

/** How long something took, or has taken so far while `to` is missing. */
export const Duration: Component<{ from: string; to?: string | null | undefined }> = (props) => {
  const now = useNow();
  const ms = () => (props.to ? Date.parse(props.to) : now()) - Date.parse(props.from);
  return <span class="duration">{duration(ms())}</span>;
};
