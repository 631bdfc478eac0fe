// SQL for platform connections (sealed tokens per account) and the OAuth states of authorizations in flight.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, Instant } from '../schema.ts';

export interface ConnectionsTable {
  account_id: number;
  platform: string;
  /** 'active', 'expired', 'revoked', 'error' */
  status: string;
  access_token: string | null;
  refresh_token: string | null;
  expires_at: Instant | null;
  scopes: string;
  last_error: string | null;
  flagged_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface OAuthStatesTable {
  state: string;
  account_id: number;
  platform: string;
  code_verifier: string;
  redirect_uri: string;
  expires_at: Instant;
}

export type ConnectionRow = Selectable<ConnectionsTable>;
export type OAuthStateRow = Selectable<OAuthStatesTable>;

type K = Kysely<Database>;
const t = (db: K) => db.withTables<{ connections: ConnectionsTable; oauth_states: OAuthStatesTable }>();

export function findConnection(db: K, accountId: number): Promise<ConnectionRow | undefined> {
  return t(db).selectFrom('connections').selectAll().where('account_id', '=', accountId).executeTakeFirst();
}

/** A new connection, or a reconnect: the row is replaced whole and its flag cleared. */
export async function saveConnection(db: K, row: Insertable<ConnectionsTable>): Promise<void> {
  const { account_id: _id, created_at: _created, ...rest } = row;
  await t(db)
    .insertInto('connections')
    .values(row)
    .onConflict((oc) => oc.column('account_id').doUpdateSet(rest))
    .execute();
}

/**
 * Stores refreshed tokens only if nobody else did since we read `expectedAccess` (several workers may
 * refresh at once and X spends a refresh token on use). Returns false when another process won.
 */
export async function swapTokens(db: K, accountId: number, expectedAccess: string | null, patch: Pick<Updateable<ConnectionsTable>, 'access_token' | 'refresh_token' | 'expires_at' | 'scopes' | 'updated_at'>): Promise<boolean> {
  let q = t(db).updateTable('connections').set({ ...patch, status: 'active', last_error: null, flagged_at: null }).where('account_id', '=', accountId);
  q = expectedAccess === null ? q.where('access_token', 'is', null) : q.where('access_token', '=', expectedAccess);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function updateConnection(db: K, accountId: number, patch: Updateable<ConnectionsTable>): Promise<void> {
  await t(db).updateTable('connections').set(patch).where('account_id', '=', accountId).execute();
}

export interface ConnectionWithAccount extends ConnectionRow {
  handle: string;
  org_code: string;
}

export function listConnections(db: K, f: { status?: string | undefined; platform?: string | undefined; after?: number | undefined; limit: number }): Promise<ConnectionWithAccount[]> {
  let q = t(db)
    .selectFrom('connections as c')
    .innerJoin('accounts as a', 'a.id', 'c.account_id')
    .innerJoin('organizations as o', 'o.id', 'a.organization_id')
    .selectAll('c')
    .select(['a.handle', 'o.code as org_code']);
  if (f.status !== undefined) q = q.where('c.status', '=', f.status);
  if (f.platform !== undefined) q = q.where('c.platform', '=', f.platform);
  if (f.after !== undefined) q = q.where('c.account_id', '>', f.after);
  return q.orderBy('c.account_id').limit(f.limit + 1).execute();
}

/** An owned account's live connection on a platform, to read peers through (Instagram Business Discovery). */
export function anyActiveConnection(db: K, platform: string): Promise<(ConnectionRow & { external_id: string | null }) | undefined> {
  return t(db)
    .selectFrom('connections as c')
    .innerJoin('accounts as a', 'a.id', 'c.account_id')
    .selectAll('c')
    .select('a.external_id')
    .where('c.platform', '=', platform)
    .where('c.status', '=', 'active')
    .where('a.external_id', 'is not', null)
    .orderBy('c.account_id')
    .executeTakeFirst();
}

export async function insertOAuthState(db: K, row: OAuthStateRow): Promise<void> {
  await t(db).insertInto('oauth_states').values(row).execute();
}

/** Takes a state exactly once (the delete decides among concurrent callbacks); expired ones are swept. */
export async function takeOAuthState(db: K, state: string, now: Instant): Promise<OAuthStateRow | undefined> {
  const row = await t(db).selectFrom('oauth_states').selectAll().where('state', '=', state).executeTakeFirst();
  const r = await t(db).deleteFrom('oauth_states').where('state', '=', state).executeTakeFirst();
  await t(db).deleteFrom('oauth_states').where('expires_at', '<', now).execute();
  if (!row || Number(r.numDeletedRows) !== 1 || row.expires_at < now) return undefined;
  return row;
}

/** The organisation code and account of a state in flight (to send the browser back to the right page). */
export function accountOfOAuthState(db: K, state: string): Promise<{ org_code: string; handle: string } | undefined> {
  return t(db)
    .selectFrom('oauth_states as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .innerJoin('organizations as o', 'o.id', 'a.organization_id')
    .select(['o.code as org_code', 'a.handle'])
    .where('s.state', '=', state)
    .executeTakeFirst();
}
