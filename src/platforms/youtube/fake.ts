// A local fake of the YouTube Data API v3 and Google's OAuth endpoints, with a daily quota counter;
// comment threads and replies for the inbox (comments.insert costs 50 units and needs force-ssl).
import { createHash } from 'node:crypto';
import { FakePlatform, FakeTokens, type FakeRequest, type FakeResponse } from '../fake-server.ts';
import { FakeYtUploads } from './fake-upload.ts';

export interface FakeVideo {
  id: string;
  title: string;
  publishedAt: string;
  duration: string;
  views: number;
  likes?: number;
  comments?: number;
  /** Newest first, as commentThreads.list answers by default. */
  threads?: FakeYtThread[];
  commentsDisabled?: boolean;
}

export interface FakeYtComment {
  id: string;
  /** The display name, which is the author's @handle. */
  author: string;
  authorChannelId: string;
  text: string;
  publishedAt: string;
}

/** A top-level comment and its replies, oldest first. */
export interface FakeYtThread {
  top: FakeYtComment;
  replies: FakeYtComment[];
}

export interface FakeChannel {
  id: string;
  handle: string;
  title: string;
  subscribers: number;
  hidden: boolean;
  views: number;
  videoCount: number;
  videos: FakeVideo[];
}

export const FAKE_GOOGLE_CLIENT = { id: 'fake-client.apps.googleusercontent.com', secret: 'fake-google-secret' };
export const FAKE_YT_KEY = 'AIzaFakeYoutubeApiKey000000000000000';
const SCOPES = 'https://www.googleapis.com/auth/youtube.readonly https://www.googleapis.com/auth/youtube.upload https://www.googleapis.com/auth/youtube.force-ssl';
const FORCE_SSL = 'https://www.googleapis.com/auth/youtube.force-ssl';
/** Threads carry at most this many of their replies; the rest come from comments.list. */
const EMBEDDED_REPLIES = 5;

const gErr = (code: number, reason: string, message: string, domain = 'global') => ({ error: { code, message, errors: [{ message, domain, reason }] } });

function errorBody(status: number): unknown {
  if (status === 403) return gErr(403, 'quotaExceeded', 'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.', 'youtube.quota');
  if (status === 401) return gErr(401, 'authError', 'Invalid Credentials');
  if (status === 429) return gErr(429, 'rateLimitExceeded', 'The request cannot be completed because you have exceeded your quota per minute or per user.', 'usageLimits');
  if (status >= 500) return gErr(status, 'backendError', 'Backend Error');
  return gErr(400, 'invalidParameter', 'Invalid parameter');
}

/** YouTube shows subscriber counts above 1,000 rounded to three significant figures. */
function rounded(n: number): number {
  if (n < 1000) return n;
  const f = 10 ** (Math.floor(Math.log10(n)) - 2);
  return Math.floor(n / f) * f;
}

const yc = (id: string, author: string, text: string, publishedAt: string, authorChannelId = `UCv${id.slice(-21).padStart(21, '0')}`): FakeYtComment => ({ id, author, authorChannelId, text, publishedAt });

function seedThreads(): FakeYtThread[] {
  const q = 'UgzA1bSnIQuestion01AaABAg';
  const t = 'UgzB2SniThanks0002AaABAg';
  return [
    { top: yc(t, '@ibu_rina', 'Terima kasih infonya, sangat membantu', '2026-11-26T08:00:00Z'), replies: ['setuju', 'mantap', 'bermanfaat', 'terima kasih', 'keren', 'lanjutkan'].map((w, i) => yc(`${t}.9Rp${i}`, `@penonton${i + 1}`, `${w[0]?.toUpperCase() ?? ''}${w.slice(1)}!`, `2026-11-26T09:0${i}:00Z`)) },
    { top: yc(q, '@wargasni', 'Apakah webinar ini ada rekamannya?', '2026-11-26T05:00:00Z'), replies: [yc(`${q}.9RpOwn01`, '@examplestandards', 'Ada, tautannya di deskripsi.', '2026-11-26T06:00:00Z', 'UCx1ExampleStdAgency000A')] },
  ];
}

