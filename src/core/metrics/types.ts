// The plain input and output shapes of the metrics core (METRICS.md), shared by every calculator here.
import type { Platform, PostType } from '../platforms.ts';

export const COUNT_NAMES = ['likes', 'comments', 'shares', 'quotes', 'saves', 'views', 'impressions', 'reach'] as const;
export type CountName = (typeof COUNT_NAMES)[number];

/** A post's latest measurement; a missing or null count means "unknown", never 0. */
export type PostCounts = Partial<Record<CountName, number | null>>;

export interface PostInput {
  /** ISO-8601 instant with Z or an offset. */
  publishedAt: string;
  type: PostType;
  text?: string | null;
  counts: PostCounts;
}

export interface FollowerSnapshot {
  /** YYYY-MM-DD in the organisation's zone. */
  date: string;
  followers: number;
}

export interface AccountInput {
  /** Without a leading @; compared without case. */
  handle: string;
  platform: Platform;
  /** The organisation's IANA zone: it decides which local date a post belongs to. */
  timezone: string;
  /** Sorted by date ascending (an unsorted list is sorted on a copy). */
  snapshots: readonly FollowerSnapshot[];
  posts: readonly PostInput[];
}

/** Inclusive local dates YYYY-MM-DD. */
export interface Period {
  from: string;
  to: string;
}

export const ER_METHODS = ['mean', 'ratio', 'reach', 'impressions', 'views'] as const;
export type ErMethod = (typeof ER_METHODS)[number];

export type Baseline = 'partial' | 'full';

/** Every metric of METRICS.md for one account, or one organisation on one platform; unrounded. */
export interface MetricSet {
  start: number | null;
  end: number | null;
  growth: number | null;
  growth_pct: number | null;
  weekly_growth_pct: number | null;
  baseline: Baseline;
  posts: number | null;
  posts_per_week: number | null;
  engagements_per_post: number | null;
  er: number | null;
  visual_share: number | null;
  video_share: number | null;
  mention_share: number | null;
  accounts_mentioned: number | null;
  /** Same as `end`: the audience at the end of the period. */
  followers: number | null;
}

export const NUMERIC_METRICS = [
  'start', 'end', 'growth', 'growth_pct', 'weekly_growth_pct', 'posts', 'posts_per_week',
  'engagements_per_post', 'er', 'visual_share', 'video_share', 'mention_share', 'accounts_mentioned', 'followers',
] as const;
export type NumericMetric = (typeof NUMERIC_METRICS)[number];
