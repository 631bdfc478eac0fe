// Use cases for report schedules: CRUD, when a schedule is due (croner, in the schedule's zone), which
// period a run covers, and claiming a run atomically so several processes never make the same one twice.
import { Cron } from 'croner';
import { z } from 'zod';
import { Invalid, NotFound } from '../core/errors.ts';
import { addDays, localDate } from '../core/time.ts';
import * as q from '../db/queries/reports.ts';
import { decodeCursor, toPage, type Page } from '../db/queries/paging.ts';
import { parseInput, type Actor, type Deps } from './context.ts';
import { practiceReportParams } from './practice-report.ts';
import { keepVisible, visibility } from './visibility.ts';
import { email, pageQuery, timezone } from './fields.ts';
import { requireOrganization } from './organizations.ts';
import { benchmarkParams, evaluationParams, generateReport, reportFormat, type ReportView } from './reports.ts';

export const PERIODS = ['previous_day', 'previous_week', 'previous_month', 'previous_quarter', 'previous_year'] as const;
export type SchedulePeriod = (typeof PERIODS)[number];

const cron = z
  .string()
  .trim()
  .refine((v) => {
    try {
      new Cron(v, { paused: true });
      return true;
    } catch {
      return false;
    }
  }, 'must be a cron expression such as "0 8 1 * *" (minute hour day month weekday)')
  .meta({ example: '0 8 1 * *' });

const common = {
  name: z.string().trim().min(1).max(200),
  period: z.enum(PERIODS).default('previous_month').meta({ description: 'the period each run reports on, relative to its due date' }),
  format: reportFormat,
  cron,
  timezone: timezone.optional().meta({ description: "zone of the cron expression (default: the organisation's, or UTC)" }),
  recipients: z.array(email).max(50).default([]),
  active: z.boolean().default(true),
};

export const createScheduleInput = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('evaluation'), params: evaluationParams.omit({ from: true, to: true }), ...common }).strict(),
    z.object({ kind: z.literal('benchmark'), params: benchmarkParams.omit({ from: true, to: true }), ...common }).strict(),
    // The network practice report: each run takes the assessment year the run's period falls in.
    z.object({ kind: z.literal('practice'), params: practiceReportParams.omit({ period: true, from: true, to: true }), ...common, format: z.enum(['html', 'pdf']) }).strict(),
  ])
  .meta({ id: 'ReportScheduleCreate' });

export const updateScheduleInput = z
  .object({ name: common.name, period: z.enum(PERIODS), format: reportFormat, cron, timezone, recipients: z.array(email).max(50), active: z.boolean() })
  .partial()
  .strict()
  .meta({ id: 'ReportScheduleUpdate' });

export const scheduleView = z
  .object({
    id: z.number(), name: z.string(), kind: z.enum(['evaluation', 'benchmark', 'practice']), params: z.record(z.string(), z.unknown()),
    period: z.enum(PERIODS), format: reportFormat, cron: z.string(), timezone: z.string(), recipients: z.array(z.string()),
    active: z.boolean(), next_run_at: z.string().nullable(), created_at: z.string(), updated_at: z.string(),
    runs: z.array(z.object({ due_at: z.string(), status: z.string(), report_id: z.number().nullable(), delivery: z.string().nullable(), error: z.string().nullable(), started_at: z.string(), finished_at: z.string().nullable() })).optional(),
  })
  .meta({ id: 'ReportSchedule' });
export type ScheduleView = z.infer<typeof scheduleView>;

function nextRun(s: q.ScheduleRow, now: string): string | null {
  if (s.active !== 1) return null;
  return new Cron(s.cron, { timezone: s.timezone, paused: true }).nextRun(new Date(now))?.toISOString() ?? null;
}

function view(s: q.ScheduleRow, now: string, runs?: q.RunRow[]): ScheduleView {
  return {
    id: s.id, name: s.name, kind: s.kind === 'benchmark' || s.kind === 'practice' ? s.kind : 'evaluation', params: JSON.parse(s.params) as Record<string, unknown>,
    period: z.enum(PERIODS).parse(s.period), format: reportFormat.parse(s.format), cron: s.cron, timezone: s.timezone,
    recipients: JSON.parse(s.recipients) as string[], active: s.active === 1, next_run_at: nextRun(s, now),
    created_at: s.created_at, updated_at: s.updated_at,
    ...(runs ? { runs: runs.map((r) => ({ due_at: r.due_at, status: r.status, report_id: r.report_id, delivery: r.delivery, error: r.error, started_at: r.started_at, finished_at: r.finished_at })) } : {}),
  };
}

async function requireSchedule(deps: Deps, id: number): Promise<q.ScheduleRow> {
  const s = await q.findSchedule(deps.db.kysely, id);
  if (!s) throw new NotFound(`report schedule ${id} does not exist`);
  return s;
}

export async function createSchedule(_actor: Actor, input: unknown, deps: Deps): Promise<ScheduleView> {
  const i = parseInput(createScheduleInput, input);
  const zone = i.timezone ?? (i.kind === 'evaluation' ? (await requireOrganization(deps, i.params.org)).timezone : 'UTC');
  const at = deps.now();
  const row = await q.insertSchedule(deps.db.kysely, {
    name: i.name, kind: i.kind, params: JSON.stringify(i.params), period: i.period, format: i.format, cron: i.cron,
    timezone: zone, recipients: JSON.stringify(i.recipients), active: i.active ? 1 : 0, created_at: at, updated_at: at,
  });
  return view(row, at);
}

export async function getSchedule(_actor: Actor, id: number, deps: Deps): Promise<ScheduleView> {
  const s = await requireSchedule(deps, id);
  return view(s, deps.now(), await q.listRuns(deps.db.kysely, id, 20));
}

