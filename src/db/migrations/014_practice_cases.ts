// Good-practice library (issue 9): short case pages a network's coordinator publishes, in Indonesian and
// English, each linked to the practices it illustrates and, optionally, to the member it describes.
import type { Kysely } from 'kysely';
import { dialectOf, idColumn } from '../dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(dialectOf(db));
  await db.schema
    .createTable('practice_cases')
    .addColumn('id', 'integer', id)
    /** the network whose library holds the case */
    .addColumn('group_id', 'integer', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    /** lower-case words joined by -, unique within the network */
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('title_id', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('summary_id', 'text', (c) => c.notNull())
    .addColumn('summary_en', 'text', (c) => c.notNull())
    /** plain text with blank-line paragraphs, "## " headings and "- " list items; never HTML */
    .addColumn('body_id', 'text', (c) => c.notNull())
    .addColumn('body_en', 'text', (c) => c.notNull())
    /** JSON array of practice ids of the network's framework */
    .addColumn('practices', 'text', (c) => c.notNull().defaultTo('[]'))
    /** the member the case describes, if any */
    .addColumn('organization_id', 'integer', (c) => c.references('organizations.id').onDelete('set null'))
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('practice_cases_group_slug', ['group_id', 'slug'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('practice_cases').ifExists().execute();
}
