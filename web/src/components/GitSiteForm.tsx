import { type Component, createSignal, Show } from 'solid-js';
import { createStore, unwrap } from 'solid-js/store';
import type { GitAuth } from '../gql/graphql';
import { api } from '../lib/api';
import { type ApiError, placeError, toApiError } from '../lib/errors';
import { repoName } from '../lib/format';
import { navigate } from '../lib/router';
import { currentTeam } from '../lib/teams';
import { type EnvRow, EnvVarsEditor } from './EnvVarsEditor';
import { describedBy, Field, FieldError, FormError, focusField } from './Field';
import { NameSlugFields } from './NameSlugFields';
import { TextField } from './TextField';

// The server names `sourceType` when it refuses git sources; that error belongs beside the URL.
const SHOWN_AT: Record<string, string> = { sourceType: 'gitUrl' };
const FIELDS = [
  'name',
  'slug',
  'gitUrl',
  'branch',
  'buildCommand',
  'outputDir',
  'envVars',
  'autoDeploy',
  'sourceType',
  'gitAuth',
  'gitToken',
  'startCommand',
  'port',
  'healthCheckPath',
];

/** A new site from a git repository, cloned and built in a container on each deploy. */
export const GitSiteForm: Component = () => {
  const [form, setForm] = createStore({
    name: '',
    slug: '',
    gitUrl: '',
    branch: 'main',
    buildCommand: '',
    outputDir: 'dist',
    autoDeploy: true,
    envVars: [] as EnvRow[],
    gitAuth: 'NONE' as GitAuth,
    gitToken: '',
    // A server app (api.md "Server apps"): the checkout runs as a server behind the site's nginx.
    server: false,
    startCommand: 'npm start',
    port: '3000',
    healthCheckPath: '/',
  });
  const [error, setError] = createSignal<ApiError | null>(null);
  const [busy, setBusy] = createSignal(false);
  // The name follows the URL until the user types a name of their own.
  let nameFromUrl = true;
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
      const v = unwrap(form);
      const site = await api.createSite({
        sourceType: 'GIT',
        name: v.name.trim() || repoName(v.gitUrl),
        // The team chosen in the header: a user in several teams must name one.
        teamId: currentTeam()?.id ?? null,
        slug: v.slug.trim() || null,
        gitUrl: v.gitUrl.trim(),
        branch: v.branch.trim() || null,
        buildCommand: v.buildCommand.trim() || null,
        outputDir: v.server ? null : v.outputDir.trim() || null,
        autoDeploy: v.autoDeploy,
        ...(v.server
          ? {
              kind: 'SERVER' as const,
              startCommand: v.startCommand.trim() || null,
              port: v.port.trim() ? Number(v.port) : null,
              healthCheckPath: v.healthCheckPath.trim() || null,
            }
          : {}),
        envVars: v.envVars
          .filter((row) => row.name.trim() || row.value)
          .map((row) => ({ name: row.name.trim(), value: row.value, secret: row.secret === true })),
        gitAuth: v.gitAuth,
        ...(v.gitAuth === 'TOKEN' ? { gitToken: v.gitToken.trim() } : {}),
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
  const field = (
    key: 'gitUrl' | 'branch' | 'buildCommand' | 'outputDir' | 'startCommand' | 'port' | 'healthCheckPath',
  ) => ({
    id: `git-${key}`,
    value: form[key],
    onValue: (value: string) => {
      setForm(key, value);
      if (error()?.field === key) setError(null);
    },
    error: errorOf(key),
    disabled: busy(),
  });
  return (
    <form class="stack" onSubmit={submit} novalidate aria-busy={busy()}>
      <FormError message={placed().general} />
      <TextField
        {...field('gitUrl')}
        onValue={(value) => {
          setForm('gitUrl', value);
          if (nameFromUrl) setForm('name', repoName(value));
          if (error()?.field === 'gitUrl' || error()?.field === 'sourceType') setError(null);
        }}
        label="Repository URL"
        type="url"
        required
        placeholder="https://github.com/you/site.git"
        hint={
          form.gitAuth === 'SSH_KEY'
            ? 'An ssh address, e.g. git@github.com:you/site.git.'
            : 'Launchpad clones one branch, shallow, on every deploy.'
        }
      />
      <Field
        id="git-gitAuth"
        label="Git access"
        hint="A private repository needs a deploy key (shown after creating the site) or a token."
        error={errorOf('gitAuth')}
      >
        <select
          id="git-gitAuth"
          value={form.gitAuth}
          disabled={busy()}
          aria-describedby={describedBy('git-gitAuth')}
          onChange={(e) => setForm('gitAuth', e.currentTarget.value as GitAuth)}
        >
          <option value="NONE">Public repository</option>
          <option value="SSH_KEY">Deploy key (ssh)</option>
          <option value="TOKEN">Access token (https)</option>
        </select>
      </Field>
      <Show when={form.gitAuth === 'TOKEN'}>
        <TextField
          id="git-gitToken"
          label="Access token"
          type="password"
          value={form.gitToken}
          onValue={(v) => setForm('gitToken', v)}
          error={errorOf('gitToken')}
          disabled={busy()}
          hint="A GitHub fine-grained token with read access to Contents. Stored encrypted, never shown again."
        />
      </Show>
      <NameSlugFields
        prefix="git"
        name={form.name}
        slug={form.slug}
        onName={(name) => {
          nameFromUrl = name === '';
          setForm('name', name);
        }}
        onSlug={(slug) => setForm('slug', slug)}
        errors={{ name: errorOf('name'), slug: errorOf('slug') }}
        disabled={busy()}
      />
      <label class="check">
        <input
          id="git-server"
          type="checkbox"
          checked={form.server}
          onChange={(e) => setForm('server', e.currentTarget.checked)}
          disabled={busy()}
        />
        <span>
          Run a server app <span class="muted">— Node, Python…: the site's nginx proxies to it</span>
        </span>
      </label>
      <div class="field-row">
        <TextField {...field('branch')} label="Branch" placeholder="main" />
        <Show when={!form.server}>
          <TextField
            {...field('outputDir')}
            label="Output folder"
            placeholder="dist"
            hint="Where the build leaves the site."
          />
        </Show>
      </div>
      <Show when={form.server}>
        <TextField
          {...field('startCommand')}
          label="Start command"
          placeholder="npm start"
          hint="Runs with sh in the app's container, from the repository root, after the build."
        />
        <div class="field-row">
          <TextField
            {...field('port')}
            label="Port"
            inputmode="numeric"
            placeholder="3000"
            hint="Also the app's PORT."
          />
          <TextField
            {...field('healthCheckPath')}
            label="Health check path"
            placeholder="/"
            hint="Must answer 2xx or 3xx before a new version goes live."
          />
        </div>
      </Show>
      <TextField
        {...field('buildCommand')}
        label="Build command (optional)"
        hint="Runs with sh in node:20-alpine at the repository root. Empty: publish the output folder as is."
        placeholder="npm ci && npm run build"
      />
      <fieldset class="field" id="git-envVars" tabindex="-1">
        <legend>Environment variables</legend>
        <EnvVarsEditor
          rows={form.envVars}
          describedBy={describedBy('git-envVars')}
          disabled={busy()}
          onEdit={(i, patch) => setForm('envVars', i, patch)}
          onAdd={() => setForm('envVars', form.envVars.length, { name: '', value: '' })}
          onRemove={(i) => setForm('envVars', (rows) => rows.filter((_, j) => j !== i))}
        />
        <p class="hint" id="git-envVars-hint">
          Given to the build. Names use letters, digits and _; values stay masked.
        </p>
        <FieldError id="git-envVars" message={errorOf('envVars')} />
      </fieldset>
      <label class="check">
        <input
          id="git-autoDeploy"
          type="checkbox"
          checked={form.autoDeploy}
          onChange={(e) => setForm('autoDeploy', e.currentTarget.checked)}
          disabled={busy()}
          aria-describedby={describedBy('git-autoDeploy')}
        />
        <span>
          Deploy on every push{' '}
          <span class="muted">— through a GitHub webhook, set up on the site's page</span>
        </span>
      </label>
      <FieldError id="git-autoDeploy" message={errorOf('autoDeploy')} />
      <button type="submit" class="btn btn-primary" disabled={busy()}>
        {busy() ? 'Creating…' : 'Create and deploy'}
      </button>
    </form>
  );
};
