// Loads accounts' snapshots and posts for a period in the shapes the metrics and analytics cores take.
import type { AccountInput } from '../core/metrics/index.ts';
import type { AnalysedPostInput } from '../core/analytics/posts.ts';
import { POST_TYPES, type Platform, type PostType } from '../core/platforms.ts';
import { addDays } from '../core/time.ts';
import { postsWithLatestCounts, snapshotsForPeriod, type AccountKey } from '../db/queries/metrics.ts';
import type { Deps } from './context.ts';

export interface AccountData extends AccountInput {
  key: AccountKey;
  snapshots: { date: string; followers: number }[];
  posts: AnalysedPostInput[];
}

function postType(t: string): PostType {
  return ((POST_TYPES as readonly string[]).includes(t) ? t : 'text') as PostType;
}

/**
 * Snapshots dated up to `to` (from the last one before `from`) and posts published around [from, to]
 * (a day either side, since local dates in any zone lie within UTC-14h..UTC+14h; the cores keep the
 * right ones). `historyFrom` widens both back to an earlier date, e.g. for trailing windows.
 */
export async function loadAccountData(
  deps: Deps,
  accounts: AccountKey[],
  zoneOf: (a: AccountKey) => string,
  from: string,
  to: string,
  historyFrom: string = from,
): Promise<Map<number, AccountData>> {
  const ids = accounts.map((a) => a.id);
  const [snapshots, posts] = await Promise.all([
    snapshotsForPeriod(deps.db.kysely, ids, historyFrom, to),
    postsWithLatestCounts(deps.db.kysely, ids, `${addDays(historyFrom, -1)}T00:00:00.000Z`, `${addDays(to, 2)}T00:00:00.000Z`),
  ]);
  const data = new Map<number, AccountData>();
  for (const a of accounts) {
    data.set(a.id, { key: a, handle: a.handle, platform: a.platform as Platform, timezone: zoneOf(a), snapshots: [], posts: [] });
  }
  for (const s of snapshots) data.get(s.account_id)?.snapshots.push({ date: s.date, followers: s.followers });
  for (const p of posts) {
    data.get(p.account_id)?.posts.push({
      id: p.post_id,
      publishedAt: p.published_at,
      type: postType(p.type),
      text: p.text,
      permalink: p.permalink,
      counts: {
        likes: p.likes, comments: p.comments, shares: p.shares, quotes: p.quotes,
        saves: p.saves, views: p.views, impressions: p.impressions, reach: p.reach,
      },
    });
  }
  return data;
}
