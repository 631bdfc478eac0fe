// SQL that finds whom a resource belongs to (its organisation or network), for the access policy.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tables added by later migrations are reached by name
const any = (db: Db) => db as unknown as Kysely<any>;

/** Network groups (kind network) an organisation is a direct member of. */
export async function networksOf(db: Db, organizationId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('group_members as m')
    .innerJoin('groups as g', 'g.id', 'm.group_id')
    .select('g.id')
    .where('m.organization_id', '=', organizationId)
    .where('g.kind', '=', 'network')
    .execute();
  return rows.map((r) => r.id);
}

/** The network a group is, or the nearest network among its parents; null when none. */
export async function networkOfGroup(db: Db, groupId: number): Promise<number | null> {
  let id: number | null = groupId;
  for (let depth = 0; id !== null && depth < 20; depth++) {
    const g: { id: number; kind: string; parent_id: number | null } | undefined = await db.selectFrom('groups').select(['id', 'kind', 'parent_id']).where('id', '=', id).executeTakeFirst();
    if (!g) return null;
    if (g.kind === 'network') return g.id;
    id = g.parent_id;
  }
  return null;
}

export async function groupIdByCode(db: Db, code: string): Promise<number | undefined> {
  return (await db.selectFrom('groups').select('id').where('code', '=', code).executeTakeFirst())?.id;
}

export async function orgIdByCode(db: Db, code: string): Promise<number | undefined> {
  return (await db.selectFrom('organizations').select('id').where('code', '=', code).executeTakeFirst())?.id;
}

export async function orgOfAccount(db: Db, platform: string, handleKey: string): Promise<number | undefined> {
  return (await db.selectFrom('accounts').select('organization_id').where('platform', '=', platform).where('handle_key', '=', handleKey).executeTakeFirst())?.organization_id;
}

/**
 * The organisation owning a row of a table with an `organization_id` column, e.g. team_members,
 * contacts, content_items; `undefined` when the row (or the table) does not exist.
 */
export async function orgOfRow(db: Db, table: string, id: number | string): Promise<number | undefined> {
  try {
    const r = await any(db).selectFrom(table).select('organization_id').where('id', '=', id).executeTakeFirst();
    return r ? Number(r.organization_id) : undefined;
  } catch {
    return undefined;
  }
}

/** The organisation of a row reached through another table, e.g. a variant's item. */
export async function orgVia(db: Db, table: string, fk: string, parent: string, id: number | string): Promise<number | undefined> {
  try {
    const r = await any(db)
      .selectFrom(`${table} as c`)
      .innerJoin(`${parent} as p`, 'p.id', `c.${fk}`)
      .select('p.organization_id')
      .where('c.id', '=', id)
      .executeTakeFirst();
    return r ? Number(r.organization_id) : undefined;
  } catch {
    return undefined;
  }
}

/** A report's or schedule's parameters (JSON with org or group). */
export async function paramsOf(db: Db, table: 'reports' | 'report_schedules', id: number): Promise<string | undefined> {
  const r = await any(db).selectFrom(table).select('params').where('id', '=', id).executeTakeFirst();
  return r ? String(r.params) : undefined;
}

/** A group's code by id (for practice cases and the like that hold a group_id). */
export async function groupOfRow(db: Db, table: string, id: number | string): Promise<number | undefined> {
  try {
    const r = await any(db).selectFrom(table).select('group_id').where('id', '=', id).executeTakeFirst();
    return r ? Number(r.group_id) : undefined;
  } catch {
    return undefined;
  }
}


/** The organisations that are direct members of a group. */
export async function membersOfGroup(db: Db, groupId: number): Promise<number[]> {
  const rows = await db.selectFrom('group_members').select('organization_id').where('group_id', '=', groupId).execute();
  return rows.map((r) => r.organization_id);
}

/** The organisation of the account an OAuth state (a pending connection) is for. */
export async function orgOfOAuthState(db: Db, state: string): Promise<number | undefined> {
  try {
    const r = await any(db)
      .selectFrom('oauth_states as s')
      .innerJoin('accounts as a', 'a.id', 's.account_id')
      .select('a.organization_id')
      .where('s.state', '=', state)
      .executeTakeFirst();
    return r ? Number(r.organization_id) : undefined;
  } catch {
    return undefined;
  }
}