function seedChannels(): FakeChannel[] {
  return [
    {
      id: 'UCx1ExampleStdAgency000A', handle: 'examplestandards', title: 'Example Standards Agency', subscribers: 905, hidden: false, views: 412377, videoCount: 312,
      videos: [
        { id: 'dQ9x1ExAmPl', title: 'Hari Standar Dunia 2026', publishedAt: '2026-11-26T03:00:11Z', duration: 'PT4M12S', views: 1874, likes: 96, comments: 12, threads: seedThreads() },
        {
          id: 'kL3m5ExAmPl', title: 'Cara membaca tanda SNI (Shorts)', publishedAt: '2026-11-24T08:30:00Z', duration: 'PT48S', views: 10233, likes: 411, comments: 27,
          threads: [{ top: yc('UgzC3HelmQuestion03AaABAg', '@ojol_jkt', 'Helm ber-SNI belinya di mana?', '2026-11-24T09:00:00Z'), replies: [] }],
        },
        { id: 'pQ7r2ExAmPl', title: 'Webinar mutu: sertifikasi produk', publishedAt: '2026-11-20T06:00:00Z', duration: 'PT58M3S', views: 655, commentsDisabled: true },
      ],
    },
    {
      id: 'UCy2ExamplePeerBody00000B', handle: 'peerbody', title: 'Peer Standards Body', subscribers: 123456, hidden: false, views: 5120333, videoCount: 1044,
      videos: [{ id: 'aB1peerVid1', title: 'What is a standard?', publishedAt: '2026-11-21T10:00:00Z', duration: 'PT2M', views: 40210, likes: 800, comments: 31 }],
    },
  ];
}

export class FakeYoutube extends FakePlatform {
  constructor() {
    super(errorBody);
  }

  readonly tokens = new FakeTokens();
  readonly channels = seedChannels();
  /** Units left today; 0 answers quotaExceeded. */
  quotaLeft = 10_000;
  unitsUsed = 0;
  private readonly challenges = new Map<string, string>();
  /** The scopes each code, refresh token and access token carries. */
  private readonly scopes = new Map<string, string>();
  private seq = 0;
  /** Resumable uploads (fake-upload.ts). */
  readonly uploads = new FakeYtUploads(this.channels, () => this.url);

  grant(channelId = 'UCx1ExampleStdAgency000A', ttlSeconds = 3599, scope = SCOPES): { accessToken: string; refreshToken: string } {
    const g = { accessToken: this.tokens.issue('access', channelId, ttlSeconds, 'ya29.'), refreshToken: this.tokens.issue('refresh', channelId, null, '1//') };
    this.scopes.set(g.accessToken, scope);
    this.scopes.set(g.refreshToken, scope);
    return g;
  }

