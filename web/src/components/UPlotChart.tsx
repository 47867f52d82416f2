import { type Component, createEffect, onCleanup, onMount } from 'solid-js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/**
 * A uPlot chart that fills its container's width: made once per `options()` change, fed new `data()` in
 * place, resized with its container, destroyed with the component.
 */
export const UPlotChart: Component<{
  options: () => Omit<uPlot.Options, 'width'>;
  data: () => uPlot.AlignedData;
  label: string;
}> = (props) => {
  let box!: HTMLDivElement;
  let plot: uPlot | null = null;
  const width = () => Math.max(240, box.clientWidth);
  onMount(() => {
    const observer = new ResizeObserver(() => plot?.setSize({ width: width(), height: plot.height }));
    observer.observe(box);
    onCleanup(() => observer.disconnect());
  });
  createEffect(() => {
    const options = props.options();
    plot?.destroy();
    plot = new uPlot({ ...options, width: width() } as uPlot.Options, props.data(), box);
  });
  createEffect(() => plot?.setData(props.data()));
  onCleanup(() => plot?.destroy());
  return <div class="chart" role="img" aria-label={props.label} ref={box} />;
};
