// Use cases for the posting cadence: each account's weekly target, and per account and week how the
// plan and what went out compare with it.
import { z } from 'zod';
import { cadence, cadenceWeeks } from '../core/content/cadence.ts';
import type { ContentStatus } from '../core/content/index.ts';
import { Invalid } from '../core/errors.ts';
import { addDays, daysBetween, localDate as localDateOf } from '../core/time.ts';
import * as q from '../db/queries/cadence.ts';
import { accountsOfOrganizations } from '../db/queries/metrics.ts';
import { requireAccount } from './accounts.ts';
import { json, localTime, startOfLocalDay } from './content.ts';
import { parseInput, type Actor, type Deps } from './context.ts';
import { localDate } from './fields.ts';
import { requireOrganization } from './organizations.ts';

export const cadenceInput = z
  .object({
    posts_per_week: z.number().int().min(0).max(200).nullable().meta({ description: 'the target; null removes it', example: 5 }),
  })
  .strict()
  .meta({ id: 'CadenceInput' });

export const cadenceView = z
  .object({
    org: z.string(),
    platform: z.string(),
    handle: z.string(),
    posts_per_week: z.number().nullable(),
    updated_at: z.string().nullable(),
  })
  .meta({ id: 'AccountCadence' });
export type CadenceView = z.infer<typeof cadenceView>;

export const MAX_CADENCE_DAYS = 366;
export const CALENDAR_POSTS_LIMIT = 2000;

export const cadenceReportInput = z.object({
  from: localDate.meta({ description: "first local date (the organisation's zone); the report covers whole Monday-to-Sunday weeks" }),
  to: localDate.meta({ description: 'last local date, inclusive' }),
  posts: z.enum(['true', 'false']).default('false').meta({ description: 'also list the published posts of the period (for the calendar)' }),
});

const weekView = z.object({
  start: z.string(),
  end: z.string(),
  planned: z.number().meta({ description: 'items from idea to approved dated in the week' }),
  scheduled: z.number(),
  published_items: z.number(),
  published_posts: z.number(),
  covered: z.number().meta({ description: 'what counts toward the target: published (the larger of items and posts); from the current week on, plus scheduled and planned' }),
  target: z.number().nullable(),
  gap: z.number().meta({ description: 'posts missing to reach the target' }),
  state: z.enum(['met', 'gap', 'no_target']),
  past: z.boolean(),
});

export const cadenceReportView = z
  .object({
    org: z.string(),
    timezone: z.string(),
    from: z.string(),
    to: z.string(),
    today: z.string(),
    weeks: z.array(z.object({ start: z.string(), end: z.string() })),
    accounts: z.array(z.object({ platform: z.string(), handle: z.string(), posts_per_week: z.number().nullable(), gap_weeks: z.number(), weeks: z.array(weekView) })),
    posts: z
      .array(z.object({ platform: z.string(), handle: z.string(), post_id: z.string(), published_at: z.string(), local: z.string(), type: z.string(), text: z.string().nullable(), permalink: z.string().nullable() }))
      .optional()
      .meta({ description: `with posts=true: the published posts of the weeks, oldest first, at most ${CALENDAR_POSTS_LIMIT}` }),
    posts_truncated: z.boolean().optional(),
  })
  .meta({ id: 'CadenceReport' });
export type CadenceReportView = z.infer<typeof cadenceReportView>;

export async function getCadence(_actor: Actor, platform: string, handle: string, deps: Deps): Promise<CadenceView> {
  const a = await requireAccount(deps, platform, handle);
  const row = await q.findCadence(deps.db.kysely, a.id);
  return { org: a.org_code, platform: a.platform, handle: a.handle, posts_per_week: row?.posts_per_week ?? null, updated_at: row?.updated_at ?? null };
}

