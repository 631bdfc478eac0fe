// socialbench meeting agenda: the generated evaluation agenda of a period, as Markdown or JSON.
import type { Command } from 'commander';
import { SYSTEM } from '../../actions/context.ts';
import { evaluationAgenda } from '../../actions/meetings-agenda.ts';
import { orgLang } from '../../actions/meetings.ts';
import { requireOrganization } from '../../actions/organizations.ts';
import { agendaDoc, renderMarkdown } from '../../core/meetings/index.ts';
import { ExitError, withDeps, type GlobalOptions } from '../context.ts';

export function registerMeeting(program: Command): void {
  const meeting = program.command('meeting').description('planning and evaluation meetings');
  meeting
    .command('agenda')
    .description("an evaluation agenda: the period's figures against the period before, top and bottom posts, cadence gaps, peer position, open action items")
    .requiredOption('--org <code>', 'organisation code')
    .requiredOption('--from <date>', 'first local date, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last local date, YYYY-MM-DD')
    .option('--format <f>', 'md (default) or json')
    .option('--lang <l>', "en or id (default: the organisation's first language)")
    .option('--min-quiet-days <n>', 'a run of this many days without a post is a gap (default 7)')
    .action(async (o: { org: string; from: string; to: string; format?: string; lang?: string; minQuietDays?: string }, cmd: Command) => {
      const format = o.format ?? 'md';
      if (format !== 'md' && format !== 'json') throw new ExitError(`--format must be md or json, not ${format}`, 2);
      if (o.lang !== undefined && o.lang !== 'en' && o.lang !== 'id') throw new ExitError(`--lang must be en or id, not ${o.lang}`, 2);
      await withDeps(cmd.optsWithGlobals<GlobalOptions>(), async (deps) => {
        const a = await evaluationAgenda(SYSTEM, o.org, { from: o.from, to: o.to, ...(o.minQuietDays ? { min_quiet_days: o.minQuietDays } : {}) }, deps);
        if (format === 'json') {
          process.stdout.write(`${JSON.stringify(a, null, 2)}\n`);
          return;
        }
        const lang = o.lang === 'en' || o.lang === 'id' ? o.lang : orgLang(await requireOrganization(deps, o.org));
        process.stdout.write(renderMarkdown(agendaDoc(a, lang)));
      });
    });
}
