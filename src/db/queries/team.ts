// SQL for team members and contact persons.
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { ContactRow, ContactsTable, Database, TeamMemberRow, TeamMembersTable } from '../schema.ts';

type K = Kysely<Database>;

export function findTeamMember(db: K, id: number): Promise<TeamMemberRow | undefined> {
  return db.selectFrom('team_members').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listTeamMembers(db: K, f: { organizationId: number; after?: number | undefined; limit: number }): Promise<TeamMemberRow[]> {
  let q = db.selectFrom('team_members').selectAll().where('organization_id', '=', f.organizationId);
  if (f.after !== undefined) q = q.where('id', '>', f.after);
  return q.orderBy('id').limit(f.limit + 1).execute();
}

export function insertTeamMember(db: K, row: Insertable<TeamMembersTable>): Promise<TeamMemberRow> {
  return db.insertInto('team_members').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateTeamMember(db: K, id: number, patch: Updateable<TeamMembersTable>): Promise<TeamMemberRow> {
  return db.updateTable('team_members').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function deleteTeamMember(db: K, id: number): Promise<void> {
  await db.deleteFrom('team_members').where('id', '=', id).execute();
}

/** Accounts (platform, handle) each of the given members holds. */
export function heldAccounts(db: K, memberIds: number[]) {
  if (memberIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('account_holders as h')
    .innerJoin('accounts as a', 'a.id', 'h.account_id')
    .select(['h.team_member_id', 'h.account_id', 'a.platform', 'a.handle'])
    .where('h.team_member_id', 'in', memberIds)
    .orderBy('a.platform')
    .execute();
}

export interface ContactWithRefs extends ContactRow {
  org_code: string;
  group_code: string;
}

function contactsWithRefs(db: K) {
  return db
    .selectFrom('contacts')
    .innerJoin('organizations as o', 'o.id', 'contacts.organization_id')
    .innerJoin('groups as g', 'g.id', 'contacts.group_id')
    .selectAll('contacts')
    .select(['o.code as org_code', 'g.code as group_code']);
}

export function findContact(db: K, id: number): Promise<ContactWithRefs | undefined> {
  return contactsWithRefs(db).where('contacts.id', '=', id).executeTakeFirst();
}

export function listContacts(
  db: K,
  f: { organizationId?: number | undefined; groupId?: number | undefined; after?: number | undefined; limit: number },
): Promise<ContactWithRefs[]> {
  let q = contactsWithRefs(db);
  if (f.organizationId !== undefined) q = q.where('contacts.organization_id', '=', f.organizationId);
  if (f.groupId !== undefined) q = q.where('contacts.group_id', '=', f.groupId);
  if (f.after !== undefined) q = q.where('contacts.id', '>', f.after);
  return q.orderBy('contacts.id').limit(f.limit + 1).execute();
}

export function insertContact(db: K, row: Insertable<ContactsTable>): Promise<ContactRow> {
  return db.insertInto('contacts').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateContact(db: K, id: number, patch: Updateable<ContactsTable>): Promise<ContactRow> {
  return db.updateTable('contacts').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function deleteContact(db: K, id: number): Promise<void> {
  await db.deleteFrom('contacts').where('id', '=', id).execute();
}
