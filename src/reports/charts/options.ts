// Chart option builders: plain data in, an ECharts option out; no I/O, so the browser can use them too.
import type { EChartsOption } from 'echarts';
import { FONT, type ChartSpec, type Series } from './types.ts';

type Fmt = (n: number) => string;

const base = (title: string): EChartsOption => ({
  animation: false,
  textStyle: { fontFamily: FONT },
  title: { text: title, left: 'center', textStyle: { fontSize: 13, fontWeight: 'bold', fontFamily: FONT } },
});

const legend = (series: readonly Series[]) => ({ bottom: 0, itemWidth: 14, itemHeight: 8, data: series.map((s) => s.name), textStyle: { fontSize: 11 } });

/** Lines over categories (dates), one per series; gaps where a value is unknown. */
export function lineChart(title: string, categories: string[], series: Series[], fmt: Fmt, size = { width: 720, height: 300 }): ChartSpec {
  return {
    ...size,
    option: {
      ...base(title),
      grid: { left: 70, right: 20, top: 40, bottom: 60 },
      legend: legend(series),
      xAxis: { type: 'category', data: categories, axisLabel: { fontSize: 10, hideOverlap: true } },
      yAxis: { type: 'value', scale: true, axisLabel: { fontSize: 10, formatter: (v: number) => fmt(v) } },
      series: series.map((s) => ({
        type: 'line', name: s.name, data: s.data, showSymbol: categories.length <= 24, connectNulls: false,
        ...(s.color ? { itemStyle: { color: s.color }, lineStyle: { color: s.color, width: 2 } } : {}),
      })),
    },
  };
}

/** Bars over categories; `stack` piles the series, `horizontal` lays categories on the y axis (rankings). */
export function barChart(
  title: string,
  categories: string[],
  series: Series[],
  fmt: Fmt,
  opts: { stack?: boolean; horizontal?: boolean; width?: number; height?: number; labels?: boolean } = {},
): ChartSpec {
  const valueAxis = { type: 'value' as const, axisLabel: { fontSize: 10, formatter: (v: number) => fmt(v) } };
  const categoryAxis = { type: 'category' as const, data: categories, inverse: opts.horizontal === true, axisLabel: { fontSize: 10, hideOverlap: !opts.horizontal } };
  return {
    width: opts.width ?? 720,
    height: opts.height ?? 300,
    option: {
      ...base(title),
      grid: { left: opts.horizontal ? 110 : 70, right: 40, top: 40, bottom: series.length > 1 ? 60 : 40 },
      ...(series.length > 1 ? { legend: legend(series) } : {}),
      xAxis: opts.horizontal ? valueAxis : categoryAxis,
      yAxis: opts.horizontal ? categoryAxis : valueAxis,
      series: series.map((s) => ({
        type: 'bar', name: s.name, data: s.data, ...(opts.stack ? { stack: 'all' } : {}), barMaxWidth: 40,
        ...(s.color ? { itemStyle: { color: s.color } } : {}),
        ...(opts.labels ? { label: { show: true, position: opts.horizontal ? 'right' : 'top', fontSize: 9, formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? fmt(p.value) : '') } } : {}),
      })),
    },
  };
}

const BLUES = ['#eef5fb', '#c6dbef', '#6baed6', '#2171b5', '#08306b'];

/** Five equal bands from min to max, each labelled with its bounds in the report's number format. */
function pieces(min: number, max: number, fmt: Fmt) {
  const step = (max - min) / BLUES.length;
  return BLUES.map((color, i) => {
    const lo = min + i * step;
    const hi = i === BLUES.length - 1 ? max : min + (i + 1) * step;
    return { gte: lo, ...(i === BLUES.length - 1 ? { lte: hi } : { lt: hi }), color, label: `${fmt(lo)} – ${fmt(hi)}` };
  });
}

/** A grid of values (e.g. weekday x hour), colour scaled from the smallest to the largest known value. */
export function heatmapChart(title: string, xLabels: string[], yLabels: string[], cells: [number, number, number][], fmt: Fmt): ChartSpec {
  const values = cells.map((c) => c[2]);
  const max = values.length ? Math.max(...values) : 1;
  const min = values.length ? Math.min(...values) : 0;
  return {
    width: 720,
    height: 300,
    option: {
      ...base(title),
      grid: { left: 90, right: 20, top: 40, bottom: 70 },
      xAxis: { type: 'category', data: xLabels, splitArea: { show: true }, axisLabel: { fontSize: 9 } },
      yAxis: { type: 'category', data: yLabels, inverse: true, splitArea: { show: true }, axisLabel: { fontSize: 10 } },
      // Pieces rather than a gradient bar: solid fills render alike in the browser, the SVG and the PDF.
      visualMap: {
        type: 'piecewise' as const, orient: 'horizontal', left: 'center', bottom: 0, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 10 },
        pieces: pieces(min, max > min ? max : min + 1, fmt),
      },
      series: [{ type: 'heatmap', data: cells, label: { show: false } }],
    },
  };
}

/** Box plots from precomputed five-number summaries [min, q1, median, q3, max], one per category. */
export function boxplotChart(title: string, categories: string[], boxes: [number, number, number, number, number][], fmt: Fmt): ChartSpec {
  return {
    width: 720,
    height: 260,
    option: {
      ...base(title),
      grid: { left: 70, right: 20, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: categories, axisLabel: { fontSize: 10 } },
      yAxis: { type: 'value', scale: true, axisLabel: { fontSize: 10, formatter: (v: number) => fmt(v) } },
      series: [{ type: 'boxplot', data: boxes, itemStyle: { color: '#dbe9f6', borderColor: '#2b6cb0' } }],
    },
  };
}
