// Use cases for publishing at the scheduled time: enqueueing when an item is scheduled, listing the
// queue, a person settling what no worker could, and recording a publication's outcome (the worker's
// pass itself is in publishing-pass.ts).
import { z } from 'zod';
import { transition, type WorkflowActor } from '../core/content/index.ts';
import { PUBLICATION_STATES, settleByPerson, type PublicationState } from '../core/content/publication.ts';
import { Conflict, Invalid, NotFound } from '../core/errors.ts';
import type { PostType } from '../core/platforms.ts';
import { insertTransition } from '../db/queries/content.ts';
import { decodeCursor, toPage, type Page } from '../db/queries/paging.ts';
import * as q from '../db/queries/publishing.ts';
import type { Variant } from '../platforms/types.ts';
import { parseInput, type Actor, type Deps } from './context.ts';
import { pageQuery } from './fields.ts';
import { requireOrganization } from './organizations.ts';

type Db = Deps['db']['kysely'];

/** The workflow's view of the publishing worker: it acts as the system. */
const WORKER: WorkflowActor = { id: 0, role: 'admin', organizationId: null, heldAccountIds: [] };

export const publicationView = z
  .object({
    id: z.number(),
    item_id: z.number(),
    item_title: z.string(),
    account: z.object({ platform: z.string(), handle: z.string() }),
    state: z.enum(PUBLICATION_STATES).meta({ description: 'queued, claimed, publishing, published, needs_check, retry_wait, failed, cancelled' }),
    due_at: z.string(),
    next_attempt_at: z.string().meta({ description: 'when a worker acts next: the due time, a retry, or the next look at the platform' }),
    attempts: z.number().meta({ description: 'publish calls made' }),
    checks: z.number().meta({ description: 'looks at the platform made after a lost answer' }),
    claimed_by: z.string().nullable(),
    publishing_at: z.string().nullable(),
    external_post_id: z.string().nullable(),
    permalink: z.string().nullable(),
    published_at: z.string().nullable(),
    error_kind: z.string().nullable().meta({ description: 'auth_expired, rate_limited, rejected, temporary, outcome_unknown, no_access, lost_worker' }),
    last_error: z.string().nullable(),
    settled_by: z.string().nullable().meta({ description: 'worker, lookup or person' }),
    updated_at: z.string(),
  })
  .meta({ id: 'Publication' });
export type PublicationView = z.infer<typeof publicationView>;

export const listPublicationsInput = pageQuery.extend({
  state: z.string().optional().meta({ description: 'comma-separated states, e.g. needs_check,failed' }),
  item: z.coerce.number().int().positive().optional().meta({ description: 'one content item' }),
});

export const settleInput = z
  .discriminatedUnion('published', [
    z.object({
      published: z.literal(true),
      url: z.url('must be the URL of the post').max(2000),
      post_id: z.string().trim().min(1).max(200).optional().meta({ description: "the platform's post id, when the URL does not show it" }),
    }).strict(),
    z.object({ published: z.literal(false) }).strict(),
  ])
  .meta({ id: 'SettlePublication', description: 'published: true with the post URL; false puts it back in the queue (or cancels it if the item is no longer scheduled)' });

function view(r: q.PublicationListRow): PublicationView {
  return {
    id: r.id, item_id: r.item_id, item_title: r.item_title, account: { platform: r.platform, handle: r.handle },
    state: r.state as PublicationState, due_at: r.due_at, next_attempt_at: r.next_attempt_at, attempts: r.attempts, checks: r.checks,
    claimed_by: r.claimed_by, publishing_at: r.publishing_at, external_post_id: r.external_post_id, permalink: r.permalink,
    published_at: r.published_at, error_kind: r.error_kind, last_error: r.last_error, settled_by: r.settled_by, updated_at: r.updated_at,
  };
}

// ---- planning hooks (called inside the planning transaction of actions/content.ts)

/**
 * Scheduling: one publication per account of the item, due at its scheduled time. An account whose
 * platform has no variant fails at once, so the gap shows instead of a silent skip.
 */
