// Practice against outcome for every practice of a network's framework at once (issue 9): outcome by
// level (n, median, spread) and Spearman's rho with its bootstrap interval, stated as an association.
import { z } from 'zod';
import { NUMERIC_METRICS } from '../core/metrics/index.ts';
import type { Platform } from '../core/platforms.ts';
import { ASSOCIATION_NOTE, MIN_PAIRS, practiceOutcomeAssociation, type AssociationResult, type Bilingual } from '../core/practice/index.ts';
import { accountsOfOrganizations } from '../db/queries/metrics.ts';
import { parseInput, type Actor, type Deps } from './context.ts';
import { groupCode, localDate, platform } from './fields.ts';
import { groupBenchmark } from './metrics.ts';
import { networkLevels, OUTCOME_METRICS } from './practice.ts';
import { periodWindow, practicePeriod } from './practice-period.ts';

export const practiceOutcomesInput = z.object({
  group: groupCode,
  period: practicePeriod,
  metric: z.enum(OUTCOME_METRICS).default('composite').meta({ description: 'outcome metric of METRICS.md, or composite' }),
  platform: platform.optional().meta({ description: "default: the platform most of the members' accounts are on" }),
  from: localDate.optional().meta({ description: 'outcome period start; default: the assessment period' }),
  to: localDate.optional().meta({ description: 'outcome period end; default: the assessment period, cut at today' }),
});

export interface PracticeOutcomesView {
  group: string;
  period: string;
  metric: string;
  platform: string | null;
  from: string;
  to: string;
  /** Members with an assessment for the period. */
  assessed: number;
  min_pairs: number;
  items: AssociationResult[];
  note: Bilingual;
}

/** The platform most members' accounts are on (ties: the first in code order); null without accounts. */
async function usualPlatform(deps: Deps, organizationIds: number[]): Promise<Platform | null> {
  const counts = new Map<string, number>();
  for (const a of await accountsOfOrganizations(deps.db.kysely, organizationIds)) counts.set(a.platform, (counts.get(a.platform) ?? 0) + 1);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  return (best?.[0] as Platform | undefined) ?? null;
}

export async function practiceOutcomes(actor: Actor, input: unknown, deps: Deps): Promise<PracticeOutcomesView> {
  const i = parseInput(practiceOutcomesInput, input);
  const { group, framework, members } = await networkLevels(deps, i.group, i.period);
  const window = periodWindow(i.period, deps.now().slice(0, 10));
  const from = i.from ?? window.from;
  const to = i.to ?? window.to;
  const chosen = i.platform ?? (await usualPlatform(deps, members.map((m) => m.org.id)));
  const assessed = members.filter((m) => m.levels !== null);
  const base = { group: group.code, period: i.period, metric: i.metric, platform: chosen, from, to, assessed: assessed.length, min_pairs: MIN_PAIRS, note: ASSOCIATION_NOTE };
  let outcome = new Map<string, number | null>();
  if (chosen !== null && members.length > 0) {
    const composite = i.metric === 'composite';
    const bench = await groupBenchmark(actor, { group: group.code, platform: chosen, from, to, ...(composite ? {} : { metrics: [i.metric] }) }, deps);
    outcome = new Map(bench.organizations.map((o) => [o.org, composite ? o.composite : (o.values[i.metric as (typeof NUMERIC_METRICS)[number]] ?? null)]));
  }
  const items = framework.practices.map((practice) =>
    practiceOutcomeAssociation({
      practice,
      metric: i.metric,
      pairs: assessed.map((m) => ({ memberId: m.org.code, level: m.levels?.[practice.id] ?? null, outcome: outcome.get(m.org.code) ?? null })),
    }),
  );
  return { ...base, items };
}
