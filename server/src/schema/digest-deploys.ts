import type { Deploy } from '../domain/model.js';
import { WRITE } from './auth.js';
import { builder } from './builder.js';
import { DeployRef } from './refs.js';

// Digest deploys (issue 15; api.md, "Deploy workflow").

const DeployFileInputRef = builder.inputType('DeployFileInput', {
  description: 'One file of a digest deploy: where it goes, and the SHA-256 and size of its bytes',
  fields: (t) => ({
    path: t.string({ required: true, description: "Relative to the site root, '/'-separated (no '..')" }),
    sha256: t.string({ required: true, description: '64 hexadecimal characters' }),
    size: t.float({ required: true, description: 'In bytes' }),
  }),
});

const DigestDeployRef = builder.objectRef<{ deploy: Deploy; required: string[] }>('DigestDeploy').implement({
  description: 'A digest deploy and the files the server still needs for it',
  fields: (t) => ({
    deploy: t.field({ type: DeployRef, resolve: (d) => d.deploy }),
    required: t.exposeStringList('required', {
      description:
        'SHA-256s the server does not have yet; upload each with uploadDeployFiles. Empty: it started',
    }),
  }),
});

builder.mutationFields((t) => ({
  createDigestDeploy: t.field({
    type: DigestDeployRef,
    description:
      'Deploys a ZIP site from a list of files by digest: files the server already holds are not sent again. ' +
      'The deploy is UPLOADING until every required file is uploaded, then starts by itself',
    args: {
      siteId: t.arg.id({ required: true }),
      files: t.arg({ type: [DeployFileInputRef], required: true }),
    },
    authScopes: WRITE,
    resolve: (_root, { siteId, files }, ctx) => ctx.digestDeploys.create(ctx.caller, String(siteId), files),
  }),
  uploadDeployFiles: t.field({
    type: DigestDeployRef,
    description:
      'Uploads required files of a digest deploy, each part named by its sha256 (checked, with its size); ' +
      'a bad part refuses the whole request. Answers what is still required',
    args: {
      deployId: t.arg.id({ required: true }),
      files: t.arg({ type: ['File'], required: true }),
    },
    authScopes: WRITE,
    resolve: (_root, { deployId, files }, ctx) =>
      ctx.digestDeploys.upload(ctx.caller, String(deployId), files),
  }),
}));
