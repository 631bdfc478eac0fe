// GET /api/health: database and worker status; 503 when the database cannot be reached.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { checkHealth, type WorkerStatus } from '../../actions/health.ts';
import { json, newRouter } from '../openapi.ts';

const healthView = z
  .object({
    status: z.enum(['ok', 'degraded']),
    version: z.string(),
    time: z.string(),
    database: z.object({ status: z.enum(['ok', 'error']), dialect: z.string(), latency_ms: z.number(), error: z.string().optional() }),
    worker: z.object({ mode: z.enum(['embedded', 'none']), status: z.enum(['running', 'idle', 'stopped']), last_heartbeat: z.string().nullable() }),
    workers: z.array(z.object({ id: z.string(), kind: z.string(), host: z.string(), pid: z.number(), started_at: z.string(), last_beat_at: z.string(), alive: z.boolean() })),
    demo: z.object({ loaded: z.boolean() }),
    publishing: z
      .object({
        due: z.number().meta({ description: 'publications whose time has come, waiting for a worker' }),
        waiting: z.number().meta({ description: 'publications due later (scheduled, or backing off after a passing failure)' }),
        publishing: z.number().meta({ description: 'claimed by a worker or being sent' }),
        needs_check: z.number().meta({ description: 'the answer was lost; the platform will be checked, or a person settles them' }),
        failed: z.number(),
        oldest_due_at: z.string().nullable().meta({ description: 'the oldest due time among those due now: how late the queue runs' }),
      })
      .nullable(),
  })
  .meta({ id: 'Health' });

export function healthRouter(worker: () => WorkerStatus) {
  return newRouter().openapi(
    createRoute({
      method: 'get', path: '/health', tags: ['Service'], summary: 'Service health',
      responses: { 200: json(healthView, 'Healthy'), 503: json(healthView, 'The database cannot be reached') },
    }),
    async (c) => {
      const h = await checkHealth(c.var.deps, worker());
      return h.status === 'ok' ? c.json(h, 200) : c.json(h, 503);
    },
  );
}
