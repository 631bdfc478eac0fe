// Calendar buckets (day, ISO week from Monday, month) that split a period of local dates.
import { addDays, daysBetween } from '../time.ts';

export const INTERVALS = ['day', 'week', 'month'] as const;
export type Interval = (typeof INTERVALS)[number];

export interface Bucket {
  /** First date of the bucket inside the period (a partial first bucket starts at `from`). */
  start: string;
  /** Last date of the bucket inside the period. */
  end: string;
}

function weekday(date: string): number {
  // 0 = Monday ... 6 = Sunday
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

function nextBucketStart(date: string, interval: Interval): string {
  if (interval === 'day') return addDays(date, 1);
  if (interval === 'week') return addDays(date, 7 - weekday(date));
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

export function buckets(from: string, to: string, interval: Interval): Bucket[] {
  const out: Bucket[] = [];
  for (let start = from; start <= to; ) {
    const next = nextBucketStart(start, interval);
    const end = addDays(next, -1) < to ? addDays(next, -1) : to;
    out.push({ start, end });
    start = next;
  }
  return out;
}

/** Index of the bucket holding a date, by binary search over the bucket starts; -1 outside. */
export function bucketIndex(list: readonly Bucket[], date: string): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = list[mid];
    if (!b) return -1;
    if (date < b.start) hi = mid - 1;
    else if (date > b.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

export function bucketDays(b: Bucket): number {
  return daysBetween(b.start, b.end) + 1;
}
