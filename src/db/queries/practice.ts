// SQL for the practice benchmark: network frameworks, versioned self-assessments, review requests.
import type { Generated, Kysely, Selectable } from 'kysely';
import type { Database, OrganizationRow } from '../schema.ts';

export interface PracticeFrameworksTable {
  id: Generated<number>;
  group_id: number;
  version: number;
  /** JSON of core/practice Framework. */
  framework: string;
  created_at: string;
}

export interface PracticeAssessmentsTable {
  id: Generated<number>;
  organization_id: number;
  period: string;
  version: number;
  /** JSON {practiceId: {level, note?, link?}}. */
  answers: string;
  group_id: number | null;
  framework_id: string;
  framework_version: number;
  created_at: string;
}

export interface PracticeReviewRequestsTable {
  id: Generated<number>;
  assessment_id: number;
  status: string;
  comment: string;
  created_at: string;
}

interface PracticeTables {
  practice_frameworks: PracticeFrameworksTable;
  practice_assessments: PracticeAssessmentsTable;
  practice_review_requests: PracticeReviewRequestsTable;
}

export type PracticeFrameworkRow = Selectable<PracticeFrameworksTable>;
export type PracticeAssessmentRow = Selectable<PracticeAssessmentsTable>;
export type PracticeReviewRequestRow = Selectable<PracticeReviewRequestsTable>;

type K = Kysely<Database & PracticeTables>;
type Db = Kysely<Database>;

function k(db: Db): K {
  return db as unknown as K;
}

// Frameworks

export function latestFramework(db: Db, groupId: number): Promise<PracticeFrameworkRow | undefined> {
  return k(db).selectFrom('practice_frameworks').selectAll().where('group_id', '=', groupId).orderBy('version', 'desc').limit(1).executeTakeFirst();
}

export function insertFramework(db: Db, row: { group_id: number; version: number; framework: string; created_at: string }): Promise<PracticeFrameworkRow> {
  return k(db).insertInto('practice_frameworks').values(row).returningAll().executeTakeFirstOrThrow();
}

// Assessments

/** Every version of one organisation's assessment for a period, newest first. */
export function assessmentVersions(db: Db, organizationId: number, period: string): Promise<PracticeAssessmentRow[]> {
  return k(db)
    .selectFrom('practice_assessments')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('period', '=', period)
    .orderBy('version', 'desc')
    .execute();
}

export function latestAssessment(db: Db, organizationId: number, period: string): Promise<PracticeAssessmentRow | undefined> {
  return k(db)
    .selectFrom('practice_assessments')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('period', '=', period)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The latest version per organisation for a period, for the organisations listed. */
export async function latestAssessmentsOf(db: Db, organizationIds: readonly number[], period: string): Promise<PracticeAssessmentRow[]> {
  if (organizationIds.length === 0) return [];
  return k(db)
    .selectFrom('practice_assessments as a')
    .selectAll('a')
    .where('a.organization_id', 'in', [...organizationIds])
    .where('a.period', '=', period)
    .where((eb) =>
      eb('a.version', '=', eb
        .selectFrom('practice_assessments as b')
        .select((e) => e.fn.max('b.version').as('v'))
        .whereRef('b.organization_id', '=', 'a.organization_id')
        .whereRef('b.period', '=', 'a.period')),
    )
    .orderBy('a.organization_id')
    .execute();
}

export function insertAssessment(
  db: Db,
  row: { organization_id: number; period: string; version: number; answers: string; group_id: number | null; framework_id: string; framework_version: number; created_at: string },
): Promise<PracticeAssessmentRow> {
  return k(db).insertInto('practice_assessments').values(row).returningAll().executeTakeFirstOrThrow();
}

// Review requests

export function insertReviewRequest(db: Db, row: { assessment_id: number; status: string; comment: string; created_at: string }): Promise<PracticeReviewRequestRow> {
  return k(db).insertInto('practice_review_requests').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Review requests on any of the assessment versions listed, oldest first. */
export async function reviewRequestsOf(db: Db, assessmentIds: readonly number[]): Promise<PracticeReviewRequestRow[]> {
  if (assessmentIds.length === 0) return [];
  return k(db).selectFrom('practice_review_requests').selectAll().where('assessment_id', 'in', [...assessmentIds]).orderBy('id').execute();
}

// Networks and peer groups

/** Networks (kind 'network') the organisation belongs to, by code. */
export function networksOf(db: Db, organizationId: number): Promise<{ id: number; code: string }[]> {
  return db
    .selectFrom('group_members as m')
    .innerJoin('groups as g', 'g.id', 'm.group_id')
    .select(['g.id', 'g.code'])
    .where('m.organization_id', '=', organizationId)
    .where('g.kind', '=', 'network')
    .orderBy('g.code')
    .execute();
}

/** The organisations of a group, by code. */
export function membersOf(db: Db, groupId: number): Promise<OrganizationRow[]> {
  return db
    .selectFrom('organizations as o')
    .innerJoin('group_members as m', 'm.organization_id', 'o.id')
    .selectAll('o')
    .where('m.group_id', '=', groupId)
    .orderBy('o.code')
    .execute();
}

/** Membership of the network's peer groups (groups whose parent is the network): organisation id and group code. */
export function peerMemberships(db: Db, networkId: number): Promise<{ organization_id: number; code: string }[]> {
  return db
    .selectFrom('groups as g')
    .innerJoin('group_members as m', 'm.group_id', 'g.id')
    .select(['m.organization_id', 'g.code'])
    .where('g.parent_id', '=', networkId)
    .orderBy('g.code')
    .execute();
}
