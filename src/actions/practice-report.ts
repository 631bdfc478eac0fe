// Gathers the network practice report (issue 9): the practice benchmark, every practice against one
// outcome metric, and the network's published case pages.
import { z } from 'zod';
import { listOrganizations } from '../db/queries/organizations.ts';
import type { OrganizationRow } from '../db/schema.ts';
import { REPORT_LANGUAGES } from '../reports/locales/index.ts';
import type { PracticeReportData } from '../reports/practice.ts';
import { SYSTEM, type Deps } from './context.ts';
import { groupCode, localDate, platform } from './fields.ts';
import { requireGroup } from './groups.ts';
import { getPracticeFramework, OUTCOME_METRICS, practiceBenchmark } from './practice.ts';
import { listPracticeCases } from './practice-cases.ts';
import { practiceOutcomes } from './practice-outcomes.ts';
import { practicePeriod } from './practice-period.ts';

export const practiceReportParams = z
  .object({
    group: groupCode,
    period: practicePeriod,
    metric: z.enum(OUTCOME_METRICS).optional().meta({ description: 'outcome metric (default composite)' }),
    platform: platform.optional().meta({ description: "outcome platform (default: the one most members' accounts are on)" }),
    from: localDate.optional().meta({ description: 'outcome period start (default: the assessment period)' }),
    to: localDate.optional().meta({ description: 'outcome period end (default: the assessment period, cut at today)' }),
    lang: z.enum(REPORT_LANGUAGES).default('id').meta({ description: 'language of every text of the report' }),
  })
  .strict();
export type PracticeReportParams = z.infer<typeof practiceReportParams>;

async function members(deps: Deps, groupId: number): Promise<OrganizationRow[]> {
  const out: OrganizationRow[] = [];
  for (let after: string | undefined; ; ) {
    const rows = await listOrganizations(deps.db.kysely, { groupId, after, limit: 1000 });
    out.push(...rows.slice(0, 1000));
    if (rows.length <= 1000) return out;
    after = rows[999]?.code;
  }
}

export async function practiceReportData(deps: Deps, i: PracticeReportParams): Promise<PracticeReportData> {
  const group = await requireGroup(deps, i.group);
  const { framework } = await getPracticeFramework(SYSTEM, group.code, deps);
  const bench = await practiceBenchmark(SYSTEM, { group: group.code, period: i.period }, deps);
  const outcomes = await practiceOutcomes(SYSTEM, {
    group: group.code, period: i.period, metric: i.metric ?? 'composite',
    ...(i.platform ? { platform: i.platform } : {}), ...(i.from ? { from: i.from } : {}), ...(i.to ? { to: i.to } : {}),
  }, deps);
  const cases = group.kind === 'network' ? (await listPracticeCases(SYSTEM, group.code, {}, deps)).items : [];
  return {
    group: { code: group.code, name: group.name },
    period: i.period,
    framework,
    members: (await members(deps, group.id)).map((o) => ({ code: o.code, name: o.name, synthetic: o.synthetic === 1 })),
    bench,
    stageNames: bench.stage_names,
    outcomes: { metric: outcomes.metric, platform: outcomes.platform, from: outcomes.from, to: outcomes.to, minPairs: outcomes.min_pairs, note: outcomes.note, items: outcomes.items },
    cases: cases.map((k) => ({ title: k.title, summary: k.summary, practices: k.practices, org: k.org })),
  };
}
