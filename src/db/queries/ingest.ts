// SQL for imports and exports: batched look-ups and writes of snapshots, posts and measurements,
// and keyset-paged reads of every template for export.
import type SQLite from 'better-sqlite3';
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { AudienceSnapshotsTable, Database, PostMetricRow, PostsTable, SnapshotRow } from '../schema.ts';

type K = Kysely<Database>;
const CHUNK = 2000;

/** Prepared statements of the raw SQLite handle, reused across batches (Kysely prepares per query). */
const prepared = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();
function statement(sqlite: SQLite.Database, sql: string): SQLite.Statement {
  let m = prepared.get(sqlite);
  if (!m) prepared.set(sqlite, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = sqlite.prepare(sql)));
  return s;
}

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// ---- snapshots

/** Snapshots of the given accounts on the given dates (a superset: the caller matches pairs). */
export async function findSnapshots(db: K, accountIds: number[], dates: string[]): Promise<SnapshotRow[]> {
  if (accountIds.length === 0 || dates.length === 0) return [];
  const out: SnapshotRow[] = [];
  const ids = [...new Set(accountIds)];
  for (const part of chunks([...new Set(dates)], 1000)) {
    out.push(...(await db.selectFrom('audience_snapshots').selectAll().where('account_id', 'in', ids).where('date', 'in', part).execute()));
  }
  return out;
}

export function getSnapshot(db: K, accountId: number, date: string): Promise<SnapshotRow | undefined> {
  return db.selectFrom('audience_snapshots').selectAll().where('account_id', '=', accountId).where('date', '=', date).executeTakeFirst();
}

export async function insertSnapshots(db: K, rows: readonly Insertable<AudienceSnapshotsTable>[]): Promise<void> {
  for (const part of chunks(rows, 500)) await db.insertInto('audience_snapshots').values(part).execute();
}

export async function updateSnapshot(db: K, accountId: number, date: string, patch: Updateable<AudienceSnapshotsTable>): Promise<void> {
  await db.updateTable('audience_snapshots').set(patch).where('account_id', '=', accountId).where('date', '=', date).execute();
}

export function listSnapshots(db: K, f: { accountId: number; from?: string | undefined; to?: string | undefined; after?: string | undefined; limit: number }): Promise<SnapshotRow[]> {
  let q = db.selectFrom('audience_snapshots').selectAll().where('account_id', '=', f.accountId);
  if (f.from !== undefined) q = q.where('date', '>=', f.from);
  if (f.to !== undefined) q = q.where('date', '<=', f.to);
  if (f.after !== undefined) q = q.where('date', '>', f.after);
  return q.orderBy('date').limit(f.limit + 1).execute();
}

// ---- posts and measurements

export interface PostState {
  id: number;
  account_id: number;
  post_id: string;
  published_at: string;
  type: string;
  text: string | null;
  media_count: number | null;
  permalink: string | null;
}

export async function findPosts(db: K, sqlite: SQLite.Database | undefined, platform: string, postIds: readonly string[]): Promise<PostState[]> {
  const out: PostState[] = [];
  for (const part of chunks([...new Set(postIds)])) {
    if (sqlite && part.length === CHUNK) {
      // A full chunk has one fixed shape: a cached statement instead of a freshly built query.
      const sql = `SELECT id, account_id, post_id, published_at, type, text, media_count, permalink FROM posts WHERE platform = ? AND post_id IN (${part.map(() => '?').join(', ')})`;
      out.push(...(statement(sqlite, sql).all(platform, ...part) as PostState[]));
      continue;
    }
    out.push(
      ...(await db
        .selectFrom('posts')
        .select(['id', 'account_id', 'post_id', 'published_at', 'type', 'text', 'media_count', 'permalink'])
        .where('platform', '=', platform)
        .where('post_id', 'in', part)
        .execute()),
    );
  }
  return out;
}

export type NewPost = Omit<Insertable<PostsTable>, 'id'>;
const POST_COLUMNS = ['account_id', 'platform', 'post_id', 'published_at', 'type', 'text', 'media_count', 'permalink', 'created_at'] as const;

/**
 * Inserts posts and returns their ids in order. On SQLite a prepared statement on the shared connection
 * (inside the caller's transaction) is several times faster than a generated multi-row insert.
 */
