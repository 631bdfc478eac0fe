// Data model v1: organisations, groups, accounts, team, contacts, audience snapshots, posts, metrics.
import type { Kysely } from 'kysely';
import { bigCount, dialectOf, idColumn } from '../dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  const d = dialectOf(db);
  const id = idColumn(d);
  const big = bigCount(d);

  await db.schema
    .createTable('organizations')
    .addColumn('id', 'integer', id)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('country', 'text')
    .addColumn('timezone', 'text', (c) => c.notNull().defaultTo('UTC'))
    .addColumn('languages', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('category', 'text')
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('groups')
    .addColumn('id', 'integer', id)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('peer'))
    .addColumn('parent_id', 'integer', (c) => c.references('groups.id').onDelete('set null'))
    .addColumn('description', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('group_members')
    .addColumn('group_id', 'integer', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('organization_id', 'integer', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('group_members_pk', ['group_id', 'organization_id'])
    .execute();
  await db.schema.createIndex('group_members_org').on('group_members').column('organization_id').execute();

  await db.schema
    .createTable('accounts')
    .addColumn('id', 'integer', id)
    .addColumn('organization_id', 'integer', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('handle', 'text', (c) => c.notNull())
    .addColumn('handle_key', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('url', 'text')
    .addColumn('display_name', 'text')
    .addColumn('owned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('accounts_platform_handle', ['platform', 'handle_key'])
    .execute();
  await db.schema.createIndex('accounts_org').on('accounts').column('organization_id').execute();

  await db.schema
    .createTable('team_members')
    .addColumn('id', 'integer', id)
    .addColumn('organization_id', 'integer', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('role_title', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('team_members_org').on('team_members').column('organization_id').execute();

  await db.schema
    .createTable('account_holders')
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('team_member_id', 'integer', (c) =>
      c.notNull().references('team_members.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('account_holders_pk', ['account_id', 'team_member_id'])
    .execute();
  await db.schema.createIndex('account_holders_member').on('account_holders').column('team_member_id').execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'integer', id)
    .addColumn('organization_id', 'integer', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('group_id', 'integer', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('team_member_id', 'integer', (c) => c.references('team_members.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('role', 'text')
    .addColumn('since', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contacts_org').on('contacts').column('organization_id').execute();
  await db.schema.createIndex('contacts_group').on('contacts').column('group_id').execute();

  await db.schema
    .createTable('audience_snapshots')
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('followers', big, (c) => c.notNull())
    .addColumn('following', big)
    .addColumn('posts_total', big)
    .addColumn('views_total', big)
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audience_snapshots_pk', ['account_id', 'date'])
    .execute();

  await db.schema
    .createTable('posts')
    .addColumn('id', 'integer', id)
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('media_count', 'integer')
    .addColumn('permalink', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('posts_platform_post_id', ['platform', 'post_id'])
    .execute();
  await db.schema.createIndex('posts_account_published').on('posts').columns(['account_id', 'published_at']).execute();

  await db.schema
    .createTable('post_metrics')
    .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('measured_at', 'text', (c) => c.notNull())
    .addColumn('likes', big)
    .addColumn('comments', big)
    .addColumn('shares', big)
    .addColumn('quotes', big)
    .addColumn('saves', big)
    .addColumn('views', big)
    .addColumn('impressions', big)
    .addColumn('reach', big)
    .addPrimaryKeyConstraint('post_metrics_pk', ['post_id', 'measured_at'])
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

// Migrations are append-only and never reversed in production; down exists for completeness only.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'settings', 'post_metrics', 'posts', 'audience_snapshots', 'contacts', 'account_holders',
    'team_members', 'accounts', 'group_members', 'groups', 'organizations',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
