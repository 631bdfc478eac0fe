// A chart from an option object. The drawing is hidden from screen readers: every chart comes with
// a text summary (a sentence and/or a visually hidden table) next to it.
import { Box } from '@mantine/core';
import { useEffect, useRef } from 'react';

type Chart = { setOption(o: object, notMerge?: boolean): void; resize(): void; dispose(): void };

const loaders = {
  line: () => import('./echarts-line.ts'),
  heatmap: () => import('./echarts-heatmap.ts'),
};

export function EChart({ option, kind, height = 320, label }: { option: object; kind: keyof typeof loaders; height?: number; label: string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<Chart | null>(null);
  const latest = useRef(option);
  latest.current = option;

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    void loaders[kind]().then(({ init }) => {
      if (disposed || !el.current) return;
      const c = init(el.current, undefined, { renderer: 'svg' }) as unknown as Chart;
      chart.current = c;
      c.setOption(latest.current, true);
      observer = new ResizeObserver(() => c.resize());
      observer.observe(el.current);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the kind of a chart never changes
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return <Box ref={el} h={height} w="100%" aria-hidden="true" data-chart={label} />;
}
