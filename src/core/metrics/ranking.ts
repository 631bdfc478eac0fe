// Where each participant stands in its group on one metric: rank, percentile and z (METRICS.md, Benchmarks).
import { groupStats } from './stats.ts';

export interface Standing {
  /** Competition rank, highest value first; ties share the lowest rank (1, 2, 2, 4). */
  rank: number;
  /** (below + 0.5 * equal) / n * 100, equal counting the participant itself. */
  percentile: number;
  /** (value - mean) / population sd; null when sd is 0. */
  z: number | null;
}

/** Index of the first element >= v (strict: the first > v) in an ascending list. */
function bound(sorted: readonly number[], v: number, strict: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const m = sorted[mid] ?? v;
    if (m < v || (strict && m === v)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One standing per input value, in input order; a null value is no participant and gets null. */
export function standings(values: readonly (number | null)[]): (Standing | null)[] {
  const stats = groupStats(values);
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  const n = sorted.length;
  return values.map((value) => {
    if (value === null) return null;
    const below = bound(sorted, value, false);
    const notAbove = bound(sorted, value, true);
    const equal = notAbove - below;
    const z = stats.sd === null || stats.sd === 0 || stats.mean === null ? null : (value - stats.mean) / stats.sd;
    return { rank: n - notAbove + 1, percentile: ((below + 0.5 * equal) / n) * 100, z };
  });
}
