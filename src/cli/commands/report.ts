// socialbench report: written reports (the follower summary paragraph for now).
import type { Command } from 'commander';
import { followerReport } from '../../actions/reports.ts';
import { SYSTEM } from '../../actions/context.ts';
import { withDeps, type GlobalOptions } from '../context.ts';

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
}
