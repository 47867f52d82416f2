import type { Component } from 'solid-js';
import { TextField } from './TextField';

/** Name and optional slug, shared by both source forms; `prefix` keeps their ids apart. */
export const NameSlugFields: Component<{
  prefix: string;
  name: string;
  slug: string;
  onName: (v: string) => void;
  onSlug: (v: string) => void;
  errors: { name?: string | undefined; slug?: string | undefined };
  disabled?: boolean;
}> = (props) => (
  <div class="field-row">
    <TextField
      id={`${props.prefix}-name`}
      label="Name"
      required
      maxLength={200}
      spellcheck
      autocapitalize="sentences"
      value={props.name}
      onValue={props.onName}
      error={props.errors.name}
      disabled={props.disabled}
    />
    <TextField
      id={`${props.prefix}-slug`}
      label="Slug (optional)"
      hint="Lowercase letters, digits and hyphens; the site's host name. Generated when empty."
      maxLength={37}
      placeholder="graceful-fox"
      value={props.slug}
      onValue={props.onSlug}
      error={props.errors.slug}
      disabled={props.disabled}
    />
  </div>
);
