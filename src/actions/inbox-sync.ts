// The inbox stream of the sync: comments under an owned account's recent posts, then its mentions,
// read with the account's own token, a few pages per run, the place saved after every page.
import { PLATFORMS, type Platform } from '../core/platforms.ts';
import { findConnection } from '../db/queries/connections.ts';
import * as q from '../db/queries/inbox.ts';
import { saveCursor } from '../db/queries/sync.ts';
import type { CallContext, InboxEntry, InboxPage, PlatformAdapter, Target } from '../platforms/types.ts';
import { NoAccess, withAccess } from './connections.ts';
import type { Deps } from './context.ts';

export const INBOX_STREAM = 'inbox';
const DAY = 86_400_000;
/** A finished round comes back after an hour: answers should not wait for the daily sync. */
export const INBOX_EVERY_MS = 3_600_000;
/** Comments are read under the posts of the last 30 days; a first run reads mentions as far back. */
const WINDOW_DAYS = 30;
/** Pages per run (every platform limits calls per window); the rest follows in the next run. */
const MAX_PAGES: Record<Platform, number> = { facebook: 10, instagram: 10, x: 3, youtube: 5, tiktok: 5, linkedin: 5 };

export interface InboxCursor {
  phase: 'comments' | 'mentions';
  /** The post whose comments are being read (null: start with the newest). */
  post: q.PostKey | null;
  page: string | null;
  /** When the last full round ended: later rounds read mentions back to a day before it. */
  lastDone: string | null;
}

export interface InboxRun {
  status: 'done' | 'partial' | 'skipped';
  reason: string | null;
  added: number;
  /** Our answers seen on the platform (written there, or a reply whose outcome was unknown). */
  repliesSeen: number;
}

/** Platforms whose adapter reads comments or mentions. */
export function inboxPlatforms(deps: Deps): Platform[] {
  return PLATFORMS.filter((p) => {
    const adapter = deps.connectors?.adapter(p);
    return adapter !== undefined && (adapter.comments !== undefined || adapter.mentions !== undefined);
  });
}

export function readInboxCursor(text: string | null): InboxCursor {
  const fresh: InboxCursor = { phase: 'comments', post: null, page: null, lastDone: null };
  try {
    const v = JSON.parse(text ?? 'null') as Partial<InboxCursor> | null;
    if (!v || (v.phase !== 'comments' && v.phase !== 'mentions')) return fresh;
    const post = v.post && typeof v.post.post_id === 'string' && typeof v.post.published_at === 'string' ? { post_id: v.post.post_id, published_at: v.post.published_at } : null;
    return { phase: v.phase, post, page: typeof v.page === 'string' ? v.page : null, lastDone: typeof v.lastDone === 'string' ? v.lastDone : null };
  } catch {
    return fresh;
  }
}

const instant = (value: string) => {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? new Date(0).toISOString() : new Date(ms).toISOString();
};

/** Whether the account itself wrote this (its own comments are answers, not entries). */
function byAccount(a: q.InboxAccount, e: InboxEntry): boolean {
  if (e.authorId && a.external_id) return e.authorId === a.external_id;
  return e.author !== null && e.author.replace(/^@/, '').toLowerCase() === a.handle.toLowerCase();
}

/** Stores what others wrote; records the account's own answers against the entries they answer. */
async function store(deps: Deps, a: q.InboxAccount, items: InboxEntry[]): Promise<{ added: number; repliesSeen: number }> {
  const k = deps.db.kysely;
  const now = deps.now();
  const valid = items.filter((e) => e.id);
  const ours = await q.ourReplyIds(k, a.platform, valid.map((e) => e.id));
  const others = valid.filter((e) => !ours.has(e.id) && !byAccount(a, e));
  const added = await q.insertEntries(k, others.map((e) => ({
    organization_id: a.organization_id, account_id: a.id, platform: a.platform, external_id: e.id, kind: e.kind,
    post_external_id: e.postId, parent_external_id: e.parentId ?? null, author_handle: e.author, author_name: e.authorName ?? null,
    author_external_id: e.authorId ?? null, text: e.text, received_at: instant(e.createdAt), assignee_id: null, status: 'open',
    first_reply_at: null, done_at: null, created_at: now, updated_at: now,
  })));
  let repliesSeen = 0;
  for (const e of valid) {
    if (ours.has(e.id) || !byAccount(a, e) || !e.parentId) continue;
    const parent = await q.entryByExternalId(k, a.platform, e.parentId);
    if (!parent) continue;
    const at = instant(e.createdAt);
    // A reply sent from here whose answer was lost shows up now: that settles it as sent. Instagram and
    // YouTube file an answer to a reply under the top-level comment, so the reply in doubt may belong to
    // any entry of that thread.
    const thread = [parent.id, ...(await q.threadEntryIds(k, a.id, parent.external_id))];
    const pending = (await q.repliesOf(k, thread)).find((r) => r.state === 'needs_check' && r.text.trim() === e.text.trim());
    if (pending) await q.updateReply(k, pending.id, { state: 'sent', external_id: e.id, sent_at: at, error: null, updated_at: now });
    else await q.insertReply(k, { entry_id: parent.id, text: e.text, state: 'sent', external_id: e.id, via: 'platform', sent_by: null, member_id: null, error: null, created_at: now, sent_at: at, updated_at: now });
    await q.noteFirstReply(k, pending?.entry_id ?? parent.id, at, now);
    repliesSeen++;
  }
  return { added, repliesSeen };
}

