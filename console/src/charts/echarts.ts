// ECharts through its tree-shaken core: only the chart types and components the console draws are bundled.
// The SVG renderer keeps charts crisp in screenshots and puts their text in the DOM; `aria` gives each chart a
// generated description for screen readers.
import { BarChart, CustomChart, HeatmapChart, LineChart, SankeyChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, CustomChart, HeatmapChart, LineChart, SankeyChart, AriaComponent, GridComponent, LegendComponent,
  TooltipComponent, VisualMapComponent, SVGRenderer]);

export { echarts };
export type ChartOption = echarts.EChartsCoreOption;
