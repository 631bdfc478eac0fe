// SQL for social media accounts and the team members who hold them.
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { AccountRow, AccountsTable, Database } from '../schema.ts';

type K = Kysely<Database>;

export interface AccountWithOrg extends AccountRow {
  org_code: string;
}

function withOrg(db: K) {
  return db
    .selectFrom('accounts')
    .innerJoin('organizations as o', 'o.id', 'accounts.organization_id')
    .selectAll('accounts')
    .select('o.code as org_code');
}

export function findAccount(db: K, platform: string, handleKey: string): Promise<AccountWithOrg | undefined> {
  return withOrg(db)
    .where('accounts.platform', '=', platform)
    .where('accounts.handle_key', '=', handleKey)
    .executeTakeFirst();
}

export function findAccountById(db: K, id: number): Promise<AccountWithOrg | undefined> {
  return withOrg(db).where('accounts.id', '=', id).executeTakeFirst();
}

export interface AccountFilter {
  after?: number | undefined;
  limit: number;
  organizationId?: number | undefined;
  platform?: string | undefined;
  owned?: boolean | undefined;
}

export function listAccounts(db: K, f: AccountFilter): Promise<AccountWithOrg[]> {
  let q = withOrg(db);
  if (f.organizationId !== undefined) q = q.where('accounts.organization_id', '=', f.organizationId);
  if (f.platform !== undefined) q = q.where('accounts.platform', '=', f.platform);
  if (f.owned !== undefined) q = q.where('accounts.owned', '=', f.owned ? 1 : 0);
  if (f.after !== undefined) q = q.where('accounts.id', '>', f.after);
  return q.orderBy('accounts.id').limit(f.limit + 1).execute();
}

export function insertAccount(db: K, row: Insertable<AccountsTable>): Promise<AccountRow> {
  return db.insertInto('accounts').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateAccount(db: K, id: number, patch: Updateable<AccountsTable>): Promise<AccountRow> {
  return db.updateTable('accounts').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function deleteAccount(db: K, id: number): Promise<void> {
  await db.deleteFrom('accounts').where('id', '=', id).execute();
}

export interface HolderRef {
  account_id: number;
  team_member_id: number;
  name: string;
}

export function holdersOf(db: K, accountIds: number[]): Promise<HolderRef[]> {
  if (accountIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('account_holders as h')
    .innerJoin('team_members as m', 'm.id', 'h.team_member_id')
    .select(['h.account_id', 'h.team_member_id', 'm.name'])
    .where('h.account_id', 'in', accountIds)
    .orderBy('m.name')
    .execute();
}

export async function addHolder(db: K, accountId: number, memberId: number, at: string): Promise<void> {
  await db
    .insertInto('account_holders')
    .values({ account_id: accountId, team_member_id: memberId, created_at: at })
    .onConflict((oc) => oc.columns(['account_id', 'team_member_id']).doNothing())
    .execute();
}

export async function removeHolder(db: K, accountId: number, memberId: number): Promise<boolean> {
  const r = await db
    .deleteFrom('account_holders')
    .where('account_id', '=', accountId)
    .where('team_member_id', '=', memberId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
