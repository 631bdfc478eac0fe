// socialbench export: the generic templates as CSV or JSON Lines files, or one XLSX workbook.
import type { Command } from 'commander';
import { exportData } from '../../actions/exports.ts';
import { SYSTEM } from '../../actions/context.ts';
import { ExitError, withDeps, type GlobalOptions } from '../context.ts';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write organisations, accounts, snapshots and posts as the import templates (import -> export -> import is the identity)')
    .requiredOption('--format <f>', 'csv or jsonl (a directory with one file per template) or xlsx (one workbook)')
    .requiredOption('--out <path>', 'the directory (csv, jsonl) or the .xlsx file to write')
    .option('--org <code>', 'only this organisation')
    .action(async (o: { format: string; out: string; org?: string }, cmd: Command) => {
      if (!['csv', 'xlsx', 'jsonl'].includes(o.format)) throw new ExitError(`--format must be csv, xlsx or jsonl (got "${o.format}")`, 2);
      await withDeps(cmd.optsWithGlobals<GlobalOptions>(), async (deps) => {
        const r = await exportData(SYSTEM, { format: o.format, out: o.out, org: o.org }, deps);
        const counts = Object.entries(r.rows).map(([t, n]) => `${t} ${n}`).join(', ');
        process.stdout.write(`wrote ${r.paths.join(', ')} (${counts})\n`);
      });
    });
}
