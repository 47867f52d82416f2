import { type Component, createResource, Show } from 'solid-js';
import uPlot from 'uplot';
import { buildTimes } from '../lib/charts-api';
import { UPlotChart } from './UPlotChart';

const bars = uPlot.paths.bars?.({ size: [0.6, 40] });

/** How long each of the site's last 50 deploys ran (clone or upload, build, publish); failed ones in red. */
export const BuildDurationChart: Component<{ siteId: string; deployCount: number }> = (props) => {
  // Refetched when a deploy is added (the count changes).
  const [times] = createResource(
    () => [props.siteId, props.deployCount] as const,
    ([id]) => buildTimes(id),
  );
  const data = (): uPlot.AlignedData => {
    const t = times() ?? [];
    return [
      t.map((d) => d.number),
      t.map((d) => (d.failed ? null : d.seconds)),
      t.map((d) => (d.failed ? d.seconds : null)),
    ];
  };
  const options = (): Omit<uPlot.Options, 'width'> => ({
    height: 180,
    scales: { x: { time: false } },
    series: [
      { label: 'Deploy #' },
      { label: 'Seconds', fill: '#4f46e5aa', stroke: '#4f46e5', paths: bars, points: { show: false } },
      { label: 'Failed', fill: '#dc2626aa', stroke: '#dc2626', paths: bars, points: { show: false } },
    ],
    // Deploy numbers are whole: no tick between two of them.
    axes: [{ label: 'deploy', incrs: [1, 2, 5, 10, 20, 50] }, { label: 'seconds' }],
  });
  return (
    <div data-testid="build-chart">
      <Show
        when={(times() ?? []).length > 0}
        fallback={<p class="muted">{times.loading ? 'Loading…' : 'No finished deploy yet.'}</p>}
      >
        <UPlotChart options={options} data={data} label="Run time of each deploy in seconds" />
      </Show>
    </div>
  );
};
