// SQL for the media library: files of an organisation, their tags, and which content variants use them.
import { sql, type Generated, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database } from '../schema.ts';

export interface MediaTable {
  id: Generated<number>;
  organization_id: number;
  kind: string;
  mime: string;
  file_name: string;
  sha256: string;
  bytes: number;
  width: number | null;
  height: number | null;
  duration_sec: number | null;
  alt_text: string | null;
  has_thumbnail: number;
  uploaded_by: number;
  created_at: string;
  updated_at: string;
}

export interface MediaTagsTable {
  media_id: number;
  tag: string;
}

export interface ContentMediaTable {
  item_id: number;
  platform: string;
  position: number;
  media_id: number;
}

interface MediaTables {
  media: MediaTable;
  media_tags: MediaTagsTable;
  content_media: ContentMediaTable;
  content_items: { id: number; organization_id: number; title: string; status: string };
}

export type MediaRow = Selectable<MediaTable>;

type K = Kysely<Database & MediaTables>;
type Db = Kysely<Database>;
const k = (db: Db): K => db as unknown as K;

/** Numbers come back as strings from PostgreSQL bigint and double columns. */
function numeric(r: MediaRow): MediaRow {
  return { ...r, bytes: Number(r.bytes), duration_sec: r.duration_sec === null ? null : Number(r.duration_sec) };
}

export async function findMedia(db: Db, id: number): Promise<MediaRow | undefined> {
  const r = await k(db).selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
  return r && numeric(r);
}

export async function findMediaByHash(db: Db, organizationId: number, sha256: string): Promise<MediaRow | undefined> {
  const r = await k(db).selectFrom('media').selectAll().where('organization_id', '=', organizationId).where('sha256', '=', sha256).executeTakeFirst();
  return r && numeric(r);
}

export async function mediaByIds(db: Db, ids: readonly number[]): Promise<MediaRow[]> {
  if (ids.length === 0) return [];
  return (await k(db).selectFrom('media').selectAll().where('id', 'in', [...ids]).execute()).map(numeric);
}

export interface MediaFilter {
  organizationId: number;
  kind?: string | undefined;
  tag?: string | undefined;
  /** Words looked for in the file name, the alt text and the tags. */
  search?: string | undefined;
  /** Newest first: the cursor is the last id seen. */
  before?: number | undefined;
  limit: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listMedia(db: Db, f: MediaFilter): Promise<MediaRow[]> {
  let q = k(db).selectFrom('media').selectAll('media').where('media.organization_id', '=', f.organizationId);
  if (f.kind) q = q.where('media.kind', '=', f.kind);
  if (f.tag) q = q.where((eb) => eb.exists(eb.selectFrom('media_tags as t').select('t.media_id').whereRef('t.media_id', '=', 'media.id').where('t.tag', '=', f.tag ?? '')));
  for (const word of (f.search ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5)) {
    const like = `%${escapeLike(word)}%`;
    q = q.where((eb) =>
      eb.or([
        eb(sql`lower(media.file_name)`, 'like', sql`${like} escape '\\'`),
        eb(sql`lower(coalesce(media.alt_text, ''))`, 'like', sql`${like} escape '\\'`),
        eb.exists(eb.selectFrom('media_tags as s').select('s.media_id').whereRef('s.media_id', '=', 'media.id').where(sql<boolean>`s.tag like ${like} escape '\\'`)),
      ]),
    );
  }
  if (f.before !== undefined) q = q.where('media.id', '<', f.before);
  return (await q.orderBy('media.id', 'desc').limit(f.limit + 1).execute()).map(numeric);
}

export async function insertMedia(db: Db, row: Insertable<MediaTable>): Promise<MediaRow> {
  return numeric(await k(db).insertInto('media').values(row).returningAll().executeTakeFirstOrThrow());
}

export async function updateMedia(db: Db, id: number, patch: Updateable<MediaTable>): Promise<MediaRow> {
  return numeric(await k(db).updateTable('media').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow());
}

export async function deleteMedia(db: Db, id: number): Promise<void> {
  await k(db).deleteFrom('media').where('id', '=', id).execute();
}

/** Other media rows of the same organisation with the same file (the file stays while one is left). */
export async function countByHash(db: Db, organizationId: number, sha256: string): Promise<number> {
  const r = await k(db)
    .selectFrom('media')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', organizationId)
    .where('sha256', '=', sha256)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

// Tags

export async function setTags(db: Db, mediaId: number, tags: readonly string[]): Promise<void> {
  await k(db).deleteFrom('media_tags').where('media_id', '=', mediaId).execute();
  if (tags.length) await k(db).insertInto('media_tags').values(tags.map((tag) => ({ media_id: mediaId, tag }))).execute();
}

export function tagsOf(db: Db, mediaIds: readonly number[]): Promise<MediaTagsTable[]> {
  if (mediaIds.length === 0) return Promise.resolve([]);
  return k(db).selectFrom('media_tags').selectAll().where('media_id', 'in', [...mediaIds]).orderBy('tag').execute();
}

/** The organisation's tags with how many media carry each, most used first. */
export async function tagCounts(db: Db, organizationId: number): Promise<{ tag: string; count: number }[]> {
  const rows = await k(db)
    .selectFrom('media_tags as t')
    .innerJoin('media as m', 'm.id', 't.media_id')
    .select(['t.tag', (eb) => eb.fn.countAll<number>().as('n')])
    .where('m.organization_id', '=', organizationId)
    .groupBy('t.tag')
    .orderBy('n', 'desc')
    .orderBy('t.tag')
    .limit(200)
    .execute();
  return rows.map((r) => ({ tag: r.tag, count: Number(r.n) }));
}

// Use by content variants

/** Replaces the library media an item's variants use. */
export async function replaceContentMedia(db: Db, itemId: number, rows: readonly ContentMediaTable[]): Promise<void> {
  await k(db).deleteFrom('content_media').where('item_id', '=', itemId).execute();
  if (rows.length) await k(db).insertInto('content_media').values([...rows]).execute();
}

/** The content items that use a media file. */
export function usesOf(db: Db, mediaId: number): Promise<{ id: number; title: string; status: string; platform: string }[]> {
  return k(db)
    .selectFrom('content_media as cm')
    .innerJoin('content_items as i', 'i.id', 'cm.item_id')
    .select(['i.id', 'i.title', 'i.status', 'cm.platform'])
    .where('cm.media_id', '=', mediaId)
    .orderBy('i.id')
    .orderBy('cm.platform')
    .execute();
}

/** How many variants use each media file. */
export async function useCounts(db: Db, mediaIds: readonly number[]): Promise<Map<number, number>> {
  if (mediaIds.length === 0) return new Map();
  const rows = await k(db)
    .selectFrom('content_media')
    .select(['media_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('media_id', 'in', [...mediaIds])
    .groupBy('media_id')
    .execute();
  return new Map(rows.map((r) => [r.media_id, Number(r.n)]));
}
