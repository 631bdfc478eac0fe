// Server-side rendering of a chart spec to an SVG string with ECharts' SSR mode (no DOM, no browser).
import * as echarts from 'echarts';
import type { ChartSpec } from './types.ts';

export function renderSvg(spec: ChartSpec): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: spec.width, height: spec.height });
  try {
    chart.setOption(spec.option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
