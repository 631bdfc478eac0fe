// Read-back after a lost publish answer: finds the post by its text among the account's recent posts.
// No platform we publish to takes a client idempotency key on a post, and a visible marker in a public
// institution's text is not acceptable, so the match is on text and time: the same text published since
// the attempt began (X and Facebook refuse to repeat a recent identical text, so two such posts are unlikely).
import type { LookupResult, PostsPage } from './types.ts';

/** Clocks of this machine and the platform may differ by this much. */
const SKEW_MS = 2 * 60_000;
const MAX_PAGES = 3;
const URL = /https?:\/\/\S+/g;

/**
 * Text as compared: Unicode NFC, links dropped (X rewrites them to t.co and appends media links),
 * whitespace collapsed.
 */
export function comparableText(text: string): string {
  return text.normalize('NFC').replace(URL, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Walks the newest posts (at most a few pages) for one with the expected text published since `since`;
 * stops once a page reaches back before it, which makes "not found" certain.
 */
export async function scanForPost(list: (page: string | null) => Promise<PostsPage>, expected: string, since: string, maxPages = MAX_PAGES): Promise<LookupResult> {
  const want = comparableText(expected);
  const horizon = Date.parse(since) - SKEW_MS;
  let page: string | null = null;
  for (let n = 0; n < maxPages; n++) {
    const p = await list(page);
    let reachedBack = false;
    for (const post of p.items) {
      const at = Date.parse(post.publishedAt);
      if (at < horizon) {
        reachedBack = true;
        continue;
      }
      if (post.text !== null && comparableText(post.text) === want) return { found: { postId: post.postId, permalink: post.permalink } };
    }
    if (reachedBack || !p.next) return { found: null, complete: true };
    page = p.next;
  }
  return { found: null, complete: false };
}
