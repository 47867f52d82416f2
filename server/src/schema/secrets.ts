import { GIT_AUTHS } from '../domain/model.js';
import type { DeployKeyView } from '../secrets/git-access.js';
import { publicEnvVar } from '../secrets/site-env.js';
import { MANAGE, READ } from './auth.js';
import { builder } from './builder.js';
import { SiteRef } from './refs.js';
import { uses } from './selection.js';

/**
 * Issue 12: secret env vars, git access, deploy keys. What a secret holds is never an answer of this
 * API: a secret env var's value is null, a git token and a deploy key's private half have no field at all.
 */
export const GitAuthEnum = builder.enumType('GitAuth', {
  description: 'How Launchpad authenticates to a git repository: not at all, with a deploy key, or a token',
  values: GIT_AUTHS,
});

export const EnvVarRef = builder
  .objectRef<{ name: string; value: string | null; secret: boolean }>('EnvVar')
  .implement({
    fields: (t) => ({
      name: t.exposeString('name'),
      value: t.exposeString('value', { nullable: true, description: 'null when secret (write-only)' }),
      secret: t.exposeBoolean('secret'),
    }),
  });

export const EnvVarInput = builder.inputType('EnvVarInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    value: t.string({ description: 'A secret sent without a value keeps its stored value' }),
    secret: t.boolean({
      description:
        'Stored encrypted and never shown again; masked in build logs. Default: as stored (else false)',
    }),
  }),
});

const DeployKeyRef = builder.objectRef<DeployKeyView>('DeployKey').implement({
  description: 'An ed25519 key pair for cloning over ssh; only the public half is ever shown',
  fields: (t) => ({
    publicKey: t.exposeString('publicKey', {
      description:
        'Add this to the repository (GitHub: Settings → Deploy keys → Add deploy key, read access)',
    }),
    fingerprint: t.exposeString('fingerprint', {
      description: 'SHA256:…, as GitHub and ssh-keygen -l show it',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.objectFields(SiteRef, (t) => ({
  envVars: t.field({
    type: [EnvVarRef],
    extensions: uses('envVars'),
    resolve: (site) => site.envVars.map(publicEnvVar),
  }),
  gitAuth: t.expose('gitAuth', { type: GitAuthEnum }),
  deployKey: t.field({
    type: DeployKeyRef,
    nullable: true,
    authScopes: READ,
    extensions: uses('id', 'sourceType'),
    resolve: (site, _args, ctx) => ctx.sites.deployKey(ctx.caller, site),
  }),
}));

builder.mutationFields((t) => ({
  generateDeployKey: t.field({
    type: DeployKeyRef,
    description:
      'A new deploy key for a git site, replacing its earlier one (remove that from the repository). Choose ' +
      'gitAuth SSH_KEY and an ssh URL (git@github.com:owner/repo.git) to clone with it.',
    args: { siteId: t.arg.id({ required: true }) },
    authScopes: MANAGE,
    resolve: (_root, { siteId }, ctx) => ctx.sites.generateDeployKey(ctx.caller, String(siteId)),
  }),
  forgetSshHostKey: t.field({
    type: SiteRef,
    description:
      "Forgets the ssh host key stored at the site's first clone, once the git server's operator confirmed " +
      'that its key changed; the next deploy trusts the key it meets',
    args: { siteId: t.arg.id({ required: true }) },
    authScopes: MANAGE,
    resolve: (_root, { siteId }, ctx) => ctx.sites.forgetSshHostKey(ctx.caller, String(siteId)),
  }),
}));
