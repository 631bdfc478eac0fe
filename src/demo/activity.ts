// One account's generated life: daily snapshots, its posts and one measurement of each post.
import type { PostMetricRow, PostRow, SnapshotRow } from '../db/schema.ts';
import type { Platform, PostType } from '../core/platforms.ts';
import { Rng } from './random.ts';
import { followerSeries } from './audience.ts';
import { postIdentity } from './ids.ts';
import { memberText, sniminText, type TextContext } from './texts.ts';
import { MEDIAN_FOLLOWERS, TYPE_MIX, type AccountProfile } from './plan.ts';

export interface AccountActivity {
  snapshots: SnapshotRow[];
  posts: PostRow[];
  metrics: PostMetricRow[];
}

/** Median engagements per post / followers of an ordinary member (the targets of the demo). */
export const ENGAGEMENT_RATE: Readonly<Record<string, number>> = {
  facebook: 0.0006, instagram: 0.005, x: 0.00035, youtube: 0.015, linkedin: 0.002,
};
// Rounding small counts, the follower-size effect and posts measured before they settle pull the
// median a little below the expected rate; this factor (measured at scale 1) puts it back on target.
const CALIBRATION = 1.1;
const TYPE_EFFECT: Readonly<Record<PostType, number>> = {
  image: 1, carousel: 1.25, reel: 1.4, story: 1, video: 1.1, short: 0.9, live: 0.8, link: 0.6, text: 0.75,
};
// Divides out the type mix so that the platform's median stays at its target.
const MIX_MEAN: Record<string, number> = Object.fromEntries(
  Object.entries(TYPE_MIX).map(([p, mix]) => [p, mix.reduce((s, [t, w]) => s + w * TYPE_EFFECT[t], 0) / mix.reduce((s, [, w]) => s + w, 0)]),
);
const SPLIT: Readonly<Record<string, readonly number[]>> = {
  // likes, comments, shares, quotes
  facebook: [0.78, 0.09, 0.13, 0],
  instagram: [0.96, 0.04, 0, 0],
  x: [0.72, 0.07, 0.17, 0.04],
  youtube: [0.94, 0.06, 0, 0],
  linkedin: [0.86, 0.07, 0.07, 0],
};
/** Views as a share of followers, by type (null: the platform shows none). */
const VIEW_RATE: Readonly<Record<string, Partial<Record<PostType, number>>>> = {
  facebook: { video: 0.08, live: 0.05 },
  instagram: { reel: 0.35, story: 0.06 },
  x: { video: 0.2, text: 0.1, image: 0.12, link: 0.08 },
  youtube: { video: 0.25, short: 0.6, live: 0.1 },
  linkedin: { video: 0.1 },
};
const REACH_RATE: Readonly<Record<string, number>> = { facebook: 0.12, instagram: 0.3, linkedin: 0.2 };
/** X has shown view counts on every post since December 2022. */
const X_VIEWS_FROM = Date.parse('2022-12-22T00:00:00Z');
const HOURS: readonly (readonly [number, number])[] = [
  [7, 2], [8, 5], [9, 9], [10, 10], [11, 8], [12, 6], [13, 7], [14, 7], [15, 6], [16, 5], [17, 4], [18, 5], [19, 7], [20, 6], [21, 3],
];
const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

const dateCache: string[] = [];
/** The YYYY-MM-DD of a day counted from 1970-01-01: cached, as every account walks the same days. */
function dateOfEpochDay(day: number): string {
  let d = dateCache[day];
  if (d === undefined) dateCache[day] = d = new Date(day * DAY_MS).toISOString().slice(0, 10);
  return d;
}

