// Use cases for syncing accounts from the platforms: daily audience snapshots and posts with their counts,
// one claimed stream at a time, resumable, within each platform's limits (YouTube's daily units).
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { z } from 'zod';
import { NotFound } from '../core/errors.ts';
import { PLATFORMS, type Platform } from '../core/platforms.ts';
import { localDate } from '../core/time.ts';
import { updateAccount } from '../db/queries/accounts.ts';
import { ownedWithoutInboxCursor } from '../db/queries/inbox.ts';
import * as q from '../db/queries/sync.ts';
import { PlatformError, RateLimited, type CallContext, type PlatformAdapter, type Target } from '../platforms/types.ts';
import { nextQuotaReset, quotaDay } from '../platforms/youtube/quota.ts';
import { requireAccount } from './accounts.ts';
import { connectorFor, NoAccess, STREAMS, withAccess } from './connections.ts';
import type { Actor, Deps } from './context.ts';
import { INBOX_EVERY_MS, INBOX_STREAM, inboxPlatforms, runInbox } from './inbox-sync.ts';

type Stream = (typeof STREAMS)[number] | typeof INBOX_STREAM;
const ALL_STREAMS = [...STREAMS, INBOX_STREAM] as const;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CLAIM_MS = 10 * 60_000;
/** A first sync reads a year back; later ones re-measure the posts of the last 30 days. */
const BACKFILL_DAYS = 365;
const REFRESH_DAYS = 30;
/** Pages per run, so one account cannot eat a platform's rate limit; the rest follows in RESUME_MS. */
const MAX_PAGES: Record<Platform, number> = { facebook: 10, instagram: 10, x: 5, youtube: 10, tiktok: 5, linkedin: 5 };
const RESUME_MS = 15 * 60_000;

export const streamReport = z.object({
  stream: z.enum(ALL_STREAMS),
  status: z.enum(['done', 'partial', 'busy', 'skipped', 'failed']).meta({ description: 'partial: pages remain for the next run; busy: another worker holds it' }),
  error: z.string().nullable(),
  error_kind: z.string().nullable().meta({ description: 'auth_expired, rate_limited, rejected, temporary, outcome_unknown, no_access' }),
  next_run_at: z.string().nullable(),
  snapshot: z.enum(['added', 'updated', 'unchanged', 'kept']).nullable(),
  posts_added: z.number(),
  posts_updated: z.number(),
  measurements_added: z.number(),
  measurements_updated: z.number(),
  inbox_added: z.number().meta({ description: 'new comments and mentions (inbox stream)' }),
});
export const syncReport = z.object({ platform: z.string(), handle: z.string(), streams: z.array(streamReport) }).meta({ id: 'SyncReport' });
export type StreamReport = z.infer<typeof streamReport>;
export type SyncReport = z.infer<typeof syncReport>;

