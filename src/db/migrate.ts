// Applies the numbered migrations in order; safe to run from several processes at once.
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import { migrations } from './migrations/index.ts';
import type { Db } from './database.ts';

const provider: MigrationProvider = {
  getMigrations: async (): Promise<Record<string, Migration>> => migrations,
};

export interface MigrationReport {
  applied: string[];
  current: string | undefined;
}

export async function migrateToLatest(db: Db): Promise<MigrationReport> {
  const migrator = new Migrator({ db: db.kysely, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    // No failed migration means the database was never reached (or its lock table could not be read).
    throw new Error(failed ? `migration ${failed} failed: ${reason}` : reason);
  }
  const names = Object.keys(migrations).sort();
  return {
    applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
    current: names[names.length - 1],
  };
}