export async function insertPosts(db: K, sqlite: SQLite.Database | undefined, rows: readonly NewPost[]): Promise<number[]> {
  if (sqlite) {
    const s = statement(sqlite, `INSERT INTO posts (${POST_COLUMNS.join(', ')}) VALUES (${POST_COLUMNS.map(() => '?').join(', ')})`);
    return rows.map((r) => Number(s.run(r.account_id, r.platform, r.post_id, r.published_at, r.type, r.text ?? null, r.media_count ?? null, r.permalink ?? null, r.created_at).lastInsertRowid));
  }
  const ids: number[] = [];
  for (const part of chunks(rows)) {
    const r = await db.insertInto('posts').values(part).returning('id').execute();
    ids.push(...r.map((x) => Number(x.id)));
  }
  return ids;
}

export async function updatePost(db: K, id: number, patch: Updateable<PostsTable>): Promise<void> {
  await db.updateTable('posts').set(patch).where('id', '=', id).execute();
}

/** Every measurement of the given posts. */
export async function measurementsOf(db: K, postIds: readonly number[]): Promise<PostMetricRow[]> {
  const out: PostMetricRow[] = [];
  for (const part of chunks([...new Set(postIds)])) {
    out.push(...(await db.selectFrom('post_metrics').selectAll().where('post_id', 'in', part).execute()));
  }
  return out;
}

const METRIC_COLUMNS = ['post_id', 'measured_at', 'likes', 'comments', 'shares', 'quotes', 'saves', 'views', 'impressions', 'reach'] as const;

export async function insertMeasurements(db: K, sqlite: SQLite.Database | undefined, rows: readonly PostMetricRow[]): Promise<void> {
  if (sqlite) {
    const s = statement(sqlite, `INSERT INTO post_metrics (${METRIC_COLUMNS.join(', ')}) VALUES (${METRIC_COLUMNS.map(() => '?').join(', ')})`);
    for (const r of rows) s.run(r.post_id, r.measured_at, r.likes, r.comments, r.shares, r.quotes, r.saves, r.views, r.impressions, r.reach);
    return;
  }
  for (const part of chunks(rows, 1000)) await db.insertInto('post_metrics').values(part).execute();
}

/** The fields of a new post row and of its first measurement (counts all null: no measurement). */
export interface FreshPost {
  platform: string; post_id: string; published_at: string; type: string; text: string | null; media_count: number | null; permalink: string | null;
  measured_at: string | null; likes: number | null; comments: number | null; shares: number | null; quotes: number | null;
  saves: number | null; views: number | null; impressions: number | null; reach: number | null;
}

const hasAnyCount = (r: FreshPost) =>
  r.likes !== null || r.comments !== null || r.shares !== null || r.quotes !== null || r.saves !== null || r.views !== null || r.impressions !== null || r.reach !== null;

/**
 * Inserts posts known not to exist and, for those with counts, their first measurement (at
 * `measured_at`, else `now`). On SQLite: two reused prepared statements with positional parameters,
 * one post and one measurement at a time, no intermediate rows.
 */
export async function insertFreshPosts(db: K, sqlite: SQLite.Database | undefined, rows: readonly { accountId: number; r: FreshPost }[], now: string): Promise<void> {
  if (rows.length === 0) return;
  if (sqlite) {
    const post = statement(sqlite, `INSERT INTO posts (${POST_COLUMNS.join(', ')}) VALUES (${POST_COLUMNS.map(() => '?').join(', ')})`);
    const metric = statement(sqlite, `INSERT INTO post_metrics (${METRIC_COLUMNS.join(', ')}) VALUES (${METRIC_COLUMNS.map(() => '?').join(', ')})`);
    for (let i = 0; i < rows.length; i++) {
      const { accountId, r } = rows[i] as { accountId: number; r: FreshPost };
      const id = post.run(accountId, r.platform, r.post_id, r.published_at, r.type, r.text, r.media_count, r.permalink, now).lastInsertRowid;
      if (hasAnyCount(r)) metric.run(id, r.measured_at ?? now, r.likes, r.comments, r.shares, r.quotes, r.saves, r.views, r.impressions, r.reach);
    }
    return;
  }
  const ids = await insertPosts(db, undefined, rows.map(({ accountId, r }) => ({ account_id: accountId, platform: r.platform, post_id: r.post_id, published_at: r.published_at, type: r.type, text: r.text, media_count: r.media_count, permalink: r.permalink, created_at: now })));
  const metrics: PostMetricRow[] = [];
  rows.forEach(({ r }, i) => {
    if (hasAnyCount(r)) metrics.push({ post_id: ids[i] as number, measured_at: r.measured_at ?? now, likes: r.likes, comments: r.comments, shares: r.shares, quotes: r.quotes, saves: r.saves, views: r.views, impressions: r.impressions, reach: r.reach });
  });
  await insertMeasurements(db, undefined, metrics);
}

