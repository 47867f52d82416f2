import { type Component, createSignal } from 'solid-js';
import { api } from '../lib/api';
import { type ApiError, placeError, toApiError } from '../lib/errors';
import { navigate } from '../lib/router';
import { FormError, focusField } from './Field';
import { NameSlugFields } from './NameSlugFields';
import { TextField } from './TextField';

// The server names `sourceType` when it refuses git sources; that error belongs beside the URL.
const SHOWN_AT: Record<string, string> = { sourceType: 'gitUrl' };
const FIELDS = ['name', 'slug', 'gitUrl', 'branch', 'buildCommand', 'outputDir', 'sourceType'];

/** A new site from a git repository, built in a container on each deploy. */
export const GitSiteForm: Component = () => {
  const [v, setV] = createSignal({
    name: '',
    slug: '',
    gitUrl: '',
    branch: 'main',
    buildCommand: '',
    outputDir: 'dist',
  });
  const [error, setError] = createSignal<ApiError | null>(null);
  const [busy, setBusy] = createSignal(false);
  const placed = () => placeError(error(), FIELDS);
  const errorOf = (field: string) => {
    const at = placed().field;
    return at && (SHOWN_AT[at] ?? at) === field ? placed().message : undefined;
  };
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { name, slug, gitUrl, branch, buildCommand, outputDir } = v();
      const site = await api.createSite({
        sourceType: 'GIT',
        name,
        slug: slug.trim() || null,
        gitUrl,
        branch: branch || null,
        buildCommand: buildCommand || null,
        outputDir: outputDir || null,
      });
      navigate(`/sites/${site.id}`);
    } catch (err) {
      const apiError = toApiError(err);
      setError(apiError);
      const at = placeError(apiError, FIELDS).field;
      if (at) focusField(`git-${SHOWN_AT[at] ?? at}`);
    } finally {
      setBusy(false);
    }
  };
  const field = (key: 'gitUrl' | 'branch' | 'buildCommand' | 'outputDir') => ({
    id: `git-${key}`,
    value: v()[key],
    onValue: (value: string) => setV({ ...v(), [key]: value }),
    error: errorOf(key),
    disabled: busy(),
  });
  return (
    <form class="stack" onSubmit={submit} novalidate aria-busy={busy()}>
      <FormError message={placed().general} />
      <TextField
        {...field('gitUrl')}
        label="Repository URL"
        type="url"
        placeholder="https://github.com/you/site.git"
      />
      <NameSlugFields
        prefix="git"
        name={v().name}
        slug={v().slug}
        onName={(name) => setV({ ...v(), name })}
        onSlug={(slug) => setV({ ...v(), slug })}
        errors={{ name: errorOf('name'), slug: errorOf('slug') }}
        disabled={busy()}
      />
      <div class="field-row">
        <TextField {...field('branch')} label="Branch" />
        <TextField {...field('outputDir')} label="Output folder" hint="Where the build leaves the site." />
      </div>
      <TextField
        {...field('buildCommand')}
        label="Build command (optional)"
        hint="Runs in node:20-alpine, e.g. npm ci && npm run build"
        placeholder="npm ci && npm run build"
      />
      <button type="submit" class="btn btn-primary" disabled={busy()}>
        {busy() ? 'Creating…' : 'Create and deploy'}
      </button>
    </form>
  );
};
