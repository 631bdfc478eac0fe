// A benchmark of a group's organisations on one platform: standings per metric, group stats, composite.
import { compositeIndex, PILLARS, type Pillar, type PillarWeights } from './composite.ts';
import { standings, type Standing } from './ranking.ts';
import { groupStats, type GroupStats } from './stats.ts';
import type { NumericMetric } from './types.ts';

export interface BenchmarkEntry {
  org: string;
  /** The organisation's values on the platform (e.g. a MetricSet); missing or null = no value. */
  values: Partial<Record<NumericMetric, number | null>>;
}

export interface BenchmarkOrgResult {
  org: string;
  /** Every listed metric, null where the organisation has no value. */
  values: Partial<Record<NumericMetric, number | null>>;
  /** Only metrics where the organisation participates. */
  ranks: Partial<Record<NumericMetric, number>>;
  percentiles: Partial<Record<NumericMetric, number>>;
  /** Only metrics where it participates; null there when the group's sd is 0. */
  z: Partial<Record<NumericMetric, number | null>>;
  /** From the five pillars, whichever metrics are listed. */
  composite: number | null;
}

export interface BenchmarkResult {
  metrics: NumericMetric[];
  organizations: BenchmarkOrgResult[];
  stats: Partial<Record<NumericMetric, GroupStats>>;
}

function valueOf(entry: BenchmarkEntry, metric: NumericMetric): number | null {
  return entry.values[metric] ?? null;
}

/** Standings of every entry on one metric, in entry order; each metric has its own participants. */
function metricStandings(entries: readonly BenchmarkEntry[], metric: NumericMetric): (Standing | null)[] {
  return standings(entries.map((e) => valueOf(e, metric)));
}

export function benchmark(
  entries: readonly BenchmarkEntry[],
  metrics: readonly NumericMetric[] = PILLARS,
  weights?: PillarWeights,
): BenchmarkResult {
  const listed = [...new Set(metrics)];
  const needed = [...new Set<NumericMetric>([...listed, ...PILLARS])];
  const byMetric = new Map(needed.map((m) => [m, metricStandings(entries, m)] as const));

  const organizations = entries.map((entry, i): BenchmarkOrgResult => {
    const result: BenchmarkOrgResult = { org: entry.org, values: {}, ranks: {}, percentiles: {}, z: {}, composite: null };
    for (const metric of listed) {
      result.values[metric] = valueOf(entry, metric);
      const s = byMetric.get(metric)?.[i];
      if (!s) continue;
      result.ranks[metric] = s.rank;
      result.percentiles[metric] = s.percentile;
      result.z[metric] = s.z;
    }
    const pillarPercentiles: Partial<Record<Pillar, number | null>> = {};
    for (const pillar of PILLARS) pillarPercentiles[pillar] = byMetric.get(pillar)?.[i]?.percentile ?? null;
    result.composite = compositeIndex(pillarPercentiles, weights);
    return result;
  });

  const stats: Partial<Record<NumericMetric, GroupStats>> = {};
  for (const metric of listed) stats[metric] = groupStats(entries.map((e) => valueOf(e, metric)));
  return { metrics: listed, organizations, stats };
}
