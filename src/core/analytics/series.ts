// Time series over calendar buckets: followers as of each bucket's last day, posts and mean ER per bucket.
import { followersAsOf, sortedByDate, type FollowerSnapshot } from '../metrics/index.ts';
import { bucketIndex, bucketDays, type Bucket } from './buckets.ts';
import type { AnalysedPost } from './posts.ts';

export interface SeriesPoint {
  start: string;
  end: string;
  value: number | null;
}

/** followers(a, end of bucket) for each bucket. */
export function followerSeries(snapshots: readonly FollowerSnapshot[], list: readonly Bucket[]): SeriesPoint[] {
  const sorted = sortedByDate(snapshots);
  return list.map((b) => ({ start: b.start, end: b.end, value: followersAsOf(sorted, b.end) }));
}

/** Point-wise sum; an unknown value is left out, a bucket where all are unknown stays null. */
export function sumSeries(series: readonly SeriesPoint[][]): SeriesPoint[] {
  const first = series[0];
  if (!first) return [];
  return first.map((p, i) => {
    let value: number | null = null;
    for (const s of series) {
      const v = s[i]?.value;
      if (v !== null && v !== undefined) value = (value ?? 0) + v;
    }
    return { start: p.start, end: p.end, value };
  });
}

export interface ActivityPoint {
  start: string;
  end: string;
  posts: number;
  posts_per_week: number;
  /** Mean of the posts' ER (method mean); null without any. */
  er: number | null;
  engagements: number;
}

export function activitySeries(posts: readonly AnalysedPost[], list: readonly Bucket[]): ActivityPoint[] {
  const acc = list.map(() => ({ posts: 0, erSum: 0, erN: 0, engagements: 0 }));
  for (const p of posts) {
    const i = bucketIndex(list, p.date);
    const a = acc[i];
    if (!a) continue;
    a.posts++;
    if (p.engagements !== null) a.engagements += p.engagements;
    if (p.er !== null) {
      a.erSum += p.er;
      a.erN++;
    }
  }
  return list.map((b, i) => {
    const a = acc[i] ?? { posts: 0, erSum: 0, erN: 0, engagements: 0 };
    return {
      start: b.start,
      end: b.end,
      posts: a.posts,
      posts_per_week: (a.posts / bucketDays(b)) * 7,
      er: a.erN ? a.erSum / a.erN : null,
      engagements: a.engagements,
    };
  });
}
