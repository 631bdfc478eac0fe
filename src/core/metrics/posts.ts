// Reduces an account's posts to the per-post facts the period figures need, once per post.
import type { PostType } from '../platforms.ts';
import { daysBetween, localDate } from '../time.ts';
import { engagements } from './engagement.ts';
import { otherMentions } from './mentions.ts';
import { inPeriod } from './period.ts';
import type { AccountInput, PostCounts, Period } from './types.ts';

export interface PeriodPost {
  /** Local date in the organisation's zone. */
  date: string;
  type: PostType;
  engagements: number | null;
  /** followers(account, date): the posting account's own audience that day. */
  followers: number | null;
  counts: PostCounts;
  /** Distinct lower-cased handles mentioned, the posting account's own left out. */
  mentioned: string[];
}

/** The account's posts whose local date lies in P; `daily` is dailyFollowers of the account over P. */
export function postsInPeriod(account: AccountInput, period: Period, daily: readonly (number | null)[]): PeriodPost[] {
  const out: PeriodPost[] = [];
  for (const post of account.posts) {
    const date = localDate(post.publishedAt, account.timezone);
    if (!inPeriod(period, date)) continue;
    out.push({
      date,
      type: post.type,
      engagements: engagements(account.platform, post.counts),
      followers: daily[daysBetween(period.from, date)] ?? null,
      counts: post.counts,
      mentioned: otherMentions(post.text, account.platform, account.handle),
    });
  }
  return out;
}
