// Use cases that write reports; the follower summary paragraph for now.
import { z } from 'zod';
import type { Platform } from '../core/platforms.ts';
import { followerSummary, type PlatformFollowers } from '../reports/followers.ts';
import { parseInput, SYSTEM, type Actor, type Deps } from './context.ts';
import { localDate, orgCode } from './fields.ts';
import { organizationMetricsReport } from './metrics.ts';

export const followerReportInput = z.object({
  org: orgCode,
  from: localDate,
  to: localDate,
  lang: z.enum(['id', 'en']).default('id'),
});

export async function followerReport(_actor: Actor, input: unknown, deps: Deps): Promise<string> {
  const i = parseInput(followerReportInput, input);
  const m = await organizationMetricsReport(SYSTEM, { org: i.org, from: i.from, to: i.to }, deps);
  const platforms: PlatformFollowers[] = [];
  for (const [p, set] of Object.entries(m.platforms)) {
    if (set && set.end !== null) platforms.push({ platform: p as Platform, end: set.end, growth: set.growth });
  }
  return followerSummary({ org: m.org, from: i.from, to: i.to, platforms }, i.lang);
}
