import { getDeploy } from '../services/scope.js';
import { READ, WRITE } from './auth.js';
import { builder } from './builder.js';
import { DeployStatusEnum, DeployTriggerEnum } from './enums.js';
import { DeployRef, SiteRef } from './refs.js';
import { uses } from './selection.js';
import { authorizedStream, boundedSubscription } from './subscribe.js';
import { permalink } from './urls.js';

DeployRef.implement({
  description: 'One immutable attempt to publish a site',
  fields: (t) => ({
    id: t.exposeID('id'),
    site: t.field({
      type: SiteRef,
      extensions: uses('siteId'),
      resolve: (deploy, _args, ctx) => ctx.reads.siteOf(deploy),
    }),
    number: t.exposeInt('number', { description: '1, 2, 3 … per site' }),
    status: t.expose('status', { type: DeployStatusEnum }),
    trigger: t.expose('trigger', { type: DeployTriggerEnum }),
    commitSha: t.exposeString('commitSha', { nullable: true }),
    commitMessage: t.exposeString('commitMessage', { nullable: true }),
    error: t.exposeString('error', {
      nullable: true,
      description: 'Why it failed, in words a user can act on',
    }),
    permalink: t.string({
      description: "This deploy's own URL, serving its files whether or not it is current",
      extensions: uses('id', 'siteId'),
      resolve: async (deploy, _args, ctx) => {
        const site = await ctx.reads.siteOf(deploy);
        return permalink(ctx.config, deploy.id, site.slug);
      },
    }),
    sourceDeploy: t.field({
      type: DeployRef,
      nullable: true,
      description: 'For a ROLLBACK: the earlier deploy whose files it serves again',
      extensions: uses('sourceDeployId'),
      resolve: (deploy, _args, ctx) => ctx.reads.linkedDeploy(deploy.sourceDeployId),
    }),
    filesPrunedAt: t.expose('filesPrunedAt', {
      type: 'DateTime',
      nullable: true,
      description: "When retention removed this deploy's files (its row and log stay); null while they exist",
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
  }),
});

builder.queryFields((t) => ({
  deploy: t.field({
    type: DeployRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    authScopes: READ,
    resolve: (_root, { id }, ctx) => ctx.reads.deploy(String(id)),
  }),
}));

builder.mutationFields((t) => ({
  deploySite: t.field({
    type: DeployRef,
    description: 'Deploys the site again; zip sites may send a new archive, else the last one is used again',
    args: { id: t.arg.id({ required: true }), file: t.arg({ type: 'File' }) },
    authScopes: WRITE,
    resolve: (_root, { id, file }, ctx) => ctx.sites.deploy(ctx.caller, String(id), file ?? null),
  }),
  rollback: t.field({
    type: DeployRef,
    description: 'Makes an earlier deploy current again at once (no rebuild), recorded as a ROLLBACK deploy',
    args: { deployId: t.arg.id({ required: true }) },
    authScopes: WRITE,
    resolve: (_root, { deployId }, ctx) => ctx.sites.rollback(ctx.caller, String(deployId)),
  }),
  cancelDeploy: t.field({
    type: DeployRef,
    args: { id: t.arg.id({ required: true }) },
    authScopes: WRITE,
    resolve: (_root, { id }, ctx) => ctx.sites.cancel(ctx.caller, String(id)),
  }),
}));

builder.subscriptionFields((t) => ({
  deployUpdated: t.field({
    type: DeployRef,
    description: 'Every status change of one deploy, in order',
    args: { id: t.arg.id({ required: true }) },
    authScopes: READ,
    subscribe: (_root, { id }, ctx) =>
      authorizedStream(
        boundedSubscription(ctx, ctx.bus.subscribe('deploy:updated', String(id))),
        getDeploy(ctx.caller, String(id)),
      ),
    resolve: (deploy) => deploy,
  }),
}));
