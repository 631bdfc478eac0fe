// Every metric of one account over a period: the unit organisations and benchmarks are built from.
import { audienceOverPeriod, sortedByDate, type AudienceFigures } from './audience.ts';
import { postFigures } from './content.ts';
import { dailyFollowers, meanOfKnown } from './daily.ts';
import { assertPeriod, periodDays } from './period.ts';
import { postsInPeriod, type PeriodPost } from './posts.ts';
import type { AccountInput, ErMethod, MetricSet, Period } from './types.ts';

/** What an organisation needs from each of its accounts to pool them. */
export interface AccountPeriodData {
  audience: AudienceFigures;
  /** followers(a, d) for every day of P, index 0 = from. */
  daily: (number | null)[];
  posts: PeriodPost[];
}

export function accountPeriodData(account: AccountInput, period: Period): AccountPeriodData {
  const snapshots = sortedByDate(account.snapshots);
  const daily = dailyFollowers(snapshots, period);
  return {
    audience: audienceOverPeriod(snapshots, period),
    daily,
    posts: postsInPeriod(account, period, daily),
  };
}

export function accountMetrics(account: AccountInput, period: Period, erMethod: ErMethod = 'mean'): MetricSet {
  assertPeriod(period);
  const data = accountPeriodData(account, period);
  const figures = postFigures(data.posts, periodDays(period), erMethod, meanOfKnown(data.daily));
  const { start, end, growth, growth_pct, weekly_growth_pct, baseline } = data.audience;
  return { start, end, growth, growth_pct, weekly_growth_pct, baseline, ...figures, followers: end };
}
