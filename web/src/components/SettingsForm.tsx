import { type Component, createSignal, Show } from 'solid-js';
import { createStore, unwrap } from 'solid-js/store';
import type { GitAuth } from '../gql/graphql';
import type { SiteDetail, UpdateSiteInput } from '../lib/api';
import { type ApiError, placeError } from '../lib/errors';
import { EnvVarsEditor } from './EnvVarsEditor';
import { describedBy, Field, FieldError, FormError, focusField } from './Field';
import { TextField } from './TextField';

const FIELDS = [
  'name',
  'outputDir',
  'spa',
  'domains',
  'envVars',
  'branch',
  'buildCommand',
  'autoDeploy',
  'gitAuth',
  'gitToken',
  'gitUrl',
];

/** The editable configuration, from a snapshot taken when editing starts (live updates do not reset it). */
export const SettingsForm: Component<{
  site: SiteDetail;
  onSave: (input: UpdateSiteInput) => Promise<void>;
  onCancel: () => void;
}> = (props) => {
  const [form, setForm] = createStore({
    name: props.site.name,
    outputDir: props.site.outputDir,
    spa: props.site.spa,
    domains: props.site.domains.join('\n'),
    // A secret's value is never sent to the dashboard: its row starts empty, and empty keeps it.
    envVars: props.site.envVars.map(({ name, value, secret }) => ({
      name,
      value: value ?? '',
      secret,
      stored: secret,
    })),
    gitAuth: props.site.gitAuth,
    gitToken: '',
    branch: props.site.branch ?? '',
    buildCommand: props.site.buildCommand ?? '',
    autoDeploy: props.site.autoDeploy,
  });
  const git = props.site.sourceType === 'GIT';
  const [error, setError] = createSignal<ApiError | null>(null);
  const [busy, setBusy] = createSignal(false);
  const placed = () => placeError(error(), FIELDS);
  const errorOf = (field: string) => (placed().field === field ? placed().message : undefined);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const { name, outputDir, spa, domains, envVars, branch, buildCommand, autoDeploy, gitAuth, gitToken } =
      unwrap(form);
    // Git access is sent only when it changes (it is an ADMIN change); an empty token keeps the stored one.
    const access = {
      ...(gitAuth !== props.site.gitAuth ? { gitAuth } : {}),
      ...(gitAuth === 'TOKEN' && gitToken.trim() ? { gitToken: gitToken.trim() } : {}),
    };
    setBusy(true);
    setError(null);
    try {
      await props.onSave({
        name,
        outputDir,
        spa,
        domains: domains.split(/[\s,]+/).filter(Boolean),
        envVars: envVars
          .filter((v) => v.name.trim() || v.value || v.secret)
          .map((v) =>
            v.secret
              ? { name: v.name.trim(), secret: true, ...(v.value ? { value: v.value } : {}) }
              : { name: v.name.trim(), value: v.value },
          ),
        // An empty build command clears it; the branch and auto-deploy belong to git sites only.
        ...(git ? { branch: branch.trim(), buildCommand: buildCommand.trim(), autoDeploy, ...access } : {}),
      });
    } catch (err) {
      setError(err as ApiError);
      const at = placeError(err as ApiError, FIELDS).field;
      if (at) focusField(`settings-${at}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="stack" onSubmit={submit} novalidate aria-busy={busy()}>
      <FormError message={placed().general} />
      <div class="field-row">
        <TextField
          id="settings-name"
          label="Name"
          spellcheck
          value={form.name}
          onValue={(v) => setForm('name', v)}
          error={errorOf('name')}
        />
        <TextField
          id="settings-outputDir"
          label="Output folder"
          value={form.outputDir}
          onValue={(v) => setForm('outputDir', v)}
          error={errorOf('outputDir')}
        />
      </div>
      <Show when={git}>
        <div class="field-row">
          <TextField
            id="settings-branch"
            label="Branch"
            value={form.branch}
            onValue={(v) => setForm('branch', v)}
            error={errorOf('branch')}
          />
          <TextField
            id="settings-buildCommand"
            label="Build command"
            placeholder="npm ci && npm run build"
            value={form.buildCommand}
            onValue={(v) => setForm('buildCommand', v)}
            error={errorOf('buildCommand')}
          />
        </div>
        <div class="field-row">
          <Field id="settings-gitAuth" label="Git access" error={errorOf('gitAuth')}>
            <select
              id="settings-gitAuth"
              value={form.gitAuth}
              aria-describedby={describedBy('settings-gitAuth')}
              onChange={(e) => setForm('gitAuth', e.currentTarget.value as GitAuth)}
            >
              <option value="NONE">Public repository</option>
              <option value="SSH_KEY">Deploy key (ssh URL)</option>
              <option value="TOKEN">Access token (https URL)</option>
            </select>
          </Field>
          <Show when={form.gitAuth === 'TOKEN'}>
            <TextField
              id="settings-gitToken"
              label={props.site.gitAuth === 'TOKEN' ? 'Replace token' : 'Access token'}
              type="password"
              autocomplete="off"
              placeholder={props.site.gitAuth === 'TOKEN' ? 'stored (not shown)' : ''}
              value={form.gitToken}
              onValue={(v) => setForm('gitToken', v)}
              error={errorOf('gitToken')}
            />
          </Show>
        </div>
        <label class="check">
          <input
            id="settings-autoDeploy"
            type="checkbox"
            checked={form.autoDeploy}
            onChange={(e) => setForm('autoDeploy', e.currentTarget.checked)}
          />
          <span>
            Deploy on every push <span class="muted">— from the GitHub webhook</span>
          </span>
        </label>
      </Show>
      <label class="check">
        <input type="checkbox" checked={form.spa} onChange={(e) => setForm('spa', e.currentTarget.checked)} />
        <span>
          Single-page app <span class="muted">— serve index.html for paths that have no file</span>
        </span>
      </label>
      <Field
        id="settings-domains"
        label="Custom domains"
        hint="One host name per line, e.g. www.example.com"
        error={errorOf('domains')}
      >
        <textarea
          id="settings-domains"
          rows={3}
          spellcheck={false}
          value={form.domains}
          onInput={(e) => setForm('domains', e.currentTarget.value)}
          aria-describedby={describedBy('settings-domains')}
          aria-invalid={!!errorOf('domains')}
        />
      </Field>
      <fieldset class="field" id="settings-envVars" tabindex="-1">
        <legend>Environment variables</legend>
        <EnvVarsEditor
          rows={form.envVars}
          describedBy={describedBy('settings-envVars')}
          onEdit={(i, patch) => setForm('envVars', i, patch)}
          onAdd={() => setForm('envVars', form.envVars.length, { name: '', value: '' })}
          onRemove={(i) => setForm('envVars', (rows) => rows.filter((_, j) => j !== i))}
        />
        <p class="hint" id="settings-envVars-hint">
          Names use letters, digits and _; they reach builds of git sites.
        </p>
        <FieldError id="settings-envVars" message={errorOf('envVars')} />
      </fieldset>
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={busy()}>
          <Show when={busy()} fallback="Save">
            Saving…
          </Show>
        </button>
        <button type="button" class="btn" onClick={() => props.onCancel()} disabled={busy()}>
          Cancel
        </button>
      </div>
    </form>
  );
};
