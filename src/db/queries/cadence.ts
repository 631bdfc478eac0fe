// SQL for the posting cadence: each account's weekly target, and the items and posts of a period it is measured on.
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../schema.ts';
import type { ContentItemsTable } from './content.ts';

export interface AccountCadenceTable {
  account_id: number;
  posts_per_week: number;
  updated_at: string;
}

export type AccountCadenceRow = Selectable<AccountCadenceTable>;

type K = Kysely<Database & { account_cadence: AccountCadenceTable; content_items: ContentItemsTable }>;
type Db = Kysely<Database>;

function k(db: Db): K {
  return db as unknown as K;
}

export function findCadence(db: Db, accountId: number): Promise<AccountCadenceRow | undefined> {
  return k(db).selectFrom('account_cadence').selectAll().where('account_id', '=', accountId).executeTakeFirst();
}

export function cadenceOfAccounts(db: Db, accountIds: number[]): Promise<AccountCadenceRow[]> {
  if (accountIds.length === 0) return Promise.resolve([]);
  return k(db).selectFrom('account_cadence').selectAll().where('account_id', 'in', accountIds).execute();
}

export async function setCadence(db: Db, row: AccountCadenceRow): Promise<void> {
  await k(db)
    .insertInto('account_cadence')
    .values(row)
    .onConflict((oc) => oc.column('account_id').doUpdateSet({ posts_per_week: row.posts_per_week, updated_at: row.updated_at }))
    .execute();
}

export async function deleteCadence(db: Db, accountId: number): Promise<void> {
  await k(db).deleteFrom('account_cadence').where('account_id', '=', accountId).execute();
}

export type CadenceItemRow = Pick<Selectable<ContentItemsTable>, 'id' | 'status' | 'account_ids' | 'due_date' | 'scheduled_at' | 'published_at'>;

/**
 * An organisation's items that may fall in a period: due in [fromDate, toDate], or scheduled or published
 * in [fromInstant, toInstant). The caller dates each item exactly (core/content/cadence itemDate).
 */
export function cadenceItems(db: Db, organizationId: number, p: { fromDate: string; toDate: string; fromInstant: string; toInstant: string }): Promise<CadenceItemRow[]> {
  return k(db)
    .selectFrom('content_items')
    .select(['id', 'status', 'account_ids', 'due_date', 'scheduled_at', 'published_at'])
    .where('organization_id', '=', organizationId)
    .where('status', '<>', 'rejected')
    .where((eb) =>
      eb.or([
        eb.and([eb('due_date', '>=', p.fromDate), eb('due_date', '<=', p.toDate)]),
        eb.and([eb('scheduled_at', '>=', p.fromInstant), eb('scheduled_at', '<', p.toInstant)]),
        eb.and([eb('published_at', '>=', p.fromInstant), eb('published_at', '<', p.toInstant)]),
      ]),
    )
    .orderBy('id')
    .execute();
}

export interface CadencePostRow {
  account_id: number;
  post_id: string;
  published_at: string;
  type: string;
  text: string | null;
  permalink: string | null;
}

/** Posts of the accounts published in [fromInstant, toInstant), oldest first, at most `limit`. */
export function postsInPeriod(db: Db, accountIds: number[], fromInstant: string, toInstant: string, limit: number): Promise<CadencePostRow[]> {
  if (accountIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('posts')
    .select(['account_id', 'post_id', 'published_at', 'type', 'text', 'permalink'])
    .where('account_id', 'in', accountIds)
    .where('published_at', '>=', fromInstant)
    .where('published_at', '<', toInstant)
    .orderBy('published_at')
    .limit(limit)
    .execute();
}

/** When each post of the accounts in [fromInstant, toInstant) went out: what the cadence counts. */
export function postTimes(db: Db, accountIds: number[], fromInstant: string, toInstant: string): Promise<{ account_id: number; published_at: string }[]> {
  if (accountIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('posts')
    .select(['account_id', 'published_at'])
    .where('account_id', 'in', accountIds)
    .where('published_at', '>=', fromInstant)
    .where('published_at', '<', toInstant)
    .execute();
}
