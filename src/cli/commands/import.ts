// socialbench import FILE...: generic templates and platform export files, with a progress display.
import { createReadStream, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { importFiles, type ImportReport } from '../../actions/imports.ts';
import { SYSTEM } from '../../actions/context.ts';
import type { InputFile } from '../../ingest/read.ts';
import { ExitError, withDeps, type GlobalOptions } from '../context.ts';

interface ImportFlags {
  locale?: string;
  ignoreUnknown?: boolean;
  encoding?: string;
  dryRun?: boolean;
  atomic?: boolean;
  account?: string;
  asOf?: string;
  format?: string;
}

function inputFile(path: string): InputFile {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (err) {
    throw new ExitError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(err)}`);
  }
  return { name: path, size, open: () => createReadStream(path, { highWaterMark: 1 << 20 }) };
}

/** A bar on a terminal; otherwise a plain line on stderr at most every few seconds. */
function progress() {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar({ format: '{file} [{bar}] {percentage}% | {rows} rows', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic);
    let current = '';
    return {
      update: (p: { file: string; rows: number; bytes: number; size: number | undefined }) => {
        if (p.file !== current) {
          if (current) bar.stop();
          current = p.file;
          bar.start(p.size ?? 0, 0, { file: p.file, rows: 0 });
        }
        bar.update(Math.min(p.bytes, p.size ?? p.bytes), { rows: p.rows.toLocaleString('en-US') });
      },
      stop: () => current && bar.stop(),
    };
  }
  let last = Date.now();
  return {
    update: (p: { file: string; rows: number; bytes: number; size: number | undefined }) => {
      if (Date.now() - last < 2000) return;
      last = Date.now();
      const pct = p.size ? ` (${Math.floor((p.bytes / p.size) * 100)}%)` : '';
      process.stderr.write(`socialbench: ${p.file}: ${p.rows.toLocaleString('en-US')} rows read${pct}\n`);
    },
    stop: () => undefined,
  };
}

export function renderImport(r: ImportReport): string {
  const lines: string[] = [];
  if (r.dry_run) lines.push('dry run: nothing was changed; this is what the import would do');
  for (const f of r.files) {
    const kinds = f.kinds.length ? ` (${f.kinds.join(', ')})` : '';
    lines.push(`${f.file}${kinds}: ${f.status}, ${f.rows} rows`);
    for (const [t, c] of Object.entries(f.counts)) lines.push(`  ${t}: ${c.added} added, ${c.updated} updated, ${c.unchanged} unchanged`);
    if (f.status !== 'rejected' && Object.values(f.counts).every((c) => c.added + c.updated === 0))
      lines.push(`  nothing changed${f.previously_imported ? ` (this file was imported before, import #${f.previously_imported.id} at ${f.previously_imported.at})` : ''}`);
    for (const n of f.notes) lines.push(`  note: ${n}`);
    if (f.problem_count > 0) {
      lines.push(`  rejected: ${f.problem_count} problem${f.problem_count === 1 ? '' : 's'}; nothing from this file was imported`);
      for (const p of f.problems) lines.push(`  ${p.file}${p.sheet ? `, sheet ${p.sheet}` : ''}, row ${p.row}, ${p.column || '(file)'}: ${p.message}`);
      if (f.problem_count > f.problems.length) lines.push(`  … and ${f.problem_count - f.problems.length} more`);
    }
  }
  return lines.join('\n') + '\n';
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import generic templates (CSV, XLSX, JSON Lines) and platform export files; each file whole or not at all')
    .argument('<files...>', 'files to import')
    .option('--locale <id>', 'id: read 8.470 as 8470 and 12,5% as 12.5')
    .option('--ignore-unknown', 'ignore columns the template does not have')
    .option('--encoding <name>', 'windows-1252 for files saved by Excel on Windows (BOMs are recognised by themselves)')
    .option('--dry-run', 'show what would change, change nothing')
    .option('--atomic', 'all files in one transaction: one rejected file rejects all')
    .option('--account <platform/handle>', 'the account a platform export file belongs to')
    .option('--as-of <date>', 'the export date, for files whose dates have no year (TikTok); default today')
    .option('--format <f>', 'text (default) or json')
    .action(async (paths: string[], o: ImportFlags, cmd: Command) => {
      if (o.format !== undefined && o.format !== 'json' && o.format !== 'text') throw new ExitError(`--format must be text or json (got "${o.format}")`, 2);
      const files = paths.map(inputFile);
      const bar = progress();
      const report = await withDeps(cmd.optsWithGlobals<GlobalOptions>(), async (deps) => {
        try {
          return await importFiles(
            SYSTEM,
            files,
            { locale: o.locale as 'id' | undefined, ignore_unknown: o.ignoreUnknown ?? false, encoding: o.encoding, dry_run: o.dryRun ?? false, atomic: o.atomic ?? false, account: o.account, as_of: o.asOf },
            deps,
            { actorLabel: `cli:${userInfo().username}`, onProgress: bar.update },
          );
        } finally {
          bar.stop();
        }
      });
      process.stdout.write(o.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : renderImport(report));
      if (report.rejected) process.exitCode = 1;
    });
}
