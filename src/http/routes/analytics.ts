// /api/organizations/{code}/… analytics and /api/groups/{code}/benchmark: the figures of METRICS.md over HTTP.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import * as analytics from '../../actions/analytics.ts';
import * as metrics from '../../actions/metrics.ts';
import { errors, json, newRouter } from '../openapi.ts';

const orgParams = z.object({ code: z.string().meta({ param: { name: 'code', in: 'path' }, example: 'BSN' }) });
const groupParams = z.object({ code: z.string().meta({ param: { name: 'code', in: 'path' }, example: 'ISO' }) });
const tags = ['Analytics'];
const num = z.number().nullable();

export const metricSetView = z
  .object({
    start: num, end: num, growth: num, growth_pct: num, weekly_growth_pct: num, baseline: z.enum(['full', 'partial']),
    posts: num, posts_per_week: num, engagements_per_post: num, er: num, visual_share: num, video_share: num,
    mention_share: num, accounts_mentioned: num, followers: num,
  })
  .meta({ id: 'MetricSet', description: 'Every metric of METRICS.md, unrounded' });

const metricsView = z
  .object({
    org: z.string(), from: z.string(), to: z.string(), er_method: z.string(),
    platforms: z.record(z.string(), metricSetView),
    accounts: z.array(metricSetView.extend({ platform: z.string(), handle: z.string() })),
  })
  .meta({ id: 'OrganizationMetrics' });

const figures = z.record(z.string(), num);
const benchmarkView = z
  .object({
    group: z.string(), platform: z.string(), from: z.string(), to: z.string(), er_method: z.string(), metrics: z.array(z.string()),
    organizations: z.array(z.object({ org: z.string(), values: figures, ranks: z.record(z.string(), z.number()), percentiles: z.record(z.string(), z.number()), z: figures, composite: num })),
    stats: z.record(z.string(), z.object({ n: z.number(), min: num, q1: num, median: num, q3: num, max: num, mean: num, sd: num })),
  })
  .meta({ id: 'Benchmark' });

const anyObject = (id: string, description: string) => z.looseObject({ org: z.string() }).meta({ id, description });

const orgQuery = z.object({ from: z.string(), to: z.string(), platform: z.string().optional() });

function orgRoute<Q extends z.ZodObject>(path: string, summary: string, query: Q, schema: z.ZodType) {
  return createRoute({ method: 'get', path: `/organizations/{code}${path}`, tags, summary, request: { params: orgParams, query }, responses: { 200: json(schema, summary), ...errors } });
}

export const analyticsRouter = newRouter()
  .openapi(orgRoute('/metrics', 'Every metric per platform and per account over a period', orgQuery.extend({ er_method: z.string().optional() }), metricsView), async (c) =>
    c.json(await metrics.organizationMetricsReport(c.var.actor, { ...c.req.valid('query'), org: c.req.valid('param').code }, c.var.deps), 200),
  )
  .openapi(orgRoute('/series/followers', 'Followers as of the end of each day, week or month, per account, platform and in total', orgQuery.extend({ interval: z.string().optional() }), anyObject('FollowerSeries', 'points: {start, end, value}')), async (c) =>
    c.json(await analytics.followerSeriesReport(c.var.actor, { ...c.req.valid('query'), org: c.req.valid('param').code }, c.var.deps), 200),
  )
  .openapi(orgRoute('/series/activity', 'Posts, posts per week, engagements and mean ER per day, week or month and platform', orgQuery.extend({ interval: z.string().optional() }), anyObject('ActivitySeries', 'per platform: {start, end, posts, posts_per_week, er, engagements}')), async (c) =>
    c.json(await analytics.activityReport(c.var.actor, { ...c.req.valid('query'), org: c.req.valid('param').code }, c.var.deps), 200),
  )
  .openapi(orgRoute('/posts/top', 'Top (or bottom) posts of a period by engagements or ER', orgQuery.extend({ by: z.string().optional(), order: z.string().optional(), limit: z.string().optional() }), anyObject('TopPosts', 'posts ordered as asked')), async (c) =>
    c.json(await analytics.topPostsReport(c.var.actor, { ...c.req.valid('query'), org: c.req.valid('param').code }, c.var.deps), 200),
  )
  .openapi(orgRoute('/best-times', 'Mean ER and post count by local weekday (0 = Monday) and hour: a 7 x 24 grid', orgQuery, anyObject('BestTimes', 'grid[weekday][hour]')), async (c) =>
    c.json(await analytics.bestTimesReport(c.var.actor, { ...c.req.valid('query'), org: c.req.valid('param').code }, c.var.deps), 200),
  )
  .openapi(orgRoute('/breakouts', "Posts whose ER is more than `threshold` (5) standard deviations above the account's trailing 90-day mean", orgQuery.extend({ threshold: z.string().optional() }), anyObject('Breakouts', 'breakout posts, strongest first')), async (c) =>
    c.json(await analytics.breakoutsReport(c.var.actor, { ...c.req.valid('query'), org: c.req.valid('param').code }, c.var.deps), 200),
  )
  .openapi(orgRoute('/gaps', 'Dates without an audience snapshot, per account', orgQuery, anyObject('DataGaps', 'runs of missing dates per account')), async (c) =>
    c.json(await analytics.gapsReport(c.var.actor, { ...c.req.valid('query'), org: c.req.valid('param').code }, c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/groups/{code}/benchmark', tags, summary: "The group's organisations compared on one platform",
      request: { params: groupParams, query: z.object({ platform: z.string(), from: z.string(), to: z.string(), metrics: z.string().optional(), er_method: z.string().optional() }) },
      responses: { 200: json(benchmarkView, 'Values, ranks, percentiles, z, composite and group statistics'), ...errors },
    }),
    async (c) => c.json(await metrics.groupBenchmark(c.var.actor, { ...c.req.valid('query'), group: c.req.valid('param').code }, c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/groups/{code}/composite', tags, summary: 'The cross-platform composite index of every organisation of the group',
      request: { params: groupParams, query: z.object({ from: z.string(), to: z.string(), platforms: z.string().optional(), er_method: z.string().optional() }) },
      responses: { 200: json(z.looseObject({ group: z.string() }).meta({ id: 'Composite' }), 'Per organisation: composite per platform and their mean'), ...errors },
    }),
    async (c) => c.json(await metrics.crossPlatformBenchmark(c.var.actor, { ...c.req.valid('query'), group: c.req.valid('param').code }, c.var.deps), 200),
  );
