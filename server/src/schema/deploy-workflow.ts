import type { InputFieldBuilder } from '@pothos/core';
import { contextLabel, DEPLOY_CONTEXTS } from '../domain/deploy-context.js';
import { WRITE } from './auth.js';
import { builder } from './builder.js';
import { DeployRef, SiteRef } from './refs.js';
import { uses } from './selection.js';
import { siteUrl } from './urls.js';

/** Deploy workflow (issue 15): branch deploys and pull request previews (api.md, "Deploy workflow"). */
const DeployContextEnum = builder.enumType('DeployContext', { values: DEPLOY_CONTEXTS });

builder.objectFields(DeployRef, (t) => ({
  context: t.expose('context', {
    type: DeployContextEnum,
    description: 'PRODUCTION deploys become current; BRANCH and PREVIEW ones are served at their own host',
  }),
  branch: t.exposeString('branch', {
    nullable: true,
    description: "BRANCH: the branch it built; PREVIEW: the pull request's head branch (shown, never cloned)",
  }),
  pullRequest: t.exposeInt('pullRequest', {
    nullable: true,
    description: 'PREVIEW: the pull request number',
  }),
  url: t.string({
    description:
      'Where the deploy is meant to be seen: the site URL (PRODUCTION), `<branch-label>--<slug>.<domain>` ' +
      '(BRANCH) or `pr-<n>--<slug>.<domain>` (PREVIEW)',
    extensions: uses('siteId', 'context', 'branch', 'pullRequest'),
    resolve: async (deploy, _args, ctx) => {
      const site = await ctx.reads.siteOf(deploy);
      return siteUrl(ctx.config, contextLabel(deploy, site.slug) ?? site.slug);
    },
  }),
}));

builder.objectFields(SiteRef, (t) => ({
  branchDeploys: t.exposeBoolean('branchDeploys', {
    description: 'A push to another branch makes a BRANCH deploy at `<branch-label>--<slug>.<domain>`',
  }),
  deployPreviews: t.exposeBoolean('deployPreviews', {
    description: 'A GitHub pull request into the branch makes a PREVIEW deploy at `pr-<n>--<slug>.<domain>`',
  }),
  buildCache: t.exposeBoolean('buildCache', {
    description: 'Keep npm, yarn and pnpm caches and node_modules between builds (this site only)',
  }),
  buildCacheBytes: t.exposeFloat('buildCacheBytes', {
    description: 'Size of the build cache after the last build (0 when empty or cleared)',
  }),
}));

builder.mutationFields((t) => ({
  clearBuildCache: t.field({
    type: SiteRef,
    description: "Empties the site's build cache: its next build starts clean",
    args: { siteId: t.arg.id({ required: true }) },
    authScopes: WRITE,
    resolve: (_root, { siteId }, ctx) => ctx.sites.clearBuildCache(ctx.caller, String(siteId)),
  }),
}));

/** The deploy workflow fields of CreateSiteInput and UpdateSiteInput, declared in schema/site.ts. */
// biome-ignore lint/suspicious/noExplicitAny: Pothos' input field builder type for any input shape
export function deployWorkflowInputFields(t: InputFieldBuilder<any, 'InputObject'>) {
  return {
    branchDeploys: t.boolean({ description: 'Default false' }),
    deployPreviews: t.boolean({ description: 'Default false' }),
    buildCache: t.boolean({ description: 'Default true (LAUNCHPAD_BUILD_CACHE=false turns it off for all)' }),
  };
}
