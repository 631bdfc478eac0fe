// Platform connections (sealed tokens per account), OAuth states in flight, sync cursors with claims, API quota use.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('connections')
    .addColumn('account_id', 'integer', (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
    .addColumn('platform', 'text', (c) => c.notNull())
    /** 'active', 'expired', 'revoked', 'error' */
    .addColumn('status', 'text', (c) => c.notNull())
    /** AES-256-GCM sealed (platforms/secrets.ts); null once revoked */
    .addColumn('access_token', 'text')
    .addColumn('refresh_token', 'text')
    .addColumn('expires_at', 'text')
    /** space-separated */
    .addColumn('scopes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('last_error', 'text')
    /** when the token was found dead (status 'expired'); cleared by a new connect */
    .addColumn('flagged_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('connections_status').on('connections').column('status').execute();

  await db.schema
    .createTable('oauth_states')
    .addColumn('state', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('platform', 'text', (c) => c.notNull())
    /** sealed PKCE verifier */
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('redirect_uri', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sync_cursors')
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    /** 'profile', 'posts', 'comments' */
    .addColumn('stream', 'text', (c) => c.notNull())
    /** JSON, owned by the stream (e.g. {"backfilled":true,"page":null}) */
    .addColumn('cursor', 'text')
    .addColumn('last_run_at', 'text')
    .addColumn('next_run_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', 'text')
    .addPrimaryKeyConstraint('sync_cursors_pk', ['account_id', 'stream'])
    .execute();
  await db.schema.createIndex('sync_cursors_due').on('sync_cursors').column('next_run_at').execute();

  await db.schema
    .createTable('platform_quota')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('bucket', 'text', (c) => c.notNull())
    /** the platform's quota day (YouTube: the Pacific-time date) */
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('units', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('platform_quota_pk', ['platform', 'bucket', 'day'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('platform_quota').ifExists().execute();
  await db.schema.dropTable('sync_cursors').ifExists().execute();
  await db.schema.dropTable('oauth_states').ifExists().execute();
  await db.schema.dropTable('connections').ifExists().execute();
}
