// Import history and the audit log: who changed which value, when, from what to what, and from where.
import type { Kysely } from 'kysely';
import { dialectOf, idColumn } from '../dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(dialectOf(db));

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', id)
    /** e.g. 'snapshot' */
    .addColumn('entity', 'text', (c) => c.notNull())
    /** the natural key as text, e.g. 'instagram/bsn_sni/2019-08-09' */
    .addColumn('entity_key', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('old_value', 'text')
    .addColumn('new_value', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    /** 'manual', 'api', 'import:<file name>' */
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity', 'entity_key', 'id']).execute();

  await db.schema
    .createTable('imports')
    .addColumn('id', 'integer', id)
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    /** 'committed', 'rejected' or 'dry-run' */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('counts', 'text', (c) => c.notNull())
    .addColumn('errors', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('imports_sha256').on('imports').column('sha256').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('imports').ifExists().execute();
  await db.schema.dropTable('audit_log').ifExists().execute();
}
