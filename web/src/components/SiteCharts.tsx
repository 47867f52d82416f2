import type { Component } from 'solid-js';
import { BuildDurationChart } from './BuildDurationChart';
import { TrafficChart } from './TrafficChart';

/** The Site page's charts (issue 13): traffic and deploy run times, each in its own card. */
export const SiteCharts: Component<{ siteId: string; deployCount: number }> = (props) => (
  <div class="split charts">
    <section aria-labelledby="traffic-title" class="card">
      <h2 id="traffic-title">Traffic</h2>
      <TrafficChart siteId={props.siteId} />
    </section>
    <section aria-labelledby="builds-title" class="card">
      <h2 id="builds-title">Deploy times</h2>
      <BuildDurationChart siteId={props.siteId} deployCount={props.deployCount} />
    </section>
  </div>
);
