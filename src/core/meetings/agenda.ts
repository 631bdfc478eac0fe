// The generated agenda of an evaluation meeting: the period's figures against the period before, top and
// bottom posts, cadence gaps, the position among peers, and what the previous meeting left open. Pure.
import { addDays, daysBetween } from '../time.ts';

export const MEETING_KINDS = ['planning', 'evaluation'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export const ACTION_STATUSES = ['open', 'done'] as const;

export const FIGURE_METRICS = ['followers', 'growth', 'growth_pct', 'posts_per_week', 'er'] as const;
export type FigureMetric = (typeof FIGURE_METRICS)[number];
export type PlatformFigures = Record<FigureMetric, number | null>;

export interface FigureRow {
  platform: string;
  metric: FigureMetric;
  current: number | null;
  previous: number | null;
  /** current − previous (percentage points for growth_pct and er). */
  change: number | null;
  /** The change relative to the previous value, in percent; null when that is 0 or missing. */
  change_pct: number | null;
}

export interface AgendaPost {
  platform: string;
  handle: string;
  date: string;
  type: string;
  text: string | null;
  permalink: string | null;
  engagements: number | null;
  er: number | null;
}

export interface CadenceGap {
  platform: string;
  handle: string;
  /** `target`: a week short of the account's weekly target; `quiet`: a run of days without any post. */
  kind: 'target' | 'quiet';
  from: string;
  to: string;
  days: number;
  target: number | null;
  published: number | null;
}

export interface PeerPosition {
  group: string;
  platform: string;
  /** Place by composite among the members that have one; null when the organisation has none. */
  rank: number | null;
  of: number;
  composite: number | null;
  percentiles: Record<string, number>;
}

export interface OpenAction {
  id: number;
  text: string;
  owner: string | null;
  due_date: string | null;
  meeting_id: number;
  meeting_title: string;
}

export interface EvaluationAgenda {
  org: string;
  name: string;
  timezone: string;
  period: { from: string; to: string };
  previous: { from: string; to: string };
  figures: FigureRow[];
  top_posts: AgendaPost[];
  bottom_posts: AgendaPost[];
  cadence_gaps: CadenceGap[];
  peers: PeerPosition[];
  open_actions: OpenAction[];
  generated_at: string;
}

/** The period of the same length that ends the day before `from`. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const days = daysBetween(from, to) + 1;
  return { from: addDays(from, -days), to: addDays(from, -1) };
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

export function figureRows(current: Record<string, PlatformFigures>, previous: Record<string, PlatformFigures | undefined>): FigureRow[] {
  return Object.keys(current)
    .sort()
    .flatMap((platform) =>
      FIGURE_METRICS.map((metric): FigureRow => {
        const c = current[platform]?.[metric] ?? null;
        const p = previous[platform]?.[metric] ?? null;
        const change = c !== null && p !== null ? round(c - p, 4) : null;
        return { platform, metric, current: c, previous: p, change, change_pct: change !== null && p ? round((change / Math.abs(p)) * 100, 2) : null };
      }),
    );
}

/** Runs of at least `minDays` days without a post; `postDates` are local dates (any order, repeats allowed). */
export function quietSpells(postDates: readonly string[], from: string, to: string, minDays: number): { from: string; to: string; days: number }[] {
  const dates = [...new Set(postDates.filter((d) => d >= from && d <= to))].sort();
  const out: { from: string; to: string; days: number }[] = [];
  let start = from;
  for (const d of [...dates, addDays(to, 1)]) {
    const days = daysBetween(start, d);
    if (days >= minDays) out.push({ from: start, to: addDays(d, -1), days });
    start = addDays(d, 1);
  }
  return out;
}

/** The agenda items a generated agenda starts with, in the order the meeting goes through them. */
export const AGENDA_SECTIONS = ['figures', 'posts', 'gaps', 'peers', 'open_actions'] as const;
export type AgendaSection = (typeof AGENDA_SECTIONS)[number];
