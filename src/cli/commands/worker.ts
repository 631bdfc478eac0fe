// socialbench worker: background work without the web server (scheduled reports, platform sync, publishing).
import type { Command } from 'commander';
import { startWorker } from '../../main.ts';
import { configFrom, type GlobalOptions } from '../context.ts';

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('run background work (scheduled reports, platform sync, publishing) until stopped; several may share one PostgreSQL')
    .option('--no-sync', 'do not sync from the platforms')
    .option('--no-reports', 'do not make scheduled reports')
    .option('--no-publish', 'do not publish scheduled content')
    .action(async (opts: { sync: boolean; reports: boolean; publish: boolean }, cmd: Command) => {
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      const running = await startWorker(configFrom(globals), { viaFlag: globals.db !== undefined, sync: opts.sync, reports: opts.reports, publish: opts.publish });
      const stop = () => {
        running.log.info('worker shutting down');
        void running.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      // Keep the process alive: the background timers are unref'd so tests can exit.
      setInterval(() => undefined, 1 << 30);
    });
}
