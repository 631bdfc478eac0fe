// Every metric of one organisation on one platform: sums over its accounts there, pooled posts.
import { Invalid } from '../errors.ts';
import { growthPct, weeklyGrowthPct } from './audience.ts';
import { accountPeriodData } from './account.ts';
import { postFigures } from './content.ts';
import { meanOfKnown, sumDaily } from './daily.ts';
import { assertPeriod, periodDays, periodSpan } from './period.ts';
import type { AccountInput, ErMethod, MetricSet, Period } from './types.ts';

/** Sum of the known values; null when none is known (an unknown is left out, never read as 0). */
function sumKnown(values: readonly (number | null)[]): number | null {
  let sum: number | null = null;
  for (const v of values) if (v !== null) sum = (sum ?? 0) + v;
  return sum;
}

function assertOnePlatformAndZone(accounts: readonly AccountInput[]): void {
  const first = accounts[0];
  if (!first) return;
  for (const a of accounts) {
    if (a.platform !== first.platform) throw new Invalid(`accounts of one platform expected, got ${first.platform} and ${a.platform}`);
    if (a.timezone !== first.timezone) throw new Invalid(`accounts of one organisation share its zone, got ${first.timezone} and ${a.timezone}`);
  }
}

const NO_ACCOUNTS: MetricSet = {
  start: null, end: null, growth: null, growth_pct: null, weekly_growth_pct: null, baseline: 'full',
  posts: null, posts_per_week: null, engagements_per_post: null, er: null, visual_share: null,
  video_share: null, mention_share: null, accounts_mentioned: null, followers: null,
};

/**
 * The accounts of one organisation on one platform over P. With one account this equals
 * accountMetrics; with none every figure is null (the organisation has no value to compare).
 */
export function organizationMetrics(accounts: readonly AccountInput[], period: Period, erMethod: ErMethod = 'mean'): MetricSet {
  assertPeriod(period);
  assertOnePlatformAndZone(accounts);
  if (accounts.length === 0) return { ...NO_ACCOUNTS };
  const days = periodDays(period);
  const data = accounts.map((a) => accountPeriodData(a, period));
  const start = sumKnown(data.map((d) => d.audience.start));
  const end = sumKnown(data.map((d) => d.audience.end));
  const growth = sumKnown(data.map((d) => d.audience.growth));
  // One partial account makes the summed growth cover less than the whole period for part of the audience.
  const baseline = data.some((d) => d.audience.baseline === 'partial') ? 'partial' : 'full';
  const meanFollowers = meanOfKnown(sumDaily(data.map((d) => d.daily), days));
  const figures = postFigures(data.flatMap((d) => d.posts), days, erMethod, meanFollowers);
  return {
    start,
    end,
    growth,
    growth_pct: growthPct(growth, start),
    weekly_growth_pct: weeklyGrowthPct(start, end, periodSpan(period)),
    baseline,
    ...figures,
    followers: end,
  };
}
