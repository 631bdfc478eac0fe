// SQL that fetches what the metrics core needs: follower snapshots and posts with their latest counts.
import type { Kysely } from 'kysely';
import type { Database, PostMetricRow, PostRow } from '../schema.ts';

type K = Kysely<Database>;

export interface AccountKey {
  id: number;
  organization_id: number;
  platform: string;
  handle: string;
}

export function accountsOfOrganizations(db: K, organizationIds: number[], platform?: string): Promise<AccountKey[]> {
  if (organizationIds.length === 0) return Promise.resolve([]);
  let q = db
    .selectFrom('accounts')
    .select(['id', 'organization_id', 'platform', 'handle'])
    .where('organization_id', 'in', organizationIds);
  if (platform) q = q.where('platform', '=', platform);
  return q.orderBy('platform').orderBy('handle_key').execute();
}

export interface SnapshotPoint {
  account_id: number;
  date: string;
  followers: number;
}

/**
 * Snapshots dated within [from, to] plus, per account, the latest one before `from`
 * (followers as of a date is the latest snapshot on or before it).
 */
export async function snapshotsForPeriod(db: K, accountIds: number[], from: string, to: string): Promise<SnapshotPoint[]> {
  if (accountIds.length === 0) return [];
  const inside = db
    .selectFrom('audience_snapshots')
    .select(['account_id', 'date', 'followers'])
    .where('account_id', 'in', accountIds)
    .where('date', '>=', from)
    .where('date', '<=', to);
  // The latest snapshot before `from`, per account: a grouped max that walks the (account, date) key.
  const before = db
    .selectFrom('audience_snapshots as s')
    .innerJoin(
      (eb) =>
        eb
          .selectFrom('audience_snapshots')
          .select(['account_id', (e) => e.fn.max('date').as('d')])
          .where('account_id', 'in', accountIds)
          .where('date', '<', from)
          .groupBy('account_id')
          .as('m'),
      (join) => join.onRef('m.account_id', '=', 's.account_id').onRef('m.d', '=', 's.date'),
    )
    .select(['s.account_id', 's.date', 's.followers']);
  const rows = await inside.unionAll(before).execute();
  return rows
    .map((r) => ({ account_id: r.account_id, date: r.date, followers: Number(r.followers) }))
    .sort((a, b) => a.account_id - b.account_id || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** A post with the counts of its latest measurement (null when it has none). */
export type PostWithCounts = Pick<PostRow, 'id' | 'account_id' | 'post_id' | 'published_at' | 'type' | 'text' | 'permalink'> &
  Omit<PostMetricRow, 'post_id' | 'measured_at'>;

/** Posts published in [fromInstant, toInstant) with the counts of their latest measurement (null when none). */
export function postsWithLatestCounts(db: K, accountIds: number[], fromInstant: string, toInstant: string): Promise<PostWithCounts[]> {
  if (accountIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('posts as p')
    .leftJoin('post_metrics as m', (join) =>
      join.onRef('m.post_id', '=', 'p.id').on('m.measured_at', '=', (eb) =>
        eb.selectFrom('post_metrics as m2').select((e) => e.fn.max('m2.measured_at').as('t')).whereRef('m2.post_id', '=', 'p.id'),
      ),
    )
    .select([
      'p.id', 'p.account_id', 'p.post_id', 'p.published_at', 'p.type', 'p.text', 'p.permalink',
      'm.likes', 'm.comments', 'm.shares', 'm.quotes', 'm.saves', 'm.views', 'm.impressions', 'm.reach',
    ])
    .where('p.account_id', 'in', accountIds)
    .where('p.published_at', '>=', fromInstant)
    .where('p.published_at', '<', toInstant)
    .orderBy('p.published_at')
    .execute();
}
