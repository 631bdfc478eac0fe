// SQL for planning: content items, their variants, transitions and comments, personas, calendar tokens.
import type { Generated, Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../schema.ts';

export interface ContentItemsTable {
  id: Generated<number>;
  organization_id: number;
  title: string;
  campaign: string | null;
  pillar: string | null;
  /** JSON array of account ids. */
  account_ids: string;
  status: string;
  owner_id: number | null;
  reviewer_id: number | null;
  due_date: string | null;
  scheduled_at: string | null;
  published_at: string | null;
  rejection_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface ContentVariantsTable {
  item_id: number;
  platform: string;
  text: string;
  title: string | null;
  first_comment: string | null;
  link: string | null;
  /** JSON array of media objects. */
  media: string;
}

export interface ContentTransitionsTable {
  id: Generated<number>;
  item_id: number;
  actor_id: number;
  at: string;
  from_status: string;
  to_status: string;
  action: string;
  comment: string | null;
  reason: string | null;
  scheduled_at: string | null;
}

export interface ContentCommentsTable {
  id: Generated<number>;
  item_id: number;
  author_id: number;
  body: string;
  created_at: string;
}

export interface PersonasTable {
  organization_id: number;
  persona: string;
  require_voice_pass: number;
  updated_at: string;
}

export interface CalendarTokensTable {
  organization_id: number;
  token: string;
  created_at: string;
}

interface ContentTables {
  content_items: ContentItemsTable;
  content_variants: ContentVariantsTable;
  content_transitions: ContentTransitionsTable;
  content_comments: ContentCommentsTable;
  personas: PersonasTable;
  calendar_tokens: CalendarTokensTable;
}

export type ContentItemRow = Selectable<ContentItemsTable>;
export type ContentVariantRow = Selectable<ContentVariantsTable>;
export type ContentTransitionRow = Selectable<ContentTransitionsTable>;
export type ContentCommentRow = Selectable<ContentCommentsTable>;
export type PersonaRow = Selectable<PersonasTable>;

type K = Kysely<Database & ContentTables>;
type Db = Kysely<Database>;

function k(db: Db): K {
  return db as unknown as K;
}

// Items

export function findItem(db: Db, id: number): Promise<ContentItemRow | undefined> {
  return k(db).selectFrom('content_items').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface ItemFilter {
  organizationId: number;
  after?: number | undefined;
  limit: number;
  statuses?: readonly string[] | undefined;
  /** Filter on scheduled_at (instants) or due_date (local dates), inclusive from, exclusive to. */
  by?: 'scheduled' | 'due' | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export function listItems(db: Db, f: ItemFilter): Promise<ContentItemRow[]> {
  let q = k(db).selectFrom('content_items').selectAll().where('organization_id', '=', f.organizationId);
  if (f.statuses?.length) q = q.where('status', 'in', [...f.statuses]);
  const column = f.by === 'due' ? 'due_date' : 'scheduled_at';
  if (f.from !== undefined) q = q.where(column, '>=', f.from);
  if (f.to !== undefined) q = q.where(column, '<', f.to);
  if (f.after !== undefined) q = q.where('id', '>', f.after);
  return q.orderBy('id').limit(f.limit + 1).execute();
}

/** Scheduled and published items with a time, for the calendar feed. */
export function calendarItems(db: Db, organizationId: number, limit: number): Promise<ContentItemRow[]> {
  return k(db)
    .selectFrom('content_items')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('status', 'in', ['scheduled', 'published'])
    .where('scheduled_at', 'is not', null)
    .orderBy('scheduled_at', 'desc')
    .limit(limit)
    .execute();
}

export function insertItem(db: Db, row: Insertable<ContentItemsTable>): Promise<ContentItemRow> {
  return k(db).insertInto('content_items').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateItem(db: Db, id: number, patch: Updateable<ContentItemsTable>): Promise<ContentItemRow> {
  return k(db).updateTable('content_items').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function deleteItem(db: Db, id: number): Promise<void> {
  await k(db).deleteFrom('content_items').where('id', '=', id).execute();
}

// Variants

export function variantsOf(db: Db, itemIds: number[]): Promise<ContentVariantRow[]> {
  if (itemIds.length === 0) return Promise.resolve([]);
  return k(db).selectFrom('content_variants').selectAll().where('item_id', 'in', itemIds).orderBy('item_id').orderBy('platform').execute();
}

/** Replaces every variant of an item. */
export async function replaceVariants(db: Db, itemId: number, rows: ContentVariantRow[]): Promise<void> {
  await k(db).deleteFrom('content_variants').where('item_id', '=', itemId).execute();
  if (rows.length) await k(db).insertInto('content_variants').values(rows).execute();
}

// Transitions and comments

export async function insertTransition(db: Db, row: Insertable<ContentTransitionsTable>): Promise<void> {
  await k(db).insertInto('content_transitions').values(row).execute();
}

export function transitionsOf(db: Db, itemId: number): Promise<ContentTransitionRow[]> {
  return k(db).selectFrom('content_transitions').selectAll().where('item_id', '=', itemId).orderBy('id').execute();
}

export function insertComment(db: Db, row: Insertable<ContentCommentsTable>): Promise<ContentCommentRow> {
  return k(db).insertInto('content_comments').values(row).returningAll().executeTakeFirstOrThrow();
}

export function commentsOf(db: Db, itemId: number): Promise<ContentCommentRow[]> {
  return k(db).selectFrom('content_comments').selectAll().where('item_id', '=', itemId).orderBy('id').execute();
}

// Personas

export function findPersona(db: Db, organizationId: number): Promise<PersonaRow | undefined> {
  return k(db).selectFrom('personas').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
}

export function upsertPersona(db: Db, row: PersonaRow): Promise<PersonaRow> {
  return k(db)
    .insertInto('personas')
    .values(row)
    .onConflict((oc) => oc.column('organization_id').doUpdateSet({ persona: row.persona, require_voice_pass: row.require_voice_pass, updated_at: row.updated_at }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Inserts a persona only when the organisation has none; returns the one stored. */
export async function seedPersona(db: Db, row: PersonaRow): Promise<PersonaRow> {
  await k(db).insertInto('personas').values(row).onConflict((oc) => oc.column('organization_id').doNothing()).execute();
  return (await findPersona(db, row.organization_id)) ?? row;
}

// Calendar tokens

export function findCalendarToken(db: Db, organizationId: number): Promise<Selectable<CalendarTokensTable> | undefined> {
  return k(db).selectFrom('calendar_tokens').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
}

export function findOrganizationIdByToken(db: Db, token: string): Promise<number | undefined> {
  return k(db)
    .selectFrom('calendar_tokens')
    .select('organization_id')
    .where('token', '=', token)
    .executeTakeFirst()
    .then((r) => r?.organization_id);
}

/** Sets (or replaces) the organisation's token. */
export async function setCalendarToken(db: Db, organizationId: number, token: string, at: string): Promise<void> {
  await k(db)
    .insertInto('calendar_tokens')
    .values({ organization_id: organizationId, token, created_at: at })
    .onConflict((oc) => oc.column('organization_id').doUpdateSet({ token, created_at: at }))
    .execute();
}

/** Sets a token only when the organisation has none. */
export async function ensureCalendarToken(db: Db, organizationId: number, token: string, at: string): Promise<string> {
  await k(db)
    .insertInto('calendar_tokens')
    .values({ organization_id: organizationId, token, created_at: at })
    .onConflict((oc) => oc.column('organization_id').doNothing())
    .execute();
  return (await findCalendarToken(db, organizationId))?.token ?? token;
}

/** Updates an item only while it still has the status it was read with; undefined when another write came first. */
export function updateItemIf(db: Db, id: number, status: string, patch: Updateable<ContentItemsTable>): Promise<ContentItemRow | undefined> {
  return k(db).updateTable('content_items').set(patch).where('id', '=', id).where('status', '=', status).returningAll().executeTakeFirst();
}

export interface AccountRef {
  id: number;
  organization_id: number;
  platform: string;
  handle: string;
}

export function accountsByIds(db: Db, ids: number[]): Promise<AccountRef[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return k(db).selectFrom('accounts').select(['id', 'organization_id', 'platform', 'handle']).where('id', 'in', ids).orderBy('id').execute();
}
