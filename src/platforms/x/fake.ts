// A local fake of the X API v2: OAuth 2 with PKCE and rotating refresh tokens, users, timelines, posting.
import { createHash } from 'node:crypto';
import { FakePlatform, FakeTokens, type FakeRequest, type FakeResponse } from '../fake-server.ts';
import { FakeXMediaUploads } from './fake-media.ts';

export interface FakeTweet {
  id: string;
  text: string;
  created_at: string;
  metrics: { retweet_count: number; reply_count: number; like_count: number; quote_count: number; bookmark_count: number; impression_count: number };
  media?: 'photo' | 'video';
  in_reply_to?: string;
}

export interface FakeXUser {
  id: string;
  username: string;
  name: string;
  followers_count: number;
  following_count: number;
  tweet_count: number;
  tweets: FakeTweet[];
}

export const FAKE_X_CLIENT = { id: 'fake-x-client-id', secret: 'fake-x-client-secret' };
export const FAKE_X_BEARER = 'AAAAAAAAAAAAAAAAAAAAAFakeXAppBearerToken0001';

const problem = (status: number, title: string, detail: string, type = 'about:blank') => ({ title, detail, type, status });

function errorBody(status: number): unknown {
  if (status === 429) return problem(429, 'Too Many Requests', 'Too Many Requests');
  if (status === 401) return problem(401, 'Unauthorized', 'Unauthorized');
  if (status === 403) return problem(403, 'Forbidden', 'You are not permitted to perform this action.');
  if (status >= 500) return problem(status, 'Service Unavailable', 'Service Unavailable');
  return { errors: [{ message: 'invalid request' }], title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.', type: 'https://api.twitter.com/2/problems/invalid-request' };
}

const tweet = (id: string, text: string, at: string, m: [number, number, number, number, number, number], media?: 'photo' | 'video'): FakeTweet => ({
  id, text, created_at: at, metrics: { retweet_count: m[0], reply_count: m[1], like_count: m[2], quote_count: m[3], bookmark_count: m[4], impression_count: m[5] }, ...(media ? { media } : {}),
});

function seedUsers(): FakeXUser[] {
  return [
    {
      id: '1234567890123456789', username: 'example_std', name: 'Example Standards Agency', followers_count: 13300, following_count: 512, tweet_count: 20311,
      tweets: [
        tweet('1993871234567890123', 'Selamat Hari Standar Dunia! Yuk kenali standar di sekitar kita 👇 https://t.co/AbCdEf1234', '2026-11-26T03:00:05.000Z', [41, 6, 188, 3, 12, 9321], 'photo'),
        tweet('1993101234567890456', 'Kuis SNIzen: apa arti tanda SNI pada helm? Jawab di reply ya!', '2026-11-24T02:15:44.000Z', [12, 57, 96, 1, 2, 5510]),
        tweet('1992331234567890789', 'Webinar mutu hari ini pukul 13.00 WIB. Daftar: https://t.co/XyZ9876543', '2026-11-22T01:30:00.000Z', [8, 1, 33, 0, 4, 2874]),
        tweet('1991561234567890111', 'Infografis: 5 langkah sertifikasi produk ber-SNI 📊 https://t.co/Qw3rTy5678', '2026-11-19T09:12:30.000Z', [25, 3, 140, 2, 19, 7102], 'video'),
        tweet('1990791234567890222', 'Kunjungi stan kami di pameran mutu nasional!', '2026-11-17T01:00:02.000Z', [4, 0, 21, 0, 0, 1650]),
      ],
    },
    { id: '98765432', username: 'peer_std', name: 'Peer Standards Body', followers_count: 58210, following_count: 301, tweet_count: 9120, tweets: [] },
  ];
}

export class FakeX extends FakePlatform {
  constructor() {
    super(errorBody);
  }

  readonly tokens = new FakeTokens();
  readonly users = seedUsers();
  /** Calls left in the current 15-minute window, per endpoint family; 0 answers 429. */
  readonly remaining = new Map<string, number>();
  private readonly challenges = new Map<string, { challenge: string; redirectUri: string }>();
  private seq = 0;
  /** v2 media uploads (fake-media.ts). */
  readonly uploads = new FakeXMediaUploads();

  /** Tokens as a finished connect of @username would have left them. */
  grant(username = 'example_std', ttlSeconds = 7200): { accessToken: string; refreshToken: string } {
    const id = this.user(username)?.id ?? '0';
    return { accessToken: this.tokens.issue('access', id, ttlSeconds), refreshToken: this.tokens.issue('refresh', id, null) };
  }

  user(usernameOrId: string): FakeXUser | undefined {
    return this.users.find((u) => u.id === usernameOrId || u.username.toLowerCase() === usernameOrId.toLowerCase());
  }

  protected async handle(r: FakeRequest): Promise<FakeResponse> {
    if (r.path === '/i/oauth2/authorize') {
      const code = this.tokens.issue('code', this.users[0]?.id ?? '0', 600);
      this.challenges.set(code, { challenge: r.query.get('code_challenge') ?? '', redirectUri: r.query.get('redirect_uri') ?? '' });
      const to = new URL(r.query.get('redirect_uri') ?? 'http://invalid/');
      to.searchParams.set('state', r.query.get('state') ?? '');
      to.searchParams.set('code', code);
      return { redirect: to.toString() };
    }
    if (r.path === '/2/oauth2/token' && r.method === 'POST') return this.token(r);
    const family = r.path.replace(/\d+/g, ':id');
    const left = this.remaining.get(family) ?? 300;
    const reset = String(Math.floor(Date.now() / 1000) + 900);
    if (left <= 0) return { status: 429, headers: { 'x-rate-limit-limit': '300', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': reset, 'content-type': 'application/problem+json' }, body: errorBody(429) };
    this.remaining.set(family, left - 1);
    const headers = { 'x-rate-limit-limit': '300', 'x-rate-limit-remaining': String(left - 1), 'x-rate-limit-reset': reset };
    const app = r.token === FAKE_X_BEARER;
    const me = app ? undefined : this.tokens.check(r.token, 'access');
    if (!app && !me) return { status: 401, headers, body: errorBody(401) };
    const parts = r.path.split('/').filter(Boolean).map(decodeURIComponent);
    if (r.path === '/2/users/me') return me ? { headers, body: { data: this.userJson(this.user(me.subject)) } } : { status: 403, body: errorBody(403) };
    if (parts[1] === 'users' && (parts[2] === 'by' || parts.length === 3)) {
      const key = parts[2] === 'by' ? (parts[4] ?? '') : (parts[2] ?? '');
      const u = this.user(key);
      if (!u) return { headers, body: { errors: [{ value: key, detail: `Could not find user with username: [${key}].`, title: 'Not Found Error', resource_type: 'user', parameter: 'username', resource_id: key, type: 'https://api.twitter.com/2/problems/resource-not-found' }] } };
      return { headers, body: { data: this.userJson(u) } };
    }
    if (parts[1] === 'users' && parts[3] === 'tweets') return { headers, body: this.timeline(this.user(parts[2] ?? '')?.tweets ?? [], r) };
    if (parts[1] === 'users' && parts[3] === 'mentions') {
      const mentions = this.users.flatMap((u) => u.tweets.filter((t) => t.in_reply_to !== undefined && u.id !== parts[2]));
      return { headers, body: this.timeline(mentions, r) };
    }
    if (parts[1] === 'media') {
      const answer = me ? await this.uploads.handle(r, me.subject) : { status: 403, body: errorBody(403) };
      if (answer) return answer;
    }
    if (r.path === '/2/tweets' && r.method === 'POST') return me ? this.post(me.subject, r) : { status: 403, body: errorBody(403) };
    return { status: 404, body: problem(404, 'Not Found', `no route ${r.method} ${r.path}`) };
  }

  private userJson(u: FakeXUser | undefined): unknown {
    if (!u) return undefined;
    return { id: u.id, name: u.name, username: u.username, public_metrics: { followers_count: u.followers_count, following_count: u.following_count, tweet_count: u.tweet_count, listed_count: 71, like_count: 4302, media_count: 3377 } };
  }

  private token(r: FakeRequest): FakeResponse {
    if (r.headers.authorization !== `Basic ${Buffer.from(`${FAKE_X_CLIENT.id}:${FAKE_X_CLIENT.secret}`).toString('base64')}`) return { status: 401, body: { error: 'invalid_client', error_description: 'Missing valid authorization header' } };
    const f = r.form();
    const invalid = { status: 400, body: { error: 'invalid_request', error_description: 'Value passed for the token was invalid.' } };
    let subject: string;
    if (f.get('grant_type') === 'authorization_code') {
      const code = f.get('code') ?? '';
      const c = this.tokens.check(code, 'code');
      const pkce = this.challenges.get(code);
      const verifier = createHash('sha256').update(f.get('code_verifier') ?? '').digest('base64url');
      if (!c || !pkce || pkce.challenge !== verifier || pkce.redirectUri !== f.get('redirect_uri')) return invalid;
      this.tokens.spend(code);
      subject = c.subject;
    } else if (f.get('grant_type') === 'refresh_token') {
      const old = f.get('refresh_token') ?? '';
      const t = this.tokens.check(old, 'refresh');
      if (!t) return invalid;
      this.tokens.spend(old); // rotation: the old refresh token stops working
      subject = t.subject;
    } else return invalid;
    return { body: { token_type: 'bearer', expires_in: 7200, access_token: this.tokens.issue('access', subject, 7200), scope: 'tweet.write users.read tweet.read offline.access', refresh_token: this.tokens.issue('refresh', subject, null) } };
  }

  private timeline(tweets: FakeTweet[], r: FakeRequest): unknown {
    const max = Number(r.query.get('max_results') ?? 10);
    if (!(max >= 5 && max <= 100)) return { errors: [{ parameters: { max_results: [String(max)] }, message: `The \`max_results\` query parameter value [${max}] is not between 5 and 100` }], title: 'Invalid Request', type: 'https://api.twitter.com/2/problems/invalid-request' };
    const start = Number(r.query.get('pagination_token') ?? 0);
    const slice = tweets.slice(start, start + max);
    if (slice.length === 0) return { meta: { result_count: 0 } };
    const media = slice.filter((t) => t.media).map((t) => ({ media_key: `3_${t.id}`, type: t.media }));
    return {
      data: slice.map((t) => ({ id: t.id, text: t.text, edit_history_tweet_ids: [t.id], created_at: t.created_at, author_id: this.users.find((u) => u.tweets.includes(t))?.id, public_metrics: t.metrics, ...(t.media ? { attachments: { media_keys: [`3_${t.id}`] } } : {}) })),
      ...(media.length || r.query.get('expansions')?.includes('author_id') ? { includes: { ...(media.length ? { media } : {}), ...this.authors(slice, r) } } : {}),
      meta: { result_count: slice.length, newest_id: slice[0]?.id, oldest_id: slice[slice.length - 1]?.id, ...(start + max < tweets.length ? { next_token: String(start + max) } : {}) },
    };
  }

  /** includes.users for expansions=author_id. */
  private authors(tweets: FakeTweet[], r: FakeRequest): { users?: unknown[] } {
    if (!r.query.get('expansions')?.includes('author_id')) return {};
    const users = this.users.filter((u) => tweets.some((t) => u.tweets.includes(t)));
    return { users: users.map((u) => ({ id: u.id, name: u.name, username: u.username })) };
  }

  private post(userId: string, r: FakeRequest): FakeResponse {
    const user = this.user(userId);
    const body = r.json() as { text?: string; reply?: { in_reply_to_tweet_id?: string }; media?: { media_ids?: string[] } } | undefined;
    const text = body?.text ?? '';
    if (!user) return { status: 403, body: errorBody(403) };
    if ([...text].length > 280) return { status: 400, body: { errors: [{ message: 'Your Tweet text is too long. For more information on how Twitter determines text length see https://github.com/twitter/twitter-text.' }], title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.', type: 'https://api.twitter.com/2/problems/invalid-request' } };
    if (user.tweets.some((t) => t.text === text)) return { status: 403, body: problem(403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.') };
    const id = String(1994200000000000000n + BigInt(++this.seq));
    const ids = body?.media?.media_ids ?? [];
    const media = ids.length ? this.uploads.attach(ids, userId, id) : undefined;
    if (media !== undefined && media !== 'photo' && media !== 'video') return { status: 400, body: { errors: [{ message: media }], title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.', type: 'https://api.twitter.com/2/problems/invalid-request' } };
    user.tweets.unshift({ id, text, ...(media ? { media } : {}), created_at: new Date().toISOString(), metrics: { retweet_count: 0, reply_count: 0, like_count: 0, quote_count: 0, bookmark_count: 0, impression_count: 0 }, ...(body?.reply?.in_reply_to_tweet_id ? { in_reply_to: body.reply.in_reply_to_tweet_id } : {}) });
    return { status: 201, body: { data: { id, text, edit_history_tweet_ids: [id] } } };
  }
}
