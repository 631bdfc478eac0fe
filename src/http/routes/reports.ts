// /api/reports (generate, list, read, download) and /api/report-schedules (CRUD): reports in the house style.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import * as reports from '../../actions/reports.ts';
import * as schedules from '../../actions/report-schedules.ts';
import { pageView } from '../../actions/views.ts';
import { body, errors, json, newRouter, noContent } from '../openapi.ts';

const tags = ['Reports'];
const idParams = z.object({ id: z.coerce.number().int().positive().meta({ param: { name: 'id', in: 'path' }, example: 1 }) });

/** RFC 6266: an ASCII fallback plus the exact UTF-8 name. */
function disposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export const reportsRouter = newRouter()
  .openapi(
    createRoute({
      method: 'post', path: '/reports', tags, summary: 'Generate a report (evaluation pack or network benchmark) and keep it',
      description: 'Generation runs in the request; the file is stored in the database and can be downloaded again.',
      request: { body: body(reports.createReportInput) },
      responses: { 201: json(reports.reportView, 'The stored report'), ...errors },
    }),
    async (c) => c.json(await reports.generateReport(c.var.actor, c.req.valid('json'), c.var.deps), 201),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/reports', tags, summary: 'Stored reports, newest first',
      request: { query: reports.listReportsInput },
      responses: { 200: json(pageView(reports.reportView, 'ReportPage'), 'A page of reports'), ...errors },
    }),
    async (c) => c.json(await reports.listReports(c.var.actor, c.req.valid('query'), c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/reports/{id}', tags, summary: "A stored report's metadata and parameters",
      request: { params: idParams },
      responses: { 200: json(reports.reportView, 'The report'), ...errors },
    }),
    async (c) => c.json(await reports.getReport(c.var.actor, c.req.valid('param').id, c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/reports/{id}/download', tags, summary: "A stored report's file",
      request: { params: idParams },
      responses: {
        200: {
          description: 'The file, with its content type and a file name (Content-Disposition: attachment)',
          content: Object.fromEntries(
            ['text/html', 'application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'].map((t) => [t, { schema: z.string().meta({ format: 'binary' }) }]),
          ),
        },
        ...errors,
      },
    }),
    async (c) => {
      const f = await reports.reportFile(c.var.actor, c.req.valid('param').id, c.var.deps);
      return new Response(new Uint8Array(f.bytes), {
        status: 200,
        headers: { 'content-type': f.contentType, 'content-disposition': disposition(f.filename), 'content-length': String(f.bytes.length) },
      });
    },
  )
  .openapi(
    createRoute({
      method: 'delete', path: '/reports/{id}', tags, summary: 'Delete a stored report',
      request: { params: idParams },
      responses: { 204: noContent, ...errors },
    }),
    async (c) => {
      await reports.deleteReport(c.var.actor, c.req.valid('param').id, c.var.deps);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post', path: '/report-schedules', tags, summary: 'Schedule a report (cron expression in a time zone)',
      request: { body: body(schedules.createScheduleInput) },
      responses: { 201: json(schedules.scheduleView, 'The schedule'), ...errors },
    }),
    async (c) => c.json(await schedules.createSchedule(c.var.actor, c.req.valid('json'), c.var.deps), 201),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/report-schedules', tags, summary: 'Report schedules',
      request: { query: schedules.listSchedulesInput },
      responses: { 200: json(pageView(schedules.scheduleView, 'ReportSchedulePage'), 'A page of schedules'), ...errors },
    }),
    async (c) => c.json(await schedules.listSchedules(c.var.actor, c.req.valid('query'), c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/report-schedules/{id}', tags, summary: 'A report schedule with its last 20 runs',
      request: { params: idParams },
      responses: { 200: json(schedules.scheduleView, 'The schedule'), ...errors },
    }),
    async (c) => c.json(await schedules.getSchedule(c.var.actor, c.req.valid('param').id, c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'patch', path: '/report-schedules/{id}', tags, summary: 'Change a report schedule',
      request: { params: idParams, body: body(schedules.updateScheduleInput) },
      responses: { 200: json(schedules.scheduleView, 'Updated'), ...errors },
    }),
    async (c) => c.json(await schedules.updateSchedule(c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'delete', path: '/report-schedules/{id}', tags, summary: 'Delete a report schedule (its reports are kept)',
      request: { params: idParams },
      responses: { 204: noContent, ...errors },
    }),
    async (c) => {
      await schedules.deleteSchedule(c.var.actor, c.req.valid('param').id, c.var.deps);
      return c.body(null, 204);
    },
  );
