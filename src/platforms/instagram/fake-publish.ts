// The Instagram fake's content publishing: containers that download their media URL, a status that moves
// IN_PROGRESS -> FINISHED after a set number of reads, media_publish, and the rolling 24-hour cap.
import type { FakeRequest, FakeResponse } from '../fake-server.ts';
import type { FakeIgMedia, FakeIgUser } from './fake.ts';

type Status = 'IN_PROGRESS' | 'FINISHED' | 'PUBLISHED' | 'ERROR' | 'EXPIRED';

export interface FakeContainer {
  id: string;
  userId: string;
  kind: 'IMAGE' | 'REELS' | 'VIDEO' | 'CAROUSEL';
  caption: string | undefined;
  url: string | undefined;
  altText: string | undefined;
  children: string[];
  child: boolean;
  status: Status;
  /** Status reads left before FINISHED. */
  pollsLeft: number;
}

/** What a container's download of its media URL received. */
export interface FakeFetch {
  url: string;
  status: number;
  contentType: string | null;
  bytes: number;
}

const err = (code: number, subcode: number, message: string) => ({ error: { message, type: 'OAuthException', code, error_subcode: subcode, is_transient: false, fbtrace_id: 'AFakeIgPublish0000000' } });
const graphTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');

export class FakeIgPublishing {
  readonly containers = new Map<string, FakeContainer>();
  readonly fetched: FakeFetch[] = [];
  /** Ids of media made by media_publish, in order. */
  readonly publishedIds: string[] = [];
  /** Publish instants per IG user (ms), for the rolling cap. */
  readonly publishedAt = new Map<string, number[]>();
  quotaTotal = 100;
  /** Status reads a new container answers IN_PROGRESS before FINISHED. */
  pollsUntilFinished = 0;
  /** A container whose status should end this way instead (ERROR, EXPIRED) after its IN_PROGRESS reads. */
  endWith: Status | undefined;
  /** How the fake downloads media URLs (tests route it to the app in-process). */
  fetchMedia: (url: string) => Promise<Response> = (url) => fetch(url);
  private seq = 0;

  constructor(private readonly users: FakeIgUser[]) {}

  private usage(userId: string, now: number): number {
    const list = (this.publishedAt.get(userId) ?? []).filter((t) => t > now - 86_400_000);
    this.publishedAt.set(userId, list);
    return list.length;
  }

  /** Handles publishing paths; undefined for every other request. `subject` is the token's owner. */
  async handle(r: FakeRequest, subject: string, node: string, edge: string | undefined): Promise<FakeResponse | undefined> {
    const user = this.users.find((u) => u.id === node);
    const container = this.containers.get(node);
    const owned = (u: FakeIgUser | undefined) => u !== undefined && subject === `page:${u.pageId ?? ''}`;
    const denied: FakeResponse = { status: 400, body: { error: { message: '(#10) Application does not have permission for this action', type: 'OAuthException', code: 10, fbtrace_id: 'AFakeIgPublish0000000' } } };
    if (user && edge === 'content_publishing_limit' && r.method === 'GET') {
      if (!owned(user)) return denied;
      return { body: { data: [{ config: { quota_total: this.quotaTotal, quota_duration: 86400 }, quota_usage: this.usage(user.id, Date.now()) }] } };
    }
    if (user && edge === 'media' && r.method === 'POST') return owned(user) ? this.create(r, user) : denied;
    if (user && edge === 'media_publish' && r.method === 'POST') return owned(user) ? this.publish(r, user) : denied;
    const medium = !edge && r.method === 'GET' && this.publishedIds.includes(node) ? this.users.find((u) => u.media.some((m) => m.id === node)) : undefined;
    if (medium) return owned(medium) ? { body: { id: node, permalink: `https://www.instagram.com/p/${node.slice(-6)}/` } } : denied;
    if (container && !edge && r.method === 'GET') {
      if (!owned(this.users.find((u) => u.id === container.userId))) return denied;
      if (container.status === 'IN_PROGRESS') {
        if (container.pollsLeft > 0) container.pollsLeft -= 1;
        else container.status = this.endWith ?? 'FINISHED';
      }
      const status = container.status === 'ERROR' ? 'Error: Media upload has failed with error code 2207026' : container.status === 'FINISHED' ? 'Finished: Media has been uploaded and it is ready to be published.' : container.status;
      return { body: { id: container.id, status_code: container.status, status } };
    }
    return undefined;
  }

