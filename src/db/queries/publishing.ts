// SQL for publishing: publications (one per content item and account) with atomic claims and leases,
// their outcomes, the posts they create, and the queue figures of the health check.
import type { Generated, Insertable, Kysely, Selectable, SelectQueryBuilder, Updateable } from 'kysely';
import { dialectOf } from '../dialect.ts';
import type { Database, Instant } from '../schema.ts';

export interface PublicationsTable {
  id: Generated<number>;
  item_id: number;
  account_id: number;
  platform: string;
  state: string;
  due_at: Instant;
  next_attempt_at: Instant;
  attempts: number;
  checks: number;
  claimed_by: string | null;
  claimed_at: Instant | null;
  claimed_until: Instant | null;
  publishing_at: Instant | null;
  /** JSON of the platforms/types Variant as sent, so a read-back looks for what went out. */
  sent_variant: string | null;
  external_post_id: string | null;
  permalink: string | null;
  published_at: Instant | null;
  error_kind: string | null;
  last_error: string | null;
  settled_by: string | null;
  created_at: Instant;
  updated_at: Instant;
}

export type PublicationRow = Selectable<PublicationsTable>;
type Tables = Database & {
  publications: PublicationsTable;
  posts: { content_item_id: number | null };
  content_items: { id: number; organization_id: number; title: string; status: string; published_at: string | null; updated_at: string };
  content_variants: { item_id: number; platform: string; text: string; title: string | null; link: string | null; media: string };
};
type K = Kysely<Database>;
const t = (db: K) => db as unknown as Kysely<Tables>;

const NOT_STARTED = ['queued', 'retry_wait', 'claimed'];
const CLAIMABLE = ['queued', 'retry_wait'];

/** PostgreSQL lets concurrent claimers skip each other's locked rows; SQLite has one writer at a time. */
function skipLocked<O>(db: K, q: SelectQueryBuilder<Tables, 'publications', O>): SelectQueryBuilder<Tables, 'publications', O> {
  return dialectOf(db) === 'postgres' ? q.forUpdate().skipLocked() : q;
}

// ---- planning

export interface NewPublication {
  item_id: number;
  account_id: number;
  platform: string;
  due_at: Instant;
  state: 'queued' | 'failed';
  last_error: string | null;
}

/**
 * Enqueues an item's publications. A row that exists is put back in the queue only when it was
 * cancelled or failed; queued, in-flight, checked or published rows are left alone (unique per item
 * and account: nothing is enqueued twice).
 */
export async function enqueue(db: K, rows: readonly NewPublication[], now: Instant): Promise<void> {
  if (rows.length === 0) return;
  await t(db)
    .insertInto('publications')
    .values(rows.map((r) => ({
      ...r, next_attempt_at: r.due_at, attempts: 0, checks: 0, claimed_by: null, claimed_at: null, claimed_until: null, publishing_at: null, sent_variant: null,
      external_post_id: null, permalink: null, published_at: null, error_kind: r.state === 'failed' ? 'no_access' : null, settled_by: null, created_at: now, updated_at: now,
    })))
    .onConflict((oc) =>
      oc
        .columns(['item_id', 'account_id'])
        .doUpdateSet((eb) => ({
          state: eb.ref('excluded.state'), due_at: eb.ref('excluded.due_at'), next_attempt_at: eb.ref('excluded.next_attempt_at'),
          attempts: 0, checks: 0, claimed_by: null, claimed_at: null, claimed_until: null, publishing_at: null, sent_variant: null,
          error_kind: eb.ref('excluded.error_kind'), last_error: eb.ref('excluded.last_error'), updated_at: now,
        }))
        .where('publications.state', 'in', ['cancelled', 'failed']),
    )
    .execute();
}

/** Cancels what has not started (queued, waiting, claimed but unsent); in-flight rows finish. */
export async function cancelNotStarted(db: K, itemId: number, now: Instant): Promise<number> {
  const r = await t(db)
    .updateTable('publications')
    .set({ state: 'cancelled', claimed_by: null, claimed_at: null, claimed_until: null, updated_at: now })
    .where('item_id', '=', itemId)
    .where('state', 'in', NOT_STARTED)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

// ---- claims

/**
 * Claims the batch of due rows for one worker with a single UPDATE over a locked-and-skipping subquery
 * (PostgreSQL) or in a write transaction (SQLite): of several workers each row goes to exactly one.
 */
export function claimDue(db: K, worker: string, now: Instant, until: Instant, limit: number): Promise<PublicationRow[]> {
  return db.transaction().execute((tx) => {
    const due = skipLocked(tx, t(tx).selectFrom('publications').select('id').where('state', 'in', CLAIMABLE).where('next_attempt_at', '<=', now).orderBy('next_attempt_at').orderBy('id').limit(limit));
    return t(tx)
      .updateTable('publications')
      .set({ state: 'claimed', claimed_by: worker, claimed_at: now, claimed_until: until, updated_at: now })
      .where('id', 'in', due)
      .where('state', 'in', CLAIMABLE)
      .returningAll()
      .execute();
  });
}

/** Claims rows that need a look at the platform and are due for it (the state stays needs_check). */
export function claimChecks(db: K, worker: string, now: Instant, until: Instant, limit: number): Promise<PublicationRow[]> {
  return db.transaction().execute((tx) => {
    const due = skipLocked(
      tx,
      t(tx).selectFrom('publications').select('id').where('state', '=', 'needs_check').where('next_attempt_at', '<=', now)
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)])).orderBy('next_attempt_at').orderBy('id').limit(limit),
    );
    return t(tx)
      .updateTable('publications')
      .set({ claimed_by: worker, claimed_at: now, claimed_until: until, updated_at: now })
      .where('id', 'in', due)
      .where('state', '=', 'needs_check')
      .returningAll()
      .execute();
  });
}

