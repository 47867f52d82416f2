import type { InputFieldBuilder } from '@pothos/core';
import type { LogLine } from '../domain/model.js';
import { SITE_KINDS } from '../domain/model.js';
import type { AppStatus } from '../runtime/ports.js';
import { READ } from './auth.js';
import { builder } from './builder.js';
import { LogLineRef, SiteRef } from './refs.js';
import { boundedSubscription } from './subscribe.js';

/** Server apps (issue 14, api.md "Server apps"). */

/** Lines of history a runtime log subscription may ask for (the driver bounds it the same way). */
const MAX_TAIL = 1000;
export const SiteKindEnum = builder.enumType('SiteKind', { values: SITE_KINDS });

const AppStateEnum = builder.enumType('AppState', {
  values: ['RUNNING', 'RESTARTING', 'CRASHED', 'STOPPED', 'MISSING'] as const,
});

const AppStatusRef = builder.objectRef<AppStatus>('AppStatus').implement({
  description: "A SERVER site's current app container, as the engine reports it now",
  fields: (t) => ({
    state: t.expose('state', { type: AppStateEnum }),
    restartCount: t.exposeInt('restartCount', { description: "Restarts by Docker's restart policy" }),
    oomKilled: t.exposeBoolean('oomKilled', {
      description: 'Stopped for lack of memory (until Docker starts it again)',
    }),
  }),
});

builder.objectFields(SiteRef, (t) => ({
  app: t.field({
    type: AppStatusRef,
    nullable: true,
    description: 'SERVER: the state of the current app (null for a static site or before the first deploy)',
    resolve: (site, _args, ctx) => ctx.sites.appStatus(site),
  }),
  kind: t.expose('kind', { type: SiteKindEnum }),
  startCommand: t.exposeString('startCommand', {
    nullable: true,
    description: 'SERVER: run as `sh -c` in the app container',
  }),
  port: t.exposeInt('port', { nullable: true, description: 'SERVER: where the app listens (also its PORT)' }),
  healthCheckPath: t.exposeString('healthCheckPath', {
    nullable: true,
    description: 'SERVER: must answer 2xx or 3xx before a new app goes live',
  }),
  runtimeImage: t.exposeString('runtimeImage', { nullable: true, description: 'SERVER: the app image' }),
}));

/** The app fields of CreateSiteInput (`kind` too) and UpdateSiteInput, declared in schema/site.ts. */
// biome-ignore lint/suspicious/noExplicitAny: Pothos' input field builder type for any input shape
export function serverAppInputFields(t: InputFieldBuilder<any, 'InputObject'>, create: boolean) {
  return {
    ...(create ? { kind: t.field({ type: SiteKindEnum, description: 'STATIC unless given' }) } : {}),
    startCommand: t.string({ description: 'SERVER: default `npm start`' }),
    port: t.int({ description: 'SERVER: default 3000' }),
    healthCheckPath: t.string({ description: 'SERVER: default /' }),
    runtimeImage: t.string({ description: 'SERVER: default the build image' }),
  };
}

builder.subscriptionFields((t) => ({
  siteRuntimeLog: t.field({
    type: LogLineRef,
    description: "A SERVER site's running app: its last `tail` lines (at most 1000), then live lines",
    args: { siteId: t.arg.id({ required: true }), tail: t.arg.int({ defaultValue: 100 }) },
    authScopes: READ,
    subscribe: async (_root, { siteId, tail }, ctx) => {
      const bounded = Math.max(0, Math.min(tail ?? 100, MAX_TAIL));
      const { deployId, lines } = await ctx.sites.runtimeLog(ctx.caller, String(siteId), bounded);
      return boundedSubscription(ctx, numbered(lines, deployId));
    },
    resolve: (line) => line,
  }),
}));

/** LogLine's seq counts the lines of this subscription; deployId is the deploy the app runs. */
async function* numbered(
  lines: AsyncIterableIterator<{ at: Date; stream: LogLine['stream']; text: string }>,
  deployId: string,
): AsyncGenerator<LogLine> {
  let seq = 0;
  try {
    for await (const line of lines) yield { ...line, seq: ++seq, deployId };
  } finally {
    await lines.return?.();
  }
}
