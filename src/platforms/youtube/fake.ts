// A local fake of the YouTube Data API v3 and Google's OAuth endpoints, with a daily quota counter.
import { createHash } from 'node:crypto';
import { FakePlatform, FakeTokens, type FakeRequest, type FakeResponse } from '../fake-server.ts';

export interface FakeVideo {
  id: string;
  title: string;
  publishedAt: string;
  duration: string;
  views: number;
  likes?: number;
  comments?: number;
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

function seedChannels(): FakeChannel[] {
  return [
    {
      id: 'UCx1ExampleStdAgency000A', handle: 'examplestandards', title: 'Example Standards Agency', subscribers: 905, hidden: false, views: 412377, videoCount: 312,
      videos: [
        { id: 'dQ9x1ExAmPl', title: 'Hari Standar Dunia 2026', publishedAt: '2026-11-26T03:00:11Z', duration: 'PT4M12S', views: 1874, likes: 96, comments: 12 },
        { id: 'kL3m5ExAmPl', title: 'Cara membaca tanda SNI (Shorts)', publishedAt: '2026-11-24T08:30:00Z', duration: 'PT48S', views: 10233, likes: 411, comments: 27 },
        { id: 'pQ7r2ExAmPl', title: 'Webinar mutu: sertifikasi produk', publishedAt: '2026-11-20T06:00:00Z', duration: 'PT58M3S', views: 655 },
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

  grant(channelId = 'UCx1ExampleStdAgency000A', ttlSeconds = 3599): { accessToken: string; refreshToken: string } {
    return { accessToken: this.tokens.issue('access', channelId, ttlSeconds, 'ya29.'), refreshToken: this.tokens.issue('refresh', channelId, null, '1//') };
  }

  protected handle(r: FakeRequest): FakeResponse {
    if (r.path === '/o/oauth2/v2/auth') {
      const code = this.tokens.issue('code', this.channels[0]?.id ?? '', 600, '4/');
      this.challenges.set(code, r.query.get('code_challenge') ?? '');
      const to = new URL(r.query.get('redirect_uri') ?? 'http://invalid/');
      to.searchParams.set('state', r.query.get('state') ?? '');
      to.searchParams.set('code', code);
      return { redirect: to.toString() };
    }
    if (r.path === '/token') return this.token(r);
    const resource = r.path.replace(/^\/youtube\/v3\//, '');
    const keyed = r.headers['x-goog-api-key'] === FAKE_YT_KEY || r.query.get('key') === FAKE_YT_KEY;
    const who = keyed ? undefined : this.tokens.check(r.token, 'access');
    // Every request costs its unit, failed ones included.
    if (this.quotaLeft <= 0) return { status: 403, body: errorBody(403) };
    this.quotaLeft -= 1;
    this.unitsUsed += 1;
    if (!keyed && !who) return { status: 401, body: gErr(401, 'authError', 'Request had invalid authentication credentials.') };
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

  private token(r: FakeRequest): FakeResponse {
    const f = r.form();
    if (f.get('client_id') !== FAKE_GOOGLE_CLIENT.id || f.get('client_secret') !== FAKE_GOOGLE_CLIENT.secret) return { status: 401, body: { error: 'invalid_client', error_description: 'The OAuth client was not found.' } };
    const dead = { status: 400, body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' } };
    const scope = 'https://www.googleapis.com/auth/youtube.readonly https://www.googleapis.com/auth/youtube.upload';
    if (f.get('grant_type') === 'authorization_code') {
      const code = f.get('code') ?? '';
      const c = this.tokens.check(code, 'code');
      const challenge = createHash('sha256').update(f.get('code_verifier') ?? '').digest('base64url');
      if (!c || this.challenges.get(code) !== challenge) return dead;
      this.tokens.spend(code);
      const g = this.grant(c.subject);
      return { body: { access_token: g.accessToken, expires_in: 3599, refresh_token: g.refreshToken, scope, token_type: 'Bearer' } };
    }
    const t = this.tokens.check(f.get('refresh_token') ?? undefined, 'refresh');
    if (f.get('grant_type') !== 'refresh_token' || !t) return dead;
    return { body: { access_token: this.tokens.issue('access', t.subject, 3599, 'ya29.'), expires_in: 3599, scope, token_type: 'Bearer' } };
  }
}
