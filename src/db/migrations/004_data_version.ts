// A data version that changes whenever figures could change, so computed results can be cached safely.
// PostgreSQL: a counter row bumped by statement-level triggers. SQLite needs none: it reads
// total_changes() and PRAGMA data_version (see queries/version.ts).
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.ts';

export const VERSIONED_TABLES = [
  'organizations', 'groups', 'group_members', 'accounts', 'audience_snapshots', 'posts', 'post_metrics',
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await db.schema
    .createTable('data_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO data_version (id, version) VALUES (1, 0)`.execute(db);
  await sql`CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; RETURN NULL; END $$`.execute(db);
  for (const table of VERSIONED_TABLES) {
    await sql`CREATE TRIGGER ${sql.raw(`${table}_data_version`)} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${sql.table(table)}
      FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()`.execute(db);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  for (const table of VERSIONED_TABLES) await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${table}_data_version`)} ON ${sql.table(table)}`.execute(db);
  await sql`DROP FUNCTION IF EXISTS bump_data_version()`.execute(db);
  await db.schema.dropTable('data_version').ifExists().execute();
}