export function newWorkerId(kind: string): string {
  return `${kind}:${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

function empty(stream: Stream, status: StreamReport['status']): StreamReport {
  return { stream, status, error: null, error_kind: null, next_run_at: null, snapshot: null, posts_added: 0, posts_updated: 0, measurements_added: 0, measurements_updated: 0, inbox_added: 0 };
}

const later = (now: string, ms: number) => new Date(Date.parse(now) + ms).toISOString();

interface PostsCursor {
  backfilled: boolean;
  page: string | null;
}

function readCursor(text: string | null): PostsCursor {
  try {
    const v = JSON.parse(text ?? 'null') as Partial<PostsCursor> | null;
    if (v && typeof v.backfilled === 'boolean') return { backfilled: v.backfilled, page: typeof v.page === 'string' ? v.page : null };
  } catch {
    // an unreadable cursor restarts the backfill
  }
  return { backfilled: false, page: null };
}

/** Units spent in this run, charged to the database afterwards so every worker sees the day's total. */
class Meter {
  readonly units = new Map<string, number>();
  add = (bucket: string, n: number) => this.units.set(bucket, (this.units.get(bucket) ?? 0) + n);
  async flush(deps: Deps, platform: string): Promise<void> {
    for (const [bucket, n] of this.units) await q.addQuotaUse(deps.db.kysely, platform, bucket, quotaDay(Date.now()), n);
    this.units.clear();
  }
}

async function runProfile(deps: Deps, a: q.SyncAccount, adapter: PlatformAdapter, meter: Meter, r: StreamReport): Promise<void> {
  const target: Target = { handle: a.handle, externalId: a.external_id };
  const p = await withAccess(deps, a, (access) => adapter.profile(target, { access, onCost: meter.add }));
  const now = deps.now();
  if (p.followers === null) r.error = 'the platform hides the follower count; no snapshot';
  else r.snapshot = await q.upsertApiSnapshot(deps.db.kysely, a.id, localDate(now, a.timezone), { followers: p.followers, following: p.following, posts_total: p.postsTotal, views_total: p.viewsTotal }, now);
  if (!a.external_id && p.externalId) {
    await updateAccount(deps.db.kysely, a.id, { external_id: p.externalId, updated_at: now });
    a.external_id = p.externalId;
  }
}

/** Walks posts newest first until the horizon, saving the page after each one so a cut run resumes there. */
async function runPosts(deps: Deps, a: q.SyncAccount, adapter: PlatformAdapter, meter: Meter, cursor: string | null, worker: string, r: StreamReport): Promise<boolean> {
  const state = readCursor(cursor);
  const now = deps.now();
  const horizon = later(now, -(state.backfilled ? REFRESH_DAYS : BACKFILL_DAYS) * DAY);
  const dayStart = `${now.slice(0, 10)}T00:00:00.000Z`;
  const target: Target = { handle: a.handle, externalId: a.external_id };
  for (let pages = 0; pages < MAX_PAGES[a.platform as Platform]; pages++) {
    const ctx = (access: CallContext['access']): CallContext => ({ access, onCost: meter.add });
    const page = await withAccess(deps, a, (access) => adapter.posts(target, ctx(access), state.page));
    const w = await q.upsertPosts(deps.db.kysely, a.id, a.platform, page.items.map((p) => ({
      post_id: p.postId, published_at: p.publishedAt, type: p.type, text: p.text, media_count: p.mediaCount, permalink: p.permalink, counts: p.counts,
    })), deps.now(), dayStart);
    r.posts_added += w.posts_added;
    r.posts_updated += w.posts_updated;
    r.measurements_added += w.measurements_added;
    r.measurements_updated += w.measurements_updated;
    const oldest = page.items.reduce<string | null>((m, p) => (m === null || p.publishedAt < m ? p.publishedAt : m), null);
    if (!page.next || (oldest !== null && oldest < horizon)) {
      await q.saveCursor(deps.db.kysely, a.id, 'posts', worker, JSON.stringify({ backfilled: true, page: null }));
      return true;
    }
    state.page = page.next;
    await q.saveCursor(deps.db.kysely, a.id, 'posts', worker, JSON.stringify(state));
  }
  return false;
}

/** Whether a YouTube run fits in what is left of today's units (a posts run costs up to 2 per page + 1). */
async function quotaAllows(deps: Deps, a: q.SyncAccount, stream: Stream): Promise<boolean> {
  const daily = deps.connectors?.dailyQuota(a.platform as Platform);
  if (daily === undefined) return true;
  const need = stream === 'profile' ? 1 : MAX_PAGES.youtube * 2 + 1;
  return (await q.quotaUsed(deps.db.kysely, a.platform, 'default', quotaDay(Date.now()))) + need <= daily;
}

/** Claims, runs and releases one stream of one account; never throws for platform trouble, it reports it. */
export async function runStream(deps: Deps, accountId: number, stream: Stream, worker: string): Promise<StreamReport> {
  const a = await q.syncAccountById(deps.db.kysely, accountId);
  if (!a) throw new NotFound(`account ${accountId} does not exist`);
  await q.ensureCursors(deps.db.kysely, [stream], a.id);
  const now = deps.now();
  if (!(await q.claimCursor(deps.db.kysely, a.id, stream, worker, later(now, CLAIM_MS), now))) return empty(stream, 'busy');
  const r = empty(stream, 'done');
  const meter = new Meter();
  let next = later(now, stream === INBOX_STREAM ? INBOX_EVERY_MS : DAY);
  try {
    const { adapter } = connectorFor(deps, a.platform);
    if (!(await quotaAllows(deps, a, stream))) {
      Object.assign(r, { status: 'skipped', error: 'not enough YouTube quota left today', error_kind: 'rate_limited' });
      next = nextQuotaReset(Date.now());
    } else if (stream === 'profile') await runProfile(deps, a, adapter, meter, r);
    else if (stream === INBOX_STREAM) {
      const cursor = (await q.cursorsOf(deps.db.kysely, a.id)).find((c) => c.stream === INBOX_STREAM)?.cursor ?? null;
      const run = await runInbox(deps, a.id, adapter, worker, cursor, meter.add);
      r.inbox_added = run.added;
      if (run.status === 'skipped') {
        Object.assign(r, { status: 'skipped', error: run.reason });
        next = later(deps.now(), DAY);
      }
      if (run.status === 'partial') {
        r.status = 'partial';
        next = later(deps.now(), RESUME_MS);
      }
    } else {
      const cursor = (await q.cursorsOf(deps.db.kysely, a.id)).find((c) => c.stream === 'posts')?.cursor ?? null;
      if (!(await runPosts(deps, a, adapter, meter, cursor, worker, r))) {
        r.status = 'partial';
        next = later(deps.now(), RESUME_MS);
      }
    }
  } catch (err) {
    r.status = 'failed';
    r.error = err instanceof Error ? err.message : String(err);
    if (err instanceof PlatformError) {
      r.error_kind = err.kind;
      // A rate limit says when; a temporary failure or lost answer retries soon; a refused request tomorrow.
      next = err instanceof RateLimited ? err.retryAt : err.kind === 'rejected' ? later(deps.now(), DAY) : later(deps.now(), err.kind === 'auth_expired' ? HOUR : RESUME_MS);
    } else if (err instanceof NoAccess) {
      r.error_kind = 'no_access';
    } else {
      r.error_kind = 'internal';
      next = later(deps.now(), HOUR);
    }
  } finally {
    await meter.flush(deps, a.platform);
    r.next_run_at = next;
    await q.releaseCursor(deps.db.kysely, a.id, stream, worker, { last_run_at: deps.now(), next_run_at: next, last_error: r.status === 'failed' || r.status === 'skipped' ? r.error : null });
  }
  return r;
}

/** Syncs one account now (HTTP "sync now", `socialbench sync --account`), whatever its schedule. */
export async function syncAccount(_actor: Actor, platformName: string, h: string, deps: Deps, worker = newWorkerId('now')): Promise<SyncReport> {
  const account = await requireAccount(deps, platformName, h);
  connectorFor(deps, account.platform);
  const streams: StreamReport[] = [];
  for (const s of STREAMS) streams.push(await runStream(deps, account.id, s, worker));
  return { platform: account.platform, handle: account.handle, streams };
}

/** One pass of the worker: every due stream it can claim, oldest due first. */
export async function syncDue(deps: Deps, worker: string, limit = 50): Promise<(StreamReport & { account_id: number })[]> {
  await q.ensureCursors(deps.db.kysely, STREAMS);
  for (const id of await ownedWithoutInboxCursor(deps.db.kysely, inboxPlatforms(deps))) await q.ensureCursors(deps.db.kysely, [INBOX_STREAM], id);
  const platforms = PLATFORMS.filter((p) => deps.connectors?.adapter(p));
  const due = await q.dueCursors(deps.db.kysely, deps.now(), limit, platforms);
  const out: (StreamReport & { account_id: number })[] = [];
  for (const c of due) {
    if (!(ALL_STREAMS as readonly string[]).includes(c.stream)) continue;
    const a = await q.syncAccountById(deps.db.kysely, c.account_id);
    if (!a) continue;
    out.push({ account_id: c.account_id, ...(await runStream(deps, c.account_id, c.stream as Stream, worker)) });
  }
  return out;
}
