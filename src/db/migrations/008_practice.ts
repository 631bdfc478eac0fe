// Practice benchmark (issue 9): each network's framework (versioned), self-assessments per organisation
// and period (every save a new version) and coordinators' review requests on them.
import type { Kysely } from 'kysely';
import { dialectOf, idColumn } from '../dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(dialectOf(db));

  /** One row per saved version of a network's framework; the highest version is the current one. */
  await db.schema
    .createTable('practice_frameworks')
    .addColumn('id', 'integer', id)
    .addColumn('group_id', 'integer', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    /** JSON of core/practice Framework */
    .addColumn('framework', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('practice_frameworks_group_version', ['group_id', 'version'])
    .execute();

  /** One row per saved version of an organisation's self-assessment for a period (e.g. 2026). */
  await db.schema
    .createTable('practice_assessments')
    .addColumn('id', 'integer', id)
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    /** JSON {practiceId: {level, note?, link?}} */
    .addColumn('answers', 'text', (c) => c.notNull())
    /** the network whose framework the answers were checked against; null = the default framework */
    .addColumn('group_id', 'integer', (c) => c.references('groups.id').onDelete('set null'))
    /** that framework's id and version at the time */
    .addColumn('framework_id', 'text', (c) => c.notNull())
    .addColumn('framework_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('practice_assessments_org_period_version', ['organization_id', 'period', 'version'])
    .execute();

  await db.schema
    .createTable('practice_review_requests')
    .addColumn('id', 'integer', id)
    .addColumn('assessment_id', 'integer', (c) => c.notNull().references('practice_assessments.id').onDelete('cascade'))
    /** 'requested' until a review workflow exists */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('practice_review_requests_assessment').on('practice_review_requests').column('assessment_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('practice_review_requests').ifExists().execute();
  await db.schema.dropTable('practice_assessments').ifExists().execute();
  await db.schema.dropTable('practice_frameworks').ifExists().execute();
}
