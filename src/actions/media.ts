// Use cases for the media library: upload (kind from magic bytes, size and length from the file), list and
// search, alt text and tags, delete when unused, and the link to content variants (their checks read real figures).
import { Conflict, Invalid, NotFound } from '../core/errors.ts';
import { detectKind, needsAltText, normalizeTags } from '../core/media/index.ts';
import type { ContentVariantRow } from '../db/queries/content.ts';
import * as q from '../db/queries/media.ts';
import { findOrganizationById } from '../db/queries/organizations.ts';
import { decodeCursor, toPage, type Page } from '../db/queries/paging.ts';
import type { OrganizationRow } from '../db/schema.ts';
import { parseInput, type Actor, type Deps } from './context.ts';
import { filePath, keepFile, makeThumbnail, measure, removeFiles, thumbnailPath, type ReceivedFile } from './media-files.ts';
import { listMediaInput, updateMediaInput, uploadFields, type MediaView, type UploadView } from './media-schemas.ts';
import { requireOrganization } from './organizations.ts';

type Db = Deps['db']['kysely'];

function view(r: q.MediaRow, org: string, tags: string[], usedBy: number): MediaView {
  return {
    id: r.id,
    org,
    kind: r.kind as MediaView['kind'],
    mime: r.mime,
    file_name: r.file_name,
    sha256: r.sha256,
    bytes: r.bytes,
    width: r.width,
    height: r.height,
    duration_sec: r.duration_sec,
    alt_text: r.alt_text,
    tags,
    file_url: `/api/media/${r.id}/file`,
    thumbnail_url: r.has_thumbnail ? `/api/media/${r.id}/thumbnail` : null,
    used_by: usedBy,
    created_at: r.created_at,
    updated_at: r.updated_at,
  };
}

async function views(db: Db, rows: q.MediaRow[], org: string): Promise<MediaView[]> {
  const ids = rows.map((r) => r.id);
  const [tags, uses] = await Promise.all([q.tagsOf(db, ids), q.useCounts(db, ids)]);
  return rows.map((r) => view(r, org, tags.filter((t) => t.media_id === r.id).map((t) => t.tag), uses.get(r.id) ?? 0));
}

async function load(deps: Deps, id: number): Promise<{ row: q.MediaRow; org: OrganizationRow }> {
  const row = await q.findMedia(deps.db.kysely, id);
  const org = row && (await findOrganizationById(deps.db.kysely, row.organization_id));
  if (!row || !org) throw new NotFound(`media ${id} does not exist`);
  return { row, org };
}

/**
 * Keeps a file received by the HTTP layer (already on disk, hashed). The same file uploaded twice to one
 * organisation gives back the first entry (`duplicate`), with the new alt text and tags added when it had none.
 */
export async function uploadMedia(actor: Actor, orgCode: string, file: ReceivedFile, fields: unknown, deps: Deps): Promise<UploadView> {
  try {
    return await keepUpload(actor, orgCode, file, fields, deps);
  } finally {
    await file.discard();
  }
}

