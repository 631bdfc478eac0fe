// SQL for syncing accounts from platform APIs: cursors with atomic claims, snapshot and post upserts, quota use.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, Instant, PostMetricRow } from '../schema.ts';

export interface SyncCursorsTable {
  account_id: number;
  stream: string;
  cursor: string | null;
  last_run_at: Instant | null;
  next_run_at: Instant | null;
  last_error: string | null;
  claimed_by: string | null;
  claimed_until: Instant | null;
}

export interface PlatformQuotaTable {
  platform: string;
  bucket: string;
  day: string;
  units: number;
}

export type SyncCursorRow = Selectable<SyncCursorsTable>;
type K = Kysely<Database>;
const t = (db: K) => db.withTables<{ sync_cursors: SyncCursorsTable; platform_quota: PlatformQuotaTable }>();

/** Gives every account a cursor row per stream (due at once), so new accounts are backfilled. */
export async function ensureCursors(db: K, streams: readonly string[], accountId?: number): Promise<void> {
  for (const stream of streams) {
    let q = t(db).selectFrom('accounts as a').select('a.id').where((eb) => eb.not(eb.exists(eb.selectFrom('sync_cursors as s').select('s.account_id').whereRef('s.account_id', '=', 'a.id').where('s.stream', '=', stream))));
    if (accountId !== undefined) q = q.where('a.id', '=', accountId);
    const missing = await q.execute();
    if (missing.length === 0) continue;
    await t(db)
      .insertInto('sync_cursors')
      .values(missing.map((m) => ({ account_id: m.id, stream, cursor: null, last_run_at: null, next_run_at: null, last_error: null, claimed_by: null, claimed_until: null })))
      .onConflict((oc) => oc.columns(['account_id', 'stream']).doNothing())
      .execute();
  }
}

