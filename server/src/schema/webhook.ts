import type { WebhookDelivery } from '../domain/model.js';
import { roleIncludes } from '../domain/principal.js';
import { highestRole, roleOn } from '../services/scope.js';
import { MANAGE } from './auth.js';
import { builder } from './builder.js';
import { DeployRef, SiteRef } from './refs.js';

const WebhookDeliveryRef = builder.objectRef<WebhookDelivery>('WebhookDelivery').implement({
  description: 'One request to a site webhook URL, and what it led to',
  fields: (t) => ({
    id: t.exposeID('id'),
    deliveryId: t.exposeString('deliveryId', { nullable: true, description: 'X-GitHub-Delivery' }),
    event: t.exposeString('event', { description: 'X-GitHub-Event (push, ping, …)' }),
    outcome: t.exposeString('outcome', { description: 'QUEUED, IGNORED or REJECTED' }),
    reason: t.exposeString('reason', { nullable: true }),
    deploy: t.field({
      type: DeployRef,
      nullable: true,
      resolve: (d, _args, ctx) => ctx.reads.linkedDeploy(d.deployId),
    }),
    receivedAt: t.expose('receivedAt', { type: 'DateTime' }),
  }),
});

builder.objectFields(SiteRef, (t) => ({
  webhookUrl: t.string({
    nullable: true,
    description: 'Payload URL for a GitHub push webhook (content type application/json); git sites only',
    resolve: (site, _args, ctx) =>
      site.sourceType === 'GIT' ? `${ctx.publicUrl}/api/webhooks/github/${site.id}` : null,
  }),
  webhookSecret: t.string({
    nullable: true,
    description: 'Secret GitHub signs deliveries with (X-Hub-Signature-256); git sites only',
    // Shown to team admins only; anyone else sees null rather than an error.
    authScopes: MANAGE,
    unauthorizedResolver: () => null,
    // …and per site: an ADMIN of one team does not see the secrets of another team where it is a VIEWER.
    resolve: (site, _args, ctx) => {
      const role = site.teamId === null ? highestRole(ctx.principal) : roleOn(ctx.principal, site.teamId);
      const admin = role !== null && roleIncludes(role, 'ADMIN');
      return admin && site.sourceType === 'GIT' ? ctx.sites.webhookSecret(site) : null;
    },
  }),
  webhookDeliveries: t.field({
    type: [WebhookDeliveryRef],
    description: 'Newest first',
    args: { first: t.arg.int({ defaultValue: 20 }) },
    resolve: (site, { first }, ctx) => ctx.reads.webhookDeliveries(site, first ?? 20),
  }),
}));

builder.mutationFields((t) => ({
  rotateWebhookSecret: t.field({
    type: SiteRef,
    description: 'A new webhook secret; deliveries signed with the old one are refused from now on',
    args: { id: t.arg.id({ required: true }) },
    authScopes: MANAGE,
    resolve: (_root, { id }, ctx) => ctx.sites.rotateWebhookSecret(ctx.caller, String(id)),
  }),
}));
