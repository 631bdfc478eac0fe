// Use cases of the practice benchmark (issue 9): network frameworks, versioned self-assessments,
// review requests, the network benchmark of maturity and practice-vs-outcome association.
import { z } from 'zod';
import { Invalid, NotFound } from '../core/errors.ts';
import { NUMERIC_METRICS } from '../core/metrics/index.ts';
import {
  DEFAULT_FRAMEWORK, STAGE_NAMES, findPractice, maturity, maxLevel, memberPosition, needsReview, networkPracticeBenchmark,
  practiceOutcomeAssociation, validateAnswers, validateFramework,
  type AssociationResult, type Bilingual, type Framework, type Maturity, type MemberPosition, type NetworkPracticeBenchmark, type Stage,
} from '../core/practice/index.ts';
import { findGroupById } from '../db/queries/groups.ts';
import * as q from '../db/queries/practice.ts';
import type { GroupRow, OrganizationRow } from '../db/schema.ts';
import { parseInput, type Actor, type Deps } from './context.ts';
import { groupCode, localDate, orgCode, platform } from './fields.ts';
import { requireGroup } from './groups.ts';
import { groupBenchmark } from './metrics.ts';
import { requireOrganization } from './organizations.ts';
import { observeOrganization, type ObservedPracticeView } from './practice-observed.ts';
import { practicePeriod } from './practice-period.ts';

// Inputs

export { practicePeriod };

const answerSchema = z
  .object({
    level: z.number().int('must be a whole level').min(0, 'must be 0 or more').nullable().meta({ description: 'declared level; null = not answered' }),
    note: z.string().trim().max(2000).optional(),
    link: z.url('must be a URL').max(2000).optional().meta({ description: 'evidence' }),
  })
  .strict()
  .meta({ id: 'PracticeAnswer' });

export const saveAssessmentInput = z
  .object({
    answers: z.record(z.string(), answerSchema).meta({ description: 'by practice id' }),
    network: groupCode.optional().meta({ description: "whose framework applies; needed only when the organisation is in several networks" }),
  })
  .strict()
  .meta({ id: 'PracticeAssessmentSave' });

export const reviewRequestInput = z
  .object({ comment: z.string().trim().min(1, 'must not be empty').max(4000) })
  .strict()
  .meta({ id: 'PracticeReviewRequestCreate' });

export const practiceBenchmarkInput = z.object({ group: groupCode, period: practicePeriod });

export const OUTCOME_METRICS = [...NUMERIC_METRICS, 'composite'] as const;

export const practiceAssociationInput = z.object({
  group: groupCode,
  period: practicePeriod,
  practice: z.string().min(1).meta({ description: 'practice id of the framework', example: 'planning_meetings' }),
  metric: z.enum(OUTCOME_METRICS).meta({ description: 'outcome metric of METRICS.md, or composite', example: 'growth_pct' }),
  platform,
  from: localDate,
  to: localDate,
});

// Views

export type Answer = z.infer<typeof answerSchema>;

export interface FrameworkView {
  group: string;
  /** false when the network has none stored and the default applies. */
  stored: boolean;
  framework: Framework;
}

export interface ReviewRequestView {
  id: number;
  version: number;
  status: string;
  comment: string;
  created_at: string;
}

export interface AssessmentView {
  org: string;
  period: string;
  version: number;
  network: string | null;
  framework: { id: string; version: number };
  answers: Record<string, Answer>;
  maturity: Maturity;
  stage_name: Bilingual | null;
  created_at: string;
  review_requests: ReviewRequestView[];
}

export interface PracticeBenchmarkView extends NetworkPracticeBenchmark {
  group: string;
  period: string;
  framework: { id: string; version: number };
  /** Members with an assessment for the period. */
  assessed: number;
  positions: MemberPosition[];
  stage_names: Record<Stage, Bilingual>;
}

