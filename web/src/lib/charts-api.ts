import { graphql } from '../gql';
import type { TrafficInterval } from '../gql/graphql';
import { client } from './client';
import { fromCombinedError } from './errors';

/** The Site page's charts (issue 13): a site's traffic and its deploys' run times. */

const SiteTraffic = graphql(`
  query SiteTraffic($id: ID!, $from: DateTime!, $interval: TrafficInterval) {
    site(id: $id) { id traffic(from: $from, interval: $interval) { at requests bytes status4xx status5xx } }
  }
`);
const SiteBuildTimes = graphql(`
  query SiteBuildTimes($id: ID!) {
    site(id: $id) { id deploys(first: 50) { id number status startedAt finishedAt } }
  }
`);

export type TrafficRange = 'hour' | 'day' | 'month';
/** Each range and the interval its points have (60 minutes, 24 hours, 30 days). */
export const RANGES: Record<TrafficRange, { label: string; ms: number; interval: TrafficInterval }> = {
  hour: { label: 'Last hour', ms: 3_600_000, interval: 'MINUTE' as TrafficInterval },
  day: { label: 'Last day', ms: 86_400_000, interval: 'HOUR' as TrafficInterval },
  month: { label: 'Last 30 days', ms: 30 * 86_400_000, interval: 'DAY' as TrafficInterval },
};

async function run<D>(promise: Promise<{ data?: D; error?: Parameters<typeof fromCombinedError>[0] }>) {
  const result = await promise;
  if (result.error) throw fromCombinedError(result.error);
  return result.data!;
}

export async function siteTraffic(id: string, range: TrafficRange) {
  const { ms, interval } = RANGES[range];
  const from = new Date(Date.now() - ms).toISOString();
  const data = await run(
    client.query(SiteTraffic, { id, from, interval }, { requestPolicy: 'network-only' }).toPromise(),
  );
  return data.site?.traffic ?? [];
}

/** Finished deploys that ran, oldest first: number, seconds, failed or not. */
export async function buildTimes(id: string) {
  const data = await run(client.query(SiteBuildTimes, { id }, { requestPolicy: 'network-only' }).toPromise());
  return (data.site?.deploys ?? [])
    .filter((d) => d.startedAt && d.finishedAt)
    .map((d) => ({
      number: d.number,
      seconds: (new Date(d.finishedAt!).getTime() - new Date(d.startedAt!).getTime()) / 1000,
      failed: d.status === 'FAILED',
    }))
    .sort((a, b) => a.number - b.number);
}
