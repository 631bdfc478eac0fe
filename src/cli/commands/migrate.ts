// socialbench migrate: apply pending migrations and say which.
import type { Command } from 'commander';
import { migrateToLatest } from '../../db/migrate.ts';
import { openDatabase } from '../../db/database.ts';
import { StartupError } from '../../main.ts';
import { configFrom, type GlobalOptions } from '../context.ts';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations')
    .action(async (_opts: unknown, cmd: Command) => {
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      const config = configFrom(globals);
      const db = openDatabase(config.database);
      try {
        const r = await migrateToLatest(db).catch((err: unknown) => {
          throw new StartupError(`cannot migrate ${db.describe}: ${err instanceof Error ? err.message : String(err)}`);
        });
        process.stdout.write(
          r.applied.length ? `applied ${r.applied.join(', ')}; now at ${r.current}\n` : `up to date at ${r.current}\n`,
        );
      } finally {
        await db.close();
      }
    });
}
