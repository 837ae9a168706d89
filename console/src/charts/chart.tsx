import { useEffect, useRef } from 'preact/hooks';
import { echarts, type ChartOption } from './echarts.ts';

/**
 * One ECharts chart. `label` is its accessible name (the chart is an image to assistive technology, with
 * ECharts' generated data description added by the aria component); it resizes with its box.
 */
export function Chart({ option, label, height = 320, testId }: { option: ChartOption; label: string; height?: number; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const key = JSON.stringify(option);
  useEffect(() => {
    const el = box.current;
    if (el === null) return;
    const chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({ aria: { enabled: true }, animation: false, ...option });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [key]);
  return <div ref={box} class="chart" role="img" aria-label={label} style={{ height: `${height}px` }} data-testid={testId} />;
}
