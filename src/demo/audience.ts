// Daily follower series: smooth, noisy, mostly rising; anchored series pass exactly through given values.
import { daysBetween } from '../core/time.ts';
import type { Rng } from './random.ts';
import type { Audience } from './plan.ts';

/** Followers for each day from `first` to `today` (index 0 = first); empty when today is before first. */
export function followerSeries(audience: Audience, first: string, today: string, rng: Rng): Float64Array {
  const days = daysBetween(first, today) + 1;
  if (days <= 0) return new Float64Array(0);
  return audience.kind === 'anchored'
    ? anchoredSeries(audience.anchors, first, days, rng)
    : growthSeries(audience.start, audience.annualGrowth, days, rng);
}

/**
 * Between two anchors the daily gains follow the log-linear trend times log-normal noise, rescaled so
 * that they add up to the anchors' difference: the series meets every anchor exactly and, when the
 * anchors rise, never falls. Each segment draws the same numbers whatever `today` is.
 */
function anchoredSeries(anchors: readonly (readonly [string, number])[], first: string, days: number, rng: Rng): Float64Array {
  const out = new Float64Array(days);
  const [start] = anchors;
  if (!start) return out;
  const offset = daysBetween(first, start[0]);
  const put = (day: number, value: number) => {
    const i = day + offset;
    if (i >= 0 && i < days) out[i] = value;
  };
  put(0, start[1]);
  let day = 0;
  let last = start[1];
  let dailyRate = 0;
  for (let k = 1; k < anchors.length; k++) {
    const a = anchors[k - 1];
    const b = anchors[k];
    if (!a || !b) break;
    const n = daysBetween(a[0], b[0]);
    const v0 = a[1];
    const v1 = b[1];
    dailyRate = v0 > 0 && v1 > 0 ? Math.log(v1 / v0) / n : 0;
    const weights = new Float64Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const w = Math.exp(dailyRate * i) * rng.lognormal(0, 0.6) * (rng.chance(0.01) ? 6 : 1);
      weights[i] = w;
      total += w;
    }
    let cum = 0;
    for (let i = 0; i < n; i++) {
      cum += weights[i] ?? 0;
      put(day + i + 1, i === n - 1 ? v1 : v0 + Math.round(((v1 - v0) * cum) / total));
    }
    day += n;
    last = v1;
  }
  // After the last anchor the last segment's rate continues.
  let value = last;
  for (let i = day + 1; i + offset < days; i++) {
    value += value * dailyRate * rng.lognormal(-0.18, 0.6);
    put(i, Math.round(value));
  }
  return out;
}

/** Compound growth at a yearly rate with day-to-day noise and the odd burst (a post that travelled). */
function growthSeries(start: number, annualGrowth: number, days: number, rng: Rng): Float64Array {
  const out = new Float64Array(days);
  const rate = Math.log(1 + annualGrowth) / 365;
  let value = start;
  for (let i = 0; i < days; i++) {
    if (i > 0) {
      value += value * rate * rng.lognormal(-0.32, 0.8);
      if (rng.chance(0.004)) value += value * rng.lognormal(Math.log(0.01), 0.8);
      if (value < 0) value = 0;
    }
    out[i] = Math.round(value);
  }
  return out;
}