/** A live worker extends the lease of everything it holds. */
export async function renewClaims(db: K, worker: string, until: Instant): Promise<void> {
  await t(db).updateTable('publications').set({ claimed_until: until }).where('claimed_by', '=', worker).where('state', 'in', ['claimed', 'publishing', 'needs_check']).execute();
}

/**
 * Claims whose lease ran out (the worker died or hung): unsent rows go back to the queue; rows in
 * flight need a check on the platform, from `checkAt`, never a blind retry.
 */
export async function expireClaims(db: K, now: Instant, checkAt: Instant): Promise<{ requeued: number; toCheck: number }> {
  const free = { claimed_by: null, claimed_at: null, claimed_until: null, updated_at: now };
  const a = await t(db).updateTable('publications').set({ ...free, state: 'queued' }).where('state', '=', 'claimed').where('claimed_until', '<', now).executeTakeFirst();
  const b = await t(db)
    .updateTable('publications')
    .set({ ...free, state: 'needs_check', next_attempt_at: checkAt, error_kind: 'lost_worker', last_error: 'the worker stopped while publishing; the platform will be checked' })
    .where('state', '=', 'publishing')
    .where('claimed_until', '<', now)
    .executeTakeFirst();
  return { requeued: Number(a.numUpdatedRows), toCheck: Number(b.numUpdatedRows) };
}