const offsetCache = new Map<string, number>();
const offsetFormats = new Map<string, Intl.DateTimeFormat>();
/** The zone's UTC offset in minutes around the middle of the month (an hour off near DST changes is fine for demo times). */
function zoneOffsetMinutes(zone: string, date: string): number {
  const key = `${zone}|${date.slice(0, 7)}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    let format = offsetFormats.get(zone);
    if (!format) offsetFormats.set(zone, (format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })));
    const name = format
      .formatToParts(new Date(`${date.slice(0, 7)}-15T12:00:00Z`))
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    offset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
    offsetCache.set(key, offset);
  }
  return offset;
}

export interface ActivityContext {
  seed: number;
  today: string;
  /** Id of this account's first post. */
  firstPostId: number;
  mentionPool: readonly string[];
}

export function accountActivity(p: AccountProfile, ctx: ActivityContext): AccountActivity {
  const key = [p.platform, p.account.handle_key];
  const followers = followerSeries(p.audience, p.firstDate, ctx.today, Rng.for(ctx.seed, 'audience', ...key));
  const rng = Rng.for(ctx.seed, 'posts', ...key);
  const asOf = Date.parse(`${ctx.today}T00:00:00Z`);
  const days = followers.length;
  const postsOnDay = new Int32Array(days);
  const viewsOnDay = new Float64Array(days);
  const posts: PostRow[] = [];
  const metrics: PostMetricRow[] = [];
  const text: TextContext = {
    platform: p.platform,
    mentionPool: ctx.mentionPool.filter((h) => h.toLowerCase() !== p.account.handle_key),
    mentionShare: p.mentionShare,
  };
  const median = MEDIAN_FOLLOWERS[p.platform] ?? 1000;
  const firstMs = Date.parse(`${p.firstDate}T00:00:00Z`);
  const firstEpochDay = Math.round(firstMs / DAY_MS);
  const times: number[] = [];
  let month = '-'; // no date starts with it
  let offset = 0;

  for (let d = 0; d < days; d++) {
    const dayMs = firstMs + d * DAY_MS;
    const weekday = (firstEpochDay + d + 4) % 7; // 0 = Sunday
    const n = rng.poisson(p.postsPerDay * (weekday === 0 || weekday === 6 ? 0.45 : 1.2));
    if (n === 0) continue;
    const date = dateOfEpochDay(firstEpochDay + d);
    if (!date.startsWith(month)) {
      month = date.slice(0, 7);
      offset = zoneOffsetMinutes(p.org.timezone, date) * 60_000;
    }
    times.length = 0;
    for (let i = 0; i < n; i++) {
      times.push(dayMs + rng.weighted(HOURS) * 3_600_000 + rng.int(0, 3599) * 1000 - offset);
    }
    times.sort((a, b) => a - b);
    const f = followers[d] ?? 0;
    for (const publishedMs of times) {
      if (publishedMs >= asOf) continue;
      const type = rng.weighted(p.typeMix);
      const seq = posts.length;
      const id = ctx.firstPostId + seq;
      const ident = postIdentity(p.platform, type, p.account.handle, p.index, seq, publishedMs, p.account.external_id);
      const measuredMs = Math.min(publishedMs + WEEK_MS, asOf);
      const measuredAt = new Date(measuredMs).toISOString();
      posts.push({
        id, account_id: p.account.id, platform: p.platform, post_id: ident.postId,
        published_at: new Date(publishedMs).toISOString(), type,
        text: p.persona === 'snimin' ? sniminText(rng, text) : memberText(rng, text),
        media_count: mediaCount(rng, p.platform, type), permalink: ident.permalink, created_at: measuredAt,
      });
      const m = measure(rng, p, type, f, median, publishedMs, measuredMs);
      m.post_id = id;
      m.measured_at = measuredAt;
      metrics.push(m);
      postsOnDay[d] = (postsOnDay[d] ?? 0) + 1;
      viewsOnDay[d] = (viewsOnDay[d] ?? 0) + (m.views ?? 0);
    }
  }
  return { snapshots: snapshots(p, firstEpochDay, followers, postsOnDay, viewsOnDay, rng), posts, metrics };
}

function mediaCount(rng: Rng, platform: Platform, type: PostType): number {
  switch (type) {
    case 'carousel': return rng.int(2, 10);
    case 'image': return platform === 'facebook' && rng.chance(0.2) ? rng.int(2, 4) : 1;
    case 'text':
    case 'link': return 0;
    default: return 1;
  }
}

function measure(rng: Rng, p: AccountProfile, type: PostType, f: number, median: number, publishedMs: number, measuredMs: number): PostMetricRow {
  const platform = p.platform;
  const sizeEffect = Math.min(2.5, Math.max(0.4, Math.pow(Math.max(f, 1) / median, -0.15)));
  const maturity = 1 - Math.exp(-(measuredMs - publishedMs) / 72_000_000); // about 20 hours to settle
  const rate = ((ENGAGEMENT_RATE[platform] ?? 0.001) * CALIBRATION * TYPE_EFFECT[type]) / (MIX_MEAN[platform] ?? 1);
  const expected = f * rate * p.engagement * sizeEffect * maturity * rng.lognormal(0, 0.6);
  const split = SPLIT[platform] ?? [1, 0, 0, 0];
  const part = (i: number) => rng.roundStochastic(expected * (split[i] ?? 0) * rng.lognormal(0, 0.25));
  const hidden = type === 'story'; // stories show no public likes or comments
  const viewRate = VIEW_RATE[platform]?.[type];
  const showsViews = viewRate !== undefined && (platform !== 'x' || publishedMs >= X_VIEWS_FROM);
  const views = showsViews ? Math.round(f * viewRate * maturity * Math.sqrt(p.engagement) * rng.lognormal(0, 0.8)) : null;
  const m: PostMetricRow = {
    post_id: 0, measured_at: '',
    likes: hidden ? null : part(0),
    comments: hidden ? null : part(1),
    shares: (split[2] ?? 0) > 0 ? part(2) : null,
    quotes: (split[3] ?? 0) > 0 ? part(3) : null,
    saves: null, views, impressions: null, reach: null,
  };
  if (p.account.owned) {
    // Owners see their insights: reach and impressions (and saves on Instagram).
    const reachRate = REACH_RATE[platform];
    if (reachRate !== undefined) {
      const reach = Math.max(Math.round(f * reachRate * maturity * rng.lognormal(0, 0.5)), (m.likes ?? 0) + (m.comments ?? 0));
      m.reach = reach;
      m.impressions = Math.round(reach * (1.15 + 0.5 * rng.next()));
    } else if (platform === 'youtube') {
      m.impressions = Math.round((views ?? 0) * (8 + 7 * rng.next()));
    } else {
      m.impressions = Math.round(f * 0.15 * maturity * rng.lognormal(0, 0.6));
    }
    if (platform === 'instagram') m.saves = rng.roundStochastic(expected * 0.05);
  }
  return m;
}

function snapshots(p: AccountProfile, firstEpochDay: number, followers: Float64Array, postsOnDay: Int32Array, viewsOnDay: Float64Array, rng: Rng): SnapshotRow[] {
  const out: SnapshotRow[] = [];
  const tracksFollowing = p.platform === 'x' || p.platform === 'instagram';
  let following = tracksFollowing ? rng.int(80, 900) : 0;
  let postsTotal = rng.int(50, 1500);
  let viewsTotal = p.platform === 'youtube' ? Math.round((followers[0] ?? 0) * rng.int(20, 80)) : 0;
  const total = followers.length;
  for (let d = 0; d < total; d++) {
    const date = dateOfEpochDay(firstEpochDay + d);
    postsTotal += postsOnDay[d] ?? 0;
    viewsTotal += Math.round(viewsOnDay[d] ?? 0);
    if (tracksFollowing && rng.chance(0.02)) following += 1;
    out.push({
      account_id: p.account.id, date, followers: followers[d] ?? 0,
      following: tracksFollowing ? following : null, posts_total: postsTotal,
      views_total: p.platform === 'youtube' ? viewsTotal : null, source: 'demo', recorded_at: `${date}T12:00:00.000Z`,
    });
  }
  return out;
}