export async function enqueueItem(db: Db, itemId: number, accounts: readonly { id: number; platform: string }[], variantPlatforms: readonly string[], dueAt: string, now: string): Promise<void> {
  await q.enqueue(db, accounts.map((a) => {
    const has = variantPlatforms.includes(a.platform);
    return { item_id: itemId, account_id: a.id, platform: a.platform, due_at: dueAt, state: has ? 'queued' : 'failed', last_error: has ? null : `no ${a.platform} variant was written` };
  }), now);
}

/** Leaving `scheduled` (edited back to review, published by hand): what has not started is cancelled. */
export function cancelItem(db: Db, itemId: number, now: string): Promise<number> {
  return q.cancelNotStarted(db, itemId, now);
}

// ---- reading

export async function listPublications(_actor: Actor, orgCode: string, input: unknown, deps: Deps): Promise<Page<PublicationView>> {
  const i = parseInput(listPublicationsInput, input);
  const org = await requireOrganization(deps, orgCode);
  const states = i.state?.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = states?.find((s) => !(PUBLICATION_STATES as readonly string[]).includes(s));
  if (bad) throw new Invalid(`unknown state ${bad}`, [{ path: 'state', message: `one of ${PUBLICATION_STATES.join(', ')}` }]);
  const rows = await q.listPublications(deps.db.kysely, { organizationId: org.id, states, itemId: i.item, after: decodeCursor<number>(i.cursor, 'number'), limit: i.limit });
  const page = toPage(rows, i.limit, (r) => r.id);
  return { items: page.items.map(view), next_cursor: page.next_cursor };
}

export async function getPublication(_actor: Actor, id: number, deps: Deps): Promise<PublicationView> {
  const r = await q.publicationWithNames(deps.db.kysely, id);
  if (!r) throw new NotFound(`publication ${id} does not exist`);
  return view(r);
}

/** The queue as /api/health shows it. */
export function queueFigures(deps: Deps): Promise<q.QueueFigures> {
  return q.queueFigures(deps.db.kysely, deps.now());
}

// ---- outcomes

/** The platform's post id in a post URL, where the URL carries it. */
export function postIdFromUrl(platform: string, url: string): string | null {
  const m = (re: RegExp) => re.exec(url);
  if (platform === 'x') return m(/\/status(?:es)?\/(\d+)/)?.[1] ?? null;
  if (platform === 'youtube') return m(/(?:[?&]v=|youtu\.be\/|\/shorts\/)([\w-]{11})/)?.[1] ?? null;
  if (platform === 'facebook') {
    const f = m(/facebook\.com\/(\d+)\/posts\/(\d+)/);
    return f ? `${f[1]}_${f[2]}` : null;
  }
  return null;
}

function postTypeOf(v: Variant, mediaKinds: readonly string[]): PostType {
  if (mediaKinds.includes('video')) return 'video';
  if (mediaKinds.length > 1) return 'carousel';
  if (mediaKinds.length === 1) return 'image';
  return v.link ? 'link' : 'text';
}

export interface Sent {
  variant: Variant | null;
  mediaKinds: string[];
}

/** What a variant row sends: its text, link and the media's public URLs. */
export function variantOf(ctx: Pick<q.PublishContext, 'text' | 'link' | 'media'> & { title?: string | null }): Sent {
  if (ctx.text === null) return { variant: null, mediaKinds: [] };
  let media: { url?: unknown; kind?: unknown }[] = [];
  try {
    const parsed: unknown = JSON.parse(ctx.media ?? '[]');
    if (Array.isArray(parsed)) media = parsed as { url?: unknown; kind?: unknown }[];
  } catch {
    media = [];
  }
  const urls = media.flatMap((m) => (typeof m.url === 'string' ? [m.url] : []));
  return {
    variant: { text: ctx.text, ...(ctx.title ? { title: ctx.title } : {}), ...(ctx.link ? { link: ctx.link } : {}), ...(urls.length ? { mediaUrls: urls } : {}) },
    mediaKinds: media.flatMap((m) => (typeof m.kind === 'string' ? [m.kind] : [])),
  };
}

export interface Settlement {
  postId: string | null;
  permalink: string | null;
  by: 'worker' | 'lookup' | 'person';
  /** The worker holding the row, or none (a person; or a late answer settling a check). */
  worker: string | null;
  from: readonly PublicationState[];
}

