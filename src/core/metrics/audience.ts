// Follower counts as of a date and their growth over a period (METRICS.md, Audience).
import { periodSpan } from './period.ts';
import type { Baseline, FollowerSnapshot, Period } from './types.ts';

/** The list itself when sorted by date, else a sorted copy: callers may pass database order. */
export function sortedByDate(snapshots: readonly FollowerSnapshot[]): readonly FollowerSnapshot[] {
  for (let i = 1; i < snapshots.length; i++) {
    const prev = snapshots[i - 1];
    const cur = snapshots[i];
    if (prev && cur && prev.date > cur.date) return [...snapshots].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }
  return snapshots;
}

/** Index of the latest snapshot dated <= date in a sorted list, or -1. */
export function lastIndexAtOrBefore(sorted: readonly FollowerSnapshot[], date: string): number {
  let lo = 0;
  let hi = sorted.length; // invariant: answer + 1 lies in [lo, hi]
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const snap = sorted[mid];
    if (snap && snap.date <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** followers(a, d): the latest snapshot dated <= d; null if none. Snapshots sorted by date. */
export function followersAsOf(sorted: readonly FollowerSnapshot[], date: string): number | null {
  return sorted[lastIndexAtOrBefore(sorted, date)]?.followers ?? null;
}

export interface GrowthFigures {
  growth: number | null;
  growth_pct: number | null;
  weekly_growth_pct: number | null;
}

export interface AudienceFigures extends GrowthFigures {
  start: number | null;
  end: number | null;
  baseline: Baseline;
}

export function growthPct(growth: number | null, start: number | null): number | null {
  if (growth === null || start === null || start === 0) return null;
  return (growth / start) * 100;
}

/** Compound weekly rate: ((end / start) ^ (7 / span) - 1) * 100, span = to - from in days. */
export function weeklyGrowthPct(start: number | null, end: number | null, span: number): number | null {
  if (start === null || end === null || start === 0 || span === 0) return null;
  return ((end / start) ** (7 / span) - 1) * 100;
}

export function growthFigures(start: number | null, end: number | null, span: number): GrowthFigures {
  const growth = start === null || end === null ? null : end - start;
  return { growth, growth_pct: growthPct(growth, start), weekly_growth_pct: weeklyGrowthPct(start, end, span) };
}

/** start, end and growth of one account over P; snapshots sorted by date. */
export function audienceOverPeriod(sorted: readonly FollowerSnapshot[], period: Period): AudienceFigures {
  let start = followersAsOf(sorted, period.from);
  let baseline: Baseline = 'full';
  // With no snapshot on or before `from`, the first snapshot (if inside P) is the best baseline
  // we have; "partial" tells readers the growth covers less than the whole period.
  const first = sorted[0];
  if (start === null && first && first.date <= period.to) {
    start = first.followers;
    baseline = 'partial';
  }
  const end = followersAsOf(sorted, period.to);
  return { start, end, baseline, ...growthFigures(start, end, periodSpan(period)) };
}
