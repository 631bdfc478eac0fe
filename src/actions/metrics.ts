// Use cases: every METRICS.md figure for an organisation (per platform and per account) and group benchmarks.
import { z } from 'zod';
import { Invalid, NotFound } from '../core/errors.ts';
import {
  accountMetrics, assertPeriod, benchmark, ER_METHODS, NUMERIC_METRICS, organizationMetrics, PILLARS,
  type AccountInput, type BenchmarkOrgResult, type GroupStats, type MetricSet, type NumericMetric, type PostInput,
} from '../core/metrics/index.ts';
import { POST_TYPES, type Platform, type PostType } from '../core/platforms.ts';
import { addDays } from '../core/time.ts';
import { accountsOfOrganizations, postsWithLatestCounts, snapshotsForPeriod, type AccountKey } from '../db/queries/metrics.ts';
import { listOrganizations } from '../db/queries/organizations.ts';
import type { OrganizationRow } from '../db/schema.ts';
import { parseInput, type Actor, type Deps } from './context.ts';
import { groupCode, localDate, orgCode, platform } from './fields.ts';
import { requireGroup } from './groups.ts';
import { requireOrganization } from './organizations.ts';

const periodFields = {
  from: localDate,
  to: localDate,
  er_method: z.enum(ER_METHODS).default('mean'),
};

export const metricsInput = z.object({ org: orgCode, platform: platform.optional(), ...periodFields });

export interface MetricsReport {
  org: string;
  from: string;
  to: string;
  er_method: string;
  platforms: Partial<Record<Platform, MetricSet>>;
  accounts: ({ platform: string; handle: string } & MetricSet)[];
}

function checkPeriod(from: string, to: string): void {
  try {
    assertPeriod({ from, to });
  } catch (err) {
    if (err instanceof Invalid) throw new Invalid(err.message, [{ path: 'from', message: err.message }]);
    throw err;
  }
}

/** Loads snapshots and posts of the accounts for [from, to] in the shape the metrics core takes. */
async function loadInputs(deps: Deps, accounts: AccountKey[], zoneOf: (a: AccountKey) => string, from: string, to: string): Promise<Map<number, AccountInput>> {
  const ids = accounts.map((a) => a.id);
  // Local dates in any zone lie within UTC-14h..UTC+14h: fetch a day either side, the core keeps the right ones.
  const [snapshots, posts] = await Promise.all([
    snapshotsForPeriod(deps.db.kysely, ids, from, to),
    postsWithLatestCounts(deps.db.kysely, ids, `${addDays(from, -1)}T00:00:00.000Z`, `${addDays(to, 2)}T00:00:00.000Z`),
  ]);
  const inputs = new Map<number, AccountInput>();
  for (const a of accounts) {
    inputs.set(a.id, { handle: a.handle, platform: a.platform as Platform, timezone: zoneOf(a), snapshots: [], posts: [] });
  }
  for (const s of snapshots) (inputs.get(s.account_id)?.snapshots as { date: string; followers: number }[] | undefined)?.push({ date: s.date, followers: s.followers });
  for (const p of posts) {
    const post: PostInput = {
      publishedAt: p.published_at,
      type: ((POST_TYPES as readonly string[]).includes(p.type) ? p.type : 'text') as PostType,
      text: p.text,
      counts: {
        likes: p.likes, comments: p.comments, shares: p.shares, quotes: p.quotes,
        saves: p.saves, views: p.views, impressions: p.impressions, reach: p.reach,
      },
    };
    (inputs.get(p.account_id)?.posts as PostInput[] | undefined)?.push(post);
  }
  return inputs;
}

export async function organizationMetricsReport(_actor: Actor, input: unknown, deps: Deps): Promise<MetricsReport> {
  const i = parseInput(metricsInput, input);
  checkPeriod(i.from, i.to);
  const org = await requireOrganization(deps, i.org);
  const accounts = await accountsOfOrganizations(deps.db.kysely, [org.id], i.platform);
  const inputs = await loadInputs(deps, accounts, () => org.timezone, i.from, i.to);
  const period = { from: i.from, to: i.to };
  const platforms: MetricsReport['platforms'] = {};
  for (const p of [...new Set(accounts.map((a) => a.platform as Platform))]) {
    const own = accounts.filter((a) => a.platform === p).map((a) => inputs.get(a.id)).filter((x): x is AccountInput => x !== undefined);
    platforms[p] = organizationMetrics(own, period, i.er_method);
  }
  const perAccount = accounts.flatMap((a) => {
    const input = inputs.get(a.id);
    return input ? [{ platform: a.platform, handle: a.handle, ...accountMetrics(input, period, i.er_method) }] : [];
  });
  return { org: org.code, from: i.from, to: i.to, er_method: i.er_method, platforms, accounts: perAccount };
}

const metricName = z.enum(NUMERIC_METRICS);

export const benchmarkInput = z.object({
  group: groupCode,
  platform,
  ...periodFields,
  metrics: z
    .preprocess((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v), z.array(metricName).min(1))
    .default([...PILLARS]),
  weights: z.partialRecord(z.enum(PILLARS), z.number().min(0)).optional(),
});

export interface BenchmarkReport {
  group: string;
  platform: string;
  from: string;
  to: string;
  er_method: string;
  metrics: NumericMetric[];
  organizations: BenchmarkOrgResult[];
  stats: Partial<Record<NumericMetric, GroupStats>>;
}

async function allMembers(deps: Deps, groupId: number): Promise<OrganizationRow[]> {
  const out: OrganizationRow[] = [];
  let after: string | undefined;
  for (;;) {
    const rows = await listOrganizations(deps.db.kysely, { groupId, after, limit: 1000 });
    out.push(...rows.slice(0, 1000));
    if (rows.length <= 1000) return out;
    after = rows[999]?.code;
  }
}

export async function groupBenchmark(_actor: Actor, input: unknown, deps: Deps): Promise<BenchmarkReport> {
  const i = parseInput(benchmarkInput, input);
  checkPeriod(i.from, i.to);
  const group = await requireGroup(deps, i.group);
  const members = await allMembers(deps, group.id);
  if (members.length === 0) throw new NotFound(`group ${group.code} has no organisations`);
  const zone = new Map(members.map((o) => [o.id, o.timezone]));
  const accounts = await accountsOfOrganizations(deps.db.kysely, members.map((o) => o.id), i.platform);
  const inputs = await loadInputs(deps, accounts, (a) => zone.get(a.organization_id) ?? 'UTC', i.from, i.to);
  const period = { from: i.from, to: i.to };
  const entries = members.map((o) => {
    const own = accounts.filter((a) => a.organization_id === o.id).map((a) => inputs.get(a.id)).filter((x): x is AccountInput => x !== undefined);
    const { baseline: _baseline, ...values } = organizationMetrics(own, period, i.er_method);
    return { org: o.code, values };
  });
  const result = benchmark(entries, i.metrics, i.weights);
  // Best composite first; organisations without one follow in code order.
  const organizations = [...result.organizations].sort(
    (a, b) => (b.composite ?? -1) - (a.composite ?? -1) || (a.org < b.org ? -1 : a.org > b.org ? 1 : 0),
  );
  return {
    group: group.code,
    platform: i.platform,
    from: i.from,
    to: i.to,
    er_method: i.er_method,
    metrics: result.metrics,
    organizations,
    stats: result.stats,
  };
}
