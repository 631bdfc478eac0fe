// Summary figures of generated activity, for tests and the demo's own sanity checks.
import { localDate } from '../core/time.ts';
import type { AccountProfile } from './plan.ts';
import type { AccountActivity } from './activity.ts';

/** METRICS.md engagements from one measurement (null when every count of the formula is missing). */
const FORMULA: Readonly<Record<string, readonly ('likes' | 'comments' | 'shares' | 'quotes' | 'saves')[]>> = {
  facebook: ['likes', 'comments', 'shares'],
  instagram: ['likes', 'comments'],
  x: ['likes', 'comments', 'shares', 'quotes'],
  youtube: ['likes', 'comments'],
  tiktok: ['likes', 'comments', 'shares', 'saves'],
  linkedin: ['likes', 'comments', 'shares'],
};

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = (s.length - 1) / 2;
  return ((s[Math.floor(mid)] ?? 0) + (s[Math.ceil(mid)] ?? 0)) / 2;
}

/** The median over an account's posts of engagements / followers on the post's local date (a fraction). */
export function medianEngagementRate(profile: AccountProfile, a: AccountActivity): number | undefined {
  const followersOn = new Map(a.snapshots.map((s) => [s.date, s.followers]));
  const metricsOf = new Map(a.metrics.map((m) => [m.post_id, m]));
  const formula = FORMULA[profile.platform] ?? [];
  const rates: number[] = [];
  for (const post of a.posts) {
    const m = metricsOf.get(post.id);
    const f = followersOn.get(localDate(post.published_at, profile.org.timezone));
    if (!m || !f) continue;
    const counts = formula.map((k) => m[k]);
    if (counts.every((c) => c === null)) continue;
    rates.push(counts.reduce<number>((s, c) => s + (c ?? 0), 0) / f);
  }
  return median(rates);
}