export async function putCadence(actor: Actor, platform: string, handle: string, input: unknown, deps: Deps): Promise<CadenceView> {
  const i = parseInput(cadenceInput, input);
  const a = await requireAccount(deps, platform, handle);
  if (i.posts_per_week === null) await q.deleteCadence(deps.db.kysely, a.id);
  else await q.setCadence(deps.db.kysely, { account_id: a.id, posts_per_week: i.posts_per_week, updated_at: deps.now() });
  return getCadence(actor, platform, handle, deps);
}

const excerpt = (text: string | null): string | null => (text && text.length > 280 ? `${text.slice(0, 279)}…` : text);

export async function cadenceReport(_actor: Actor, orgCode: string, input: unknown, deps: Deps): Promise<CadenceReportView> {
  const i = parseInput(cadenceReportInput, input);
  if (i.to < i.from) throw new Invalid('to must not be before from', [{ path: 'to', message: 'before from' }]);
  if (daysBetween(i.from, i.to) >= MAX_CADENCE_DAYS) throw new Invalid(`the period may be at most ${MAX_CADENCE_DAYS} days`, [{ path: 'to', message: 'too long' }]);
  const org = await requireOrganization(deps, orgCode);
  const k = deps.db.kysely;
  const accounts = await accountsOfOrganizations(k, [org.id]);
  const ids = accounts.map((a) => a.id);
  const weeks = cadenceWeeks(i.from, i.to);
  const first = weeks[0]?.start ?? i.from;
  const last = weeks.at(-1)?.end ?? i.to;
  const bounds = { fromDate: first, toDate: last, fromInstant: startOfLocalDay(first, org.timezone), toInstant: startOfLocalDay(addDays(last, 1), org.timezone) };
  const [targets, items, times] = await Promise.all([
    q.cadenceOfAccounts(k, ids),
    q.cadenceItems(k, org.id, bounds),
    q.postTimes(k, ids, bounds.fromInstant, bounds.toInstant),
  ]);
  const today = localDateOf(deps.now(), org.timezone);
  const result = cadence({
    from: i.from,
    to: i.to,
    today,
    zone: org.timezone,
    accounts: accounts.map((a) => ({ id: a.id, target: targets.find((t) => t.account_id === a.id)?.posts_per_week ?? null })),
    items: items.map((r) => ({ status: r.status as ContentStatus, accountIds: json<number[]>(r.account_ids), dueDate: r.due_date, scheduledAt: r.scheduled_at, publishedAt: r.published_at })),
    posts: times.map((p) => ({ accountId: p.account_id, publishedAt: p.published_at })),
  });
  const view: CadenceReportView = {
    org: org.code,
    timezone: org.timezone,
    from: i.from,
    to: i.to,
    today,
    weeks: result.weeks,
    accounts: result.accounts.map((c, n) => ({
      platform: accounts[n]?.platform ?? '',
      handle: accounts[n]?.handle ?? '',
      posts_per_week: c.target,
      gap_weeks: c.gapWeeks,
      weeks: c.weeks.map((w) => ({
        start: w.start, end: w.end, planned: w.planned, scheduled: w.scheduled, published_items: w.publishedItems, published_posts: w.publishedPosts,
        covered: w.covered, target: w.target, gap: w.gap, state: w.state, past: w.past,
      })),
    })),
  };
  if (i.posts === 'true') {
    const rows = await q.postsInPeriod(k, ids, bounds.fromInstant, bounds.toInstant, CALENDAR_POSTS_LIMIT + 1);
    view.posts = rows.slice(0, CALENDAR_POSTS_LIMIT).map((p) => {
      const a = accounts.find((x) => x.id === p.account_id);
      return {
        platform: a?.platform ?? '', handle: a?.handle ?? '', post_id: p.post_id, published_at: p.published_at,
        local: localTime(p.published_at, org.timezone), type: p.type, text: excerpt(p.text), permalink: p.permalink,
      };
    });
    view.posts_truncated = rows.length > CALENDAR_POSTS_LIMIT;
  }
  return view;
}
