// /api/accounts/{platform}/{handle}/cadence and /api/organizations/{code}/cadence: weekly posting targets
// per account, and per account and week how the plan and what went out compare with them.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import * as actions from '../../actions/cadence.ts';
import { body, errors, json, newRouter } from '../openapi.ts';

const tags = ['Planning'];
const orgParams = z.object({ code: z.string().meta({ param: { name: 'code', in: 'path' }, example: 'BSN' }) });
const keyParams = z.object({
  platform: z.string().meta({ param: { name: 'platform', in: 'path' }, example: 'instagram' }),
  handle: z.string().meta({ param: { name: 'handle', in: 'path' }, example: 'bsn_sni' }),
});

export const cadenceRouter = newRouter()
  .openapi(
    createRoute({
      method: 'get', path: '/accounts/{platform}/{handle}/cadence', tags, summary: "An account's target: posts a week (null when none)",
      request: { params: keyParams },
      responses: { 200: json(actions.cadenceView, 'The target'), ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await actions.getCadence(c.var.actor, p.platform, p.handle, c.var.deps), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put', path: '/accounts/{platform}/{handle}/cadence', tags, summary: "Set an account's target in posts a week; null removes it",
      request: { params: keyParams, body: body(actions.cadenceInput) },
      responses: { 200: json(actions.cadenceView, 'The target'), ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await actions.putCadence(c.var.actor, p.platform, p.handle, c.req.valid('json'), c.var.deps), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get', path: '/organizations/{code}/cadence', tags, summary: 'Planned, scheduled and published per account and local week against the target',
      description: "Weeks run Monday to Sunday in the organisation's zone and cover the period whole. Past weeks count what was published; the current and later weeks add what is scheduled and planned.",
      request: { params: orgParams, query: actions.cadenceReportInput },
      responses: { 200: json(actions.cadenceReportView, 'The cadence'), ...errors },
    }),
    async (c) => c.json(await actions.cadenceReport(c.var.actor, c.req.valid('param').code, c.req.valid('query'), c.var.deps), 200),
  );
