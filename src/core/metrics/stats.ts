// Descriptive statistics of a benchmark group (METRICS.md, Benchmarks): quartiles, mean, population sd.
import { Invalid } from '../errors.ts';

export interface GroupStats {
  n: number;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
  mean: number | null;
  sd: number | null;
}

/** The non-null values; a NaN or infinite value is a bug upstream, so it fails loudly here. */
export function participantValues(values: readonly (number | null)[]): number[] {
  const out: number[] = [];
  for (const v of values) {
    if (v === null) continue;
    if (!Number.isFinite(v)) throw new Invalid(`benchmark values must be finite numbers, got ${v}`);
    out.push(v);
  }
  return out;
}

export function sortAscending(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** Linear interpolation at position (n - 1) * q, counted from 0 (R type 7, NumPy's default). */
export function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const below = sorted[lo];
  if (below === undefined) throw new Invalid('quantile of an empty list');
  const above = sorted[Math.min(lo + 1, sorted.length - 1)] ?? below;
  const frac = pos - lo;
  // On an order statistic, return it as is so no rounding creeps in.
  return frac === 0 ? below : below + frac * (above - below);
}

export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Population sd; exactly 0 when all values are equal, where float rounding of the mean could leave noise. */
export function populationSd(values: readonly number[], avg: number, min: number, max: number): number {
  if (min === max) return 0;
  let sq = 0;
  for (const v of values) sq += (v - avg) ** 2;
  return Math.sqrt(sq / values.length);
}

export function groupStats(values: readonly (number | null)[]): GroupStats {
  const sorted = sortAscending(participantValues(values));
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  if (min === undefined || max === undefined) {
    return { n: 0, min: null, q1: null, median: null, q3: null, max: null, mean: null, sd: null };
  }
  const avg = mean(sorted);
  return {
    n: sorted.length,
    min,
    q1: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    q3: quantile(sorted, 0.75),
    max,
    mean: avg,
    sd: populationSd(sorted, avg, min, max),
  };
}
