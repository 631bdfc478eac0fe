// socialbench metrics and socialbench benchmark: the figures of METRICS.md, as JSON, table or CSV.
import type { Command } from 'commander';
import { groupBenchmark, organizationMetricsReport, type BenchmarkReport, type MetricsReport } from '../../actions/metrics.ts';
import { SYSTEM } from '../../actions/context.ts';
import { NUMERIC_METRICS } from '../../core/metrics/index.ts';
import { ExitError, withDeps, type GlobalOptions } from '../context.ts';
import { csv, displayNumber, parseFormat, table, type OutputFormat } from '../format.ts';

const METRIC_KEYS = ['start', 'end', 'growth', 'growth_pct', 'weekly_growth_pct', 'baseline', ...NUMERIC_METRICS.filter((m) => !['start', 'end', 'growth', 'growth_pct', 'weekly_growth_pct'].includes(m))] as const;

function format(value: string | undefined): OutputFormat {
  try {
    return parseFormat(value);
  } catch (err) {
    throw new ExitError(err instanceof Error ? err.message : String(err), 2);
  }
}

function renderMetrics(r: MetricsReport, f: OutputFormat): string {
  if (f === 'json') return JSON.stringify(r, null, 2) + '\n';
  const scopes = [
    ...Object.entries(r.platforms).map(([p, m]) => ({ scope: 'platform', platform: p, handle: '', m: m as unknown as Record<string, unknown> })),
    ...r.accounts.map((a) => ({ scope: 'account', platform: a.platform, handle: a.handle, m: a as unknown as Record<string, unknown> })),
  ];
  if (f === 'csv') {
    return csv(['org', 'from', 'to', 'er_method', 'scope', 'platform', 'handle', ...METRIC_KEYS], scopes.map((s) => [r.org, r.from, r.to, r.er_method, s.scope, s.platform, s.handle, ...METRIC_KEYS.map((k) => s.m[k])]));
  }
  const head = `${r.org}  ${r.from} .. ${r.to}  (er method: ${r.er_method})\n\n`;
  const columns = scopes.map((s) => (s.scope === 'platform' ? s.platform : `@${s.handle} (${s.platform})`));
  return head + table(['metric', ...columns], METRIC_KEYS.map((k) => [k, ...scopes.map((s) => displayNumber(s.m[k]))]));
}

function renderBenchmark(r: BenchmarkReport, f: OutputFormat): string {
  if (f === 'json') return JSON.stringify(r, null, 2) + '\n';
  if (f === 'csv') {
    return csv(
      ['org', 'composite', ...r.metrics.flatMap((m) => [m, `${m}_rank`, `${m}_percentile`, `${m}_z`])],
      r.organizations.map((o) => [o.org, o.composite, ...r.metrics.flatMap((m) => [o.values[m], o.ranks[m], o.percentiles[m], o.z[m]])]),
    );
  }
  const head = `${r.group} on ${r.platform}  ${r.from} .. ${r.to}  (er method: ${r.er_method})\n\n`;
  const rows = r.organizations.map((o) => [
    o.org,
    displayNumber(o.composite),
    ...r.metrics.map((m) => (o.values[m] === null || o.values[m] === undefined ? '–' : `${displayNumber(o.values[m])} (#${o.ranks[m] ?? '–'})`)),
  ]);
  return head + table(['org', 'composite', ...r.metrics], rows);
}

export function registerMetrics(program: Command): void {
  program
    .command('metrics')
    .description("an organisation's figures per platform and per account over a period (METRICS.md)")
    .requiredOption('--org <code>', 'organisation code')
    .requiredOption('--from <date>', 'first local date, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last local date, YYYY-MM-DD')
    .option('--platform <p>', 'only this platform')
    .option('--er-method <m>', 'mean (default), ratio, reach, impressions or views')
    .option('--format <f>', 'json, table or csv (default: table on a terminal, json otherwise)')
    .action(async (o: { org: string; from: string; to: string; platform?: string; erMethod?: string; format?: string }, cmd: Command) => {
      const f = format(o.format);
      await withDeps(cmd.optsWithGlobals<GlobalOptions>(), async (deps) => {
        const r = await organizationMetricsReport(SYSTEM, { org: o.org, from: o.from, to: o.to, platform: o.platform, er_method: o.erMethod }, deps);
        process.stdout.write(renderMetrics(r, f));
      });
    });

  program
    .command('benchmark')
    .description("a group's organisations compared on one platform: values, ranks, percentiles, z, composite")
    .requiredOption('--group <code>', 'group code, e.g. ISO')
    .requiredOption('--from <date>', 'first local date, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last local date, YYYY-MM-DD')
    .requiredOption('--platform <p>', 'platform')
    .option('--metrics <list>', 'comma-separated metrics (default: the five pillars)')
    .option('--er-method <m>', 'mean (default), ratio, reach, impressions or views')
    .option('--format <f>', 'json, table or csv (default: table on a terminal, json otherwise)')
    .action(async (o: { group: string; from: string; to: string; platform: string; metrics?: string; erMethod?: string; format?: string }, cmd: Command) => {
      const f = format(o.format);
      await withDeps(cmd.optsWithGlobals<GlobalOptions>(), async (deps) => {
        const r = await groupBenchmark(SYSTEM, { group: o.group, from: o.from, to: o.to, platform: o.platform, metrics: o.metrics, er_method: o.erMethod }, deps);
        process.stdout.write(renderBenchmark(r, f));
      });
    });
}
