import type { ChartOption } from './echarts.ts';

export interface IntervalBar { readonly label: string; readonly value: number; readonly low: number; readonly high: number }

/**
 * Bars with interval whiskers: a bar series for the estimates and a custom series drawing each [low, high]
 * as a vertical line with caps (ECharts has no built-in error bar). Values are shares, drawn as percentages.
 */
export function intervalBarsOption(bars: readonly IntervalBar[], colour = '#0b5cad'): ChartOption {
  return {
    grid: { left: 50, right: 20, top: 15, bottom: 50 },
    tooltip: { trigger: 'axis', formatter: (ps: { dataIndex: number }[]) => {
      const b = bars[ps[0]?.dataIndex ?? 0];
      return b === undefined ? '' : `${b.label}: ${(b.value * 100).toFixed(1)} % (95 %: ${(b.low * 100).toFixed(1)} – ${(b.high * 100).toFixed(1)} %)`;
    } },
    xAxis: { type: 'category', data: bars.map((b) => b.label), axisLabel: { interval: 0, rotate: bars.length > 5 ? 30 : 0 } },
    yAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
    series: [
      { type: 'bar', data: bars.map((b) => b.value), itemStyle: { color: colour }, barMaxWidth: 48 },
      {
        type: 'custom',
        data: bars.map((b, i) => [i, b.low, b.high]),
        z: 10,
        renderItem: (_params: unknown, api: { value(i: number): number; coord(p: [number, number]): [number, number] }) => {
          const [x, lowY] = api.coord([api.value(0), api.value(1)]);
          const [, highY] = api.coord([api.value(0), api.value(2)]);
          const half = 8;
          const style = { stroke: '#1b1f24', lineWidth: 1.5 };
          return {
            type: 'group',
            children: [
              { type: 'line', shape: { x1: x, y1: lowY, x2: x, y2: highY }, style },
              { type: 'line', shape: { x1: x - half, y1: lowY, x2: x + half, y2: lowY }, style },
              { type: 'line', shape: { x1: x - half, y1: highY, x2: x + half, y2: highY }, style },
            ],
          };
        },
      },
    ],
  };
}
