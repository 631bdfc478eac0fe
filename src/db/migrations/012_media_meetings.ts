// The media library (files kept under DATA_DIR/media/<org>/, named by content hash; their use by content
// variants) and the team's planning and evaluation meetings with agenda, decisions and action items.
import type { Kysely } from 'kysely';
import { bigCount, dialectOf, idColumn } from '../dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  const dialect = dialectOf(db);
  const id = idColumn(dialect);

  await db.schema
    .createTable('media')
    .addColumn('id', 'integer', id)
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    /** core/media MEDIA_KINDS: image, video, gif, document; from the file's first bytes, never its name */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    /** the name the file was uploaded with, for people; the stored file is named by sha256 */
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('bytes', bigCount(dialect), (c) => c.notNull())
    /** as displayed (EXIF orientation and video rotation applied); null when unreadable */
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('duration_sec', 'double precision')
    .addColumn('alt_text', 'text')
    .addColumn('has_thumbnail', 'integer', (c) => c.notNull().defaultTo(0))
    /** the user who uploaded it; 0 for the system */
    .addColumn('uploaded_by', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('media_org_sha256', ['organization_id', 'sha256'])
    .execute();
  await db.schema.createIndex('media_org_created').on('media').columns(['organization_id', 'created_at']).execute();

  await db.schema
    .createTable('media_tags')
    .addColumn('media_id', 'integer', (c) => c.notNull().references('media.id').onDelete('cascade'))
    /** lower case */
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('media_tags_pk', ['media_id', 'tag'])
    .execute();
  await db.schema.createIndex('media_tags_tag').on('media_tags').column('tag').execute();

  // Which library media each variant uses; no cascade from media, so a used file cannot be deleted.
  await db.schema
    .createTable('content_media')
    .addColumn('item_id', 'integer', (c) => c.notNull().references('content_items.id').onDelete('cascade'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('media_id', 'integer', (c) => c.notNull().references('media.id'))
    .addPrimaryKeyConstraint('content_media_pk', ['item_id', 'platform', 'position'])
    .execute();
  await db.schema.createIndex('content_media_media').on('content_media').column('media_id').execute();

  await db.schema
    .createTable('meetings')
    .addColumn('id', 'integer', id)
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    /** planning or evaluation */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    /** UTC instant; shown in the organisation's zone */
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('duration_min', 'integer')
    .addColumn('location', 'text')
    /** planned, held or cancelled; only held meetings count as practice */
    .addColumn('status', 'text', (c) => c.notNull())
    /** the period an evaluation meeting looks at (local dates) */
    .addColumn('period_from', 'text')
    .addColumn('period_to', 'text')
    .addColumn('minutes', 'text', (c) => c.notNull().defaultTo(''))
    /** JSON of core/meetings EvaluationAgenda: the figures as they were when the agenda was generated */
    .addColumn('agenda_data', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meetings_org_starts').on('meetings').columns(['organization_id', 'starts_at']).execute();

  await db.schema
    .createTable('meeting_attendees')
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('team_member_id', 'integer', (c) => c.notNull().references('team_members.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('meeting_attendees_pk', ['meeting_id', 'team_member_id'])
    .execute();

  await db.schema
    .createTable('meeting_agenda_items')
    .addColumn('id', 'integer', id)
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    /** the generated section it came from (figures, posts, gaps, peers, open_actions); null when written by hand */
    .addColumn('section', 'text')
    .execute();
  await db.schema.createIndex('meeting_agenda_items_meeting').on('meeting_agenda_items').column('meeting_id').execute();

  await db.schema
    .createTable('meeting_decisions')
    .addColumn('id', 'integer', id)
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meeting_decisions_meeting').on('meeting_decisions').column('meeting_id').execute();

  await db.schema
    .createTable('meeting_decision_items')
    .addColumn('decision_id', 'integer', (c) => c.notNull().references('meeting_decisions.id').onDelete('cascade'))
    .addColumn('content_item_id', 'integer', (c) => c.notNull().references('content_items.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('meeting_decision_items_pk', ['decision_id', 'content_item_id'])
    .execute();
  await db.schema.createIndex('meeting_decision_items_item').on('meeting_decision_items').column('content_item_id').execute();

  await db.schema
    .createTable('meeting_action_items')
    .addColumn('id', 'integer', id)
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'integer', (c) => c.references('team_members.id').onDelete('set null'))
    /** the organisation's local date */
    .addColumn('due_date', 'text')
    /** open or done */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meeting_action_items_meeting').on('meeting_action_items').column('meeting_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'meeting_action_items', 'meeting_decision_items', 'meeting_decisions', 'meeting_agenda_items', 'meeting_attendees', 'meetings',
    'content_media', 'media_tags', 'media',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