export const listSchedulesInput = pageQuery;

export async function listSchedules(actor: Actor, input: unknown, deps: Deps): Promise<Page<ScheduleView>> {
  const i = parseInput(listSchedulesInput, input);
  const rows = await q.listSchedules(deps.db.kysely, { after: decodeCursor<number>(i.cursor, 'number'), limit: i.limit });
  const page = toPage(rows, i.limit, (r) => r.id);
  const now = deps.now();
  const v = visibility(actor, deps);
  return { items: (await keepVisible(page.items, (s) => v.params(s.params))).map((s) => view(s, now)), next_cursor: page.next_cursor };
}

export async function updateSchedule(_actor: Actor, id: number, input: unknown, deps: Deps): Promise<ScheduleView> {
  const i = parseInput(updateScheduleInput, input);
  await requireSchedule(deps, id);
  const at = deps.now();
  const row = await q.updateSchedule(deps.db.kysely, id, {
    ...(i.name !== undefined ? { name: i.name } : {}),
    ...(i.period !== undefined ? { period: i.period } : {}),
    ...(i.format !== undefined ? { format: i.format } : {}),
    ...(i.cron !== undefined ? { cron: i.cron } : {}),
    ...(i.timezone !== undefined ? { timezone: i.timezone } : {}),
    ...(i.recipients !== undefined ? { recipients: JSON.stringify(i.recipients) } : {}),
    ...(i.active !== undefined ? { active: i.active ? 1 : 0 } : {}),
    updated_at: at,
  });
  return view(row, at);
}

export async function deleteSchedule(_actor: Actor, id: number, deps: Deps): Promise<void> {
  if (!(await q.deleteSchedule(deps.db.kysely, id))) throw new NotFound(`report schedule ${id} does not exist`);
}

const monthStart = (d: string, back: number) => {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7)) - 1 - back;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${yy}-${String(mm + 1).padStart(2, '0')}-01`;
};

/** The period a run reports on: the whole day, ISO week, month, quarter or year before its due date. */
export function periodBefore(due: string, period: SchedulePeriod): { from: string; to: string } {
  switch (period) {
    case 'previous_day': return { from: addDays(due, -1), to: addDays(due, -1) };
    case 'previous_week': {
      const monday = addDays(due, -((new Date(`${due}T00:00:00Z`).getUTCDay() + 6) % 7));
      return { from: addDays(monday, -7), to: addDays(monday, -1) };
    }
    case 'previous_month': return { from: monthStart(due, 1), to: addDays(monthStart(due, 0), -1) };
    case 'previous_quarter': {
      const back = (Number(due.slice(5, 7)) - 1) % 3;
      return { from: monthStart(due, back + 3), to: addDays(monthStart(due, back), -1) };
    }
    case 'previous_year': {
      const y = Number(due.slice(0, 4)) - 1;
      return { from: `${y}-01-01`, to: `${y}-12-31` };
    }
  }
}

export interface ClaimedRun {
  runId: number;
  schedule: q.ScheduleRow;
  dueAt: string;
}

/**
 * The runs due now that this process won: for each active schedule, its latest due instant at or before
 * `now` and not before the schedule was made (missed older ones are not caught up), claimed by one insert.
 */
/** A run left 'running' this long was claimed by a process that died; another may take it over. */
export const STALE_RUN_MS = 60 * 60_000;

export async function claimDueRuns(deps: Deps): Promise<ClaimedRun[]> {
  const now = deps.now();
  const staleBefore = new Date(Date.parse(now) - STALE_RUN_MS).toISOString();
  const claimed: ClaimedRun[] = [];
  for (let after: number | undefined; ; ) {
    const rows = await q.listSchedules(deps.db.kysely, { after, limit: 200, activeOnly: true });
    for (const s of rows.slice(0, 200)) {
      const due = new Cron(s.cron, { timezone: s.timezone, paused: true }).previousRuns(1, new Date(now))[0];
      if (!due || due.toISOString() < s.created_at) continue;
      const runId = await q.claimRun(deps.db.kysely, s.id, due.toISOString(), now, staleBefore);
      if (runId !== undefined) claimed.push({ runId, schedule: s, dueAt: due.toISOString() });
    }
    if (rows.length <= 200) return claimed;
    after = rows[199]?.id;
  }
}

/** Generates the report of a claimed run and keeps it; the run row records the outcome. */
export async function executeRun(actor: Actor, run: ClaimedRun, deps: Deps): Promise<ReportView> {
  const s = run.schedule;
  const period = periodBefore(localDate(run.dueAt, s.timezone), z.enum(PERIODS).parse(s.period));
  try {
    const stored = JSON.parse(s.params) as Record<string, unknown>;
    const params = s.kind === 'practice' ? { ...stored, period: period.from.slice(0, 4), ...period } : { ...stored, ...period };
    const report = await generateReport(actor, { kind: s.kind, params, format: s.format }, deps, s.id);
    await q.finishRun(deps.db.kysely, run.runId, { status: 'done', report_id: report.id, error: null, delivery: null, finished_at: deps.now() });
    return report;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await q.finishRun(deps.db.kysely, run.runId, { status: 'failed', report_id: null, error: message.slice(0, 1000), delivery: null, finished_at: deps.now() });
    throw err instanceof Invalid || err instanceof NotFound ? err : new Error(`schedule ${s.id}: ${message}`);
  }
}

export async function recordDelivery(deps: Deps, runId: number, delivery: 'sent' | 'skipped' | 'failed', error: string | null): Promise<void> {
  await q.finishRun(deps.db.kysely, runId, { status: 'done', delivery, error, finished_at: deps.now() });
}

export function recipientsOf(s: q.ScheduleRow): string[] {
  return JSON.parse(s.recipients) as string[];
}
