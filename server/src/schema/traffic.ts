import { TRAFFIC_SPANS } from '../db/traffic-entities.js';
import { type TrafficPoint, trafficPoints } from '../traffic/query.js';
import { builder } from './builder.js';
import { SiteRef } from './refs.js';

/** Per-site traffic (issue 13, api.md "Observability and notifications"). */

const TrafficIntervalEnum = builder.enumType('TrafficInterval', { values: TRAFFIC_SPANS });

const TrafficPointRef = builder.objectRef<TrafficPoint>('TrafficPoint').implement({
  description: "Requests a site's server answered in one minute, hour or day (UTC), permalink hosts included",
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime', description: 'Start of the interval' }),
    requests: t.exposeInt('requests'),
    bytes: t.exposeFloat('bytes', { description: 'Response bytes sent, headers included' }),
    status2xx: t.exposeInt('status2xx'),
    status3xx: t.exposeInt('status3xx'),
    status4xx: t.exposeInt('status4xx'),
    status5xx: t.exposeInt('status5xx'),
    p50Ms: t.exposeFloat('p50Ms', { nullable: true, description: 'Median request time (null: no requests)' }),
    p95Ms: t.exposeFloat('p95Ms', { nullable: true }),
  }),
});

builder.objectFields(SiteRef, (t) => ({
  traffic: t.field({
    type: [TrafficPointRef],
    description:
      'One point per interval from `from` to `to` (default now), oldest first; at most 3000 points. ' +
      'Minutes are kept 48 hours, hours 90 days, days 2 years.',
    args: {
      from: t.arg({ type: 'DateTime', required: true }),
      to: t.arg({ type: 'DateTime' }),
      interval: t.arg({ type: TrafficIntervalEnum, defaultValue: 'HOUR' }),
    },
    resolve: (site, { from, to, interval }, ctx) =>
      trafficPoints(ctx.caller.em, site.id, from, to ?? null, interval ?? 'HOUR'),
  }),
}));