export interface PracticeAssociationView extends AssociationResult {
  group: string;
  period: string;
  platform: string;
  from: string;
  to: string;
}

// Frameworks

async function frameworkOf(deps: Deps, groupId: number | null): Promise<{ framework: Framework; stored: boolean }> {
  if (groupId === null) return { framework: DEFAULT_FRAMEWORK, stored: false };
  const row = await q.latestFramework(deps.db.kysely, groupId);
  if (!row) return { framework: DEFAULT_FRAMEWORK, stored: false };
  return { framework: { ...validateFramework(JSON.parse(row.framework)), version: row.version }, stored: true };
}

export async function getPracticeFramework(_actor: Actor, code: string, deps: Deps): Promise<FrameworkView> {
  const g = await requireGroup(deps, code);
  return { group: g.code, ...(await frameworkOf(deps, g.id)) };
}

/** Validates the whole framework and stores it as the next version (the body's version is ignored). */
export async function putPracticeFramework(_actor: Actor, code: string, input: unknown, deps: Deps): Promise<FrameworkView> {
  const g = await requireGroup(deps, code);
  if (g.kind !== 'network') throw new Invalid(`${g.code} is a peer group; frameworks belong to networks`, [{ path: 'code', message: 'not a network' }]);
  const current = await frameworkOf(deps, g.id);
  const body = input !== null && typeof input === 'object' && !Array.isArray(input) ? { version: current.framework.version, ...input } : input;
  const version = current.framework.version + 1;
  const framework = { ...validateFramework(body), version };
  await q.insertFramework(deps.db.kysely, { group_id: g.id, version, framework: JSON.stringify(framework), created_at: deps.now() });
  return { group: g.code, stored: true, framework };
}

// Assessments

/** Declared levels the framework knows; answers to practices it no longer has, or beyond its levels, are left out. */
function levelsFor(framework: Framework, answers: Record<string, Answer>): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const practice of framework.practices) {
    const level = answers[practice.id]?.level;
    if (level === undefined) continue;
    out[practice.id] = level !== null && level <= maxLevel(practice) ? level : null;
  }
  return out;
}

/** The network whose framework applies to an organisation: the one named, its only network, or none (the default). */
async function networkFor(deps: Deps, org: OrganizationRow, named: string | undefined): Promise<GroupRow | null> {
  const networks = await q.networksOf(deps.db.kysely, org.id);
  if (named !== undefined) {
    const n = networks.find((x) => x.code === named);
    if (!n) throw new Invalid(`${org.code} is not a member of network ${named}`, [{ path: 'network', message: 'not a network of the organisation' }]);
    return requireGroup(deps, n.code);
  }
  if (networks.length === 0) return null;
  if (networks.length > 1) {
    throw new Invalid(`${org.code} is in ${networks.length} networks; name the one whose framework applies`, [
      { path: 'network', message: `one of ${networks.map((x) => x.code).join(', ')}` },
    ]);
  }
  return requireGroup(deps, networks[0]!.code);
}

async function present(deps: Deps, org: OrganizationRow, row: q.PracticeAssessmentRow, reviews: q.PracticeReviewRequestRow[]): Promise<AssessmentView> {
  const answers = JSON.parse(row.answers) as Record<string, Answer>;
  const { framework } = await frameworkOf(deps, row.group_id);
  const network = row.group_id === null ? undefined : await findGroupById(deps.db.kysely, row.group_id);
  const m = maturity(framework, levelsFor(framework, answers));
  return {
    org: org.code,
    period: row.period,
    version: row.version,
    network: network?.code ?? null,
    framework: { id: row.framework_id, version: row.framework_version },
    answers,
    maturity: m,
    stage_name: m.stage ? STAGE_NAMES[m.stage] : null,
    created_at: row.created_at,
    review_requests: reviews
      .filter((r) => r.assessment_id === row.id)
      .map((r) => ({ id: r.id, version: row.version, status: r.status, comment: r.comment, created_at: r.created_at })),
  };
}

