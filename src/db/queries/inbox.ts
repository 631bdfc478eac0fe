// SQL for the inbox (migration 011): entries synced from the platforms, their assignment and status,
// and our replies with their sending state.
import type { Generated, Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, Instant } from '../schema.ts';
import type { SyncCursorsTable } from './sync.ts';

export interface InboxEntriesTable {
  id: Generated<number>;
  organization_id: number;
  account_id: number;
  platform: string;
  external_id: string;
  kind: string;
  post_external_id: string | null;
  parent_external_id: string | null;
  author_handle: string | null;
  author_name: string | null;
  author_external_id: string | null;
  text: string;
  received_at: Instant;
  assignee_id: number | null;
  status: string;
  first_reply_at: Instant | null;
  done_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface InboxRepliesTable {
  id: Generated<number>;
  entry_id: number;
  text: string;
  state: string;
  external_id: string | null;
  via: string;
  sent_by: string | null;
  member_id: number | null;
  error: string | null;
  created_at: Instant;
  sent_at: Instant | null;
  updated_at: Instant;
}

export type InboxEntryRow = Selectable<InboxEntriesTable>;
export type InboxReplyRow = Selectable<InboxRepliesTable>;
export type NewInboxEntry = Insertable<InboxEntriesTable>;

type InboxTables = { inbox_entries: InboxEntriesTable; inbox_replies: InboxRepliesTable };
type K = Kysely<Database>;
const t = (db: K) => db.withTables<InboxTables>();

/** What the inbox needs to know of an account before it reads or replies. */
export interface InboxAccount {
  id: number;
  organization_id: number;
  org_code: string;
  timezone: string;
  platform: string;
  handle: string;
  external_id: string | null;
  owned: number;
}

export function inboxAccount(db: K, accountId: number): Promise<InboxAccount | undefined> {
  return db
    .selectFrom('accounts as a')
    .innerJoin('organizations as o', 'o.id', 'a.organization_id')
    .select(['a.id', 'a.organization_id', 'o.code as org_code', 'o.timezone', 'a.platform', 'a.handle', 'a.external_id', 'a.owned'])
    .where('a.id', '=', accountId)
    .executeTakeFirst();
}

/** Owned accounts of the organisation (their inbox can be read); platform and handle order. */
export function ownedAccountIds(db: K, organizationId: number): Promise<{ id: number; platform: string; handle: string }[]> {
  return db.selectFrom('accounts').select(['id', 'platform', 'handle']).where('organization_id', '=', organizationId).where('owned', '=', 1).orderBy('platform').orderBy('handle_key').execute();
}

/** Owned accounts on these platforms that have no inbox cursor yet (the sync gives them one). */
export async function ownedWithoutInboxCursor(db: K, platforms: string[]): Promise<number[]> {
  if (platforms.length === 0) return [];
  const rows = await db
    .withTables<{ sync_cursors: SyncCursorsTable }>()
    .selectFrom('accounts as a')
    .select('a.id')
    .where('a.owned', '=', 1)
    .where('a.platform', 'in', platforms)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('sync_cursors as s').select('s.account_id').whereRef('s.account_id', '=', 'a.id').where('s.stream', '=', 'inbox'))))
    .execute();
  return rows.map((r) => r.id);
}

export interface PostKey {
  published_at: Instant;
  post_id: string;
}

/** The account's next post, newest first, published at or after `since` and after `after` in that order. */
export function nextRecentPost(db: K, accountId: number, since: Instant, after: PostKey | null): Promise<PostKey | undefined> {
  let q = db.selectFrom('posts').select(['published_at', 'post_id']).where('account_id', '=', accountId).where('published_at', '>=', since);
  if (after) q = q.where((eb) => eb.or([eb('published_at', '<', after.published_at), eb.and([eb('published_at', '=', after.published_at), eb('post_id', '<', after.post_id)])]));
  return q.orderBy('published_at', 'desc').orderBy('post_id', 'desc').limit(1).executeTakeFirst();
}

/** Inserts entries not seen before ((platform, external_id) decides); returns how many were new. */
export async function insertEntries(db: K, rows: NewInboxEntry[]): Promise<number> {
  if (rows.length === 0) return 0;
  const added = await t(db)
    .insertInto('inbox_entries')
    .values(rows)
    .onConflict((oc) => oc.columns(['platform', 'external_id']).doNothing())
    .returning('id')
    .execute();
  return added.length;
}

export async function knownExternalIds(db: K, platform: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await t(db).selectFrom('inbox_entries').select('external_id').where('platform', '=', platform).where('external_id', 'in', ids).execute();
  return new Set(rows.map((r) => r.external_id));
}

export function entryByExternalId(db: K, platform: string, externalId: string): Promise<InboxEntryRow | undefined> {
  return t(db).selectFrom('inbox_entries').selectAll().where('platform', '=', platform).where('external_id', '=', externalId).executeTakeFirst();
}

/** The ids of an account's entries answering this comment (the replies of its thread). */
export async function threadEntryIds(db: K, accountId: number, parentExternalId: string): Promise<number[]> {
  const rows = await t(db).selectFrom('inbox_entries').select('id').where('account_id', '=', accountId).where('parent_external_id', '=', parentExternalId).execute();
  return rows.map((r) => r.id);
}