/** Streams due now and not claimed by a live worker, oldest due first. */
export async function dueCursors(db: K, now: Instant, limit: number, platforms: readonly string[]): Promise<SyncCursorRow[]> {
  if (platforms.length === 0) return [];
  return t(db)
    .selectFrom('sync_cursors as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .selectAll('s')
    .where('a.platform', 'in', platforms)
    .where((eb) => eb.or([eb('s.next_run_at', 'is', null), eb('s.next_run_at', '<=', now)]))
    .where((eb) => eb.or([eb('s.claimed_until', 'is', null), eb('s.claimed_until', '<', now)]))
    .orderBy('s.next_run_at')
    .orderBy('s.account_id')
    .limit(limit)
    .execute();
}

export function cursorsOf(db: K, accountId: number): Promise<SyncCursorRow[]> {
  return t(db).selectFrom('sync_cursors').selectAll().where('account_id', '=', accountId).orderBy('stream').execute();
}

/**
 * Claims one stream of one account for a worker: a single guarded UPDATE, so of several processes on one
 * database exactly one sees an affected row. An expired claim (a crashed worker) can be taken over.
 */
export async function claimCursor(db: K, accountId: number, stream: string, worker: string, until: Instant, now: Instant): Promise<boolean> {
  const r = await t(db)
    .updateTable('sync_cursors')
    .set({ claimed_by: worker, claimed_until: until })
    .where('account_id', '=', accountId)
    .where('stream', '=', stream)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Saves progress mid-run (resumable); a worker that lost its claim cannot overwrite the new owner's. */
export async function saveCursor(db: K, accountId: number, stream: string, worker: string, cursor: string | null): Promise<boolean> {
  const r = await t(db).updateTable('sync_cursors').set({ cursor }).where('account_id', '=', accountId).where('stream', '=', stream).where('claimed_by', '=', worker).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function releaseCursor(db: K, accountId: number, stream: string, worker: string, patch: { cursor?: string | null; last_run_at: Instant; next_run_at: Instant; last_error: string | null }): Promise<void> {
  await t(db)
    .updateTable('sync_cursors')
    .set({ ...patch, claimed_by: null, claimed_until: null })
    .where('account_id', '=', accountId)
    .where('stream', '=', stream)
    .where('claimed_by', '=', worker)
    .execute();
}

/** Makes an account's streams due now; `restartPosts` forgets the posts cursor so the next run backfills. */
export async function scheduleNow(db: K, accountId: number, now: Instant, restartPosts: boolean): Promise<void> {
  await t(db).updateTable('sync_cursors').set({ next_run_at: now, last_error: null }).where('account_id', '=', accountId).execute();
  if (restartPosts) await t(db).updateTable('sync_cursors').set({ cursor: null }).where('account_id', '=', accountId).where('stream', '=', 'posts').execute();
}

export interface SyncAccount {
  id: number;
  platform: string;
  handle: string;
  external_id: string | null;
  display_name: string | null;
  org_code: string;
  timezone: string;
}

export function syncAccountById(db: K, id: number): Promise<SyncAccount | undefined> {
  return db
    .selectFrom('accounts as a')
    .innerJoin('organizations as o', 'o.id', 'a.organization_id')
    .select(['a.id', 'a.platform', 'a.handle', 'a.external_id', 'a.display_name', 'o.code as org_code', 'o.timezone'])
    .where('a.id', '=', id)
    .executeTakeFirst();
}

// ---- writes of what was read

export interface SnapshotValues {
  followers: number;
  following: number | null;
  posts_total: number | null;
  views_total: number | null;
}

/** One snapshot per account and local date; a manual entry wins over the API. */
export async function upsertApiSnapshot(db: K, accountId: number, date: string, v: SnapshotValues, at: Instant): Promise<'added' | 'updated' | 'unchanged' | 'kept'> {
  const old = await db.selectFrom('audience_snapshots').selectAll().where('account_id', '=', accountId).where('date', '=', date).executeTakeFirst();
  if (!old) {
    await db.insertInto('audience_snapshots').values({ account_id: accountId, date, ...v, source: 'api', recorded_at: at }).execute();
    return 'added';
  }
  if (old.source === 'manual') return 'kept';
  if (old.source === 'api' && old.followers === v.followers && old.following === v.following && old.posts_total === v.posts_total && old.views_total === v.views_total) return 'unchanged';
  await db.updateTable('audience_snapshots').set({ ...v, source: 'api', recorded_at: at }).where('account_id', '=', accountId).where('date', '=', date).execute();
  return 'updated';
}

export interface SyncedPost {
  post_id: string;
  published_at: Instant;
  type: string;
  text: string | null;
  media_count: number | null;
  permalink: string | null;
  counts: Omit<PostMetricRow, 'post_id' | 'measured_at'>;
}

export interface PostWriteCounts {
  posts_added: number;
  posts_updated: number;
  measurements_added: number;
  measurements_updated: number;
}

const COUNT_KEYS = ['likes', 'comments', 'shares', 'quotes', 'saves', 'views', 'impressions', 'reach'] as const;

/**
 * Upserts posts by (platform, post_id) and keeps one measurement per post per UTC day (`dayStart`):
 * the day's row is updated when counts moved, so a repeated sync with the same answers writes nothing.
 */
export async function upsertPosts(db: K, accountId: number, platform: string, posts: readonly SyncedPost[], at: Instant, dayStart: Instant): Promise<PostWriteCounts> {
  const out: PostWriteCounts = { posts_added: 0, posts_updated: 0, measurements_added: 0, measurements_updated: 0 };
  if (posts.length === 0) return out;
  await db.transaction().execute(async (tx) => {
    const existing = await tx.selectFrom('posts').selectAll().where('platform', '=', platform).where('post_id', 'in', posts.map((p) => p.post_id)).execute();
    const byId = new Map(existing.map((p) => [p.post_id, p]));
    for (const p of posts) {
      const fields = { published_at: p.published_at, type: p.type, text: p.text, media_count: p.media_count, permalink: p.permalink };
      let id: number;
      const old = byId.get(p.post_id);
      if (!old) {
        const r = await tx.insertInto('posts').values({ account_id: accountId, platform, post_id: p.post_id, ...fields, created_at: at }).returning('id').executeTakeFirstOrThrow();
        id = Number(r.id);
        out.posts_added++;
      } else {
        id = old.id;
        if (old.published_at !== p.published_at || old.type !== p.type || old.text !== p.text || old.media_count !== p.media_count || old.permalink !== p.permalink) {
          await tx.updateTable('posts').set(fields).where('id', '=', id).execute();
          out.posts_updated++;
        }
      }
      const today = await tx.selectFrom('post_metrics').selectAll().where('post_id', '=', id).where('measured_at', '>=', dayStart).orderBy('measured_at', 'desc').executeTakeFirst();
      if (!today) {
        await tx.insertInto('post_metrics').values({ post_id: id, measured_at: at, ...p.counts }).execute();
        out.measurements_added++;
      } else if (COUNT_KEYS.some((k) => today[k] !== p.counts[k])) {
        await tx.updateTable('post_metrics').set({ ...p.counts, measured_at: at }).where('post_id', '=', id).where('measured_at', '=', today.measured_at).execute();
        out.measurements_updated++;
      }
    }
  });
  return out;
}

// ---- quota

export async function addQuotaUse(db: K, platform: string, bucket: string, day: string, units: number): Promise<void> {
  if (units <= 0) return;
  await t(db)
    .insertInto('platform_quota')
    .values({ platform, bucket, day, units })
    .onConflict((oc) => oc.columns(['platform', 'bucket', 'day']).doUpdateSet({ units: sql<number>`platform_quota.units + excluded.units` }))
    .execute();
}

export async function quotaUsed(db: K, platform: string, bucket: string, day: string): Promise<number> {
  const r = await t(db).selectFrom('platform_quota').select('units').where('platform', '=', platform).where('bucket', '=', bucket).where('day', '=', day).executeTakeFirst();
  return r ? Number(r.units) : 0;
}
