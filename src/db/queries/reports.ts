// SQL for generated reports (bytes kept in the database), report schedules and their runs.
import type { Generated, Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, Instant } from '../schema.ts';

export interface ReportsTable {
  id: Generated<number>;
  kind: string;
  /** JSON */
  params: string;
  format: string;
  title: string;
  filename: string;
  content_type: string;
  size: number;
  content: Buffer;
  schedule_id: number | null;
  created_at: Instant;
}

export interface ReportSchedulesTable {
  id: Generated<number>;
  name: string;
  kind: string;
  /** JSON */
  params: string;
  period: string;
  format: string;
  cron: string;
  timezone: string;
  /** JSON array */
  recipients: string;
  active: number;
  created_at: Instant;
  updated_at: Instant;
}

export interface ReportRunsTable {
  id: Generated<number>;
  schedule_id: number;
  due_at: Instant;
  status: string;
  report_id: number | null;
  delivery: string | null;
  error: string | null;
  started_at: Instant;
  finished_at: Instant | null;
}

export type ReportMeta = Omit<Selectable<ReportsTable>, 'content'>;
export type ScheduleRow = Selectable<ReportSchedulesTable>;
export type RunRow = Selectable<ReportRunsTable>;

type K = Kysely<Database>;
const t = (db: K) => db.withTables<{ reports: ReportsTable; report_schedules: ReportSchedulesTable; report_runs: ReportRunsTable }>();
const META = ['id', 'kind', 'params', 'format', 'title', 'filename', 'content_type', 'size', 'schedule_id', 'created_at'] as const;

export async function insertReport(db: K, row: Insertable<ReportsTable>): Promise<ReportMeta> {
  return t(db).insertInto('reports').values(row).returning(META).executeTakeFirstOrThrow();
}

export function findReport(db: K, id: number): Promise<ReportMeta | undefined> {
  return t(db).selectFrom('reports').select(META).where('id', '=', id).executeTakeFirst();
}

export async function reportContent(db: K, id: number): Promise<(ReportMeta & { content: Buffer }) | undefined> {
  const r = await t(db).selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
  // better-sqlite3 and pg both hand back a Buffer; copy defensively if a driver gives a Uint8Array.
  return r ? { ...r, content: Buffer.isBuffer(r.content) ? r.content : Buffer.from(r.content) } : undefined;
}

/** Newest first; `before` is the id of the last row of the previous page. */
export function listReports(db: K, f: { before?: number | undefined; limit: number; scheduleId?: number | undefined }): Promise<ReportMeta[]> {
  let q = t(db).selectFrom('reports').select(META);
  if (f.scheduleId !== undefined) q = q.where('schedule_id', '=', f.scheduleId);
  if (f.before !== undefined) q = q.where('id', '<', f.before);
  return q.orderBy('id', 'desc').limit(f.limit + 1).execute();
}

export async function deleteReport(db: K, id: number): Promise<boolean> {
  const r = await t(db).deleteFrom('reports').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export function insertSchedule(db: K, row: Insertable<ReportSchedulesTable>): Promise<ScheduleRow> {
  return t(db).insertInto('report_schedules').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateSchedule(db: K, id: number, patch: Updateable<ReportSchedulesTable>): Promise<ScheduleRow> {
  return t(db).updateTable('report_schedules').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function deleteSchedule(db: K, id: number): Promise<boolean> {
  const r = await t(db).deleteFrom('report_schedules').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export function findSchedule(db: K, id: number): Promise<ScheduleRow | undefined> {
  return t(db).selectFrom('report_schedules').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listSchedules(db: K, f: { after?: number | undefined; limit: number; activeOnly?: boolean }): Promise<ScheduleRow[]> {
  let q = t(db).selectFrom('report_schedules').selectAll();
  if (f.activeOnly) q = q.where('active', '=', 1);
  if (f.after !== undefined) q = q.where('id', '>', f.after);
  return q.orderBy('id').limit(f.limit + 1).execute();
}

/**
 * Claims the run of a schedule due at an instant: one insert guarded by the unique (schedule_id, due_at),
 * so of several processes exactly one gets the id; the others get undefined.
 */
/**
 * Claims the run of a schedule due at `dueAt`: one insert, which only one process wins. A run still
 * 'running' since before `staleBefore` was left by a process that died: one process takes it over,
 * by an update whose condition only the first can meet.
 */
export async function claimRun(db: K, scheduleId: number, dueAt: string, at: string, staleBefore: string): Promise<number | undefined> {
  const r = await t(db)
    .insertInto('report_runs')
    .values({ schedule_id: scheduleId, due_at: dueAt, status: 'running', report_id: null, delivery: null, error: null, started_at: at, finished_at: null })
    .onConflict((oc) => oc.columns(['schedule_id', 'due_at']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (r) return Number(r.id);
  const stale = await t(db)
    .updateTable('report_runs')
    .set({ started_at: at })
    .where('schedule_id', '=', scheduleId)
    .where('due_at', '=', dueAt)
    .where('status', '=', 'running')
    .where('started_at', '<', staleBefore)
    .returning('id')
    .executeTakeFirst();
  return stale ? Number(stale.id) : undefined;
}

export async function finishRun(db: K, id: number, patch: Pick<Updateable<ReportRunsTable>, 'status' | 'report_id' | 'delivery' | 'error' | 'finished_at'>): Promise<void> {
  await t(db).updateTable('report_runs').set(patch).where('id', '=', id).execute();
}

export function listRuns(db: K, scheduleId: number, limit: number): Promise<RunRow[]> {
  return t(db).selectFrom('report_runs').selectAll().where('schedule_id', '=', scheduleId).orderBy('due_at', 'desc').limit(limit).execute();
}

/** The groups an organisation belongs to, with their kind and size: its peer groups for a report. */
export async function groupsOfOrganization(db: K, organizationId: number): Promise<{ code: string; name: string; kind: string; members: number }[]> {
  const rows = await db
    .selectFrom('group_members as gm')
    .innerJoin('groups as g', 'g.id', 'gm.group_id')
    .select((eb) => [
      'g.code', 'g.name', 'g.kind',
      eb.selectFrom('group_members as m').select((e) => e.fn.countAll<number>().as('n')).whereRef('m.group_id', '=', 'g.id').as('members'),
    ])
    .where('gm.organization_id', '=', organizationId)
    .orderBy('g.code')
    .execute();
  return rows.map((r) => ({ code: r.code, name: r.name, kind: r.kind, members: Number(r.members ?? 0) }));
}