  protected handle(r: FakeRequest): FakeResponse {
    if (r.path === '/o/oauth2/v2/auth') {
      const code = this.tokens.issue('code', this.channels[0]?.id ?? '', 600, '4/');
      this.challenges.set(code, r.query.get('code_challenge') ?? '');
      this.scopes.set(code, r.query.get('scope') ?? '');
      const to = new URL(r.query.get('redirect_uri') ?? 'http://invalid/');
      to.searchParams.set('state', r.query.get('state') ?? '');
      to.searchParams.set('code', code);
      return { redirect: to.toString() };
    }
    if (r.path === '/token') return this.token(r);
    if (r.path === '/upload/youtube/v3/videos') return this.uploads.handle(r, this.tokens.check(r.token, 'access')?.subject, this.scopes.get(r.token ?? '') ?? '');
    const resource = r.path.replace(/^\/youtube\/v3\//, '');
    const keyed = r.headers['x-goog-api-key'] === FAKE_YT_KEY || r.query.get('key') === FAKE_YT_KEY;
    const who = keyed ? undefined : this.tokens.check(r.token, 'access');
    // Every request costs its units, failed ones included.
    const cost = resource === 'comments' && r.method === 'POST' ? 50 : 1;
    if (this.quotaLeft < cost) return { status: 403, body: errorBody(403) };
    this.quotaLeft -= cost;
    this.unitsUsed += cost;
    if (!keyed && !who) return { status: 401, body: gErr(401, 'authError', 'Request had invalid authentication credentials.') };
    if (resource === 'commentThreads' && r.method === 'GET') return this.threadList(r);
    if (resource === 'comments' && r.method === 'GET') return this.replyList(r);
    if (resource === 'comments' && r.method === 'POST') {
      if (!who) return { status: 401, body: gErr(401, 'required', 'Login Required.') };
      if (!(this.scopes.get(r.token ?? '') ?? '').split(' ').includes(FORCE_SSL)) return { status: 403, body: gErr(403, 'insufficientPermissions', 'Request had insufficient authentication scopes.') };
      return this.insertReply(r, who.subject);
    }
    if (resource === 'channels') return this.channelList(r, who?.subject);
    if (resource === 'playlistItems') return this.playlist(r);
    if (resource === 'videos') {
      const ids = (r.query.get('id') ?? '').split(',');
      const items = this.channels.flatMap((c) => c.videos).filter((v) => ids.includes(v.id)).map((v) => ({
        kind: 'youtube#video', etag: `e${v.id}`, id: v.id,
        snippet: { publishedAt: v.publishedAt, channelId: this.channels.find((c) => c.videos.includes(v))?.id, title: v.title, description: '' },
        contentDetails: { duration: v.duration },
        statistics: { viewCount: String(v.views), ...(v.likes === undefined ? {} : { likeCount: String(v.likes) }), favoriteCount: '0', ...(v.comments === undefined ? {} : { commentCount: String(v.comments) }) },
      }));
      return { body: { kind: 'youtube#videoListResponse', etag: 'vl', items, pageInfo: { totalResults: items.length, resultsPerPage: items.length } } };
    }
    return { status: 404, body: gErr(404, 'notFound', `no resource ${resource}`) };
  }

  private channelList(r: FakeRequest, subject: string | undefined): FakeResponse {
    const q = r.query;
    const filters = ['id', 'forHandle', 'mine', 'forUsername'].filter((f) => q.has(f));
    if (filters.length !== 1) return { status: 400, body: gErr(400, 'missingRequiredParameter', 'No filter selected. Expected one of: forUsername, id, idParam, mine, mySubscribers, forHandle, managedByMe, categoryId, hl', 'youtube.parameter') };
    const handle = (q.get('forHandle') ?? '').replace(/^@/, '').toLowerCase();
    const c = this.channels.find((x) => (q.get('mine') === 'true' ? x.id === subject : x.id === q.get('id') || x.handle === handle));
    const parts = (q.get('part') ?? '').split(',');
    const base = { kind: 'youtube#channelListResponse', etag: 'cl', pageInfo: { totalResults: c ? 1 : 0, resultsPerPage: 5 } };
    if (!c) return { body: base };
    const item: Record<string, unknown> = { kind: 'youtube#channel', etag: `e${c.id}`, id: c.id };
    if (parts.includes('snippet')) item.snippet = { title: c.title, description: '', customUrl: `@${c.handle}`, publishedAt: '2014-05-20T03:12:45Z' };
    if (parts.includes('contentDetails')) item.contentDetails = { relatedPlaylists: { likes: '', uploads: `UU${c.id.slice(2)}` } };
    if (parts.includes('statistics')) item.statistics = { viewCount: String(c.views), subscriberCount: c.hidden ? '0' : String(rounded(c.subscribers)), hiddenSubscriberCount: c.hidden, videoCount: String(c.videoCount) };
    return { body: { ...base, items: [item] } };
  }

  private playlist(r: FakeRequest): FakeResponse {
    const max = Number(r.query.get('maxResults') ?? 5);
    if (!(max >= 0 && max <= 50)) return { status: 400, body: gErr(400, 'invalidParameter', 'maxResults must be between 0 and 50', 'youtube.parameter') };
    const c = this.channels.find((x) => `UU${x.id.slice(2)}` === r.query.get('playlistId'));
    if (!c) return { status: 404, body: gErr(404, 'playlistNotFound', "The playlist identified with the request's <code>playlistId</code> parameter cannot be found.", 'youtube.playlistItem') };
    const start = Number(r.query.get('pageToken')?.replace(/^PT/, '') ?? 0);
    const slice = c.videos.slice(start, start + max);
    const items = slice.map((v, i) => ({ kind: 'youtube#playlistItem', id: `pi${v.id}`, snippet: { publishedAt: v.publishedAt, title: v.title, position: start + i, resourceId: { kind: 'youtube#video', videoId: v.id } }, contentDetails: { videoId: v.id, videoPublishedAt: v.publishedAt } }));
    return { body: { kind: 'youtube#playlistItemListResponse', etag: 'pl', ...(start + max < c.videos.length ? { nextPageToken: `PT${start + max}` } : {}), items, pageInfo: { totalResults: c.videos.length, resultsPerPage: max } } };
  }

  private video(id: string | null): FakeVideo | undefined {
    return this.channels.flatMap((c) => c.videos).find((v) => v.id === id);
  }

  private channelOf(v: FakeVideo): string {
    return this.channels.find((c) => c.videos.includes(v))?.id ?? '';
  }

  private thread(topId: string | null): { video: FakeVideo; thread: FakeYtThread } | undefined {
    for (const video of this.channels.flatMap((c) => c.videos)) {
      const thread = video.threads?.find((t) => t.top.id === topId);
      if (thread) return { video, thread };
    }
    return undefined;
  }

  private threadList(r: FakeRequest): FakeResponse {
    const q = r.query;
    if (['videoId', 'allThreadsRelatedToChannelId', 'id'].filter((f) => q.has(f)).length !== 1) return { status: 400, body: gErr(400, 'missingRequiredParameter', 'No filter selected. Expected one of: videoId, allThreadsRelatedToChannelId, id', 'youtube.parameter') };
    const max = Number(q.get('maxResults') ?? 20);
    if (!(max >= 1 && max <= 100)) return { status: 400, body: gErr(400, 'invalidParameter', 'maxResults must be between 1 and 100', 'youtube.parameter') };
    let threads: [FakeVideo, FakeYtThread][];
    if (q.has('videoId')) {
      const v = this.video(q.get('videoId'));
      if (!v) return { status: 404, body: gErr(404, 'videoNotFound', 'The video identified by the <code><a href="/youtube/v3/docs/commentThreads/list#videoId">videoId</a></code> parameter could not be found.', 'youtube.commentThread') };
      if (v.commentsDisabled) return { status: 403, body: gErr(403, 'commentsDisabled', 'The video identified by the <code><a href="/youtube/v3/docs/commentThreads/list#videoId">videoId</a></code> parameter has disabled comments.', 'youtube.commentThread') };
      threads = (v.threads ?? []).map((t) => [v, t]);
    } else if (q.has('allThreadsRelatedToChannelId')) {
      const c = this.channels.find((x) => x.id === q.get('allThreadsRelatedToChannelId'));
      if (!c) return { status: 404, body: gErr(404, 'channelNotFound', 'The channel could not be found.', 'youtube.commentThread') };
      threads = c.videos.flatMap((v) => (v.threads ?? []).map((t): [FakeVideo, FakeYtThread] => [v, t])).sort((a, b) => b[1].top.publishedAt.localeCompare(a[1].top.publishedAt));
    } else {
      const ids = (q.get('id') ?? '').split(',');
      threads = this.channels.flatMap((c) => c.videos).flatMap((v) => (v.threads ?? []).filter((t) => ids.includes(t.top.id)).map((t): [FakeVideo, FakeYtThread] => [v, t]));
    }
    const start = Number(q.get('pageToken')?.replace(/^CT/, '') ?? 0);
    const slice = threads.slice(start, start + max);
    const withReplies = (q.get('part') ?? '').split(',').includes('replies');
    const html = q.get('textFormat') !== 'plainText';
    const items = slice.map(([v, t]) => ({
      kind: 'youtube#commentThread', etag: `t${t.top.id}`, id: t.top.id,
      snippet: { channelId: this.channelOf(v), videoId: v.id, topLevelComment: commentJson(t.top, this.channelOf(v), html, null), canReply: true, totalReplyCount: t.replies.length, isPublic: true },
      ...(withReplies && t.replies.length > 0 ? { replies: { comments: t.replies.slice(-EMBEDDED_REPLIES).map((x) => commentJson(x, this.channelOf(v), html, t.top.id)) } } : {}),
    }));
    const next = start + max < threads.length ? { nextPageToken: `CT${start + max}` } : {};
    return { body: { kind: 'youtube#commentThreadListResponse', etag: 'ctl', ...next, pageInfo: { totalResults: slice.length, resultsPerPage: max }, items } };
  }

  /** comments.list by parentId: a thread's replies, oldest first. */
  private replyList(r: FakeRequest): FakeResponse {
    const q = r.query;
    if (!q.has('parentId')) return { status: 400, body: gErr(400, 'missingRequiredParameter', 'No filter selected. Expected one of: parentId, id', 'youtube.parameter') };
    const max = Number(q.get('maxResults') ?? 20);
    if (!(max >= 1 && max <= 100)) return { status: 400, body: gErr(400, 'invalidParameter', 'maxResults must be between 1 and 100', 'youtube.parameter') };
    const found = this.thread(q.get('parentId'));
    if (!found) return { status: 404, body: gErr(404, 'commentNotFound', 'The comment identified by the <code>parentId</code> parameter could not be found.', 'youtube.comment') };
    const start = Number(q.get('pageToken')?.replace(/^CR/, '') ?? 0);
    const channel = this.channelOf(found.video);
    const items = found.thread.replies.slice(start, start + max).map((x) => commentJson(x, channel, q.get('textFormat') !== 'plainText', found.thread.top.id));
    const next = start + max < found.thread.replies.length ? { nextPageToken: `CR${start + max}` } : {};
    return { body: { kind: 'youtube#commentListResponse', etag: 'cml', ...next, pageInfo: { totalResults: items.length, resultsPerPage: max }, items } };
  }

  /** comments.insert: a reply under a top-level comment, written by the token's channel. */
  private insertReply(r: FakeRequest, subject: string): FakeResponse {
    if (r.query.get('part') !== 'snippet') return { status: 400, body: gErr(400, 'missingRequiredParameter', 'No part selected. Expected: snippet', 'youtube.parameter') };
    const body = r.json();
    const snippet = body && typeof body === 'object' ? (body as { snippet?: { parentId?: unknown; textOriginal?: unknown } }).snippet : undefined;
    const text = typeof snippet?.textOriginal === 'string' ? snippet.textOriginal : '';
    if (!text.trim()) return { status: 400, body: gErr(400, 'commentTextRequired', 'The comment resource that is being inserted must specify a value for the <code>snippet.textOriginal</code> property.', 'youtube.comment') };
    if (text.length > 10_000) return { status: 400, body: gErr(400, 'commentTextTooLong', 'The comment resource that is being inserted contains too many characters in the <code>snippet.textOriginal</code> property.', 'youtube.comment') };
    const found = this.thread(typeof snippet?.parentId === 'string' ? snippet.parentId : null);
    if (!found) return { status: 404, body: gErr(404, 'parentCommentNotFound', 'The specified parent comment could not be found.', 'youtube.comment') };
    const handle = this.channels.find((c) => c.id === subject)?.handle ?? 'channel';
    const c = yc(`${found.thread.top.id}.9Rq${String(++this.seq).padStart(4, '0')}`, `@${handle}`, text, new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), subject);
    found.thread.replies.push(c);
    found.video.comments = (found.video.comments ?? 0) + 1;
    return { body: commentJson(c, this.channelOf(found.video), false, found.thread.top.id) };
  }