/** Written before the network call; false when the claim was lost or the item unscheduled meanwhile. */
export async function markPublishing(db: K, id: number, worker: string, now: Instant, until: Instant, sentVariant: string): Promise<boolean> {
  const r = await t(db)
    .updateTable('publications')
    .set((eb) => ({ state: 'publishing', attempts: eb('attempts', '+', 1), publishing_at: now, claimed_until: until, sent_variant: sentVariant, updated_at: now }))
    .where('id', '=', id)
    .where('state', '=', 'claimed')
    .where('claimed_by', '=', worker)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Moves a row this worker holds in `from` state; false when the claim was taken over meanwhile. */
export async function moveHeld(db: K, id: number, worker: string, from: string, patch: Updateable<PublicationsTable>): Promise<boolean> {
  const r = await t(db)
    .updateTable('publications')
    .set({ claimed_by: null, claimed_at: null, claimed_until: null, ...patch })
    .where('id', '=', id)
    .where('state', '=', from)
    .where('claimed_by', '=', worker)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Moves a row from one of `from` whoever holds it (a person settling, a late answer settling a check). */
export async function moveFrom(db: K, id: number, from: readonly string[], patch: Updateable<PublicationsTable>): Promise<boolean> {
  const r = await t(db)
    .updateTable('publications')
    .set({ claimed_by: null, claimed_at: null, claimed_until: null, ...patch })
    .where('id', '=', id)
    .where('state', 'in', [...from])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---- what a worker needs to publish

export interface PublishContext {
  id: number;
  item_id: number;
  account_id: number;
  platform: string;
  handle: string;
  external_id: string | null;
  item_status: string;
  organization_id: number;
  text: string | null;
  title: string | null;
  link: string | null;
  media: string | null;
}

export function contextsOf(db: K, ids: readonly number[]): Promise<PublishContext[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return t(db)
    .selectFrom('publications as p')
    .innerJoin('accounts as a', 'a.id', 'p.account_id')
    .innerJoin('content_items as i', 'i.id', 'p.item_id')
    .leftJoin('content_variants as v', (j) => j.onRef('v.item_id', '=', 'p.item_id').onRef('v.platform', '=', 'p.platform'))
    .select(['p.id', 'p.item_id', 'p.account_id', 'p.platform', 'a.handle', 'a.external_id', 'i.status as item_status', 'i.organization_id', 'v.text', 'v.title', 'v.link', 'v.media'])
    .where('p.id', 'in', [...ids])
    .execute();
}

// ---- outcomes

export interface PublishedPost {
  account_id: number;
  platform: string;
  post_id: string;
  published_at: Instant;
  type: string;
  text: string | null;
  media_count: number | null;
  permalink: string | null;
  content_item_id: number;
}

/** The post a publication made, linked to its item; a post the sync already read is linked in place. */
export async function upsertPublishedPost(db: K, p: PublishedPost, now: Instant): Promise<void> {
  await t(db)
    .insertInto('posts')
    .values({ ...p, created_at: now })
    .onConflict((oc) => oc.columns(['platform', 'post_id']).doUpdateSet({ content_item_id: p.content_item_id }))
    .execute();
}

export function findPublication(db: K, id: number): Promise<PublicationRow | undefined> {
  return t(db).selectFrom('publications').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Moves a scheduled item to published when every publication of it is published (cancelled ones aside)
 * and at least one is; one guarded UPDATE, so of two workers finishing its last accounts one succeeds.
 */
export async function finishItem(db: K, itemId: number, now: Instant): Promise<boolean> {
  const r = await t(db)
    .updateTable('content_items')
    .set({ status: 'published', published_at: now, updated_at: now })
    .where('id', '=', itemId)
    .where('status', '=', 'scheduled')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('publications as p').select('p.id').whereRef('p.item_id', '=', 'content_items.id').where('p.state', 'not in', ['published', 'cancelled']))))
    .where((eb) => eb.exists(eb.selectFrom('publications as p').select('p.id').whereRef('p.item_id', '=', 'content_items.id').where('p.state', '=', 'published')))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Whether the item has publications on other accounts than this one. */
export async function hasSiblings(db: K, itemId: number, id: number): Promise<boolean> {
  const r = await t(db).selectFrom('publications').select('id').where('item_id', '=', itemId).where('id', '<>', id).limit(1).executeTakeFirst();
  return r !== undefined;
}

export async function addItemComment(db: K, itemId: number, body: string, at: Instant): Promise<void> {
  await db.withTables<{ content_comments: { item_id: number; author_id: number; body: string; created_at: string } }>().insertInto('content_comments').values({ item_id: itemId, author_id: 0, body, created_at: at }).execute();
}

// ---- reading

export interface PublicationListRow extends PublicationRow {
  handle: string;
  item_title: string;
}

export function listPublications(db: K, f: { organizationId: number; states?: readonly string[] | undefined; itemId?: number | undefined; after?: number | undefined; limit: number }): Promise<PublicationListRow[]> {
  let q = t(db)
    .selectFrom('publications as p')
    .innerJoin('content_items as i', 'i.id', 'p.item_id')
    .innerJoin('accounts as a', 'a.id', 'p.account_id')
    .selectAll('p')
    .select(['a.handle', 'i.title as item_title'])
    .where('i.organization_id', '=', f.organizationId);
  if (f.states?.length) q = q.where('p.state', 'in', [...f.states]);
  if (f.itemId !== undefined) q = q.where('p.item_id', '=', f.itemId);
  if (f.after !== undefined) q = q.where('p.id', '>', f.after);
  return q.orderBy('p.id').limit(f.limit + 1).execute();
}

export function publicationWithNames(db: K, id: number): Promise<(PublicationListRow & { organization_id: number; item_status: string }) | undefined> {
  return t(db)
    .selectFrom('publications as p')
    .innerJoin('content_items as i', 'i.id', 'p.item_id')
    .innerJoin('accounts as a', 'a.id', 'p.account_id')
    .selectAll('p')
    .select(['a.handle', 'i.title as item_title', 'i.organization_id', 'i.status as item_status'])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export interface QueueFigures {
  /** Waiting (queued or backing off), with their time come. */
  due: number;
  /** Waiting for a later time. */
  waiting: number;
  /** Claimed by a worker or on the wire. */
  publishing: number;
  needs_check: number;
  failed: number;
  /** The oldest due time among rows due now: how late the queue runs. */
  oldest_due_at: Instant | null;
}

export async function queueFigures(db: K, now: Instant): Promise<QueueFigures> {
  const rows = await t(db)
    .selectFrom('publications')
    .select((eb) => [
      'state',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>(eb.case().when('next_attempt_at', '<=', now).then(1).else(0).end()).as('due'),
      eb.fn.min<string>(eb.case().when('next_attempt_at', '<=', now).then(eb.ref('next_attempt_at')).end()).as('oldest'),
    ])
    .where('state', 'not in', ['published', 'cancelled'])
    .groupBy('state')
    .execute();
  const out: QueueFigures = { due: 0, waiting: 0, publishing: 0, needs_check: 0, failed: 0, oldest_due_at: null };
  for (const r of rows) {
    const n = Number(r.n);
    const due = Number(r.due ?? 0);
    if (CLAIMABLE.includes(r.state)) {
      out.due += due;
      out.waiting += n - due;
      if (r.oldest && (out.oldest_due_at === null || r.oldest < out.oldest_due_at)) out.oldest_due_at = r.oldest;
    } else if (r.state === 'claimed' || r.state === 'publishing') out.publishing += n;
    else if (r.state === 'needs_check') out.needs_check += n;
    else if (r.state === 'failed') out.failed += n;
  }
  return out;
}

/** Bulk rows for benchmarks and tests that build a queue without the planning flow. */
export async function insertPublications(db: K, rows: readonly Insertable<PublicationsTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await t(db).insertInto('publications').values(rows.slice(i, i + 500)).execute();
}
