import { type Component, createSignal, Show } from 'solid-js';
import { api } from '../lib/api';
import { ApiError, placeError, toApiError } from '../lib/errors';
import { navigate } from '../lib/router';
import { currentTeam } from '../lib/teams';
import type { Progress } from '../lib/upload';
import { Dropzone } from './Dropzone';
import { FieldError, FormError, focusField } from './Field';
import { NameSlugFields } from './NameSlugFields';
import { TextField } from './TextField';
import { UploadProgress } from './UploadProgress';

const FIELDS = ['file', 'name', 'slug', 'outputDir', 'spa'];

/** A new site from a zip: the upload shows its progress; the first deploy starts when it lands. */
export const ZipSiteForm: Component = () => {
  const [file, setFile] = createSignal<File | null>(null);
  const [name, setName] = createSignal('');
  const [slug, setSlug] = createSignal('');
  const [outputDir, setOutputDir] = createSignal('.');
  const [spa, setSpa] = createSignal(false);
  const [progress, setProgress] = createSignal<Progress | null>(null);
  const [error, setError] = createSignal<ApiError | null>(null);
  let abort: AbortController | undefined;
  const placed = () => placeError(error(), FIELDS);
  const errorOf = (field: string) => (placed().field === field ? placed().message : undefined);

  const pick = (f: File | null) => {
    setFile(f);
    if (error()?.field === 'file') setError(null);
    if (f && !name()) setName(f.name.replace(/\.zip$/i, ''));
  };
  const fail = (raw: ApiError) => {
    // A refused size is about the archive, whether or not the server names the field.
    const err =
      raw.code === 'PAYLOAD_TOO_LARGE' && !raw.field ? new ApiError(raw.message, raw.code, 'file') : raw;
    setError(err);
    const target = placeError(err, FIELDS).field;
    if (target) focusField(`zip-${target}`);
  };
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const archive = file();
    if (!archive) return fail(new ApiError('Choose a .zip archive to deploy', 'BAD_USER_INPUT', 'file'));
    setError(null);
    abort = new AbortController();
    setProgress({ loaded: 0, total: archive.size, percent: 0 });
    try {
      const input = {
        name: name(),
        slug: slug().trim() || null,
        // The team chosen in the header: a user in several teams must name one.
        teamId: currentTeam()?.id ?? null,
        sourceType: 'ZIP' as const,
        outputDir: outputDir() || null,
        spa: spa(),
      };
      const site = await api.createZipSite(input, archive, setProgress, abort.signal);
      navigate(`/sites/${site.id}`);
    } catch (err) {
      const apiError = toApiError(err);
      if (apiError.code !== 'ABORTED') fail(apiError);
    } finally {
      setProgress(null);
    }
  };
  const busy = () => progress() !== null;

  return (
    <form class="stack" onSubmit={submit} novalidate aria-busy={busy()}>
      <FormError message={placed().general} />
      <div class="field" classList={{ 'field-invalid': !!errorOf('file') }}>
        <span class="label" aria-hidden="true">
          Archive
        </span>
        <Dropzone id="zip-file" label="Archive (.zip)" file={file()} onFile={pick} disabled={busy()} />
        <p class="hint" id="zip-file-hint">
          A .zip of the built site. Folders inside are kept.
        </p>
        <FieldError id="zip-file" message={errorOf('file')} />
      </div>
      <NameSlugFields
        prefix="zip"
        name={name()}
        slug={slug()}
        onName={setName}
        onSlug={setSlug}
        errors={{ name: errorOf('name'), slug: errorOf('slug') }}
        disabled={busy()}
      />
      <TextField
        id="zip-outputDir"
        label="Output folder"
        hint="The folder inside the archive to publish; “.” for its root."
        value={outputDir()}
        onValue={setOutputDir}
        error={errorOf('outputDir')}
        disabled={busy()}
      />
      <label class="check">
        <input
          type="checkbox"
          checked={spa()}
          onChange={(e) => setSpa(e.currentTarget.checked)}
          disabled={busy()}
        />
        <span>
          Single-page app <span class="muted">— serve index.html for paths that have no file</span>
        </span>
      </label>
      <Show
        when={progress()}
        fallback={
          <button type="submit" class="btn btn-primary">
            Create and deploy
          </button>
        }
      >
        {(p) => <UploadProgress progress={p()} onCancel={() => abort?.abort()} />}
      </Show>
    </form>
  );
};
