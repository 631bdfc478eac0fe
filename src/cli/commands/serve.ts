// socialbench serve: the web app and API (and, later, the embedded worker).
import type { Command } from 'commander';
import { startServer } from '../../main.ts';
import { configFrom, ExitError, type GlobalOptions } from '../context.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the API and web app (loads the demo data into an empty database unless --no-demo)')
    .option('--port <n>', 'port to listen on (default: PORT or 3000)')
    .option('--no-demo', 'do not load the demo data into an empty database')
    .option('--no-worker', 'leave background work (reports, sync) to separate `socialbench worker` processes')
    .action(async (opts: { port?: string; demo: boolean; worker: boolean }, cmd: Command) => {
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      let port: number | undefined;
      if (opts.port !== undefined) {
        port = Number(opts.port);
        if (!/^\d+$/.test(opts.port) || port < 1 || port > 65535) throw new ExitError(`--port must be a whole number between 1 and 65535 (got "${opts.port}")`, 2);
      }
      const config = configFrom(globals, { port });
      const running = await startServer(config, { viaFlag: globals.db !== undefined, demo: opts.demo && config.demoOnFirstStart, worker: opts.worker });
      const stop = () => {
        running.log.info('shutting down');
        void running.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
