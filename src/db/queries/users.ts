// SQL for sign-in: users, sessions (stored by the hash of their token) and failed sign-in attempts.
import type { Generated, Kysely, Selectable } from 'kysely';
import type { Database } from '../schema.ts';

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: string;
  organization_id: number | null;
  network_group_id: number | null;
  team_member_id: number | null;
  password_hash: string;
  active: number;
  password_changed_at: string;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  key: string;
  at: string;
}

interface UserTables {
  users: UsersTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
}

export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
/** A user with the codes of their organisation and network. */
export type UserWithRefs = UserRow & { org_code: string | null; network_code: string | null };

type K = Kysely<Database & UserTables>;
type Db = Kysely<Database>;
const k = (db: Db): K => db as unknown as K;

function withRefs(db: Db) {
  return k(db)
    .selectFrom('users as u')
    .leftJoin('organizations as o', 'o.id', 'u.organization_id')
    .leftJoin('groups as g', 'g.id', 'u.network_group_id')
    .selectAll('u')
    .select(['o.code as org_code', 'g.code as network_code']);
}

export function findUserByEmail(db: Db, email: string): Promise<UserWithRefs | undefined> {
  return withRefs(db).where('u.email', '=', email).executeTakeFirst();
}

export function findUserById(db: Db, id: number): Promise<UserWithRefs | undefined> {
  return withRefs(db).where('u.id', '=', id).executeTakeFirst();
}

export function listUsers(db: Db, f: { after?: number | undefined; limit: number; organizationId?: number | undefined }): Promise<UserWithRefs[]> {
  let q = withRefs(db).orderBy('u.id').limit(f.limit + 1);
  if (f.after !== undefined) q = q.where('u.id', '>', f.after);
  if (f.organizationId !== undefined) q = q.where('u.organization_id', '=', f.organizationId);
  return q.execute();
}

export async function countUsers(db: Db): Promise<number> {
  const r = await k(db).selectFrom('users').select((e) => e.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export function insertUser(db: Db, row: Omit<UsersTable, 'id'>): Promise<UserRow> {
  return k(db).insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateUser(db: Db, id: number, patch: Partial<Omit<UsersTable, 'id'>>): Promise<UserRow | undefined> {
  return k(db).updateTable('users').set(patch).where('id', '=', id).returningAll().executeTakeFirst();
}

export async function deleteUser(db: Db, id: number): Promise<boolean> {
  const r = await k(db).deleteFrom('users').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const r = await k(db).selectFrom('users').select((e) => e.fn.countAll<number | string>().as('n')).where('role', '=', 'admin').where('active', '=', 1).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The team member of an organisation with this e-mail (case-insensitive), to link a user to. */
export async function teamMemberByEmail(db: Db, organizationId: number, email: string): Promise<number | undefined> {
  const r = await k(db)
    .selectFrom('team_members')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where((e) => e(e.fn('lower', ['email']), '=', email.toLowerCase()))
    .orderBy('id')
    .executeTakeFirst();
  return r?.id;
}

// Sessions

export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  await k(db).insertInto('sessions').values(row).execute();
}

export function findSession(db: Db, id: string): Promise<SessionRow | undefined> {
  return k(db).selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function touchSession(db: Db, id: string, lastSeenAt: string, expiresAt: string): Promise<void> {
  await k(db).updateTable('sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await k(db).deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user (password reset, deactivation, deletion), or all but one. */
export async function deleteSessionsOf(db: Db, userId: number, except?: string): Promise<void> {
  let q = k(db).deleteFrom('sessions').where('user_id', '=', userId);
  if (except !== undefined) q = q.where('id', '<>', except);
  await q.execute();
}

export async function deleteExpiredSessions(db: Db, now: string): Promise<void> {
  await k(db).deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

// Failed sign-ins

export async function recordFailure(db: Db, keys: string[], at: string): Promise<void> {
  if (keys.length) await k(db).insertInto('login_failures').values(keys.map((key) => ({ key, at }))).execute();
}

/** Failures per key since an instant, with the oldest of them (when the window frees up). */
export async function failuresSince(db: Db, keys: string[], since: string): Promise<{ key: string; n: number; first: string }[]> {
  if (!keys.length) return [];
  const rows = await k(db)
    .selectFrom('login_failures')
    .select((e) => ['key', e.fn.countAll<number | string>().as('n'), e.fn.min('at').as('first')])
    .where('key', 'in', keys)
    .where('at', '>', since)
    .groupBy('key')
    .execute();
  return rows.map((r) => ({ key: r.key, n: Number(r.n), first: String(r.first) }));
}

export async function clearFailures(db: Db, keys: string[], before: string): Promise<void> {
  if (keys.length) await k(db).deleteFrom('login_failures').where('key', 'in', keys).execute();
  await k(db).deleteFrom('login_failures').where('at', '<', before).execute();
}
