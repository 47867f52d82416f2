import { type Component, createResource, createSignal, For, Show } from 'solid-js';
import type uPlot from 'uplot';
import { RANGES, siteTraffic, type TrafficRange } from '../lib/charts-api';
import { UPlotChart } from './UPlotChart';

const mb = (bytes: number) => bytes / 1e6;

/** A site's requests, 4xx and 5xx answers (left axis) and bandwidth (right axis) over a chosen range. */
export const TrafficChart: Component<{ siteId: string }> = (props) => {
  const [range, setRange] = createSignal<TrafficRange>('day');
  const [points] = createResource(
    () => [props.siteId, range()] as const,
    ([id, r]) => siteTraffic(id, r),
  );
  const data = (): uPlot.AlignedData => {
    const p = points() ?? [];
    return [
      p.map((x) => new Date(x.at).getTime() / 1000),
      p.map((x) => x.requests),
      p.map((x) => x.status4xx),
      p.map((x) => x.status5xx),
      p.map((x) => mb(x.bytes)),
    ];
  };
  const total = () => (points() ?? []).reduce((n, p) => n + p.requests, 0);
  const options = (): Omit<uPlot.Options, 'width'> => ({
    height: 220,
    series: [
      {},
      { label: 'Requests', stroke: '#4f46e5', width: 2 },
      { label: '4xx', stroke: '#d97706', width: 1.5 },
      { label: '5xx', stroke: '#dc2626', width: 1.5 },
      { label: 'MB sent', stroke: '#059669', width: 1.5, dash: [4, 4], scale: 'mb' },
    ],
    axes: [{}, { label: 'requests' }, { side: 1, scale: 'mb', label: 'MB', grid: { show: false } }],
    scales: { mb: { auto: true } },
  });
  return (
    <div class="traffic-chart" data-testid="traffic-chart">
      <div class="chart-head">
        <fieldset class="segmented" aria-label="Range">
          <For each={Object.entries(RANGES) as [TrafficRange, (typeof RANGES)[TrafficRange]][]}>
            {([key, r]) => (
              <button
                type="button"
                class="btn btn-small"
                classList={{ 'btn-primary': range() === key }}
                aria-pressed={range() === key}
                onClick={() => setRange(key)}
              >
                {r.label}
              </button>
            )}
          </For>
        </fieldset>
        <span class="muted" data-testid="traffic-total">
          {total()} requests
        </span>
      </div>
      <Show
        when={!points.error}
        fallback={<p class="muted">Traffic is not available: {String(points.error)}</p>}
      >
        <UPlotChart
          options={options}
          data={data}
          label={`Requests, errors and bandwidth, ${RANGES[range()].label.toLowerCase()}`}
        />
      </Show>
    </div>
  );
};
