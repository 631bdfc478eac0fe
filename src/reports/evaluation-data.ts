// The figures an evaluation pack is built from; gathered by actions/report-data.ts, rendered by evaluation.ts.
import type { MetricSet, Pillar } from '../core/metrics/index.ts';
import type { Platform, PostType } from '../core/platforms.ts';
import type { TimeCell } from '../core/analytics/insights.ts';

export interface ReportPost {
  platform: Platform;
  handle: string;
  date: string;
  type: PostType;
  text: string | null;
  engagements: number | null;
  er: number | null;
}

export interface IntervalPoint {
  start: string;
  end: string;
}

export interface PeerPosition {
  group: string;
  name: string;
  kind: 'peer' | 'network';
  members: number;
  /** Per platform of the organisation: its percentile per pillar (absent: no value) and composite. */
  platforms: Partial<Record<Platform, { percentiles: Partial<Record<Pillar, number>>; composite: number | null }>>;
}

/** Responsiveness of one account (or all together) in the period: docs/inbox.md. */
export interface InboxLine {
  entries: number;
  answered: number;
  response_rate: number | null;
  median_first_reply_minutes: number | null;
}

export interface EvaluationData {
  org: { code: string; name: string; timezone: string; synthetic: boolean };
  from: string;
  to: string;
  prevFrom: string;
  prevTo: string;
  /** The organisation's platforms, in display order. */
  platforms: Platform[];
  current: Partial<Record<Platform, MetricSet>>;
  previous: Partial<Record<Platform, MetricSet>>;
  /** Follower summary paragraph (house style) for the period. */
  summary: string;
  interval: 'day' | 'week' | 'month';
  buckets: IntervalPoint[];
  followers: Partial<Record<Platform, (number | null)[]>>;
  posts: Partial<Record<Platform, number[]>>;
  er: Partial<Record<Platform, (number | null)[]>>;
  typeCounts: Partial<Record<Platform, Partial<Record<PostType, number>>>>;
  mentioned: { platform: Platform; handle: string; count: number }[];
  top: ReportPost[];
  bottom: ReportPost[];
  bestTimes: TimeCell[][];
  peers: PeerPosition[];
  /** Comments and mentions answered; absent when no account of the organisation has an inbox. */
  inbox?: { accounts: (InboxLine & { platform: Platform; handle: string })[]; total: InboxLine } | undefined;
}