async function keepUpload(actor: Actor, orgCode: string, file: ReceivedFile, fields: unknown, deps: Deps): Promise<UploadView> {
  const i = parseInput(uploadFields, fields);
  const org = await requireOrganization(deps, orgCode);
  const k = deps.db.kysely;
  if (file.bytes === 0) throw new Invalid('the file is empty', [{ path: 'file', message: 'empty' }]);
  const detected = detectKind(file.head, file.name);
  if (!detected) {
    throw new Invalid('this kind of file is not taken: upload a JPEG, PNG, GIF or WebP image, an MP4 or MOV video, or a PDF or Office document', [
      { path: 'file', message: 'unknown file type (judged from its content, not its name)' },
    ]);
  }
  const tags = normalizeTags(i.tags ?? []);
  const existing = await q.findMediaByHash(k, org.id, file.sha256);
  if (existing) {
    const patch = { ...(i.alt_text && !existing.alt_text ? { alt_text: i.alt_text } : {}) };
    const row = Object.keys(patch).length ? await q.updateMedia(k, existing.id, { ...patch, updated_at: deps.now() }) : existing;
    if (tags.length) {
      const had = (await q.tagsOf(k, [row.id])).map((t) => t.tag);
      await q.setTags(k, row.id, normalizeTags([...had, ...tags]));
    }
    const [v] = await views(k, [row], org.code);
    if (!v) throw new NotFound(`media ${row.id} does not exist`);
    return { ...v, duplicate: true };
  }
  const m = await measure(file.path, file.head, detected);
  const kept = await keepFile(deps, org.code, file, detected);
  const thumb = await makeThumbnail(deps, org.code, kept, file.sha256, detected, m);
  const now = deps.now();
  const row = await k.transaction().execute(async (tx) => {
    const r = await q.insertMedia(tx, {
      organization_id: org.id, kind: detected.kind, mime: detected.mime, file_name: file.name.slice(0, 255) || 'upload', sha256: file.sha256, bytes: file.bytes,
      width: m.width, height: m.height, duration_sec: m.durationSec, alt_text: i.alt_text?.trim() || null, has_thumbnail: thumb ? 1 : 0,
      uploaded_by: actor.kind === 'user' ? actor.principal.userId : 0, created_at: now, updated_at: now,
    });
    await q.setTags(tx, r.id, tags);
    return r;
  });
  return { ...view(row, org.code, tags, 0), duplicate: false };
}

export async function getMedia(_actor: Actor, id: number, deps: Deps): Promise<MediaView> {
  const { row, org } = await load(deps, id);
  const [v] = await views(deps.db.kysely, [row], org.code);
  if (!v) throw new NotFound(`media ${id} does not exist`);
  return v;
}

export async function listMedia(_actor: Actor, orgCode: string, input: unknown, deps: Deps): Promise<Page<MediaView>> {
  const i = parseInput(listMediaInput, input);
  const org = await requireOrganization(deps, orgCode);
  const rows = await q.listMedia(deps.db.kysely, { organizationId: org.id, kind: i.kind, tag: i.tag, search: i.q, before: decodeCursor<number>(i.cursor, 'number'), limit: i.limit });
  const page = toPage(rows, i.limit, (r) => r.id);
  return { items: await views(deps.db.kysely, page.items, org.code), next_cursor: page.next_cursor };
}

export async function mediaTags(_actor: Actor, orgCode: string, deps: Deps): Promise<{ items: { tag: string; count: number }[] }> {
  const org = await requireOrganization(deps, orgCode);
  return { items: await q.tagCounts(deps.db.kysely, org.id) };
}

export async function updateMedia(actor: Actor, id: number, input: unknown, deps: Deps): Promise<MediaView> {
  const i = parseInput(updateMediaInput, input);
  const { row } = await load(deps, id);
  const k = deps.db.kysely;
  const alt = i.alt_text === undefined ? undefined : i.alt_text?.trim() || null;
  if (alt === null && needsAltText(row.kind) && (await q.usesOf(k, id)).length > 0) {
    throw new Conflict('this image is used in content; its alt text cannot be removed', [{ path: 'alt_text', message: 'required while the image is used' }]);
  }
  await k.transaction().execute(async (tx) => {
    await q.updateMedia(tx, id, { ...(alt !== undefined ? { alt_text: alt } : {}), ...(i.file_name ? { file_name: i.file_name } : {}), updated_at: deps.now() });
    if (i.tags) await q.setTags(tx, id, normalizeTags(i.tags));
  });
  return getMedia(actor, id, deps);
}

export async function mediaUses(_actor: Actor, id: number, deps: Deps) {
  await load(deps, id);
  return { items: await q.usesOf(deps.db.kysely, id) };
}

/** Deletes an entry and its file; refused while any content variant uses it. */
export async function deleteMedia(_actor: Actor, id: number, deps: Deps): Promise<void> {
  const { row, org } = await load(deps, id);
  const k = deps.db.kysely;
  const uses = await q.usesOf(k, id);
  if (uses.length) {
    throw new Conflict(`media ${id} is used by ${uses.length} content variant(s); remove it from them first`, uses.map((u) => ({ path: `content.${u.id}.${u.platform}`, message: u.title })));
  }
  await q.deleteMedia(k, id);
  if ((await q.countByHash(k, org.id, row.sha256)) === 0) await removeFiles(deps, org.code, row.sha256, row.mime);
}

