// The socialbench command line: parses arguments and dispatches to commands, which call actions.
import { Command, CommanderError } from 'commander';
import { VERSION } from '../actions/health.ts';
import { reportError } from './context.ts';
import { registerDemo } from './commands/demo.ts';
import { registerExport } from './commands/export.ts';
import { registerImport } from './commands/import.ts';
import { registerMeeting } from './commands/meeting.ts';
import { registerMetrics } from './commands/metrics.ts';
import { registerMigrate } from './commands/migrate.ts';
import { registerReport } from './commands/report.ts';
import { registerServe } from './commands/serve.ts';
import { registerSync } from './commands/sync.ts';
import { registerUser } from './commands/user.ts';
import { registerWorker } from './commands/worker.ts';

export function buildProgram(): Command {
  const program = new Command()
    .name('socialbench')
    .description('Social media team workspace and network benchmark for public institutions')
    .version(VERSION)
    .option('--db <path>', 'use this SQLite file (created and migrated when new) instead of DATABASE_URL')
    .showHelpAfterError()
    .exitOverride();
  registerServe(program);
  registerMigrate(program);
  registerDemo(program);
  registerMetrics(program);
  registerMeeting(program);
  registerReport(program);
  registerImport(program);
  registerExport(program);
  registerSync(program);
  registerWorker(program);
  registerUser(program);
  return program;
}

export async function runCli(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    // Exit at once: an open database pool or server must not keep a failed command alive.
    process.exit(err instanceof CommanderError ? err.exitCode : reportError(err));
  }
}
