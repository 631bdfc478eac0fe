// Test support: a small hand-made network whose figures tests can compute by hand.
import { SYSTEM, type Deps } from '../actions/context.ts';
import { createAccount } from '../actions/accounts.ts';
import { addGroupMember, createGroup } from '../actions/groups.ts';
import { createOrganization } from '../actions/organizations.ts';
import { findAccount } from '../db/queries/accounts.ts';

let postSeq = 0;

export async function addSnapshot(deps: Deps, platform: string, handle: string, date: string, followers: number): Promise<void> {
  const a = await findAccount(deps.db.kysely, platform, handle);
  if (!a) throw new Error(`no account ${platform}/${handle}`);
  await deps.db.kysely
    .insertInto('audience_snapshots')
    .values({ account_id: a.id, date, followers, following: null, posts_total: null, views_total: null, source: 'test', recorded_at: '2026-01-01T00:00:00.000Z' })
    .execute();
}

/** A post with one measurement per entry of `counts`, a day apart (the last is the latest). */
export async function addPost(
  deps: Deps,
  platform: string,
  handle: string,
  at: string,
  type: string,
  text: string,
  counts: { likes?: number; comments?: number }[],
): Promise<string> {
  const a = await findAccount(deps.db.kysely, platform, handle);
  if (!a) throw new Error(`no account ${platform}/${handle}`);
  const postId = `p${++postSeq}`;
  const p = await deps.db.kysely
    .insertInto('posts')
    .values({ account_id: a.id, platform, post_id: postId, published_at: at, type, text, media_count: 1, permalink: null, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  let t = Date.parse(at);
  for (const c of counts) {
    t += 86_400_000;
    await deps.db.kysely
      .insertInto('post_metrics')
      .values({ post_id: p.id, measured_at: new Date(t).toISOString(), likes: c.likes ?? null, comments: c.comments ?? null, shares: null, quotes: null, saves: null, views: null, impressions: null, reach: null })
      .execute();
  }
  return postId;
}

/**
 * NET: BSN (Asia/Jakarta), AAA (Europe/Paris), BBB (UTC), each with one Instagram account
 * `<code>_ig`. BSN: 52,300 on 2019-01-01, 76,670 on 2019-08-09; one post on 1 Feb (local) with a
 * mention, one on 10 Jan without. AAA: 1,000 -> 1,100 in January, one reel. BBB: no data.
 */
export async function seedSmallNetwork(deps: Deps): Promise<void> {
  await createGroup(SYSTEM, { code: 'NET', name: 'Network', kind: 'network' }, deps);
  for (const [code, tz] of [['BSN', 'Asia/Jakarta'], ['AAA', 'Europe/Paris'], ['BBB', 'UTC']] as const) {
    await createOrganization(SYSTEM, { code, name: code, timezone: tz }, deps);
    await addGroupMember(SYSTEM, 'NET', code, deps);
    await createAccount(SYSTEM, { org: code, platform: 'instagram', handle: `${code.toLowerCase()}_ig` }, deps);
  }
  await addSnapshot(deps, 'instagram', 'bsn_ig', '2018-12-20', 50000);
  await addSnapshot(deps, 'instagram', 'bsn_ig', '2019-01-01', 52300);
  await addSnapshot(deps, 'instagram', 'bsn_ig', '2019-08-09', 76670);
  // 2019-01-31T18:30Z is 1 February in Jakarta: outside a January period, inside February.
  await addPost(deps, 'instagram', 'bsn_ig', '2019-01-31T18:30:00.000Z', 'image', 'Halo SNIzen! cc @isostandards', [{ likes: 100, comments: 5 }, { likes: 500, comments: 20 }]);
  await addPost(deps, 'instagram', 'bsn_ig', '2019-01-10T03:00:00.000Z', 'text', 'mail info@bsn.go.id', [{ likes: 200 }]);
  await addSnapshot(deps, 'instagram', 'aaa_ig', '2019-01-01', 1000);
  await addSnapshot(deps, 'instagram', 'aaa_ig', '2019-01-31', 1100);
  await addPost(deps, 'instagram', 'aaa_ig', '2019-01-15T10:00:00.000Z', 'reel', 'hello', [{ likes: 10, comments: 1 }]);
}
