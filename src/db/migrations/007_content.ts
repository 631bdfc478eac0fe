// Planning: content items with one variant per platform, their workflow history and comments,
// each organisation's persona, and the secret token of its calendar feed.
import type { Kysely } from 'kysely';
import { dialectOf, idColumn } from '../dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(dialectOf(db));

  await db.schema
    .createTable('content_items')
    .addColumn('id', 'integer', id)
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('campaign', 'text')
    .addColumn('pillar', 'text')
    /** JSON array of account ids the item will be posted from */
    .addColumn('account_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    /** core/content CONTENT_STATUSES */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'integer', (c) => c.references('team_members.id').onDelete('set null'))
    .addColumn('reviewer_id', 'integer', (c) => c.references('team_members.id').onDelete('set null'))
    /** the organisation's local date */
    .addColumn('due_date', 'text')
    /** UTC instant */
    .addColumn('scheduled_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('rejection_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('content_items_org_scheduled').on('content_items').columns(['organization_id', 'scheduled_at']).execute();
  await db.schema.createIndex('content_items_org_due').on('content_items').columns(['organization_id', 'due_date']).execute();

  await db.schema
    .createTable('content_variants')
    .addColumn('item_id', 'integer', (c) => c.notNull().references('content_items.id').onDelete('cascade'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    /** YouTube's video title */
    .addColumn('title', 'text')
    .addColumn('first_comment', 'text')
    .addColumn('link', 'text')
    /** JSON array of {kind, url, width, height, bytes, durationSec, altText} until a media library exists */
    .addColumn('media', 'text', (c) => c.notNull().defaultTo('[]'))
    .addPrimaryKeyConstraint('content_variants_pk', ['item_id', 'platform'])
    .execute();

  await db.schema
    .createTable('content_transitions')
    .addColumn('id', 'integer', id)
    .addColumn('item_id', 'integer', (c) => c.notNull().references('content_items.id').onDelete('cascade'))
    /** team member id; 0 for the system until sign-in exists */
    .addColumn('actor_id', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('reason', 'text')
    .addColumn('scheduled_at', 'text')
    .execute();
  await db.schema.createIndex('content_transitions_item').on('content_transitions').column('item_id').execute();

  await db.schema
    .createTable('content_comments')
    .addColumn('id', 'integer', id)
    .addColumn('item_id', 'integer', (c) => c.notNull().references('content_items.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('content_comments_item').on('content_comments').column('item_id').execute();

  await db.schema
    .createTable('personas')
    .addColumn('organization_id', 'integer', (c) => c.primaryKey().references('organizations.id').onDelete('cascade'))
    /** JSON of core/content personaSchema */
    .addColumn('persona', 'text', (c) => c.notNull())
    .addColumn('require_voice_pass', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('calendar_tokens')
    .addColumn('organization_id', 'integer', (c) => c.primaryKey().references('organizations.id').onDelete('cascade'))
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['calendar_tokens', 'personas', 'content_comments', 'content_transitions', 'content_variants', 'content_items']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
