// Generated reports (their parameters and the file's bytes), report schedules and their runs.
import type { Kysely } from 'kysely';
import { dialectOf, idColumn } from '../dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  const d = dialectOf(db);
  const id = idColumn(d);

  await db.schema
    .createTable('report_schedules')
    .addColumn('id', 'integer', id)
    .addColumn('name', 'text', (c) => c.notNull())
    /** 'evaluation' or 'benchmark' */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** JSON: the report's parameters without the period, e.g. {"org":"BSN","lang":"id"} */
    .addColumn('params', 'text', (c) => c.notNull())
    /** 'previous_day', 'previous_week', 'previous_month', 'previous_quarter', 'previous_year' */
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('cron', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    /** JSON array of e-mail addresses; empty: kept, not sent */
    .addColumn('recipients', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('reports')
    .addColumn('id', 'integer', id)
    .addColumn('kind', 'text', (c) => c.notNull())
    /** JSON: every parameter the report was generated with (org or group, from, to, lang, …) */
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    // The bytes live in the database so every app process on one PostgreSQL can serve them.
    .addColumn('content', d === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('schedule_id', 'integer', (c) => c.references('report_schedules.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reports_schedule').on('reports').column('schedule_id').execute();

  await db.schema
    .createTable('report_runs')
    .addColumn('id', 'integer', id)
    .addColumn('schedule_id', 'integer', (c) => c.notNull().references('report_schedules.id').onDelete('cascade'))
    /** The instant the schedule was due; (schedule_id, due_at) is unique: claiming a run is one insert. */
    .addColumn('due_at', 'text', (c) => c.notNull())
    /** 'running', 'done', 'failed' */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('report_id', 'integer', (c) => c.references('reports.id').onDelete('set null'))
    /** null (no recipients), 'sent', 'skipped' (no SMTP configured), 'failed' */
    .addColumn('delivery', 'text')
    .addColumn('error', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addUniqueConstraint('report_runs_schedule_due', ['schedule_id', 'due_at'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_runs').ifExists().execute();
  await db.schema.dropTable('reports').ifExists().execute();
  await db.schema.dropTable('report_schedules').ifExists().execute();
}
