// Publishing a video to YouTube: a resumable upload (metadata POST -> session URL -> PUT of the bytes read
// from the media library). The POST creates nothing public; once the bytes are sent, a lost answer may
// have created the video, so it is OutcomeUnknown and the channel's uploads are read back by title.
import { call, pick, str, type Answer } from '../http.ts';
import { OutcomeUnknown, Rejected, Temporary, type CallContext, type Published, type Variant, type VariantMedia } from '../types.ts';
import { COSTS } from './quota.ts';

export type Privacy = 'public' | 'unlisted' | 'private';

export interface UploadOptions {
  /** https://www.googleapis.com/upload/youtube/v3 (derived from the Data API URL). */
  uploadUrl: string;
  timeoutMs: number;
  privacyStatus: Privacy;
  error: (a: Answer, write: boolean) => Error;
}

const TITLE_MAX = 100;
const DESCRIPTION_MAX_BYTES = 5000;
/** The time a video upload may take at the least; a large file gets more (about 1 MB/s). */
const MIN_UPLOAD_MS = 120_000;

/** The video's title: the variant's own, or the text's first line (YouTube needs one, at most 100 characters). */
export function youtubeTitle(v: Variant): string {
  const t = (v.title ?? v.text.split('\n')[0] ?? '').trim();
  return [...t].length > TITLE_MAX ? `${[...t].slice(0, TITLE_MAX - 1).join('')}…` : t;
}

export function youtubeDescription(v: Variant): string {
  return v.link ? `${v.text}\n\n${v.link}` : v.text;
}

/** What YouTube would refuse, refused before any call (and before any quota is spent). */
export function checkYoutubeVariant(v: Variant): { video: VariantMedia; title: string; description: string } {
  const media = v.media ?? [];
  if ((v.mediaUrls?.length ?? 0) > 0 && media.length === 0) throw new Rejected('youtube', 'YouTube takes an uploaded video: pick the video from the media library');
  const videos = media.filter((m) => m.kind === 'video');
  if (videos.length !== 1 || media.length !== 1) throw new Rejected('youtube', 'a YouTube post is exactly one video from the media library');
  const video = videos[0] as VariantMedia;
  if (!video.read || !video.bytes) throw new Rejected('youtube', 'the video file is not available to upload (only files of the media library can go to YouTube)');
  const title = youtubeTitle(v);
  const description = youtubeDescription(v);
  if (!title) throw new Rejected('youtube', 'the video needs a title (the variant title, or a first line of text)');
  if (/[<>]/.test(title) || /[<>]/.test(description)) throw new Rejected('youtube', 'YouTube titles and descriptions cannot contain < or >');
  if (Buffer.byteLength(description, 'utf8') > DESCRIPTION_MAX_BYTES) throw new Rejected('youtube', 'the description is longer than 5,000 bytes');
  return { video, title, description };
}

function authHeader(ctx: CallContext): Record<string, string> {
  if (ctx.access.kind !== 'owner') throw new Rejected('youtube', 'uploading needs the channel owner’s connection');
  return { authorization: `Bearer ${ctx.access.accessToken}` };
}

/** 8 MiB: YouTube wants chunks in multiples of 256 KiB. */
export const UPLOAD_CHUNK = 32 * 256 * 1024;

export async function uploadVideo(o: UploadOptions, ctx: CallContext, v: Variant): Promise<Published> {
  const { video, title, description } = checkYoutubeVariant(v);
  const headers = authHeader(ctx);
  const bytes = video.bytes as number;
  const type = video.mime ?? 'video/*';
  // videos.insert is charged once per upload, in its own bucket (quota.ts), whether or not it succeeds.
  ctx.onCost?.(COSTS['videos.insert'].bucket, COSTS['videos.insert'].units);
  const init = await call('youtube', `${o.uploadUrl}/videos?uploadType=resumable&part=snippet,status`, {
    method: 'POST', timeoutMs: o.timeoutMs,
    headers: { ...headers, 'x-upload-content-length': String(bytes), 'x-upload-content-type': type },
    json: { snippet: { title, description }, status: { privacyStatus: o.privacyStatus, selfDeclaredMadeForKids: false } },
  });
  if (init.status >= 400) throw o.error(init, false);
  const session = init.headers.get('location');
  if (!session) throw new Temporary('youtube', 'the upload was not given a session address');
  // The bytes go in chunks (a multiple of 256 KiB), so a large video is never held in memory whole. Only
  // the last chunk can create the video: a lost answer before it is Temporary, on it OutcomeUnknown.
  const read = video.read as NonNullable<VariantMedia['read']>;
  let offset = 0;
  let put: Awaited<ReturnType<typeof call>> | undefined;
  while (offset < bytes) {
    const length = Math.min(UPLOAD_CHUNK, bytes - offset);
    const data = await read(offset, length);
    if (data.length !== length) throw new Rejected('youtube', 'the video file changed size since it was added to the library');
    const last = offset + length >= bytes;
    put = await call('youtube', session, {
      method: 'PUT', raw: data, write: last, timeoutMs: Math.max(o.timeoutMs, MIN_UPLOAD_MS, Math.ceil(length / 1000)),
      headers: { ...headers, 'content-type': type, 'content-range': `bytes ${offset}-${offset + length - 1}/${bytes}` },
    });
    if (put.status >= 400) throw o.error(put, last);
    if (put.status !== 308) break;
    // 308 Resume Incomplete: the Range header says how much arrived; go on from there.
    const got = /bytes=0-(\d+)/.exec(put.headers.get('range') ?? '');
    offset = got ? Number(got[1]) + 1 : 0;
  }
  if (!put || put.status === 308) throw new Temporary('youtube', 'the upload did not finish');
  const id = str(pick(put.body, 'id'));
  if (!id) throw new OutcomeUnknown('youtube', 'the upload finished without a video id; the video may exist');
  return { postId: id, permalink: `https://www.youtube.com/watch?v=${id}` };
}
