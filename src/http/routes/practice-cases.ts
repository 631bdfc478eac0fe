// /api/groups/{code}/practice-cases and /api/practice-cases/{id}: the network's good-practice library (issue 9).
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import * as actions from '../../actions/practice-cases.ts';
import { body, errors, json, newRouter, noContent } from '../openapi.ts';

const tags = ['Practice'];
const groupParams = z.object({ code: z.string().meta({ param: { name: 'code', in: 'path' }, example: 'ISO' }) });
const idParams = z.object({ id: z.coerce.number().int().positive().meta({ param: { name: 'id', in: 'path' }, example: 1 }) });

const bilingual = z.object({ id: z.string(), en: z.string() });
const summaryFields = {
  id: z.number(),
  network: z.string(),
  slug: z.string(),
  title: bilingual,
  summary: bilingual,
  practices: z.array(z.string()),
  org: z.string().nullable(),
  published: z.boolean(),
  updated_at: z.string(),
};
const caseSummary = z.object(summaryFields).meta({ id: 'PracticeCaseSummary' });
const caseView = z.object({ ...summaryFields, body: bilingual, created_at: z.string() }).meta({ id: 'PracticeCase', description: 'A case page; its texts are plain text, to be shown as text' });
const caseList = z.object({ network: z.string(), items: z.array(caseSummary) }).meta({ id: 'PracticeCaseList' });

export const practiceCasesRouter = newRouter()
  .openapi(
    createRoute({
      method: 'get', path: '/groups/{code}/practice-cases', tags, summary: "The network's case pages (published ones unless drafts=true)",
      request: { params: groupParams, query: actions.listCasesInput },
      responses: { 200: json(caseList, 'The cases, by slug'), ...errors },
    }),
    async (c) => c.json(await actions.listPracticeCases(c.var.actor, c.req.valid('param').code, c.req.valid('query'), c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/groups/{code}/practice-cases', tags, summary: 'Write a case page (a draft unless published is true)',
      request: { params: groupParams, body: body(actions.createCaseInput) },
      responses: { 201: json(caseView, 'Created'), ...errors },
    }),
    async (c) => c.json(await actions.createPracticeCase(c.var.actor, c.req.valid('param').code, c.req.valid('json'), c.var.deps), 201),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/practice-cases/{id}', tags, summary: 'One case page in both languages',
      request: { params: idParams },
      responses: { 200: json(caseView, 'The case'), ...errors },
    }),
    async (c) => c.json(await actions.getPracticeCase(c.var.actor, c.req.valid('param').id, c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'patch', path: '/practice-cases/{id}', tags, summary: 'Change a case page (publish or withdraw it with published)',
      request: { params: idParams, body: body(actions.updateCaseInput) },
      responses: { 200: json(caseView, 'The changed case'), ...errors },
    }),
    async (c) => c.json(await actions.updatePracticeCase(c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'delete', path: '/practice-cases/{id}', tags, summary: 'Delete a case page',
      request: { params: idParams },
      responses: { 204: noContent, ...errors },
    }),
    async (c) => {
      await actions.deletePracticeCase(c.var.actor, c.req.valid('param').id, c.var.deps);
      return c.body(null, 204);
    },
  );