/**
 * Records a publication as published, with the post it made linked to its item; a worker whose claim
 * was taken over still settles the row if it only awaits a check. Returns false when the row had moved
 * on (someone else settled it). The item becomes published in the same transaction when this was its
 * last account; when other accounts finish at the same moment, a check after commit catches it.
 */
export async function recordPublished(deps: Deps, row: Pick<q.PublicationRow, 'id' | 'item_id' | 'account_id' | 'platform'>, sent: Sent, s: Settlement): Promise<boolean> {
  const now = deps.now();
  const patch = { state: 'published', external_post_id: s.postId, permalink: s.permalink, published_at: now, error_kind: null, last_error: null, settled_by: s.by, updated_at: now };
  const done = await deps.db.kysely.transaction().execute(async (tx) => {
    let ok = s.worker ? await q.moveHeld(tx, row.id, s.worker, s.from[0] ?? 'publishing', patch) : false;
    if (!ok) ok = await q.moveFrom(tx, row.id, s.worker ? ['needs_check'] : s.from, patch);
    if (!ok) return { ok: false, finished: false };
    if (s.postId !== null) {
      await q.upsertPublishedPost(tx, {
        account_id: row.account_id, platform: row.platform, post_id: s.postId, published_at: now, type: sent.variant ? postTypeOf(sent.variant, sent.mediaKinds) : 'text',
        text: sent.variant?.text ?? null, media_count: sent.mediaKinds.length || null, permalink: s.permalink, content_item_id: row.item_id,
      }, now);
    }
    return { ok: true, finished: await finishInside(tx, row.item_id, now) };
  });
  // In-transaction, a sibling finished by another worker at the same moment is not yet visible.
  if (done.ok && !done.finished && (await q.hasSiblings(deps.db.kysely, row.item_id, row.id))) await finishItemIfDone(deps, row.item_id);
  return done.ok;
}

async function finishInside(db: Db, itemId: number, now: string): Promise<boolean> {
  if (!(await q.finishItem(db, itemId, now))) return false;
  const { record: r } = transition({ status: 'scheduled', organizationId: 0, accountIds: [] }, 'published', WORKER, { now, comment: 'published on every account' });
  await insertTransition(db, { item_id: itemId, actor_id: r.actorId, at: r.at, from_status: r.from, to_status: r.to, action: r.action, comment: r.comment, reason: r.reason, scheduled_at: r.scheduledAt });
  return true;
}

/** The item becomes published once every publication of it is published (cancelled ones aside). */
export function finishItemIfDone(deps: Deps, itemId: number): Promise<boolean> {
  const now = deps.now();
  return deps.db.kysely.transaction().execute((tx) => finishInside(tx, itemId, now));
}

/** A failure a person must act on is written on the item, where its team looks. */
export async function noteFailure(deps: Deps, itemId: number, platform: string, handle: string, error: string): Promise<void> {
  await q.addItemComment(deps.db.kysely, itemId, `Not published on ${platform} @${handle}: ${error}`, deps.now());
}

// ---- a person settles

export async function settlePublication(_actor: Actor, id: number, input: unknown, deps: Deps): Promise<PublicationView> {
  const i = parseInput(settleInput, input);
  const k = deps.db.kysely;
  const row = await q.publicationWithNames(k, id);
  if (!row) throw new NotFound(`publication ${id} does not exist`);
  const from = row.state as PublicationState;
  settleByPerson(from, i.published);
  let moved: boolean;
  if (i.published) {
    const sent = row.sent_variant ? { variant: JSON.parse(row.sent_variant) as Variant, mediaKinds: [] } : { variant: null, mediaKinds: [] };
    moved = await recordPublished(deps, row, sent, { postId: i.post_id ?? postIdFromUrl(row.platform, i.url), permalink: i.url, by: 'person', worker: null, from: [from] });
  } else {
    const now = deps.now();
    const state = row.item_status === 'scheduled' ? 'queued' : 'cancelled';
    moved = await q.moveFrom(k, id, [from], { state, next_attempt_at: now, attempts: 0, checks: 0, error_kind: null, last_error: null, settled_by: null, updated_at: now });
  }
  if (!moved) throw new Conflict(`publication ${id} changed meanwhile; reload and try again`);
  return getPublication(_actor, id, deps);
}