/** Whether any post of the platform is stored (seen by the caller's transaction). */
export async function anyPosts(db: K, platform: string): Promise<boolean> {
  return (await db.selectFrom('posts').select('id').where('platform', '=', platform).limit(1).executeTakeFirst()) !== undefined;
}

export async function updateMeasurement(db: K, row: PostMetricRow): Promise<void> {
  const { post_id, measured_at, ...counts } = row;
  await db.updateTable('post_metrics').set(counts).where('post_id', '=', post_id).where('measured_at', '=', measured_at).execute();
}

// ---- reads for export, in pages so that memory stays flat

const PAGE = 5000;

export async function* exportOrganizationRows(db: K, orgId: number | undefined) {
  let after = 0;
  for (;;) {
    let q = db.selectFrom('organizations').selectAll().where('id', '>', after);
    if (orgId !== undefined) q = q.where('id', '=', orgId);
    const rows = await q.orderBy('id').limit(PAGE).execute();
    if (rows.length === 0) return;
    const groups = await db
      .selectFrom('group_members as gm')
      .innerJoin('groups as g', 'g.id', 'gm.group_id')
      .select(['gm.organization_id', 'g.code'])
      .where('gm.organization_id', 'in', rows.map((r) => r.id))
      .orderBy('g.code')
      .execute();
    for (const r of rows) yield { ...r, groups: groups.filter((g) => g.organization_id === r.id).map((g) => g.code) };
    after = rows[rows.length - 1]?.id ?? after;
  }
}

export async function* exportAccountRows(db: K, orgId: number | undefined) {
  let after = 0;
  for (;;) {
    let q = db
      .selectFrom('accounts as a')
      .innerJoin('organizations as o', 'o.id', 'a.organization_id')
      .select(['a.id', 'o.code as org', 'a.platform', 'a.handle', 'a.external_id', 'a.url', 'a.owned'])
      .where('a.id', '>', after);
    if (orgId !== undefined) q = q.where('a.organization_id', '=', orgId);
    const rows = await q.orderBy('a.id').limit(PAGE).execute();
    if (rows.length === 0) return;
    yield* rows;
    after = rows[rows.length - 1]?.id ?? after;
  }
}

export async function* exportSnapshotRows(db: K, orgId: number | undefined) {
  let after = { account: 0, date: '' };
  for (;;) {
    let q = db
      .selectFrom('audience_snapshots as s')
      .innerJoin('accounts as a', 'a.id', 's.account_id')
      .select(['s.account_id', 'a.platform', 'a.handle', 's.date', 's.followers', 's.following', 's.posts_total', 's.views_total'])
      .where((eb) => eb.or([eb('s.account_id', '>', after.account), eb.and([eb('s.account_id', '=', after.account), eb('s.date', '>', after.date)])]));
    if (orgId !== undefined) q = q.where('a.organization_id', '=', orgId);
    const rows = await q.orderBy('s.account_id').orderBy('s.date').limit(PAGE).execute();
    if (rows.length === 0) return;
    yield* rows;
    const last = rows[rows.length - 1];
    if (last) after = { account: last.account_id, date: last.date };
  }
}

/** Posts with each of their measurements (a post without any comes once, with null counts). */
export async function* exportPostRows(db: K, orgId: number | undefined) {
  let after = 0;
  for (;;) {
    let q = db
      .selectFrom('posts as p')
      .innerJoin('accounts as a', 'a.id', 'p.account_id')
      .select(['p.id', 'a.platform', 'a.handle', 'p.post_id', 'p.published_at', 'p.type', 'p.text', 'p.media_count'])
      .where('p.id', '>', after);
    if (orgId !== undefined) q = q.where('a.organization_id', '=', orgId);
    const posts = await q.orderBy('p.id').limit(PAGE).execute();
    if (posts.length === 0) return;
    const metrics = await measurementsOf(db, posts.map((p) => p.id));
    const byPost = new Map<number, PostMetricRow[]>();
    for (const m of metrics) byPost.set(m.post_id, [...(byPost.get(m.post_id) ?? []), m]);
    for (const p of posts) {
      const ms = (byPost.get(p.id) ?? []).sort((a, b) => (a.measured_at < b.measured_at ? -1 : 1));
      if (ms.length === 0) yield { ...p, measurement: undefined };
      for (const m of ms) yield { ...p, measurement: m };
    }
    after = posts[posts.length - 1]?.id ?? after;
  }
}
