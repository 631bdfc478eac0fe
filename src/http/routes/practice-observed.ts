// /api/organizations/{code}/practice-observed/{period} and /api/groups/{code}/practice-outcomes: levels
// proposed from observed data, and every practice against one outcome metric (issue 9).
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { observedInput, observedPractice } from '../../actions/practice-observed.ts';
import { practiceOutcomes, practiceOutcomesInput } from '../../actions/practice-outcomes.ts';
import { errors, json, newRouter } from '../openapi.ts';

const tags = ['Practice'];
const groupParams = z.object({ code: z.string().meta({ param: { name: 'code', in: 'path' }, example: 'ISO' }) });
const periodParams = z.object({
  code: z.string().meta({ param: { name: 'code', in: 'path' }, example: 'BSN' }),
  period: z.string().meta({ param: { name: 'period', in: 'path' }, example: '2026' }),
});
const bilingual = z.object({ id: z.string(), en: z.string() });

export const observedView = z
  .object({
    org: z.string(),
    period: z.string(),
    from: z.string(),
    to: z.string(),
    exact: z.boolean(),
    network: z.string().nullable(),
    signals: z.looseObject({}),
    inputs: z.array(z.object({
      practiceId: z.string(),
      input: z.string(),
      observed: z.boolean(),
      values: z.record(z.string(), z.union([z.number(), z.boolean(), z.null()])),
      note: bilingual.nullable(),
    })),
    proposals: z.array(z.object({ practiceId: z.string(), level: z.number(), reason: bilingual })),
  })
  .meta({ id: 'PracticeObserved', description: 'Levels proposed from what socialbench observed, with the figures behind them; inputs that could not be observed say why' });

const outcomesView = z
  .looseObject({
    group: z.string(), period: z.string(), metric: z.string(), platform: z.string().nullable(), from: z.string(), to: z.string(),
    assessed: z.number(), min_pairs: z.number(), items: z.array(z.looseObject({ practiceId: z.string(), n: z.number(), rho: z.number().nullable(), hidden: z.boolean() })), note: bilingual,
  })
  .meta({ id: 'PracticeOutcomes', description: 'per practice: outcome by level (n, median, quartiles), Spearman rho and bootstrap interval, hidden with a reason when too few members' });

export const practiceObservedRouter = newRouter()
  .openapi(
    createRoute({
      method: 'get', path: '/organizations/{code}/practice-observed/{period}', tags, summary: 'Practice levels proposed from observed data for a period',
      request: { params: periodParams, query: observedInput },
      responses: { 200: json(observedView, 'Proposals and their figures'), ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await observedPractice(c.var.actor, p.code, p.period, c.req.valid('query'), c.var.deps), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get', path: '/groups/{code}/practice-outcomes', tags, summary: 'Every practice of the framework against one outcome metric',
      request: { params: groupParams, query: practiceOutcomesInput.omit({ group: true }).extend({ period: z.string(), metric: z.string().optional(), platform: z.string().optional(), from: z.string().optional(), to: z.string().optional() }) },
      responses: { 200: json(outcomesView, 'The associations, or why each is hidden'), ...errors },
    }),
    async (c) => c.json(await practiceOutcomes(c.var.actor, { ...c.req.valid('query'), group: c.req.valid('param').code }, c.var.deps), 200),
  );
