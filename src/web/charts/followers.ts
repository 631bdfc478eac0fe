// Option builder for the follower line chart: one line per platform. Pure: usable in the browser and
// in server-side rendering (echarts SSR) alike.
import { dateFormat, escapeHtml, numberFormat } from './text.ts';

export interface LineSeries {
  name: string;
  points: { date: string; value: number | null }[];
}

export const PLATFORM_COLORS: Record<string, string> = {
  Facebook: '#1864ab',
  Instagram: '#c2255c',
  X: '#212529',
  Twitter: '#1c7ed6',
  YouTube: '#e03131',
  TikTok: '#0b7285',
  LinkedIn: '#364fc7',
};

interface TooltipParam {
  seriesName?: string;
  value?: unknown;
  axisValue?: string;
  marker?: string;
}

export function followerLineOption(series: LineSeries[], opts: { locale: string; logScale?: boolean }) {
  const n = numberFormat(opts.locale);
  const d = dateFormat(opts.locale);
  const dates = [...new Set(series.flatMap((s) => s.points.map((p) => p.date)))].sort();
  return {
    animation: false,
    color: series.map((s) => PLATFORM_COLORS[s.name] ?? '#495057'),
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, type: 'scroll' as const },
    tooltip: {
      trigger: 'axis' as const,
      // Names come from a fixed list of platforms, but escape all the same: tooltips are HTML.
      formatter: (params: TooltipParam | TooltipParam[]) => {
        const list = Array.isArray(params) ? params : [params];
        const head = escapeHtml(d(String(list[0]?.axisValue ?? '')));
        const rows = list.map((p) => `${escapeHtml(p.seriesName ?? '')}: ${typeof p.value === 'number' ? escapeHtml(n(p.value)) : '–'}`);
        return [head, ...rows].join('<br>');
      },
    },
    xAxis: { type: 'category' as const, data: dates, axisLabel: { formatter: (v: string) => d(v), hideOverlap: true } },
    yAxis: { type: (opts.logScale ? 'log' : 'value') as 'log' | 'value', scale: true, axisLabel: { formatter: (v: number) => n(v) } },
    series: series.map((s) => {
      const byDate = new Map(s.points.map((p) => [p.date, p.value]));
      return { name: s.name, type: 'line' as const, showSymbol: dates.length <= 40, connectNulls: true, data: dates.map((x) => byDate.get(x) ?? null) };
    }),
  };
}
