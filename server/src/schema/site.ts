import { getSite, maySee } from '../services/scope.js';
import { MANAGE, READ, WRITE } from './auth.js';
import { builder } from './builder.js';
import { deployWorkflowInputFields } from './deploy-workflow.js';
import { SiteStatusEnum, SourceTypeEnum } from './enums.js';
import { DeployRef, SiteRef } from './refs.js';
import { EnvVarInput, GitAuthEnum } from './secrets.js';
import { selectedPage, selectedProperties, uses } from './selection.js';
import { serverAppInputFields } from './server-apps.js';
import { siteWindow, siteWindowArgs } from './site-window.js';
import { authorizedStream, boundedSubscription } from './subscribe.js';
import { siteUrl } from './urls.js';

SiteRef.implement({
  description: 'A site: what a user creates once; every deploy of it is a Deploy.',
  fields: (t) => ({
    id: t.exposeID('id'),
    slug: t.exposeString('slug', { description: 'First label of the site host: [a-z0-9-], unique' }),
    name: t.exposeString('name'),
    sourceType: t.expose('sourceType', { type: SourceTypeEnum }),
    gitUrl: t.exposeString('gitUrl', { nullable: true }),
    branch: t.exposeString('branch', { nullable: true }),
    buildCommand: t.exposeString('buildCommand', { nullable: true }),
    outputDir: t.exposeString('outputDir'),
    autoDeploy: t.exposeBoolean('autoDeploy'),
    spa: t.exposeBoolean('spa', { description: 'Serve index.html for unknown paths' }),
    domains: t.exposeStringList('domains', { description: 'Custom hostnames routed to the site' }),
    url: t.string({
      extensions: uses('slug'),
      resolve: (site, _args, ctx) => siteUrl(ctx.config, site.slug),
    }),
    localUrl: t.string({
      nullable: true,
      description: 'http://127.0.0.1:<port> when the site container publishes a loopback port',
      extensions: uses('localPort'),
      resolve: (site) => (site.localPort ? `http://127.0.0.1:${site.localPort}` : null),
    }),
    status: t.expose('status', { type: SiteStatusEnum }),
    currentDeploy: t.field({
      type: DeployRef,
      nullable: true,
      extensions: uses('currentDeployId'),
      resolve: (site, _args, ctx) => ctx.reads.currentDeploy(site),
    }),
    deploys: t.field({
      type: [DeployRef],
      description: 'Newest first',
      args: { first: t.arg.int({ defaultValue: 20 }) },
      extensions: uses('id'),
      resolve: (site, { first }, ctx, info) => ctx.reads.deploys(site, first ?? 20, selectedProperties(info)),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.queryFields((t) => ({
  sites: t.field({
    type: [SiteRef],
    description: 'Newest first: every site the caller sees, or a page of them',
    args: siteWindowArgs(t.arg),
    authScopes: READ,
    resolve: (_root, args, ctx, info) =>
      ctx.reads.sites(selectedProperties(info), selectedPage(info, 'deploys'), siteWindow(args)),
  }),
  site: t.field({
    type: SiteRef,
    nullable: true,
    description: 'One site, by id or by slug',
    args: { id: t.arg.id(), slug: t.arg.string() },
    authScopes: READ,
    resolve: (_root, { id, slug }, ctx) => {
      if (id) return ctx.reads.site(String(id));
      if (slug) return ctx.reads.siteBySlug(slug);
      return null;
    },
  }),
}));

const CreateSiteInput = builder.inputType('CreateSiteInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    slug: t.string({ description: 'Generated ("graceful-fox-3f9a") when not given' }),
    sourceType: t.field({ type: SourceTypeEnum, required: true }),
    file: t.field({ type: 'File', description: 'ZIP: the archive; the first deploy starts at once' }),
    gitUrl: t.string(),
    branch: t.string(),
    buildCommand: t.string(),
    outputDir: t.string({ description: 'Folder to publish, relative to the archive or checkout root' }),
    envVars: t.field({ type: [EnvVarInput] }),
    autoDeploy: t.boolean(),
    spa: t.boolean(),
    domains: t.stringList(),
    // issue 12 (secrets)
    gitAuth: t.field({ type: GitAuthEnum, description: 'Default NONE (a public repository)' }),
    gitToken: t.string({
      description: 'Write-only: for gitAuth TOKEN (a GitHub personal or fine-grained token)',
    }),
    ...serverAppInputFields(t, true),
    ...deployWorkflowInputFields(t),
    // Accounts (issue 11)
    teamId: t.id({ description: 'The team that owns the site; required when the principal is in several' }),
  }),
});

const UpdateSiteInput = builder.inputType('UpdateSiteInput', {
  fields: (t) => ({
    name: t.string(),
    gitUrl: t.string({ description: 'Git sites: a new repository URL (ADMIN when the site sends a token)' }),
    branch: t.string(),
    buildCommand: t.string(),
    outputDir: t.string(),
    envVars: t.field({ type: [EnvVarInput] }),
    autoDeploy: t.boolean(),
    spa: t.boolean(),
    domains: t.stringList(),
    // issue 12 (secrets)
    gitAuth: t.field({ type: GitAuthEnum, description: 'Default NONE (a public repository)' }),
    gitToken: t.string({
      description: 'Write-only: for gitAuth TOKEN (a GitHub personal or fine-grained token)',
    }),
    ...serverAppInputFields(t, false),
    ...deployWorkflowInputFields(t),
  }),
});

builder.mutationFields((t) => ({
  createSite: t.field({
    type: SiteRef,
    args: { input: t.arg({ type: CreateSiteInput, required: true }) },
    authScopes: WRITE,
    resolve: (_root, { input }, ctx) => ctx.sites.create(ctx.caller, input),
  }),
  updateSite: t.field({
    type: SiteRef,
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateSiteInput, required: true }) },
    authScopes: WRITE,
    resolve: (_root, { id, input }, ctx) => ctx.sites.update(ctx.caller, String(id), input),
  }),
  deleteSite: t.id({
    description: 'Stops and removes the site container, its files, deploys and logs',
    args: { id: t.arg.id({ required: true }) },
    authScopes: MANAGE,
    resolve: (_root, { id }, ctx) => ctx.sites.delete(ctx.caller, String(id)),
  }),
}));

builder.subscriptionFields((t) => ({
  siteUpdated: t.field({
    type: SiteRef,
    description: 'Changes of one site, or of every site when no id is given',
    args: { id: t.arg.id() },
    authScopes: READ,
    subscribe: (_root, { id }, ctx) => {
      const events = id ? ctx.bus.subscribe('site:updated', String(id)) : ctx.bus.subscribe('sites:updated');
      const stream = boundedSubscription(ctx, events, (site) => maySee(ctx.principal, site));
      // One site must be visible to this principal when the subscription starts (else NOT_FOUND);
      // subscribed first, so no change between the check and the subscription is lost.
      return id ? authorizedStream(stream, getSite(ctx.caller, String(id))) : stream;
    },
    resolve: (site) => site,
  }),
}));
