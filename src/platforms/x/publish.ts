// Media for X posts: library files uploaded through the v2 media endpoints (images in one request; a video
// or GIF in initialize / append / finalize, then its processing awaited), alt text set, and the post
// created with the media ids. Uploads publish nothing; only the post is a write whose lost answer is unknown.
import { num, pick, str, type Answer, type CallOptions } from '../http.ts';
import { Rejected, Temporary, type VariantMedia } from '../types.ts';

export type XApi = (path: string, extra?: Partial<CallOptions>) => Promise<Answer>;

export interface XMediaOptions {
  /** Wait between processing checks when X gives no check_after_secs (tests make it short). */
  pollMs: number;
  maxPolls: number;
  /** Bytes per append (X takes up to 5 MB a segment). */
  chunkBytes: number;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_X_MEDIA: XMediaOptions = { pollMs: 5000, maxPolls: 24, chunkBytes: 4 * 1024 * 1024 };

const IMAGE_MAX = 5 * 1024 * 1024;
const GIF_MAX = 15 * 1024 * 1024;
const VIDEO_MAX = 512 * 1024 * 1024;

/** 1–4 images, or one video, or one GIF, each a library file with its bytes. */
export function checkXMedia(media: readonly VariantMedia[], hasUrls: boolean): void {
  if (hasUrls && media.length === 0) throw new Rejected('x', 'X takes uploaded files: pick the media from the media library');
  if (media.length === 0) return;
  const single = media.filter((m) => m.kind !== 'image');
  if (single.length > 0 && media.length > 1) throw new Rejected('x', 'an X post takes up to 4 images, or one video, or one GIF');
  if (media.length > 4) throw new Rejected('x', `an X post takes at most 4 images (this one has ${media.length})`);
  for (const m of media) {
    if (!m.read || !m.bytes || !m.mime) throw new Rejected('x', 'X takes uploaded files: pick the media from the media library');
    const max = m.kind === 'image' ? IMAGE_MAX : m.kind === 'gif' ? GIF_MAX : VIDEO_MAX;
    if (m.bytes > max) throw new Rejected('x', `X takes ${m.kind === 'video' ? 'videos' : m.kind === 'gif' ? 'GIFs' : 'images'} up to ${max / 1024 / 1024} MB`);
  }
}

function blob(bytes: Uint8Array, type: string): Blob {
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type });
}

async function waitProcessed(api: XApi, id: string, first: unknown, o: XMediaOptions): Promise<void> {
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let info = first;
  for (let n = 0; n < o.maxPolls; n++) {
    const state = str(pick(info, 'state'));
    if (state === undefined || state === null || state === 'succeeded') return;
    if (state === 'failed') throw new Rejected('x', `X could not process the media${str(pick(info, 'error', 'message')) ? ` (${str(pick(info, 'error', 'message'))})` : ''}`);
    const after = num(pick(info, 'check_after_secs'));
    await sleep(after !== null ? Math.min(after * 1000, o.pollMs) : o.pollMs);
    const a = await api(`/2/media/upload?${new URLSearchParams({ command: 'STATUS', media_id: id }).toString()}`);
    info = pick(a.body, 'data', 'processing_info');
  }
  throw new Temporary('x', 'X is still processing the media; it is tried again later');
}

async function uploadOne(api: XApi, m: VariantMedia, o: XMediaOptions): Promise<string> {
  const mime = m.mime as string;
  const bytes = m.bytes as number;
  const read = m.read as NonNullable<VariantMedia['read']>;
  let id: string | null;
  if (m.kind === 'image') {
    const form = new FormData();
    form.append('media_category', 'tweet_image');
    form.append('media_type', mime);
    form.append('media', blob(await read(0, bytes), mime), 'media');
    id = str(pick((await api('/2/media/upload', { method: 'POST', raw: form })).body, 'data', 'id'));
  } else {
    const init = await api('/2/media/upload/initialize', { method: 'POST', json: { media_type: mime, total_bytes: bytes, media_category: m.kind === 'gif' ? 'tweet_gif' : 'tweet_video' } });
    id = str(pick(init.body, 'data', 'id'));
    if (!id) throw new Temporary('x', 'the upload was not given a media id');
    for (let offset = 0, segment = 0; offset < bytes; offset += o.chunkBytes, segment++) {
      const form = new FormData();
      form.append('segment_index', String(segment));
      form.append('media', blob(await read(offset, Math.min(o.chunkBytes, bytes - offset)), 'application/octet-stream'), 'media');
      await api(`/2/media/upload/${id}/append`, { method: 'POST', raw: form });
    }
    const fin = await api(`/2/media/upload/${id}/finalize`, { method: 'POST' });
    await waitProcessed(api, id, pick(fin.body, 'data', 'processing_info'), o);
  }
  if (!id) throw new Temporary('x', 'the upload was answered without a media id');
  if (m.altText && m.kind !== 'video') await api('/2/media/metadata', { method: 'POST', json: { id, metadata: { alt_text: { text: m.altText.slice(0, 1000) } } } });
  return id;
}

/** Uploads each file in order and gives back their media ids for the post. */
export async function uploadXMedia(api: XApi, media: readonly VariantMedia[], o: XMediaOptions): Promise<string[]> {
  const ids: string[] = [];
  for (const m of media) ids.push(await uploadOne(api, m, o));
  return ids;
}
