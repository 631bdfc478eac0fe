// Followers on every day of a period, built by one walk over sorted snapshots (no per-day search).
import { daysBetween } from '../time.ts';
import { lastIndexAtOrBefore } from './audience.ts';
import { periodDays } from './period.ts';
import type { FollowerSnapshot, Period } from './types.ts';

/** followers(a, d) for each day d of P, index 0 = from; null before the first snapshot. */
export function dailyFollowers(sorted: readonly FollowerSnapshot[], period: Period): (number | null)[] {
  const days = periodDays(period);
  const out = new Array<number | null>(days).fill(null);
  let i = lastIndexAtOrBefore(sorted, period.from);
  let current = sorted[i]?.followers ?? null;
  let day = 0;
  for (i += 1; i < sorted.length; i++) {
    const snap = sorted[i];
    if (!snap) break;
    const offset = daysBetween(period.from, snap.date);
    if (offset >= days) break;
    // Several snapshots may share a date; the last one wins, as in followersAsOf.
    for (; day < offset; day++) out[day] = current;
    current = snap.followers;
  }
  for (; day < days; day++) out[day] = current;
  return out;
}

/** Per-day sum over accounts; an account without a value that day is left out, a day where none has one stays null. */
export function sumDaily(series: readonly (readonly (number | null)[])[], days: number): (number | null)[] {
  const out = new Array<number | null>(days).fill(null);
  for (const values of series) {
    for (let d = 0; d < days; d++) {
      const v = values[d];
      if (v === null || v === undefined) continue;
      out[d] = (out[d] ?? 0) + v;
    }
  }
  return out;
}

/** Mean over the days that have a value; null when none has. */
export function meanOfKnown(values: readonly (number | null)[]): number | null {
  let sum = 0;
  let n = 0;
  for (const v of values) {
    if (v === null) continue;
    sum += v;
    n++;
  }
  return n === 0 ? null : sum / n;
}
