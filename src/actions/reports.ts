// Use cases that write reports: the follower summary paragraph, and evaluation packs and network
// benchmarks in HTML, PDF, XLSX or CSV (network practice reports in HTML or PDF), generated, kept in the
// database with their parameters, listed and downloaded.
import { z } from 'zod';
import { NotFound } from '../core/errors.ts';
import * as q from '../db/queries/reports.ts';
import { decodeCursor, toPage, type Page } from '../db/queries/paging.ts';
import { benchmarkDoc } from '../reports/benchmark.ts';
import { evaluationDoc } from '../reports/evaluation.ts';
import { REPORT_LANGUAGES } from '../reports/locales/index.ts';
import { FORMATS, type ReportDoc } from '../reports/model.ts';
import { renderReport, type RenderedReport } from '../reports/render.ts';
import { parseInput, SYSTEM, type Actor, type Deps } from './context.ts';
import { keepVisible, visibility } from './visibility.ts';
import { groupCode, localDate, orgCode, pageQuery, platform } from './fields.ts';
import { organizationMetricsReport } from './metrics.ts';
import { benchmarkData, evaluationData, summaryOf } from './report-data.ts';
import { practiceDoc } from '../reports/practice.ts';
import { practiceReportData, practiceReportParams } from './practice-report.ts';

const lang = z.enum(REPORT_LANGUAGES).default('id').meta({ description: 'language of every text of the report' });

export const followerReportInput = z.object({ org: orgCode, from: localDate, to: localDate, lang });

export async function followerReport(_actor: Actor, input: unknown, deps: Deps): Promise<string> {
  const i = parseInput(followerReportInput, input);
  const m = await organizationMetricsReport(SYSTEM, { org: i.org, from: i.from, to: i.to }, deps);
  return summaryOf(m.org, i.from, i.to, m.platforms, i.lang);
}

const platformList = z
  .preprocess((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v), z.array(platform).min(1))
  .optional()
  .meta({ description: 'platforms to compare (default: every platform of the members)' });

export const evaluationParams = z.object({ org: orgCode, from: localDate, to: localDate, lang }).strict();
export const benchmarkParams = z.object({ group: groupCode, from: localDate, to: localDate, platforms: platformList, lang }).strict();
export const reportFormat = z.enum(FORMATS);

export const createReportInput = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('evaluation'), params: evaluationParams, format: reportFormat }).strict(),
    z.object({ kind: z.literal('benchmark'), params: benchmarkParams, format: reportFormat }).strict(),
    z.object({ kind: z.literal('practice'), params: practiceReportParams, format: z.enum(['html', 'pdf']) }).strict(),
  ])
  .meta({ id: 'ReportCreate' });
export type CreateReportInput = z.infer<typeof createReportInput>;

export const reportView = z
  .object({
    id: z.number(),
    kind: z.enum(['evaluation', 'benchmark', 'practice']),
    params: z.record(z.string(), z.unknown()),
    format: reportFormat,
    title: z.string(),
    filename: z.string(),
    content_type: z.string(),
    size: z.number().meta({ description: 'bytes' }),
    schedule_id: z.number().nullable(),
    created_at: z.string(),
    download_url: z.string(),
  })
  .meta({ id: 'Report' });
export type ReportView = z.infer<typeof reportView>;

function viewReport(r: q.ReportMeta): ReportView {
  return {
    id: r.id,
    kind: r.kind === 'benchmark' || r.kind === 'practice' ? r.kind : 'evaluation',
    params: JSON.parse(r.params) as Record<string, unknown>,
    format: reportFormat.parse(r.format),
    title: r.title,
    filename: r.filename,
    content_type: r.content_type,
    size: r.size,
    schedule_id: r.schedule_id,
    created_at: r.created_at,
    download_url: `/api/reports/${r.id}/download`,
  };
}

/** The report's document (format-neutral), from fresh figures. */
export async function reportDocument(i: CreateReportInput, deps: Deps): Promise<ReportDoc> {
  if (i.kind === 'evaluation') return evaluationDoc(await evaluationData(deps, i.params), i.params.lang);
  if (i.kind === 'practice') return practiceDoc(await practiceReportData(deps, i.params), i.params.lang);
  return benchmarkDoc(await benchmarkData(deps, i.params), i.params.lang);
}

/** Builds a report's file without keeping it (the CLI writes it to --out). */
export async function buildReport(_actor: Actor, input: unknown, deps: Deps): Promise<RenderedReport & { title: string }> {
  const i = parseInput(createReportInput, input);
  const doc = await reportDocument(i, deps);
  return { ...(await renderReport(doc, i.format, deps.now())), title: doc.title };
}

/** Builds a report and keeps it (bytes and parameters) so it can be listed and downloaded again. */
export async function generateReport(actor: Actor, input: unknown, deps: Deps, scheduleId: number | null = null): Promise<ReportView> {
  const i = parseInput(createReportInput, input);
  const built = await buildReport(actor, i, deps);
  const row = await q.insertReport(deps.db.kysely, {
    kind: i.kind, params: JSON.stringify(i.params), format: i.format, title: built.title, filename: built.filename,
    content_type: built.contentType, size: built.bytes.length, content: built.bytes, schedule_id: scheduleId, created_at: deps.now(),
  });
  return viewReport(row);
}

export const listReportsInput = pageQuery.extend({
  schedule: z.coerce.number().int().positive().optional().meta({ description: 'only reports made by this schedule' }),
});

export async function listReports(actor: Actor, input: unknown, deps: Deps): Promise<Page<ReportView>> {
  const i = parseInput(listReportsInput, input);
  const rows = await q.listReports(deps.db.kysely, { before: decodeCursor<number>(i.cursor, 'number'), limit: i.limit, scheduleId: i.schedule });
  const page = toPage(rows, i.limit, (r) => r.id);
  const v = visibility(actor, deps);
  return { items: (await keepVisible(page.items, (r) => v.params(r.params))).map(viewReport), next_cursor: page.next_cursor };
}

export async function getReport(_actor: Actor, id: number, deps: Deps): Promise<ReportView> {
  const r = await q.findReport(deps.db.kysely, id);
  if (!r) throw new NotFound(`report ${id} does not exist`);
  return viewReport(r);
}

export async function reportFile(_actor: Actor, id: number, deps: Deps): Promise<{ filename: string; contentType: string; bytes: Buffer }> {
  const r = await q.reportContent(deps.db.kysely, id);
  if (!r) throw new NotFound(`report ${id} does not exist`);
  return { filename: r.filename, contentType: r.content_type, bytes: r.content };
}

export async function deleteReport(_actor: Actor, id: number, deps: Deps): Promise<void> {
  if (!(await q.deleteReport(deps.db.kysely, id))) throw new NotFound(`report ${id} does not exist`);
}
