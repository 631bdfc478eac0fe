// Use cases: every METRICS.md figure for an organisation (per platform and per account) and group benchmarks.
import { z } from 'zod';
import { Invalid, NotFound } from '../core/errors.ts';
import {
  accountMetrics, assertPeriod, benchmark, crossPlatformComposite, ER_METHODS, NUMERIC_METRICS, organizationMetrics, PILLARS,
  type BenchmarkOrgResult, type GroupStats, type MetricSet, type NumericMetric,
} from '../core/metrics/index.ts';
import type { Platform } from '../core/platforms.ts';
import { accountsOfOrganizations } from '../db/queries/metrics.ts';
import { listOrganizations } from '../db/queries/organizations.ts';
import type { OrganizationRow } from '../db/schema.ts';
import { parseInput, type Actor, type Deps } from './context.ts';
import { groupCode, localDate, orgCode, platform } from './fields.ts';
import { requireGroup } from './groups.ts';
import { requireOrganization } from './organizations.ts';
import { loadAccountData, type AccountData } from './load.ts';

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

export function checkPeriod(from: string, to: string): void {
  try {
    assertPeriod({ from, to });
  } catch (err) {
    if (err instanceof Invalid) throw new Invalid(err.message, [{ path: 'from', message: err.message }]);
    throw err;
  }
}

export async function organizationMetricsReport(_actor: Actor, input: unknown, deps: Deps): Promise<MetricsReport> {
  const i = parseInput(metricsInput, input);
  checkPeriod(i.from, i.to);
  return deps.results.get(deps.db, `metrics:${JSON.stringify(i)}`, () => computeOrganizationMetrics(i, deps));
}

async function computeOrganizationMetrics(i: z.infer<typeof metricsInput>, deps: Deps): Promise<MetricsReport> {
  const org = await requireOrganization(deps, i.org);
  const accounts = await accountsOfOrganizations(deps.db.kysely, [org.id], i.platform);
  const inputs = await loadAccountData(deps, accounts, () => org.timezone, i.from, i.to);
  const period = { from: i.from, to: i.to };
  const platforms: MetricsReport['platforms'] = {};
  for (const p of [...new Set(accounts.map((a) => a.platform as Platform))]) {
    const own = accounts.filter((a) => a.platform === p).map((a) => inputs.get(a.id)).filter((x): x is AccountData => x !== undefined);
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
  return deps.results.get(deps.db, `benchmark:${JSON.stringify(i)}`, () => computeGroupBenchmark(i, deps));
}

async function computeGroupBenchmark(i: z.infer<typeof benchmarkInput>, deps: Deps): Promise<BenchmarkReport> {
  const group = await requireGroup(deps, i.group);
  const members = await allMembers(deps, group.id);
  if (members.length === 0) throw new NotFound(`group ${group.code} has no organisations`);
  const zone = new Map(members.map((o) => [o.id, o.timezone]));
  const accounts = await accountsOfOrganizations(deps.db.kysely, members.map((o) => o.id), i.platform);
  const inputs = await loadAccountData(deps, accounts, (a) => zone.get(a.organization_id) ?? 'UTC', i.from, i.to);
  const period = { from: i.from, to: i.to };
  const entries = members.map((o) => {
    const own = accounts.filter((a) => a.organization_id === o.id).map((a) => inputs.get(a.id)).filter((x): x is AccountData => x !== undefined);
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

export const compositeInput = z.object({
  group: groupCode,
  ...periodFields,
  platforms: z
    .preprocess((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v), z.array(platform).min(1))
    .optional(),
});

export interface CompositeReport {
  group: string;
  from: string;
  to: string;
  er_method: string;
  platforms: string[];
  organizations: { org: string; platforms: Record<string, number | null>; composite: number | null }[];
}

/** The cross-platform composite: the mean of each organisation's platform composites that exist. */
export async function crossPlatformBenchmark(actor: Actor, input: unknown, deps: Deps): Promise<CompositeReport> {
  const i = parseInput(compositeInput, input);
  const group = await requireGroup(deps, i.group);
  const members = await allMembers(deps, group.id);
  const used = i.platforms ?? [
    ...new Set((await accountsOfOrganizations(deps.db.kysely, members.map((o) => o.id))).map((a) => a.platform as Platform)),
  ];
  const perOrg = new Map<string, Record<string, number | null>>(members.map((o) => [o.code, {}]));
  for (const p of used) {
    const r = await groupBenchmark(actor, { group: i.group, platform: p, from: i.from, to: i.to, er_method: i.er_method }, deps);
    for (const o of r.organizations) {
      const rec = perOrg.get(o.org);
      if (rec) rec[p] = o.composite;
    }
  }
  const organizations = [...perOrg.entries()].map(([org, platforms]) => ({
    org,
    platforms,
    composite: crossPlatformComposite(Object.values(platforms)),
  }));
  organizations.sort((a, b) => (b.composite ?? -1) - (a.composite ?? -1) || (a.org < b.org ? -1 : 1));
  return { group: group.code, from: i.from, to: i.to, er_method: i.er_method, platforms: used, organizations };
}
