// Per-post facts for analysis: local date, weekday and hour, engagements and ER against followers that day.
import type { Platform, PostType } from '../platforms.ts';
import { engagements, erPost, followersAsOf, sortedByDate, type FollowerSnapshot, type PostCounts } from '../metrics/index.ts';
import { localDate } from '../time.ts';

export interface AnalysedPostInput {
  id: string;
  publishedAt: string;
  type: PostType;
  text: string | null;
  permalink: string | null;
  counts: PostCounts;
}

export interface AnalysedPost {
  id: string;
  platform: Platform;
  handle: string;
  publishedAt: string;
  date: string;
  /** 0 = Monday ... 6 = Sunday, in the organisation's zone. */
  weekday: number;
  hour: number;
  type: PostType;
  text: string | null;
  permalink: string | null;
  engagements: number | null;
  followers: number | null;
  er: number | null;
}

const hourFormatters = new Map<string, Intl.DateTimeFormat>();

function localWeekdayHour(instant: string, zone: string): { weekday: number; hour: number } {
  let f = hourFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short', hour: 'numeric', hourCycle: 'h23' });
    hourFormatters.set(zone, f);
  }
  const parts = f.formatToParts(new Date(instant));
  const wd = parts.find((p) => p.type === 'weekday')?.value ?? 'Mon';
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? '0');
  return { weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(wd), hour: hour % 24 };
}

export function analysePosts(
  account: { platform: Platform; handle: string; timezone: string; snapshots: readonly FollowerSnapshot[] },
  posts: readonly AnalysedPostInput[],
): AnalysedPost[] {
  const sorted = sortedByDate(account.snapshots);
  return posts.map((p) => {
    const date = localDate(p.publishedAt, account.timezone);
    const eng = engagements(account.platform, p.counts);
    const followers = followersAsOf(sorted, date);
    return {
      id: p.id,
      platform: account.platform,
      handle: account.handle,
      publishedAt: p.publishedAt,
      date,
      ...localWeekdayHour(p.publishedAt, account.timezone),
      type: p.type,
      text: p.text,
      permalink: p.permalink,
      engagements: eng,
      followers,
      er: erPost(eng, followers),
    };
  });
}