  private async create(r: FakeRequest, user: FakeIgUser): Promise<FakeResponse> {
    const f = r.form();
    const type = f.get('media_type');
    const child = f.get('is_carousel_item') === 'true';
    const url = f.get('image_url') ?? f.get('video_url') ?? undefined;
    const children = (f.get('children') ?? '').split(',').filter(Boolean);
    const kind: FakeContainer['kind'] = type === 'CAROUSEL' ? 'CAROUSEL' : type === 'REELS' ? 'REELS' : type === 'VIDEO' ? 'VIDEO' : 'IMAGE';
    if (kind === 'CAROUSEL') {
      if (children.length < 2 || children.length > 10 || children.some((c) => !this.containers.get(c)?.child)) return { status: 400, body: err(100, 2207028, 'The carousel is invalid: it needs 2 to 10 item containers') };
    } else {
      if (!url) return { status: 400, body: err(100, 2207001, 'The parameter image_url or video_url is required') };
      if ((kind === 'REELS' || kind === 'VIDEO') !== f.has('video_url')) return { status: 400, body: err(100, 2207001, 'video_url needs media_type REELS or VIDEO') };
      let got: FakeFetch;
      try {
        const res = await this.fetchMedia(url);
        const body = new Uint8Array(await res.arrayBuffer());
        got = { url, status: res.status, contentType: res.headers.get('content-type'), bytes: body.length };
      } catch {
        got = { url, status: 0, contentType: null, bytes: 0 };
      }
      this.fetched.push(got);
      if (got.status !== 200 || got.bytes === 0) return { status: 400, body: err(9004, 2207052, 'Media download has failed. The media URI doesn\'t meet our requirements.') };
      if (kind === 'IMAGE' && got.contentType !== 'image/jpeg') return { status: 400, body: err(36001, 2207005, 'The image format is not supported. Only JPEG is supported.') };
    }
    const id = `1789${String(++this.seq).padStart(13, '0')}`;
    this.containers.set(id, {
      id, userId: user.id, kind, caption: f.get('caption') ?? undefined, url, altText: f.get('alt_text') ?? undefined, children, child,
      status: 'IN_PROGRESS', pollsLeft: this.pollsUntilFinished,
    });
    return { body: { id } };
  }

  private publish(r: FakeRequest, user: FakeIgUser): FakeResponse {
    const id = r.form().get('creation_id') ?? r.query.get('creation_id') ?? '';
    const c = this.containers.get(id);
    if (!c || c.userId !== user.id || c.child) return { status: 400, body: err(24, 2207008, 'The media container does not exist or has expired') };
    if (c.status === 'PUBLISHED') return { status: 400, body: err(24, 2207006, 'The media has already been published') };
    if (c.status !== 'FINISHED') return { status: 400, body: err(9007, 2207027, 'Media ID is not available') };
    const now = Date.now();
    if (this.usage(user.id, now) >= this.quotaTotal) return { status: 400, body: err(9, 2207042, 'You have reached the maximum number of posts that is allowed to be published in 24 hours') };
    this.publishedAt.get(user.id)?.push(now);
    c.status = 'PUBLISHED';
    const mediaId = `1800${String(now).slice(-8)}${String(this.seq++).padStart(5, '0')}`;
    const medium: FakeIgMedia = {
      id: mediaId, ...(c.caption === undefined ? {} : { caption: c.caption }),
      media_type: c.kind === 'CAROUSEL' ? 'CAROUSEL_ALBUM' : c.kind === 'REELS' ? 'VIDEO' : 'IMAGE',
      media_product_type: c.kind === 'REELS' ? 'REELS' : 'FEED', timestamp: graphTime(now), like_count: 0, comments_count: 0,
    };
    user.media.unshift(medium);
    this.publishedIds.push(mediaId);
    user.media_count += 1;
    return { body: { id: mediaId } };
  }

  /** The media published through the API, oldest first. */
  published(): FakeIgMedia[] {
    return this.publishedIds.flatMap((id) => this.users.flatMap((u) => u.media.filter((m) => m.id === id)));
  }
}