function checkPeriod(period: string): string {
  return parseInput(z.object({ period: practicePeriod }), { period }).period;
}

/** Saves a new version of the organisation's assessment for the period. */
export async function savePracticeAssessment(_actor: Actor, code: string, period: string, input: unknown, deps: Deps): Promise<AssessmentView> {
  checkPeriod(period);
  const i = parseInput(saveAssessmentInput, input);
  const org = await requireOrganization(deps, code);
  const network = await networkFor(deps, org, i.network);
  const { framework } = await frameworkOf(deps, network?.id ?? null);
  validateAnswers(framework, Object.fromEntries(Object.entries(i.answers).map(([id, a]) => [id, a.level])));
  const latest = await q.latestAssessment(deps.db.kysely, org.id, period);
  const row = await q.insertAssessment(deps.db.kysely, {
    organization_id: org.id,
    period,
    version: (latest?.version ?? 0) + 1,
    answers: JSON.stringify(i.answers),
    group_id: network?.id ?? null,
    framework_id: framework.id,
    framework_version: framework.version,
    created_at: deps.now(),
  });
  return present(deps, org, row, []);
}

/** Practices whose declared level is two or more away from the observed proposal (practice-frameworks.md 5.1). */
function reviewFlags(answers: Record<string, Answer>, observed: ObservedPracticeView | null): { practiceId: string; declared: number; proposed: number }[] {
  if (!observed) return [];
  return observed.proposals.flatMap((p) => {
    const declared = answers[p.practiceId]?.level;
    return declared !== undefined && declared !== null && needsReview(declared, p.level) ? [{ practiceId: p.practiceId, declared, proposed: p.level }] : [];
  });
}

/** The observed proposal beside an assessment; null when the period cannot be observed (it lies ahead). */
async function observedBeside(deps: Deps, org: OrganizationRow, period: string, network: string | null): Promise<ObservedPracticeView | null> {
  try {
    return await observeOrganization(deps, org, period, network ?? undefined);
  } catch (e) {
    if (e instanceof Invalid) return null;
    throw e;
  }
}

/** The latest version, with the list of every version and the observed proposal beside it. */
export async function getPracticeAssessment(
  _actor: Actor, code: string, period: string, deps: Deps,
): Promise<AssessmentView & {
  versions: { version: number; created_at: string }[];
  observed: ObservedPracticeView | null;
  review_flags: { practiceId: string; declared: number; proposed: number }[];
}> {
  checkPeriod(period);
  const org = await requireOrganization(deps, code);
  const rows = await q.assessmentVersions(deps.db.kysely, org.id, period);
  const latest = rows[0];
  if (!latest) throw new NotFound(`${org.code} has no practice assessment for ${period}`);
  const reviews = await q.reviewRequestsOf(deps.db.kysely, [latest.id]);
  const view = await present(deps, org, latest, reviews);
  const observed = await observedBeside(deps, org, period, view.network);
  return {
    ...view,
    versions: rows.map((r) => ({ version: r.version, created_at: r.created_at })),
    observed,
    review_flags: reviewFlags(view.answers, observed),
  };
}

/** Every version, newest first. */
export async function practiceAssessmentHistory(
  _actor: Actor, code: string, period: string, deps: Deps,
): Promise<{ org: string; period: string; items: AssessmentView[] }> {
  checkPeriod(period);
  const org = await requireOrganization(deps, code);
  const rows = await q.assessmentVersions(deps.db.kysely, org.id, period);
  const reviews = await q.reviewRequestsOf(deps.db.kysely, rows.map((r) => r.id));
  return { org: org.code, period, items: await Promise.all(rows.map((r) => present(deps, org, r, reviews))) };
}

