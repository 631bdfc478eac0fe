// /api/accounts/{platform}/{handle}/snapshots: audience counts by date, entered by hand; /api/audit.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import * as actions from '../../actions/snapshots.ts';
import { pageView } from '../../actions/views.ts';
import { body, errors, json, newRouter } from '../openapi.ts';

const tags = ['Snapshots'];
const keyParams = z.object({
  platform: z.string().meta({ param: { name: 'platform', in: 'path' }, example: 'instagram' }),
  handle: z.string().meta({ param: { name: 'handle', in: 'path' }, example: 'bsn_sni' }),
});
const dateParams = keyParams.extend({ date: z.string().meta({ param: { name: 'date', in: 'path' }, example: '2019-08-09' }) });

export const snapshotsRouter = newRouter()
  .openapi(
    createRoute({
      method: 'put', path: '/accounts/{platform}/{handle}/snapshots/{date}', tags,
      summary: "Record an account's follower count (and other totals) for a date; a change keeps the old value in the audit log",
      request: { params: dateParams, body: body(actions.putSnapshotInput) },
      responses: { 200: json(actions.putSnapshotResult, 'Updated or unchanged'), 201: json(actions.putSnapshotResult, 'Created'), ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const r = await actions.putSnapshot(c.var.actor, p.platform, p.handle, p.date, c.req.valid('json'), c.var.deps);
      return r.created ? c.json(r, 201) : c.json(r, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get', path: '/accounts/{platform}/{handle}/snapshots', tags, summary: "An account's snapshots by date",
      request: { params: keyParams, query: actions.listSnapshotsInput },
      responses: { 200: json(pageView(actions.snapshotView, 'SnapshotPage'), 'A page of snapshots, oldest first'), ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await actions.listAccountSnapshots(c.var.actor, p.platform, p.handle, c.req.valid('query'), c.var.deps), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get', path: '/audit', tags: ['Audit'], summary: 'Changed values: who, when, old, new, source (newest first)',
      request: { query: actions.listAuditInput },
      responses: { 200: json(pageView(actions.auditView, 'AuditPage'), 'A page of audit records'), ...errors },
    }),
    async (c) => c.json(await actions.listAuditLog(c.var.actor, c.req.valid('query'), c.var.deps), 200),
  );
