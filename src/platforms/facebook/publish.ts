// Publishing to a Facebook Page: text and link on the feed; one image as a photo post (`url`, which Facebook
// downloads); several images as unpublished photos then one feed post with attached_media; one video through
// /videos with file_url. Only the call that makes the post public is a write whose lost answer is OutcomeUnknown.
import { pick, str, type Answer, type CallOptions } from '../http.ts';
import { OutcomeUnknown, Rejected, type Published, type Variant, type VariantMedia } from '../types.ts';

export type Graph = (path: string, params: Record<string, string>, extra?: Partial<CallOptions>) => Promise<Answer>;

const MAX_PHOTOS = 10;

function urlOf(m: VariantMedia): string {
  if (m.url) return m.url;
  throw new Rejected('facebook', 'Facebook downloads media from a public address: set PUBLIC_URL to the address of this socialbench that Facebook can reach');
}

const postLink = (id: string): string | null => {
  const [pageId, postId] = id.split('_');
  return pageId && postId ? `https://www.facebook.com/${pageId}/posts/${postId}` : null;
};

/** What this publisher sends: images (GIFs as images) or one video, never both; each at a public URL. */
export function checkFacebookMedia(v: Variant): VariantMedia[] {
  const media = v.media ?? (v.mediaUrls ?? []).map((url): VariantMedia => ({ kind: 'image', mime: null, bytes: null, url }));
  const videos = media.filter((m) => m.kind === 'video');
  if (videos.length > 0 && media.length > 1) throw new Rejected('facebook', 'a Facebook post here takes one video on its own, or up to 10 images');
  if (media.length > MAX_PHOTOS) throw new Rejected('facebook', `a Facebook post here takes at most ${MAX_PHOTOS} images (this one has ${media.length})`);
  media.forEach(urlOf);
  return media;
}

function idOf(a: Answer, what: string): string {
  const id = str(pick(a.body, 'post_id')) ?? str(pick(a.body, 'id'));
  if (!id) throw new OutcomeUnknown('facebook', `${what} was answered without an id; it may have been published`);
  return id;
}

export async function publishFacebook(graph: Graph, pageId: string, v: Variant): Promise<Published> {
  const media = checkFacebookMedia(v);
  // A link goes in the text when media take the post's attachment.
  const message = media.length && v.link ? `${v.text}\n\n${v.link}` : v.text;
  if (media.length === 0) {
    const form: Record<string, string> = { message: v.text };
    if (v.link) form.link = v.link;
    const id = idOf(await graph(`${pageId}/feed`, {}, { method: 'POST', form, write: true }), 'the post');
    return { postId: id, permalink: postLink(id) };
  }
  const first = media[0] as VariantMedia;
  if (first.kind === 'video') {
    const id = idOf(await graph(`${pageId}/videos`, {}, { method: 'POST', form: { file_url: urlOf(first), description: message, ...(v.title ? { title: v.title } : {}) }, write: true }), 'the video');
    return { postId: id, permalink: `https://www.facebook.com/${pageId}/videos/${id}` };
  }
  if (media.length === 1) {
    const form: Record<string, string> = { url: urlOf(first), caption: message };
    if (first.altText) form.alt_text_custom = first.altText;
    const id = idOf(await graph(`${pageId}/photos`, {}, { method: 'POST', form, write: true }), 'the photo');
    return { postId: id, permalink: postLink(id) };
  }
  // Unpublished photos are invisible until the feed post attaches them: their lost answers are plain retries.
  const ids: string[] = [];
  for (const m of media) {
    const form: Record<string, string> = { url: urlOf(m), published: 'false' };
    if (m.altText) form.alt_text_custom = m.altText;
    const a = await graph(`${pageId}/photos`, {}, { method: 'POST', form });
    const id = str(pick(a.body, 'id'));
    if (!id) throw new Rejected('facebook', 'a photo was answered without an id');
    ids.push(id);
  }
  const form: Record<string, string> = { message };
  ids.forEach((id, n) => (form[`attached_media[${n}]`] = JSON.stringify({ media_fbid: id })));
  const id = idOf(await graph(`${pageId}/feed`, {}, { method: 'POST', form, write: true }), 'the post');
  return { postId: id, permalink: postLink(id) };
}
