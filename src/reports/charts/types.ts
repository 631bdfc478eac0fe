// A chart as data: an ECharts option and its size; rendered to SVG on the server or live in the browser.
import type { EChartsOption } from 'echarts';

export interface ChartSpec {
  option: EChartsOption;
  width: number;
  height: number;
}

export interface Series {
  name: string;
  data: (number | null)[];
  color?: string;
}

export const PLATFORM_COLORS: Record<string, string> = {
  facebook: '#1877f2',
  instagram: '#c13584',
  x: '#222222',
  youtube: '#e62117',
  tiktok: '#18a8a0',
  linkedin: '#0a66c2',
};

export const FONT = 'Noto Sans, DejaVu Sans, Arial, sans-serif';