  private token(r: FakeRequest): FakeResponse {
    const f = r.form();
    if (f.get('client_id') !== FAKE_GOOGLE_CLIENT.id || f.get('client_secret') !== FAKE_GOOGLE_CLIENT.secret) return { status: 401, body: { error: 'invalid_client', error_description: 'The OAuth client was not found.' } };
    const dead = { status: 400, body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' } };
    if (f.get('grant_type') === 'authorization_code') {
      const code = f.get('code') ?? '';
      const c = this.tokens.check(code, 'code');
      const challenge = createHash('sha256').update(f.get('code_verifier') ?? '').digest('base64url');
      if (!c || this.challenges.get(code) !== challenge) return dead;
      this.tokens.spend(code);
      const scope = this.scopes.get(code) ?? '';
      const g = this.grant(c.subject, 3599, scope);
      return { body: { access_token: g.accessToken, expires_in: 3599, refresh_token: g.refreshToken, scope, token_type: 'Bearer' } };
    }
    const refresh = f.get('refresh_token') ?? undefined;
    const t = this.tokens.check(refresh, 'refresh');
    if (f.get('grant_type') !== 'refresh_token' || !t) return dead;
    const scope = this.scopes.get(refresh ?? '') ?? '';
    const access = this.tokens.issue('access', t.subject, 3599, 'ya29.');
    this.scopes.set(access, scope);
    return { body: { access_token: access, expires_in: 3599, scope, token_type: 'Bearer' } };
  }
}

const escapeHtml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** A comment resource; textFormat=html (the default) escapes the text and turns line breaks into <br>. */
function commentJson(x: FakeYtComment, channelId: string, html: boolean, parentId: string | null): Record<string, unknown> {
  return {
    kind: 'youtube#comment', etag: `c${x.id}`, id: x.id,
    snippet: {
      channelId, textDisplay: html ? escapeHtml(x.text).replace(/\n/g, '<br>') : x.text, textOriginal: x.text, ...(parentId ? { parentId } : {}),
      authorDisplayName: x.author, authorProfileImageUrl: 'https://yt3.ggpht.example/a/default-user=s48', authorChannelUrl: `http://www.youtube.com/${x.author}`,
      authorChannelId: { value: x.authorChannelId }, canRate: true, viewerRating: 'none', likeCount: 0, publishedAt: x.publishedAt, updatedAt: x.publishedAt,
    },
  };
}
