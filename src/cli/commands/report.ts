// socialbench report: the follower summary paragraph, evaluation packs and network benchmarks (html, pdf, xlsx,
// csv), and network practice reports (html, pdf).
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { buildReport, followerReport } from '../../actions/reports.ts';
import { SYSTEM } from '../../actions/context.ts';
import { withDeps, type GlobalOptions } from '../context.ts';

interface FileOptions {
  from: string;
  to: string;
  format?: string;
  out: string;
  lang: string;
}

/** --format wins; otherwise the extension of --out decides (report.pdf -> pdf). */
function formatOf(o: FileOptions): string {
  return o.format ?? (extname(o.out).slice(1).toLowerCase() || 'html');
}

/** Builds a report (any kind; the action validates) and writes it to `out`. */
async function buildAndWrite(cmd: Command, input: { kind: string; params: Record<string, unknown>; format: string }, out: string): Promise<void> {
  await withDeps(cmd.optsWithGlobals<GlobalOptions>(), async (deps) => {
    const started = performance.now();
    const r = await buildReport(SYSTEM, input, deps);
    writeFileSync(out, r.bytes);
    process.stdout.write(`${out}: ${r.title} (${r.bytes.length} bytes, ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  });
}

async function writeReport(cmd: Command, kind: 'evaluation' | 'benchmark', params: Record<string, unknown>, o: FileOptions): Promise<void> {
  await buildAndWrite(cmd, { kind, params: { ...params, from: o.from, to: o.to, lang: o.lang }, format: formatOf(o) }, o.out);
}

const fileOptions = (c: Command) =>
  c
    .requiredOption('--from <date>', 'first local date, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last local date, YYYY-MM-DD')
    .option('--format <format>', 'html, pdf, xlsx or csv (default: from the extension of --out)')
    .requiredOption('--out <file>', 'where to write the report')
    .option('--lang <lang>', 'id or en', 'id');

export function registerReport(program: Command): void {
  const report = program.command('report').description('reports in the house style');
  report
    .command('followers')
    .description('the follower summary paragraph of an organisation for a period')
    .requiredOption('--org <code>', 'organisation code')
    .requiredOption('--from <date>', 'first local date, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last local date, YYYY-MM-DD')
    .option('--lang <lang>', 'id or en', 'id')
    .action(async (o: { org: string; from: string; to: string; lang: string }, cmd: Command) => {
      await withDeps(cmd.optsWithGlobals<GlobalOptions>(), async (deps) => {
        const text = await followerReport(SYSTEM, o, deps);
        process.stdout.write(text ? `${text}\n` : `no follower figures for ${o.org} in this period\n`);
      });
    });
  fileOptions(
    report
      .command('evaluation')
      .description("an organisation's evaluation pack: followers, activity, content, engagement, best times, interaction, change, peers")
      .requiredOption('--org <code>', 'organisation code'),
  ).action(async (o: FileOptions & { org: string }, cmd: Command) => writeReport(cmd, 'evaluation', { org: o.org }, o));
  fileOptions(
    report
      .command('benchmark')
      .description("a group's network benchmark: composite ranking, league tables, distributions, member pages, methodology")
      .requiredOption('--group <code>', 'group code')
      .option('--platforms <list>', 'comma-separated platforms (default: all of the members)'),
  ).action(async (o: FileOptions & { group: string; platforms?: string }, cmd: Command) =>
    writeReport(cmd, 'benchmark', { group: o.group, ...(o.platforms ? { platforms: o.platforms } : {}) }, o),
  );
  report
    .command('practice')
    .description("a network's practice report: maturity stages, levels per practice, peer groups, members, practice and outcome, case library")
    .requiredOption('--group <code>', 'network code')
    .requiredOption('--period <period>', 'assessment period, e.g. 2026 or 2026-H1')
    .option('--metric <metric>', 'outcome metric of METRICS.md, or composite', 'composite')
    .option('--platform <platform>', "outcome platform (default: the one most members' accounts are on)")
    .option('--format <format>', 'html or pdf (default: from the extension of --out)')
    .requiredOption('--out <file>', 'where to write the report')
    .option('--lang <lang>', 'id or en', 'id')
    .action(async (o: { group: string; period: string; metric: string; platform?: string; format?: string; out: string; lang: string }, cmd: Command) => {
      const params = { group: o.group, period: o.period, metric: o.metric, lang: o.lang, ...(o.platform ? { platform: o.platform } : {}) };
      await buildAndWrite(cmd, { kind: 'practice', params, format: o.format ?? (extname(o.out).slice(1).toLowerCase() || 'html') }, o.out);
    });
}
