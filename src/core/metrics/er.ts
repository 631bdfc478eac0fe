// The engagement rate of a set of posts under each method vendors disagree on (METRICS.md, Engagement).
import { erPost } from './engagement.ts';
import type { PeriodPost } from './posts.ts';
import type { ErMethod } from './types.ts';

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Sum of engagements / number of posts with known engagements; null when none is known. */
export function engagementsPerPost(posts: readonly PeriodPost[]): number | null {
  let sum = 0;
  let n = 0;
  for (const p of posts) {
    if (p.engagements === null) continue;
    sum += p.engagements;
    n++;
  }
  return n === 0 ? null : sum / n;
}

function perPostRates(posts: readonly PeriodPost[], method: Exclude<ErMethod, 'ratio'>): number[] {
  const rates: number[] = [];
  for (const p of posts) {
    const denominator = method === 'mean' ? p.followers : p.counts[method];
    const rate = erPost(p.engagements, denominator);
    if (rate !== null) rates.push(rate);
  }
  return rates;
}

/**
 * er over pooled posts. `meanFollowers` is only read by method `ratio`: the mean over the days of P
 * of the (summed) followers, days without any value skipped.
 */
export function periodEr(posts: readonly PeriodPost[], method: ErMethod, meanFollowers: number | null): number | null {
  if (method !== 'ratio') return mean(perPostRates(posts, method));
  const perPost = engagementsPerPost(posts);
  if (perPost === null || meanFollowers === null || meanFollowers === 0) return null;
  return (perPost / meanFollowers) * 100;
}
