// SQL for organisations.
import type { Kysely } from 'kysely';
import type { Database, NewOrganization, OrganizationRow, OrganizationUpdate } from '../schema.ts';

type K = Kysely<Database>;

export function findOrganizationByCode(db: K, code: string): Promise<OrganizationRow | undefined> {
  return db.selectFrom('organizations').selectAll().where('code', '=', code).executeTakeFirst();
}

export function findOrganizationById(db: K, id: number): Promise<OrganizationRow | undefined> {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface OrganizationFilter {
  after?: string | undefined;
  limit: number;
  groupId?: number | undefined;
  search?: string | undefined;
}

export function listOrganizations(db: K, f: OrganizationFilter): Promise<OrganizationRow[]> {
  let q = db.selectFrom('organizations').selectAll('organizations');
  if (f.groupId !== undefined) {
    const gid = f.groupId;
    q = q.where((eb) =>
      eb.exists(
        eb.selectFrom('group_members as gm')
          .select('gm.group_id')
          .where('gm.group_id', '=', gid)
          .whereRef('gm.organization_id', '=', 'organizations.id'),
      ),
    );
  }
  if (f.search) {
    const like = `%${f.search.toLowerCase()}%`;
    q = q.where((eb) => eb.or([eb(eb.fn('lower', ['code']), 'like', like), eb(eb.fn('lower', ['name']), 'like', like)]));
  }
  if (f.after !== undefined) q = q.where('code', '>', f.after);
  return q.orderBy('code').limit(f.limit + 1).execute();
}

export async function insertOrganization(db: K, row: NewOrganization): Promise<OrganizationRow> {
  return db.insertInto('organizations').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateOrganization(db: K, id: number, patch: OrganizationUpdate): Promise<OrganizationRow> {
  return db.updateTable('organizations').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function deleteOrganization(db: K, id: number): Promise<void> {
  await db.deleteFrom('organizations').where('id', '=', id).execute();
}

export function countOrganizations(db: K): Promise<number> {
  return db
    .selectFrom('organizations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

/** Codes of the groups an organisation belongs to. */
export async function groupCodesOf(db: K, organizationId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('group_members as gm')
    .innerJoin('groups as g', 'g.id', 'gm.group_id')
    .select('g.code')
    .where('gm.organization_id', '=', organizationId)
    .orderBy('g.code')
    .execute();
  return rows.map((r) => r.code);
}
