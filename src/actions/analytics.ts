// Use cases for an organisation's analytics: time series, top posts, best times, breakouts, data gaps.
import { z } from 'zod';
import { buckets, INTERVALS } from '../core/analytics/buckets.ts';
import { dataGaps, type Gap } from '../core/analytics/gaps.ts';
import { bestTimes, breakouts, topPosts, type TimeCell } from '../core/analytics/insights.ts';
import { analysePosts, type AnalysedPost } from '../core/analytics/posts.ts';
import { activitySeries, followerSeries, sumSeries, type ActivityPoint, type SeriesPoint } from '../core/analytics/series.ts';
import { addDays } from '../core/time.ts';
import { accountsOfOrganizations } from '../db/queries/metrics.ts';
import { parseInput, type Actor, type Deps } from './context.ts';
import { localDate, orgCode, platform } from './fields.ts';
import { loadAccountData, type AccountData } from './load.ts';
import { checkPeriod } from './metrics.ts';
import { requireOrganization } from './organizations.ts';

const base = { org: orgCode, from: localDate, to: localDate, platform: platform.optional() };

async function load(deps: Deps, i: { org: string; from: string; to: string; platform?: string | undefined }, historyFrom?: string) {
  checkPeriod(i.from, i.to);
  const org = await requireOrganization(deps, i.org);
  const accounts = await accountsOfOrganizations(deps.db.kysely, [org.id], i.platform);
  const data = await loadAccountData(deps, accounts, () => org.timezone, i.from, i.to, historyFrom ?? i.from);
  return { org, accounts: [...data.values()] };
}

function periodPosts(accounts: AccountData[], from: string, to: string): AnalysedPost[] {
  return accounts.flatMap((a) => analysePosts(a, a.posts)).filter((p) => p.date >= from && p.date <= to);
}

export const seriesInput = z.object({ ...base, interval: z.enum(INTERVALS).default('day') });

export interface FollowerSeriesReport {
  org: string;
  from: string;
  to: string;
  interval: string;
  accounts: { platform: string; handle: string; points: SeriesPoint[] }[];
  platforms: Record<string, SeriesPoint[]>;
  /** Sum over platforms: the "total audience". */
  total: SeriesPoint[];
}

export async function followerSeriesReport(_actor: Actor, input: unknown, deps: Deps): Promise<FollowerSeriesReport> {
  const i = parseInput(seriesInput, input);
  return deps.results.get(deps.db, `followerSeriesReport:${JSON.stringify(i)}`, async () => {
    const { org, accounts } = await load(deps, i);
    const list = buckets(i.from, i.to, i.interval);
    const perAccount = accounts.map((a) => ({ platform: a.platform, handle: a.handle, points: followerSeries(a.snapshots, list) }));
    const platforms: Record<string, SeriesPoint[]> = {};
    for (const p of [...new Set(perAccount.map((a) => a.platform))]) {
      platforms[p] = sumSeries(perAccount.filter((a) => a.platform === p).map((a) => a.points));
    }
    return { org: org.code, from: i.from, to: i.to, interval: i.interval, accounts: perAccount, platforms, total: sumSeries(Object.values(platforms)) };
  });
}

export interface ActivityReport {
  org: string;
  from: string;
  to: string;
  interval: string;
  platforms: Record<string, ActivityPoint[]>;
}

export async function activityReport(_actor: Actor, input: unknown, deps: Deps): Promise<ActivityReport> {
  const i = parseInput(seriesInput, input);
  return deps.results.get(deps.db, `activityReport:${JSON.stringify(i)}`, async () => {
    const { org, accounts } = await load(deps, i);
    const list = buckets(i.from, i.to, i.interval);
    const platforms: Record<string, ActivityPoint[]> = {};
    for (const p of [...new Set(accounts.map((a) => a.platform))]) {
      platforms[p] = activitySeries(periodPosts(accounts.filter((a) => a.platform === p), i.from, i.to), list);
    }
    return { org: org.code, from: i.from, to: i.to, interval: i.interval, platforms };
  });
}

export const topPostsInput = z.object({
  ...base,
  by: z.enum(['engagements', 'er']).default('engagements'),
  order: z.enum(['top', 'bottom']).default('top'),
  limit: z.coerce.number().int().min(1).max(100).default(10),
});

export interface PostView {
  platform: string;
  handle: string;
  post_id: string;
  published_at: string;
  date: string;
  type: string;
  text: string | null;
  permalink: string | null;
  engagements: number | null;
  followers: number | null;
  er: number | null;
}

function viewPost(p: AnalysedPost): PostView {
  return {
    platform: p.platform, handle: p.handle, post_id: p.id, published_at: p.publishedAt, date: p.date, type: p.type,
    text: p.text, permalink: p.permalink, engagements: p.engagements, followers: p.followers, er: p.er,
  };
}

export async function topPostsReport(_actor: Actor, input: unknown, deps: Deps): Promise<{ org: string; by: string; order: string; posts: PostView[] }> {
  const i = parseInput(topPostsInput, input);
  const { org, accounts } = await load(deps, i);
  return { org: org.code, by: i.by, order: i.order, posts: topPosts(periodPosts(accounts, i.from, i.to), i.by, i.limit, i.order).map(viewPost) };
}

export const periodInput = z.object(base);

export async function bestTimesReport(_actor: Actor, input: unknown, deps: Deps): Promise<{ org: string; timezone: string; grid: TimeCell[][] }> {
  const i = parseInput(periodInput, input);
  const { org, accounts } = await load(deps, i);
  return { org: org.code, timezone: org.timezone, grid: bestTimes(periodPosts(accounts, i.from, i.to)) };
}

export const breakoutsInput = z.object({ ...base, threshold: z.coerce.number().positive().default(5) });

export async function breakoutsReport(_actor: Actor, input: unknown, deps: Deps) {
  const i = parseInput(breakoutsInput, input);
  return deps.results.get(deps.db, `breakoutsReport:${JSON.stringify(i)}`, async () => {
    const historyFrom = addDays(i.from, -91);
    const { org, accounts } = await load(deps, i, historyFrom);
    const all = accounts.flatMap((a) => analysePosts(a, a.posts)).filter((p) => p.date <= i.to);
    const firstInstant = `${addDays(i.from, -1)}T00:00:00.000Z`;
    const found = breakouts(all, firstInstant, { threshold: i.threshold }).filter((b) => b.post.date >= i.from);
    return {
      org: org.code,
      threshold: i.threshold,
      breakouts: found.map((b) => ({ ...viewPost(b.post), trailing_mean: b.trailing_mean, trailing_sd: b.trailing_sd, sigma: b.sigma })),
    };
  });
}

export async function gapsReport(_actor: Actor, input: unknown, deps: Deps): Promise<{ org: string; accounts: { platform: string; handle: string; missing_days: number; gaps: Gap[] }[] }> {
  const i = parseInput(periodInput, input);
  const { org, accounts } = await load(deps, i);
  return {
    org: org.code,
    accounts: accounts.map((a) => {
      const gaps = dataGaps(a.snapshots.map((s) => s.date).filter((d) => d >= i.from), i.from, i.to);
      return { platform: a.platform, handle: a.handle, missing_days: gaps.reduce((n, g) => n + g.days, 0), gaps };
    }),
  };
}
