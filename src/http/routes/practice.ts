// /api/groups/{code}/practice-* and /api/organizations/{code}/practice-assessments: the practice benchmark (issue 9).
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import * as actions from '../../actions/practice.ts';
import { body, errors, json, newRouter } from '../openapi.ts';
import { observedView } from './practice-observed.ts';

const tags = ['Practice'];
const groupParams = z.object({ code: z.string().meta({ param: { name: 'code', in: 'path' }, example: 'ISO' }) });
const periodParams = z.object({
  code: z.string().meta({ param: { name: 'code', in: 'path' }, example: 'BSN' }),
  period: z.string().meta({ param: { name: 'period', in: 'path' }, example: '2026' }),
});

const bilingual = z.object({ id: z.string(), en: z.string() });
const num = z.number().nullable();

const frameworkView = z
  .object({ group: z.string(), stored: z.boolean(), framework: z.looseObject({ id: z.string(), version: z.number(), practices: z.array(z.looseObject({ id: z.string() })) }) })
  .meta({ id: 'PracticeFramework', description: 'The framework of a network: practices with levels 0..n in Indonesian and English' });

const maturityView = z.object({ score: num, answered: z.number(), total: z.number(), stage: z.string().nullable(), minAnswers: z.number() });

const reviewRequestView = z
  .object({ id: z.number(), version: z.number(), status: z.string(), comment: z.string(), created_at: z.string() })
  .meta({ id: 'PracticeReviewRequest' });

const assessmentFields = {
  org: z.string(),
  period: z.string(),
  version: z.number(),
  network: z.string().nullable(),
  framework: z.object({ id: z.string(), version: z.number() }),
  answers: z.record(z.string(), z.object({ level: z.number().nullable(), note: z.string().optional(), link: z.string().optional() })),
  maturity: maturityView,
  stage_name: bilingual.nullable(),
  created_at: z.string(),
  review_requests: z.array(reviewRequestView),
};
const assessmentView = z.object(assessmentFields).meta({ id: 'PracticeAssessmentVersion' });
const latestAssessmentView = z
  .object({
    ...assessmentFields,
    versions: z.array(z.object({ version: z.number(), created_at: z.string() })),
    observed: observedView.nullable().meta({ description: 'levels proposed from observed data for the period; null when it cannot be observed' }),
    review_flags: z.array(z.object({ practiceId: z.string(), declared: z.number(), proposed: z.number() })).meta({ description: 'declared levels two or more away from the proposal' }),
  })
  .meta({ id: 'PracticeAssessment' });
const historyView = z.object({ org: z.string(), period: z.string(), items: z.array(assessmentView) }).meta({ id: 'PracticeAssessmentHistory' });

const benchmarkView = z
  .looseObject({ group: z.string(), period: z.string(), members: z.number(), assessed: z.number() })
  .meta({ id: 'PracticeBenchmark', description: 'distribution per practice, standings (score, stage, percentile), overall and peer-group medians, positions' });
const associationView = z
  .looseObject({ group: z.string(), period: z.string(), practiceId: z.string(), metric: z.string(), n: z.number(), rho: num, hidden: z.boolean() })
  .meta({ id: 'PracticeAssociation', description: 'outcome by level, Spearman rho and bootstrap interval; hidden (with a reason) when too few members' });

export const practiceRouter = newRouter()
  .openapi(
    createRoute({
      method: 'get', path: '/groups/{code}/practice-framework', tags, summary: "A network's practice framework (the default when none is stored)",
      request: { params: groupParams },
      responses: { 200: json(frameworkView, 'The framework'), ...errors },
    }),
    async (c) => c.json(await actions.getPracticeFramework(c.var.actor, c.req.valid('param').code, c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'put', path: '/groups/{code}/practice-framework', tags, summary: "Replace a network's framework; stored as the next version",
      request: { params: groupParams, body: body(z.looseObject({}).meta({ id: 'PracticeFrameworkInput', description: 'a whole framework (id, name, practices); version is assigned' })) },
      responses: { 200: json(frameworkView, 'The new version'), ...errors },
    }),
    async (c) => c.json(await actions.putPracticeFramework(c.var.actor, c.req.valid('param').code, c.req.valid('json'), c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/organizations/{code}/practice-assessments/{period}', tags, summary: 'The latest self-assessment of a period, with its maturity and the list of versions',
      request: { params: periodParams },
      responses: { 200: json(latestAssessmentView, 'The latest version'), ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await actions.getPracticeAssessment(c.var.actor, p.code, p.period, c.var.deps), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put', path: '/organizations/{code}/practice-assessments/{period}', tags, summary: 'Save a new version of the self-assessment',
      request: { params: periodParams, body: body(actions.saveAssessmentInput) },
      responses: { 200: json(assessmentView, 'The saved version'), ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await actions.savePracticeAssessment(c.var.actor, p.code, p.period, c.req.valid('json'), c.var.deps), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get', path: '/organizations/{code}/practice-assessments/{period}/history', tags, summary: 'Every version of the self-assessment, newest first',
      request: { params: periodParams },
      responses: { 200: json(historyView, 'The versions'), ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await actions.practiceAssessmentHistory(c.var.actor, p.code, p.period, c.var.deps), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post', path: '/organizations/{code}/practice-assessments/{period}/review-request', tags, summary: "A coordinator asks for a review of the latest version",
      request: { params: periodParams, body: body(actions.reviewRequestInput) },
      responses: { 201: json(reviewRequestView, 'Requested'), ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await actions.requestPracticeReview(c.var.actor, p.code, p.period, c.req.valid('json'), c.var.deps), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get', path: '/groups/{code}/practice-benchmark', tags, summary: "The network's practice benchmark for a period",
      request: { params: groupParams, query: z.object({ period: z.string() }) },
      responses: { 200: json(benchmarkView, 'Distribution, maturity, stages, positions and peer-group medians'), ...errors },
    }),
    async (c) => c.json(await actions.practiceBenchmark(c.var.actor, { ...c.req.valid('query'), group: c.req.valid('param').code }, c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/groups/{code}/practice-association', tags, summary: 'One practice against one outcome metric across the members that answered',
      request: {
        params: groupParams,
        query: z.object({ period: z.string(), practice: z.string(), metric: z.string(), platform: z.string(), from: z.string(), to: z.string() }),
      },
      responses: { 200: json(associationView, 'The association, or why it is hidden'), ...errors },
    }),
    async (c) => c.json(await actions.practiceAssociation(c.var.actor, { ...c.req.valid('query'), group: c.req.valid('param').code }, c.var.deps), 200),
  );
