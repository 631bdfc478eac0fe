// Option builder for the best-times heat map: weekday (rows, Monday first) by local hour (columns).
import { escapeHtml, numberFormat } from './text.ts';

export interface HeatCell {
  weekday: number;
  hour: number;
  posts: number;
  mean_er: number | null;
}

export function bestTimesOption(grid: HeatCell[][], opts: { locale: string; weekdays: string[]; postsLabel: string }) {
  const pct = numberFormat(opts.locale, 2);
  const cells = grid.flat();
  const values = cells.map((c) => c.mean_er).filter((v): v is number => v !== null);
  const max = values.length ? Math.max(...values) : 1;
  const hours = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));
  return {
    animation: false,
    grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: true },
    tooltip: {
      formatter: (p: { data?: unknown }) => {
        const [h, w, er, posts] = (Array.isArray(p.data) ? p.data : []) as [number, number, number | '-', number];
        const day = opts.weekdays[w] ?? '';
        return escapeHtml(`${day} ${hours[h] ?? ''}:00 · ER ${typeof er === 'number' ? `${pct(er)} %` : '–'} · ${posts} ${opts.postsLabel}`);
      },
    },
    xAxis: { type: 'category' as const, data: hours, splitArea: { show: true } },
    yAxis: { type: 'category' as const, data: opts.weekdays, inverse: true, splitArea: { show: true } },
    visualMap: {
      // The value is the third of [hour, weekday, er, posts]; by default echarts would colour by the last.
      dimension: 2,
      min: 0,
      max: max > 0 ? max : 1,
      calculable: false,
      orient: 'horizontal' as const,
      left: 'center',
      bottom: 0,
      itemHeight: 120,
      inRange: { color: ['#e7f5ff', '#1864ab'] },
      formatter: (v: number) => `${pct(v)} %`,
    },
    series: [
      {
        type: 'heatmap' as const,
        // '-' leaves a cell without posts empty rather than coloured as zero.
        data: cells.map((c) => [c.hour, c.weekday, c.mean_er ?? '-', c.posts]),
        emphasis: { itemStyle: { borderColor: '#000', borderWidth: 1 } },
      },
    ],
  };
}

/** The best slots by mean ER (at least `minPosts` posts), best first. */
export function bestSlots(grid: HeatCell[][], count = 3, minPosts = 2): HeatCell[] {
  const cells = grid.flat().filter((c) => c.mean_er !== null && c.posts >= minPosts);
  return cells.sort((a, b) => (b.mean_er ?? 0) - (a.mean_er ?? 0) || b.posts - a.posts).slice(0, count);
}
