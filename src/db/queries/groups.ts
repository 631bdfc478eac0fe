// SQL for groups (networks and peer groups) and their membership.
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database, GroupRow, GroupsTable } from '../schema.ts';

type K = Kysely<Database>;

export function findGroupByCode(db: K, code: string): Promise<GroupRow | undefined> {
  return db.selectFrom('groups').selectAll().where('code', '=', code).executeTakeFirst();
}

export function findGroupById(db: K, id: number): Promise<GroupRow | undefined> {
  return db.selectFrom('groups').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listGroups(db: K, f: { after?: string | undefined; limit: number; parentId?: number | undefined }): Promise<GroupRow[]> {
  let q = db.selectFrom('groups').selectAll();
  if (f.parentId !== undefined) q = q.where('parent_id', '=', f.parentId);
  if (f.after !== undefined) q = q.where('code', '>', f.after);
  return q.orderBy('code').limit(f.limit + 1).execute();
}

export function insertGroup(db: K, row: Insertable<GroupsTable>): Promise<GroupRow> {
  return db.insertInto('groups').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateGroup(db: K, id: number, patch: Updateable<GroupsTable>): Promise<GroupRow> {
  return db.updateTable('groups').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function deleteGroup(db: K, id: number): Promise<void> {
  await db.deleteFrom('groups').where('id', '=', id).execute();
}

export async function memberCount(db: K, groupId: number): Promise<number> {
  const r = await db
    .selectFrom('group_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('group_id', '=', groupId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Adds the membership unless it exists; true when it was added. */
export async function addMember(db: K, groupId: number, organizationId: number, at: string): Promise<boolean> {
  const r = await db
    .insertInto('group_members')
    .values({ group_id: groupId, organization_id: organizationId, created_at: at })
    .onConflict((oc) => oc.columns(['group_id', 'organization_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function removeMember(db: K, groupId: number, organizationId: number): Promise<boolean> {
  const r = await db
    .deleteFrom('group_members')
    .where('group_id', '=', groupId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** The codes of a group's member organisations, sorted. */
export async function memberCodes(db: K, groupId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('group_members as m')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select('o.code')
    .where('m.group_id', '=', groupId)
    .orderBy('o.code')
    .execute();
  return rows.map((r) => r.code);
}
