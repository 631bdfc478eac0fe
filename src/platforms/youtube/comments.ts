// YouTube comments for the inbox: the resumable page token, the Data API call each page makes (one
// unit each), and the entries read from its answer.
import { list, num, pick, str } from '../http.ts';
import type { InboxEntry } from '../types.ts';
import type { YoutubeCall } from './quota.ts';

/**
 * Where reading one video's comments stands: the page token of the next page of threads ('' for the
 * first, null when none is left) and the threads whose replies must be listed on their own, with the
 * page token reached ('' for the first).
 */
export interface ThreadsState {
  threads: string | null;
  replies: [string, string][];
}

export interface ThreadsCall {
  what: YoutubeCall;
  resource: string;
  params: Record<string, string>;
  /** The thread whose replies this call lists; null for a page of threads. */
  parent: string | null;
}

const isPair = (v: unknown): v is [string, string] => Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'string';

/** Our page token; anything unreadable starts the video again from its first page. */
export function readThreadsPage(page: string | null): ThreadsState {
  const fresh: ThreadsState = { threads: '', replies: [] };
  if (!page) return fresh;
  try {
    const v: unknown = JSON.parse(page);
    const threads = pick(v, 'threads');
    return { threads: threads === null || typeof threads === 'string' ? threads : '', replies: list(pick(v, 'replies')).filter(isPair) };
  } catch {
    return fresh;
  }
}

/** Pending replies first (they belong to threads already read), then the next page of threads. */
export function threadsCall(s: ThreadsState, videoId: string, maxResults: string): ThreadsCall {
  const pending = s.replies[0];
  // plainText: the text as written, not HTML (and comparable with the text of a reply we sent).
  if (pending) {
    const params: Record<string, string> = { part: 'snippet', parentId: pending[0], maxResults, textFormat: 'plainText' };
    if (pending[1]) params.pageToken = pending[1];
    return { what: 'comments.list', resource: 'comments', params, parent: pending[0] };
  }
  const params: Record<string, string> = { part: 'snippet,replies', videoId, maxResults, textFormat: 'plainText' };
  if (s.threads) params.pageToken = s.threads;
  return { what: 'commentThreads.list', resource: 'commentThreads', params, parent: null };
}

/** A thread carries only some of its replies; when it says it has more, they are listed with comments.list. */
function complete(thread: unknown): boolean {
  return (num(pick(thread, 'snippet', 'totalReplyCount')) ?? 0) <= list(pick(thread, 'replies', 'comments')).length;
}

export function nextThreadsPage(s: ThreadsState, c: ThreadsCall, body: unknown): string | null {
  let threads = s.threads;
  const replies = s.replies.slice();
  const token = str(pick(body, 'nextPageToken'));
  if (c.parent) {
    replies.shift();
    if (token) replies.unshift([c.parent, token]);
  } else {
    threads = token;
    for (const t of list(pick(body, 'items'))) {
      const id = str(pick(t, 'id'));
      if (id && !complete(t)) replies.push([id, '']);
    }
  }
  return threads === null && replies.length === 0 ? null : JSON.stringify({ threads, replies });
}

function entry(c: unknown, videoId: string): InboxEntry | undefined {
  const id = str(pick(c, 'id'));
  if (!id) return undefined;
  const parentId = str(pick(c, 'snippet', 'parentId'));
  const shown = str(pick(c, 'snippet', 'authorDisplayName'));
  return {
    id, kind: parentId ? 'reply' : 'comment', postId: videoId, parentId,
    // Display names are the author's @handle nowadays.
    author: shown?.startsWith('@') ? shown.slice(1) : shown, authorName: shown,
    authorId: str(pick(c, 'snippet', 'authorChannelId', 'value')),
    text: str(pick(c, 'snippet', 'textDisplay')) ?? str(pick(c, 'snippet', 'textOriginal')) ?? '',
    createdAt: new Date(str(pick(c, 'snippet', 'publishedAt')) ?? 0).toISOString(),
  };
}

/** Threads (top-level comment, then its replies when the thread carries them all) or one thread's replies. */
export function toEntries(body: unknown, videoId: string, parent: string | null): InboxEntry[] {
  if (parent) return list(pick(body, 'items')).flatMap((c) => entry(c, videoId) ?? []);
  return list(pick(body, 'items')).flatMap((t) => {
    const top = entry(pick(t, 'snippet', 'topLevelComment'), videoId);
    if (!top) return [];
    const replies = complete(t) ? list(pick(t, 'replies', 'comments')).flatMap((c) => entry(c, videoId) ?? []) : [];
    return [top, ...replies];
  });
}
