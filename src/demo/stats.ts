// Summary figures of generated activity, for tests and the demo's own sanity checks.
import { localDate } from '../core/time.ts';
import { engagements } from '../core/metrics/engagement.ts';
import type { AccountProfile } from './plan.ts';
import type { AccountActivity } from './activity.ts';


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
  const rates: number[] = [];
  for (const post of a.posts) {
    const m = metricsOf.get(post.id);
    const f = followersOn.get(localDate(post.published_at, profile.org.timezone));
    if (!m || !f) continue;
    const e = engagements(profile.platform, m);
    if (e !== null) rates.push(e / f);
  }
  return median(rates);
}
