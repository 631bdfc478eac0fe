// Signed, expiring links to one media-library file, for platforms that download a post's media by URL
// (Instagram's containers, Facebook photos and videos). The link names the file and its expiry, sealed
// with an HMAC whose key is derived from SECRET_KEY; it opens that file only, and only until it expires.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { open } from 'node:fs/promises';
import { NotFound } from '../core/errors.ts';
import * as q from '../db/queries/media.ts';
import { findOrganizationById } from '../db/queries/organizations.ts';
import type { Platform } from '../core/platforms.ts';
import { Rejected, type VariantMedia } from '../platforms/types.ts';
import type { Deps } from './context.ts';
import { filePath } from './media-files.ts';

/** How long a link stays valid: long enough for a platform's retries, short enough to stop being a leak. */
export const PUBLIC_MEDIA_TTL_MS = 24 * 3600_000;

function linkKey(secretKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secretKey, 'utf8'), Buffer.from('socialbench'), Buffer.from('public media links v1'), 32));
}

function mac(secretKey: string, payload: string): string {
  return createHmac('sha256', linkKey(secretKey)).update(payload).digest('base64url');
}

/** `{id}.{expires, seconds since epoch}.{HMAC}`: URL-safe, no padding. */
export function signMediaToken(secretKey: string, mediaId: number, expiresAtMs: number): string {
  const payload = `${mediaId}.${Math.floor(expiresAtMs / 1000)}`;
  return `${payload}.${mac(secretKey, payload)}`;
}

/** The media id a token opens, or undefined when it is malformed, forged or expired. */
export function verifyMediaToken(secretKey: string, token: string, nowMs: number): number | undefined {
  const m = /^(\d{1,15})\.(\d{1,12})\.([\w-]{43})$/.exec(token);
  if (!m) return undefined;
  const [, id, exp, sig] = m as unknown as [string, string, string, string];
  const want = Buffer.from(mac(secretKey, `${id}.${exp}`));
  const got = Buffer.from(sig);
  if (got.length !== want.length || !timingSafeEqual(got, want)) return undefined;
  if (Number(exp) * 1000 <= nowMs) return undefined;
  return Number(id);
}

/** The public URL of a library file, or undefined when PUBLIC_URL or SECRET_KEY is missing. */
export function publicMediaUrl(deps: Deps, mediaId: number): string | undefined {
  const base = deps.connectors?.publicMediaBase;
  if (!base || !deps.secretKey) return undefined;
  return `${base}/api/public-media/${signMediaToken(deps.secretKey, mediaId, Date.parse(deps.now()) + PUBLIC_MEDIA_TTL_MS)}`;
}

export interface PublicFile {
  path: string;
  mime: string;
  fileName: string;
}

/** The file a token opens; every refusal is the same NotFound, so a prober learns nothing. */
export async function publicMediaFile(token: string, deps: Deps): Promise<PublicFile> {
  const gone = new NotFound('this media link is invalid or has expired');
  const id = deps.secretKey ? verifyMediaToken(deps.secretKey, token, Date.parse(deps.now())) : undefined;
  if (id === undefined) throw gone;
  const row = await q.findMedia(deps.db.kysely, id);
  const org = row && (await findOrganizationById(deps.db.kysely, row.organization_id));
  // Only what posts carry: documents are never served to the public.
  if (!row || !org || row.kind === 'document') throw gone;
  return { path: filePath(deps, org.code, row.sha256, row.mime), mime: row.mime, fileName: row.file_name };
}

/** A reader of byte ranges of a file on disk (platforms that take the bytes: YouTube, X). */
export function fileReader(path: string): (offset: number, length: number) => Promise<Uint8Array> {
  return async (offset, length) => {
    const fh = await open(path, 'r');
    try {
      const buf = Buffer.alloc(length);
      const { bytesRead } = await fh.read(buf, 0, length, offset);
      return buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  };
}

const refOf = (m: unknown): number | undefined =>
  m && typeof m === 'object' && 'media_id' in m && typeof m.media_id === 'number' ? m.media_id : undefined;

const KINDS = new Set(['image', 'gif', 'video']);

/**
 * A variant's media list (content_variants.media) as the adapters take it: library files with their
 * type, size, alt text, a signed public URL (when PUBLIC_URL is set) and a byte reader; entries described
 * by hand with an absolute http(s) URL as they are; entries without a file are refused (Rejected).
 */
export async function variantMediaOf(deps: Deps, mediaJson: string | null, platform: Platform): Promise<VariantMedia[]> {
  let list: unknown[] = [];
  try {
    const parsed: unknown = JSON.parse(mediaJson ?? '[]');
    if (Array.isArray(parsed)) list = parsed;
  } catch {
    list = [];
  }
  const ids = [...new Set(list.map(refOf).filter((x): x is number => x !== undefined))];
  const rows = new Map((ids.length ? await q.mediaByIds(deps.db.kysely, ids) : []).map((r) => [r.id, r]));
  const orgs = new Map<number, string>();
  for (const r of rows.values()) {
    if (!orgs.has(r.organization_id)) orgs.set(r.organization_id, (await findOrganizationById(deps.db.kysely, r.organization_id))?.code ?? '');
  }
  const out: VariantMedia[] = [];
  for (const m of list) {
    const id = refOf(m);
    if (id !== undefined) {
      const r = rows.get(id);
      if (!r || !KINDS.has(r.kind)) throw new NotFound(`media ${id} of this post is no longer in the library`);
      const code = orgs.get(r.organization_id) ?? '';
      out.push({
        kind: r.kind as VariantMedia['kind'], mime: r.mime, bytes: r.bytes, ...(r.alt_text ? { altText: r.alt_text } : {}),
        url: publicMediaUrl(deps, id), ...(deps.dataDir && code ? { read: fileReader(filePath(deps, code, r.sha256, r.mime)) } : {}),
      });
      continue;
    }
    const e = m as { url?: unknown; kind?: unknown; bytes?: unknown; altText?: unknown };
    // Described by hand, without a file: sending the post without it would change what was approved.
    if (typeof e.url !== 'string' || !/^https?:\/\//.test(e.url)) throw new Rejected(platform, 'the post has media described by hand that cannot be downloaded (not an http address); add the files to the media library and pick them in the post');
    const kind = typeof e.kind === 'string' && KINDS.has(e.kind) ? (e.kind as VariantMedia['kind']) : 'image';
    out.push({ kind, mime: null, bytes: typeof e.bytes === 'number' ? e.bytes : null, url: e.url, ...(typeof e.altText === 'string' ? { altText: e.altText } : {}) });
  }
  return out;
}