/** A coordinator asks the organisation to review the latest version of its assessment. */
export async function requestPracticeReview(_actor: Actor, code: string, period: string, input: unknown, deps: Deps): Promise<ReviewRequestView> {
  checkPeriod(period);
  const i = parseInput(reviewRequestInput, input);
  const org = await requireOrganization(deps, code);
  const latest = await q.latestAssessment(deps.db.kysely, org.id, period);
  if (!latest) throw new NotFound(`${org.code} has no practice assessment for ${period}`);
  const r = await q.insertReviewRequest(deps.db.kysely, { assessment_id: latest.id, status: 'requested', comment: i.comment, created_at: deps.now() });
  return { id: r.id, version: latest.version, status: r.status, comment: r.comment, created_at: r.created_at };
}

// Network views

export interface NetworkLevels {
  group: GroupRow;
  framework: Framework;
  members: { org: OrganizationRow; groups: string[]; levels: Record<string, number | null> | null }[];
}

export async function networkLevels(deps: Deps, groupCodeValue: string, period: string): Promise<NetworkLevels> {
  const group = await requireGroup(deps, groupCodeValue);
  const { framework } = await frameworkOf(deps, group.id);
  const orgs = await q.membersOf(deps.db.kysely, group.id);
  const latest = new Map((await q.latestAssessmentsOf(deps.db.kysely, orgs.map((o) => o.id), period)).map((r) => [r.organization_id, r]));
  const peers = await q.peerMemberships(deps.db.kysely, group.id);
  return {
    group,
    framework,
    members: orgs.map((org) => {
      const row = latest.get(org.id);
      return {
        org,
        groups: peers.filter((p) => p.organization_id === org.id).map((p) => p.code),
        levels: row ? levelsFor(framework, JSON.parse(row.answers) as Record<string, Answer>) : null,
      };
    }),
  };
}

/** Distribution per practice, maturity and stage per member, percentiles and peer-group medians. */
export async function practiceBenchmark(_actor: Actor, input: unknown, deps: Deps): Promise<PracticeBenchmarkView> {
  const i = parseInput(practiceBenchmarkInput, input);
  const { group, framework, members } = await networkLevels(deps, i.group, i.period);
  const bench = networkPracticeBenchmark(
    framework,
    members.map((m) => ({ memberId: m.org.code, groups: m.groups, answers: m.levels ?? {} })),
  );
  return {
    group: group.code,
    period: i.period,
    framework: { id: framework.id, version: framework.version },
    assessed: members.filter((m) => m.levels !== null).length,
    ...bench,
    positions: members.map((m) => memberPosition(bench, m.org.code)),
    stage_names: STAGE_NAMES,
  };
}

/** One practice against one outcome metric across the members that answered it; hidden when too few. */
export async function practiceAssociation(actor: Actor, input: unknown, deps: Deps): Promise<PracticeAssociationView> {
  const i = parseInput(practiceAssociationInput, input);
  const { group, framework, members } = await networkLevels(deps, i.group, i.period);
  const practice = findPractice(framework, i.practice);
  if (!practice) throw new Invalid(`${i.practice} is not a practice of ${group.code}'s framework`, [{ path: 'practice', message: 'unknown practice' }]);
  const composite = i.metric === 'composite';
  const bench = await groupBenchmark(
    actor,
    { group: group.code, platform: i.platform, from: i.from, to: i.to, ...(composite ? {} : { metrics: [i.metric] }) },
    deps,
  );
  const outcome = new Map(
    bench.organizations.map((o) => [o.org, composite ? o.composite : (o.values[i.metric as (typeof NUMERIC_METRICS)[number]] ?? null)]),
  );
  const pairs = members
    .filter((m) => m.levels !== null)
    .map((m) => ({ memberId: m.org.code, level: m.levels?.[practice.id] ?? null, outcome: outcome.get(m.org.code) ?? null }));
  const result = practiceOutcomeAssociation({ practice, metric: i.metric, pairs });
  return { group: group.code, period: i.period, platform: bench.platform, from: i.from, to: i.to, ...result };
}