/** Runs one claimed inbox stream; `worker` must hold the claim (saveCursor checks it); `onCost` meters YouTube's units. */
export async function runInbox(deps: Deps, accountId: number, adapter: PlatformAdapter, worker: string, cursorText: string | null, onCost?: CallContext['onCost']): Promise<InboxRun> {
  const run: InboxRun = { status: 'done', reason: null, added: 0, repliesSeen: 0 };
  const k = deps.db.kysely;
  const a = await q.inboxAccount(k, accountId);
  const skip = (reason: string): InboxRun => ({ ...run, status: 'skipped', reason });
  if (!a || a.owned !== 1) return skip('not an owned account');
  if ((await findConnection(k, a.id))?.status !== 'active') return skip('not connected: comments are read with the account’s own token');
  if (!adapter.comments && !adapter.mentions) return skip(`comments are not read from ${a.platform} yet`);

  const target: Target = { handle: a.handle, externalId: a.external_id };
  const own = <T>(fn: (ctx: CallContext) => Promise<T>) =>
    withAccess(deps, a, (access) => {
      if (access.kind !== 'owner') throw new NoAccess(`${a.platform}/${a.handle} has no live connection`);
      return fn({ access, onCost });
    });
  const state = readInboxCursor(cursorText);
  const save = () => saveCursor(k, a.id, INBOX_STREAM, worker, JSON.stringify(state));
  const take = async (page: InboxPage) => {
    const s = await store(deps, a, page.items);
    run.added += s.added;
    run.repliesSeen += s.repliesSeen;
  };
  let budget = MAX_PAGES[a.platform as Platform] ?? 5;
  const now = deps.now();
  const since = new Date(Date.parse(now) - WINDOW_DAYS * DAY).toISOString();

  if (state.phase === 'comments' && adapter.comments) {
    const comments = adapter.comments.bind(adapter);
    let post = state.post ?? (await q.nextRecentPost(k, a.id, since, null)) ?? null;
    while (post && budget > 0) {
      const current: q.PostKey = post;
      const page = await own((ctx) => comments(target, ctx, current.post_id, state.page));
      budget--;
      await take(page);
      if (page.next) state.page = page.next;
      else {
        post = (await q.nextRecentPost(k, a.id, since, current)) ?? null;
        state.page = null;
      }
      state.post = post;
      await save();
    }
    if (post) return { ...run, status: 'partial' };
  }
  if (state.phase === 'comments') {
    Object.assign(state, { phase: 'mentions', post: null, page: null });
    await save();
  }
  if (adapter.mentions) {
    const mentions = adapter.mentions.bind(adapter);
    const horizon = state.lastDone ? new Date(Date.parse(state.lastDone) - DAY).toISOString() : since;
    let finished = false;
    while (!finished && budget > 0) {
      const page = await own((ctx) => mentions(target, ctx, state.page));
      budget--;
      const known = await q.knownExternalIds(k, a.platform, page.items.map((e) => e.id));
      await take(page);
      const oldest = page.items.reduce<string | null>((m, e) => (m === null || instant(e.createdAt) < m ? instant(e.createdAt) : m), null);
      // Mentions come newest first: stop at the horizon, or at a page of nothing new after a full round.
      const nothingNew = state.lastDone !== null && page.items.length > 0 && page.items.every((e) => known.has(e.id));
      finished = !page.next || (oldest !== null && oldest < horizon) || nothingNew;
      state.page = finished ? null : page.next;
      await save();
    }
    if (!finished) return { ...run, status: 'partial' };
  }
  Object.assign(state, { phase: 'comments', post: null, page: null, lastDone: now });
  await save();
  return run;
}
