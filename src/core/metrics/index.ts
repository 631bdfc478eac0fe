// Public API of the metrics and benchmark maths (METRICS.md); pure, no I/O.
export * from './types.ts';
export { extractMentions, mentionsOtherAccount, otherMentions } from './mentions.ts';
export { ENGAGEMENT_FORMULA, engagements, erPost } from './engagement.ts';
export {
  audienceOverPeriod, followersAsOf, growthFigures, growthPct, sortedByDate, weeklyGrowthPct,
  type AudienceFigures, type GrowthFigures,
} from './audience.ts';
export { dailyFollowers, meanOfKnown, sumDaily } from './daily.ts';
export { assertPeriod, inPeriod, periodDays, periodSpan } from './period.ts';
export { VIDEO_TYPES, VISUAL_TYPES } from './content.ts';
export { accountMetrics } from './account.ts';
export { organizationMetrics } from './organization.ts';
export { groupStats, quantile, type GroupStats } from './stats.ts';
export { standings, type Standing } from './ranking.ts';
export { compositeIndex, crossPlatformComposite, PILLARS, type Pillar, type PillarWeights } from './composite.ts';
export { benchmark, type BenchmarkEntry, type BenchmarkOrgResult, type BenchmarkResult } from './benchmark.ts';
