// The Facebook fake's media posts: /photos by `url` (published, or unpublished for attached_media), /videos
// by file_url, and feed posts that attach unpublished photos. Media URLs are downloaded like Facebook does.
import type { FakeRequest, FakeResponse } from '../fake-server.ts';
import type { FakeFbPage } from './fake.ts';

export interface FakeFbMedia {
  id: string;
  pageId: string;
  kind: 'photo' | 'video';
  url: string;
  published: boolean;
  caption: string | undefined;
  altText: string | undefined;
  /** The feed post it belongs to. */
  postId?: string;
}

const err = (code: number, message: string, extra: Record<string, unknown> = {}) => ({ error: { message, type: 'OAuthException', code, ...extra, fbtrace_id: 'AFakeFbMedia000000000' } });
const graphTime = () => new Date().toISOString().replace(/\.\d{3}Z$/, '+0000');

export class FakeFbMediaPosts {
  readonly media = new Map<string, FakeFbMedia>();
  readonly fetched: { url: string; status: number; contentType: string | null }[] = [];
  fetchMedia: (url: string) => Promise<Response> = (url) => fetch(url);
  private seq = 0;

  constructor(private readonly nextPostId: (page: FakeFbPage) => string) {}

  private async download(url: string | null, kind: 'photo' | 'video'): Promise<FakeResponse | undefined> {
    if (!url) return { status: 400, body: err(100, `(#100) ${kind === 'photo' ? 'url' : 'file_url'} is required`) };
    let status = 0;
    let type: string | null = null;
    try {
      const res = await this.fetchMedia(url);
      await res.arrayBuffer();
      status = res.status;
      type = res.headers.get('content-type');
    } catch {
      status = 0;
    }
    this.fetched.push({ url, status, contentType: type });
    if (status !== 200) return { status: 400, body: err(324, '(#324) Missing or invalid image file', { error_subcode: 2069019 }) };
    if (kind === 'photo' && !type?.startsWith('image/')) return { status: 400, body: err(324, '(#324) Requires upload file', { error_subcode: 2069019 }) };
    if (kind === 'video' && !type?.startsWith('video/')) return { status: 400, body: err(352, '(#352) Sorry, the video file you selected is in a format that we don\'t support.') };
    return undefined;
  }

  /** Handles /photos, /videos and feed posts with attached_media; undefined for anything else. */
  async handle(page: FakeFbPage, edge: string | undefined, r: FakeRequest): Promise<FakeResponse | undefined> {
    if (r.method !== 'POST') return undefined;
    const f = r.form();
    if (edge === 'feed' && !f.has('attached_media[0]')) return undefined;
    if (edge !== 'photos' && edge !== 'videos' && edge !== 'feed') return undefined;
    if (edge === 'feed') {
      const ids: string[] = [];
      for (let n = 0; f.has(`attached_media[${n}]`); n++) {
        const id = (JSON.parse(f.get(`attached_media[${n}]`) ?? '{}') as { media_fbid?: string }).media_fbid ?? '';
        const m = this.media.get(id);
        if (!m || m.pageId !== page.id || m.published) return { status: 400, body: err(100, `(#100) attached_media ${id} is not an unpublished photo of this Page`) };
        ids.push(id);
      }
      const postId = this.post(page, f.get('message') ?? undefined, 'added_photos');
      for (const id of ids) Object.assign(this.media.get(id) ?? {}, { published: true, postId });
      return { body: { id: postId } };
    }
    const kind = edge === 'photos' ? 'photo' : 'video';
    const url = f.get(kind === 'photo' ? 'url' : 'file_url');
    const refused = await this.download(url, kind);
    if (refused) return refused;
    const id = `${kind === 'photo' ? '1221' : '9911'}${String(++this.seq).padStart(11, '0')}`;
    const published = f.get('published') !== 'false';
    const caption = f.get(kind === 'photo' ? 'caption' : 'description') ?? undefined;
    const item: FakeFbMedia = { id, pageId: page.id, kind, url: url ?? '', published, caption, altText: f.get('alt_text_custom') ?? undefined };
    this.media.set(id, item);
    if (!published) return { body: { id } };
    item.postId = this.post(page, caption, kind === 'photo' ? 'added_photos' : 'added_video');
    return { body: kind === 'photo' ? { id, post_id: item.postId } : { id } };
  }

  private post(page: FakeFbPage, message: string | undefined, statusType: string): string {
    const id = this.nextPostId(page);
    page.posts.unshift({ id, ...(message === undefined ? {} : { message }), created_time: graphTime(), status_type: statusType, reactions: 0, comments: [] });
    return id;
  }
}
