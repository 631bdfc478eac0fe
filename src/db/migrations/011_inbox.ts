// The inbox: comments, replies and mentions others wrote to owned accounts, who handles them, and our
// replies with their sending state (recorded before the network call, so a reply is sent at most once).
import { sql, type Kysely } from 'kysely';
import { dialectOf, idColumn } from '../dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(dialectOf(db));

  await db.schema
    .createTable('inbox_entries')
    .addColumn('id', 'integer', id)
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('platform', 'text', (c) => c.notNull())
    /** the platform's id of the comment or mention; unique per platform */
    .addColumn('external_id', 'text', (c) => c.notNull())
    /** 'comment', 'reply' (answers another comment), 'mention' */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** the platform's id of the post it is under (comments, replies) */
    .addColumn('post_external_id', 'text')
    /** the comment it answers, i.e. its thread */
    .addColumn('parent_external_id', 'text')
    .addColumn('author_handle', 'text')
    .addColumn('author_name', 'text')
    .addColumn('author_external_id', 'text')
    /** as the platform sent it: untrusted, shown as text only */
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'integer', (c) => c.references('team_members.id').onDelete('set null'))
    /** 'open', 'done' */
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    /** the earliest of our replies that went out (through socialbench or seen on the platform) */
    .addColumn('first_reply_at', 'text')
    .addColumn('done_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('inbox_entries_platform_external', ['platform', 'external_id'])
    .execute();
  await db.schema.createIndex('inbox_entries_org_received').on('inbox_entries').columns(['organization_id', 'received_at', 'id']).execute();
  await db.schema.createIndex('inbox_entries_account_received').on('inbox_entries').columns(['account_id', 'received_at']).execute();

  await db.schema
    .createTable('inbox_replies')
    .addColumn('id', 'integer', id)
    .addColumn('entry_id', 'integer', (c) => c.notNull().references('inbox_entries.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    /** 'sending' (recorded, call under way), 'sent', 'failed' (surely not sent), 'needs_check' (may have been sent) */
    .addColumn('state', 'text', (c) => c.notNull())
    /** the platform's id of our reply, once known */
    .addColumn('external_id', 'text')
    /** 'socialbench' (sent from here) or 'platform' (written on the platform, seen by the sync) */
    .addColumn('via', 'text', (c) => c.notNull())
    /** who acted (the signed-in user, or 'system') */
    .addColumn('sent_by', 'text')
    .addColumn('member_id', 'integer', (c) => c.references('team_members.id').onDelete('set null'))
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inbox_replies_entry').on('inbox_replies').column('entry_id').execute();
  await db.schema.createIndex('inbox_replies_external').on('inbox_replies').column('external_id').execute();
  // At most one reply per entry may be on its way or unresolved: a second send waits for a person.
  await db.schema
    .createIndex('inbox_replies_one_pending')
    .on('inbox_replies')
    .column('entry_id')
    .unique()
    .where(sql<boolean>`state in ('sending', 'needs_check')`)
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('inbox_replies').ifExists().execute();
  await db.schema.dropTable('inbox_entries').ifExists().execute();
}