/** Our replies among these platform ids (a reply sent from here comes back through the sync). */
export async function ourReplyIds(db: K, platform: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await t(db)
    .selectFrom('inbox_replies as r')
    .innerJoin('inbox_entries as e', 'e.id', 'r.entry_id')
    .select('r.external_id')
    .where('e.platform', '=', platform)
    .where('r.external_id', 'in', ids)
    .execute();
  return new Set(rows.flatMap((r) => (r.external_id ? [r.external_id] : [])));
}

/** Sets first_reply_at when it is empty or later than `at`. */
export async function noteFirstReply(db: K, entryId: number, at: Instant, now: Instant): Promise<void> {
  await t(db)
    .updateTable('inbox_entries')
    .set({ first_reply_at: at, updated_at: now })
    .where('id', '=', entryId)
    .where((eb) => eb.or([eb('first_reply_at', 'is', null), eb('first_reply_at', '>', at)]))
    .execute();
}

// ---- reading and changing entries

export interface InboxEntryWithRefs extends InboxEntryRow {
  org_code: string;
  handle: string;
  assignee_name: string | null;
}

function withRefs(db: K) {
  return t(db)
    .selectFrom('inbox_entries as e')
    .innerJoin('organizations as o', 'o.id', 'e.organization_id')
    .innerJoin('accounts as a', 'a.id', 'e.account_id')
    .leftJoin('team_members as m', 'm.id', 'e.assignee_id')
    .selectAll('e')
    .select(['o.code as org_code', 'a.handle', 'm.name as assignee_name']);
}

export function findEntry(db: K, id: number): Promise<InboxEntryWithRefs | undefined> {
  return withRefs(db).where('e.id', '=', id).executeTakeFirst();
}

export interface EntryFilter {
  organizationId: number;
  status?: string | undefined;
  accountId?: number | undefined;
  /** A team member's id, or null for unassigned entries. */
  assigneeId?: number | null | undefined;
  /** Keyset: the (received_at, id) of the last row of the previous page. */
  after?: { at: Instant; id: number } | undefined;
  limit: number;
}

/** Newest first; fetches limit + 1 rows (paging.ts toPage). */
export function listEntries(db: K, f: EntryFilter): Promise<InboxEntryWithRefs[]> {
  let q = withRefs(db).where('e.organization_id', '=', f.organizationId);
  if (f.status) q = q.where('e.status', '=', f.status);
  if (f.accountId !== undefined) q = q.where('e.account_id', '=', f.accountId);
  if (f.assigneeId === null) q = q.where('e.assignee_id', 'is', null);
  else if (f.assigneeId !== undefined) q = q.where('e.assignee_id', '=', f.assigneeId);
  const after = f.after;
  if (after) q = q.where((eb) => eb.or([eb('e.received_at', '<', after.at), eb.and([eb('e.received_at', '=', after.at), eb('e.id', '<', after.id)])]));
  return q.orderBy('e.received_at', 'desc').orderBy('e.id', 'desc').limit(f.limit + 1).execute();
}

/** Accounts of the organisation that ever received an entry (they get a line in the figures). */
export function accountsWithEntries(db: K, organizationId: number): Promise<{ id: number; platform: string; handle: string }[]> {
  return t(db)
    .selectFrom('accounts as a')
    .select(['a.id', 'a.platform', 'a.handle'])
    .where('a.organization_id', '=', organizationId)
    .where((eb) => eb.exists(eb.selectFrom('inbox_entries as e').select('e.id').whereRef('e.account_id', '=', 'a.id')))
    .orderBy('a.platform')
    .orderBy('a.handle_key')
    .execute();
}

export async function updateEntry(db: K, id: number, patch: Updateable<InboxEntriesTable>): Promise<void> {
  await t(db).updateTable('inbox_entries').set(patch).where('id', '=', id).execute();
}

/** Entries others wrote to the organisation's accounts that arrived in [from, to) (instants). */
export function statsFacts(db: K, organizationId: number, from: Instant, to: Instant) {
  return t(db)
    .selectFrom('inbox_entries')
    .select(['account_id', 'kind', 'received_at', 'first_reply_at'])
    .where('organization_id', '=', organizationId)
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .execute();
}

// ---- replies

export function repliesOf(db: K, entryIds: number[]): Promise<InboxReplyRow[]> {
  if (entryIds.length === 0) return Promise.resolve([]);
  return t(db).selectFrom('inbox_replies').selectAll().where('entry_id', 'in', entryIds).orderBy('created_at').orderBy('id').execute();
}

export function findReply(db: K, id: number): Promise<InboxReplyRow | undefined> {
  return t(db).selectFrom('inbox_replies').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Throws a unique violation when the entry already has a reply sending or waiting for a check. */
export async function insertReply(db: K, row: Insertable<InboxRepliesTable>): Promise<number> {
  const r = await t(db).insertInto('inbox_replies').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function updateReply(db: K, id: number, patch: Updateable<InboxRepliesTable>): Promise<void> {
  await t(db).updateTable('inbox_replies').set(patch).where('id', '=', id).execute();
}
