// Instagram content publishing (Facebook Login path): check the 24-hour publishing cap, create a container
// (image, Reel, or a carousel of child containers) from public media URLs, poll until it is FINISHED, then
// media_publish. Only media_publish changes what the public sees; its lost answer is OutcomeUnknown.
import { inSeconds, list, num, pick, str, type Answer, type CallOptions } from '../http.ts';
import { OutcomeUnknown, RateLimited, Rejected, Temporary, type Published, type Variant, type VariantMedia } from '../types.ts';

export type Graph = (path: string, params: Record<string, string>, extra?: Partial<CallOptions>) => Promise<Answer>;

export interface PollOptions {
  /** Wait between status reads (the first read is at once). */
  pollMs: number;
  /** Reads before giving up on a container that stays IN_PROGRESS. */
  maxPolls: number;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_POLL: PollOptions = { pollMs: 5000, maxPolls: 24 };

const CAPTION_MAX = 2200;
const IMAGE_MAX_BYTES = 8 * 1024 * 1024;

function needUrl(m: VariantMedia): string {
  if (m.url) return m.url;
  throw new Rejected('instagram', 'Instagram downloads media from a public address: set PUBLIC_URL to the address of this socialbench that Instagram can reach');
}

/** What Instagram will refuse anyway, refused before any call with a reason a person can act on. */
export function checkInstagramVariant(v: Variant): VariantMedia[] {
  const media = v.media ?? (v.mediaUrls ?? []).map((url): VariantMedia => ({ kind: 'image', mime: null, bytes: null, url }));
  if (media.length === 0) throw new Rejected('instagram', 'an Instagram post needs an image or a video');
  if (media.length > 10) throw new Rejected('instagram', `a carousel takes at most 10 items (this post has ${media.length})`);
  if ([...v.text].length > CAPTION_MAX) throw new Rejected('instagram', `the caption is longer than ${CAPTION_MAX} characters`);
  for (const m of media) {
    if (m.kind === 'gif') throw new Rejected('instagram', 'Instagram does not take GIFs through the API; use a JPEG image or an MP4 video');
    if (m.kind === 'image' && m.mime !== null && m.mime !== 'image/jpeg') throw new Rejected('instagram', `Instagram takes JPEG images only (this one is ${m.mime})`);
    if (m.kind === 'image' && m.bytes !== null && m.bytes > IMAGE_MAX_BYTES) throw new Rejected('instagram', 'Instagram takes images up to 8 MB');
    if (m.kind === 'video' && media.length === 1 && m.mime !== null && !['video/mp4', 'video/quicktime'].includes(m.mime)) throw new Rejected('instagram', `Instagram takes MP4 or MOV videos (this one is ${m.mime})`);
    needUrl(m);
  }
  return media;
}

async function create(graph: Graph, igUser: string, form: Record<string, string>): Promise<string> {
  // Creating a container publishes nothing, so a lost answer here is a plain retry later.
  const a = await graph(`${igUser}/media`, {}, { method: 'POST', form });
  const id = str(pick(a.body, 'id'));
  if (!id) throw new Temporary('instagram', 'the container was answered without an id');
  return id;
}

function itemForm(m: VariantMedia, child: boolean): Record<string, string> {
  const url = needUrl(m);
  const f: Record<string, string> = m.kind === 'video' ? { media_type: child ? 'VIDEO' : 'REELS', video_url: url } : { image_url: url };
  if (m.kind === 'image' && m.altText) f.alt_text = m.altText.slice(0, 1000);
  if (child) f.is_carousel_item = 'true';
  return f;
}

/** Reads a container's status_code until FINISHED; bounded, and every other ending is typed. */
export async function waitFinished(graph: Graph, container: string, o: PollOptions): Promise<void> {
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let n = 0; n < o.maxPolls; n++) {
    if (n > 0) await sleep(o.pollMs);
    const a = await graph(container, { fields: 'status_code,status' });
    const code = str(pick(a.body, 'status_code'));
    const status = str(pick(a.body, 'status')) ?? '';
    if (code === 'FINISHED') return;
    if (code === 'ERROR') throw new Rejected('instagram', `Instagram could not process the media${status ? ` (${status})` : ''}`);
    if (code === 'EXPIRED') throw new Temporary('instagram', 'the media container expired before it was published; a new one is made next time');
    if (code === 'PUBLISHED') throw new Rejected('instagram', 'the media container was already published');
  }
  throw new Temporary('instagram', 'Instagram is still processing the media; it is tried again later');
}

/** The rolling 24-hour cap (100 posts): reached means RateLimited, checked before anything is created. */
export async function checkPublishingLimit(graph: Graph, igUser: string, now = Date.now()): Promise<void> {
  const a = await graph(`${igUser}/content_publishing_limit`, { fields: 'config,quota_usage' });
  const row = list(pick(a.body, 'data'))[0];
  const used = num(pick(row, 'quota_usage'));
  const total = num(pick(row, 'config', 'quota_total'));
  if (used !== null && total !== null && used >= total) {
    throw new RateLimited('instagram', `the account has published ${used} of ${total} posts allowed in 24 hours`, inSeconds(now, 3600), { code: 9, subcode: 2207042 });
  }
}

export async function publishInstagram(graph: Graph, igUser: string, variant: Variant, poll: PollOptions): Promise<Published> {
  const media = checkInstagramVariant(variant);
  await checkPublishingLimit(graph, igUser);
  let container: string;
  if (media.length === 1) {
    const only = media[0] as VariantMedia;
    container = await create(graph, igUser, { ...itemForm(only, false), caption: variant.text });
  } else {
    const children: string[] = [];
    for (const m of media) {
      const id = await create(graph, igUser, itemForm(m, true));
      if (m.kind === 'video') await waitFinished(graph, id, poll);
      children.push(id);
    }
    container = await create(graph, igUser, { media_type: 'CAROUSEL', children: children.join(','), caption: variant.text });
  }
  await waitFinished(graph, container, poll);
  let a: Answer;
  try {
    a = await graph(`${igUser}/media_publish`, {}, { method: 'POST', form: { creation_id: container }, write: true });
  } catch (err) {
    if (err instanceof OutcomeUnknown) throw new OutcomeUnknown('instagram', `${err.message.replace(/^instagram: /, '')} (container ${container})`, err.info);
    throw err;
  }
  const id = str(pick(a.body, 'id'));
  if (!id) throw new OutcomeUnknown('instagram', 'media_publish answered without a media id; it may have been published');
  // The permalink needs one more read; a failure there must not turn a published post into an error.
  let permalink: string | null = null;
  try {
    permalink = str(pick((await graph(id, { fields: 'permalink' })).body, 'permalink'));
  } catch {
    permalink = null;
  }
  return { postId: id, permalink };
}
