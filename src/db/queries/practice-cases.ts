// SQL for the good-practice library: case pages of a network (migration 014).
import type { Generated, Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../schema.ts';

export interface PracticeCasesTable {
  id: Generated<number>;
  group_id: number;
  slug: string;
  title_id: string;
  title_en: string;
  summary_id: string;
  summary_en: string;
  body_id: string;
  body_en: string;
  /** JSON array of practice ids. */
  practices: string;
  organization_id: number | null;
  published: number;
  created_at: string;
  updated_at: string;
}

export type PracticeCaseRow = Selectable<PracticeCasesTable>;
/** A case with the codes of its network and member. */
export type PracticeCaseWithRefs = PracticeCaseRow & { group_code: string; org_code: string | null };

type K = Kysely<Database & { practice_cases: PracticeCasesTable }>;
type Db = Kysely<Database>;

function k(db: Db): K {
  return db as unknown as K;
}

function withRefs(db: Db) {
  return k(db)
    .selectFrom('practice_cases as c')
    .innerJoin('groups as g', 'g.id', 'c.group_id')
    .leftJoin('organizations as o', 'o.id', 'c.organization_id')
    .selectAll('c')
    .select(['g.code as group_code', 'o.code as org_code']);
}

export function findCase(db: Db, id: number): Promise<PracticeCaseWithRefs | undefined> {
  return withRefs(db).where('c.id', '=', id).executeTakeFirst();
}

export function findCaseBySlug(db: Db, groupId: number, slug: string): Promise<PracticeCaseWithRefs | undefined> {
  return withRefs(db).where('c.group_id', '=', groupId).where('c.slug', '=', slug).executeTakeFirst();
}

/** A network's cases by slug; drafts only when asked. */
export function listCases(db: Db, groupId: number, f: { drafts: boolean }): Promise<PracticeCaseWithRefs[]> {
  let q = withRefs(db).where('c.group_id', '=', groupId);
  if (!f.drafts) q = q.where('c.published', '=', 1);
  return q.orderBy('c.slug').execute();
}

export function insertCase(db: Db, row: Insertable<PracticeCasesTable>): Promise<PracticeCaseRow> {
  return k(db).insertInto('practice_cases').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateCase(db: Db, id: number, patch: Updateable<PracticeCasesTable>): Promise<PracticeCaseRow> {
  return k(db).updateTable('practice_cases').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function deleteCase(db: Db, id: number): Promise<boolean> {
  const r = await k(db).deleteFrom('practice_cases').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
