// Publishing at the scheduled time: one publication per content item and account it is posted from
// (the account's platform picks the variant), with its state, attempts, claim and outcome; posts made
// by publishing link back to their content item.
import type { Kysely } from 'kysely';
import { dialectOf, idColumn } from '../dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('publications')
    .addColumn('id', 'integer', idColumn(dialectOf(db)))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('content_items.id').onDelete('cascade'))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    /** the account's platform, which names the item's variant */
    .addColumn('platform', 'text', (c) => c.notNull())
    /** core/content/publication PUBLICATION_STATES */
    .addColumn('state', 'text', (c) => c.notNull())
    /** the item's scheduled_at when it was enqueued */
    .addColumn('due_at', 'text', (c) => c.notNull())
    /** when a worker may next act: the due time, a retry after backoff, or the next look at the platform */
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    /** network calls made to publish */
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    /** read-backs made while it needed a check */
    .addColumn('checks', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_at', 'text')
    /** the claim's lease: renewed by a live worker; past it, another worker takes over */
    .addColumn('claimed_until', 'text')
    /** when the last publish call began: a read-back looks for posts since then */
    .addColumn('publishing_at', 'text')
    /** JSON of the variant as sent (text, link, media URLs): a read-back looks for what went out */
    .addColumn('sent_variant', 'text')
    .addColumn('external_post_id', 'text')
    .addColumn('permalink', 'text')
    .addColumn('published_at', 'text')
    /** PlatformErrorKind, or no_access / lost_worker */
    .addColumn('error_kind', 'text')
    .addColumn('last_error', 'text')
    /** worker, lookup or person: who found it published */
    .addColumn('settled_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // One row per item and account, so nothing is enqueued twice.
    .addUniqueConstraint('publications_item_account', ['item_id', 'account_id'])
    .execute();
  await db.schema.createIndex('publications_state_next').on('publications').columns(['state', 'next_attempt_at']).execute();
  await db.schema.createIndex('publications_account').on('publications').column('account_id').execute();

  await db.schema.alterTable('posts').addColumn('content_item_id', 'integer', (c) => c.references('content_items.id').onDelete('set null')).execute();
  await db.schema.createIndex('posts_content_item').on('posts').column('content_item_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('posts_content_item').ifExists().execute();
  await db.schema.alterTable('posts').dropColumn('content_item_id').execute();
  await db.schema.dropTable('publications').ifExists().execute();
}
