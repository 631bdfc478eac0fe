// Instagram comments for the inbox: the resumable page token, the Graph call each page makes, and the
// entries read from its answer (comments with their replies; media the account was tagged in).
import { graphInstant } from '../facebook/adapter.ts';
import { list, pick, str } from '../http.ts';
import type { InboxEntry, Target } from '../types.ts';

/** Mentions are media ids; the prefix tells reply() to answer through the mentions edge. */
export const MENTION_PREFIX = 'mention:';
const COMMENT_FIELDS = 'id,text,timestamp,username,from,parent_id';
export const TAG_FIELDS = 'id,caption,username,timestamp,permalink,media_type';

/**
 * Where reading one medium's comments stands: the cursor of the next top-level page ('' for the first,
 * null when none is left) and the comments whose further replies are still to be read, with their cursor.
 */
export interface CommentsState {
  top: string | null;
  replies: [string, string][];
}

export interface CommentsCall {
  path: string;
  params: Record<string, string>;
  /** The comment whose replies this call reads; null for a page of top-level comments. */
  parent: string | null;
}

const isPair = (v: unknown): v is [string, string] => Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'string';

/** Our page token; anything unreadable starts the medium again from its first page. */
export function readCommentsPage(page: string | null): CommentsState {
  const fresh: CommentsState = { top: '', replies: [] };
  if (!page) return fresh;
  try {
    const v: unknown = JSON.parse(page);
    const top = pick(v, 'top');
    return { top: top === null || typeof top === 'string' ? top : '', replies: list(pick(v, 'replies')).filter(isPair) };
  } catch {
    return fresh;
  }
}

/** Pending replies come first (they belong to the page already read), then the next top-level page. */
export function commentsCall(s: CommentsState, postId: string, limit: string): CommentsCall {
  const pending = s.replies[0];
  if (pending) return { path: `${encodeURIComponent(pending[0])}/replies`, params: { fields: COMMENT_FIELDS, limit, after: pending[1] }, parent: pending[0] };
  const params: Record<string, string> = { fields: `${COMMENT_FIELDS},replies.limit(${limit}){${COMMENT_FIELDS}}`, limit };
  if (s.top) params.after = s.top;
  return { path: `${encodeURIComponent(postId)}/comments`, params, parent: null };
}

/** Graph pages carry `paging.next` only when more follow; the cursor alone does not say so. */
function after(edge: unknown): string | null {
  return pick(edge, 'paging', 'next') ? str(pick(edge, 'paging', 'cursors', 'after')) : null;
}

export function nextCommentsPage(s: CommentsState, c: CommentsCall, body: unknown): string | null {
  let top = s.top;
  const replies = s.replies.slice();
  if (c.parent) {
    replies.shift();
    const more = after(body);
    if (more) replies.unshift([c.parent, more]);
  } else {
    top = after(body);
    for (const comment of list(pick(body, 'data'))) {
      const id = str(pick(comment, 'id'));
      const more = after(pick(comment, 'replies'));
      if (id && more) replies.push([id, more]);
    }
  }
  return top === null && replies.length === 0 ? null : JSON.stringify({ top, replies });
}

function entry(c: unknown, postId: string, target: Target, parentFallback: string | null): InboxEntry | undefined {
  const id = str(pick(c, 'id'));
  if (!id) return undefined;
  const parentId = str(pick(c, 'parent_id')) ?? parentFallback;
  const username = str(pick(c, 'from', 'username')) ?? str(pick(c, 'username'));
  // from.id is an Instagram-scoped id, which need not equal the account's own IG user id: the account's
  // own answers are known by its username.
  const own = username !== null && target.externalId !== null && username.toLowerCase() === target.handle.replace(/^@/, '').toLowerCase();
  return {
    id, kind: parentId ? 'reply' : 'comment', postId, parentId,
    author: username, authorName: null, authorId: own ? target.externalId : str(pick(c, 'from', 'id')),
    text: str(pick(c, 'text')) ?? '',
    createdAt: graphInstant(str(pick(c, 'timestamp'))) ?? new Date(0).toISOString(),
  };
}

/** A page of top-level comments and the replies nested in each, or a page of one comment's replies. */
export function toEntries(body: unknown, postId: string, target: Target, parent: string | null): InboxEntry[] {
  const out: InboxEntry[] = [];
  for (const c of list(pick(body, 'data'))) {
    const e = entry(c, postId, target, parent);
    if (!e) continue;
    out.push(e);
    if (parent) continue;
    for (const r of list(pick(c, 'replies', 'data'))) {
      const x = entry(r, postId, target, e.id);
      if (x) out.push(x);
    }
  }
  return out;
}

/** A medium someone else tagged the account in: its caption is the entry's text. */
export function tagEntry(m: unknown): InboxEntry | undefined {
  const id = str(pick(m, 'id'));
  if (!id) return undefined;
  return {
    id: `${MENTION_PREFIX}${id}`, kind: 'mention', postId: null, parentId: null,
    author: str(pick(m, 'username')), authorName: null, authorId: null,
    text: str(pick(m, 'caption')) ?? '',
    createdAt: graphInstant(str(pick(m, 'timestamp'))) ?? new Date(0).toISOString(),
  };
}