export interface MediaFile {
  path: string;
  mime: string;
  bytes: number;
  fileName: string;
  kind: string;
}

export async function mediaFile(_actor: Actor, id: number, deps: Deps): Promise<MediaFile> {
  const { row, org } = await load(deps, id);
  return { path: filePath(deps, org.code, row.sha256, row.mime), mime: row.mime, bytes: row.bytes, fileName: row.file_name, kind: row.kind };
}

export async function mediaThumbnail(_actor: Actor, id: number, deps: Deps): Promise<{ path: string }> {
  const { row, org } = await load(deps, id);
  if (!row.has_thumbnail) throw new NotFound(`media ${id} has no thumbnail`);
  return { path: thumbnailPath(deps, org.code, row.sha256) };
}

// Content variants: their media lists hold library references ({media_id}) beside older inline entries.

const refOf = (m: unknown): number | undefined =>
  m && typeof m === 'object' && 'media_id' in m && typeof m.media_id === 'number' ? m.media_id : undefined;

/** Checks the library media of an item's variants and records which it uses (call inside the write's transaction). */
export async function linkVariantMedia(db: Db, org: OrganizationRow, itemId: number, variants: readonly { platform: string; media: readonly unknown[] }[]): Promise<void> {
  const ids = [...new Set(variants.flatMap((v) => v.media.map(refOf)).filter((x): x is number => x !== undefined))];
  const rows = new Map((await q.mediaByIds(db, ids)).map((r) => [r.id, r]));
  const links: q.ContentMediaTable[] = [];
  const problems: { path: string; message: string }[] = [];
  variants.forEach((v, n) =>
    v.media.forEach((m, position) => {
      const id = refOf(m);
      if (id === undefined) return;
      const path = `variants.${n}.media.${position}`;
      const r = rows.get(id);
      if (!r || r.organization_id !== org.id) problems.push({ path, message: `media ${id} is not in ${org.code}'s library` });
      else if (r.kind === 'document') problems.push({ path, message: `media ${id} is a document; posts take images, GIFs and videos` });
      else if (needsAltText(r.kind) && !r.alt_text?.trim()) problems.push({ path, message: `media ${id} has no alt text; describe it in the media library first` });
      else links.push({ item_id: itemId, platform: v.platform, position, media_id: id });
    }),
  );
  if (problems.length) throw new Invalid('some media cannot go into this content', problems);
  await q.replaceContentMedia(db, itemId, links);
}

/** Variants with each library reference replaced by the file's current kind, size, length and alt text. */
export async function resolveVariantMedia(db: Db, variants: ContentVariantRow[]): Promise<ContentVariantRow[]> {
  const lists = variants.map((v) => JSON.parse(v.media) as unknown[]);
  const ids = [...new Set(lists.flatMap((l) => l.map(refOf)).filter((x): x is number => x !== undefined))];
  if (ids.length === 0) return variants;
  const rows = new Map((await q.mediaByIds(db, ids)).map((r) => [r.id, r]));
  return variants.map((v, n) => {
    const media = (lists[n] ?? []).map((m) => {
      const id = refOf(m);
      if (id === undefined) return m;
      const r = rows.get(id);
      if (!r) return { media_id: id, kind: 'image', bytes: 0, width: 0, height: 0, url: '' };
      return {
        media_id: id, kind: r.kind, bytes: r.bytes, width: r.width ?? 0, height: r.height ?? 0,
        ...(r.duration_sec !== null ? { durationSec: r.duration_sec } : {}), ...(r.alt_text !== null ? { altText: r.alt_text } : {}),
        url: `/api/media/${id}/file`, thumbnail_url: r.has_thumbnail ? `/api/media/${id}/thumbnail` : null,
      };
    });
    return { ...v, media: JSON.stringify(media) };
  });
}
