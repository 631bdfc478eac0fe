// A local fake of TikTok's API v2 (Display API): Login Kit, the token endpoint with rotating refresh
// tokens, user info with scope checks, the video list with its millisecond cursor, the 600/min limit.
import { FakePlatform, FakeTokens, type FakeRequest, type FakeResponse } from '../fake-server.ts';

export interface FakeTiktokVideo {
  id: string;
  title: string;
  create_time: number;
  duration: number;
  like_count: number;
  comment_count: number;
  share_count: number;
  view_count: number;
}

export interface FakeTiktokUser {
  open_id: string;
  username: string;
  display_name: string;
  follower_count: number;
  following_count: number;
  likes_count: number;
  videos: FakeTiktokVideo[];
}

export const FAKE_TIKTOK_CLIENT = { id: 'awfaketiktokclientkey', secret: 'fake-tiktok-client-secret-0001' };

const logId = () => `2026112708${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}C0A8010A`;
const envelope = (data: unknown, code = 'ok', message = '') => ({ data, error: { code, message, log_id: logId() } });

const ERRORS: Record<number, [string, string]> = {
  400: ['invalid_params', 'The request parameters are malformed.'],
  401: ['access_token_invalid', 'The access token is invalid or not found in the request.'],
  403: ['scope_permission_missed', 'The app has not been approved for this scope.'],
  429: ['rate_limit_exceeded', 'The API rate limit was exceeded. Please try again later.'],
  500: ['internal_error', 'Something went wrong. Please try again later.'],
};

function errorBody(status: number): unknown {
  const [code, message] = ERRORS[status] ?? ERRORS[status >= 500 ? 500 : 400] ?? ['invalid_params', ''];
  return envelope({}, code, message);
}

const video = (id: string, title: string, at: string, d: number, c: [number, number, number, number]): FakeTiktokVideo => ({
  id, title, create_time: Date.parse(at) / 1000, duration: d, like_count: c[0], comment_count: c[1], share_count: c[2], view_count: c[3],
});

function seedUser(): FakeTiktokUser {
  return {
    open_id: '-000ExAmPlEoPeNiD0123456789abcdef', username: 'examplestandards', display_name: 'Example Standards Agency',
    follower_count: 12840, following_count: 37, likes_count: 250311,
    videos: [
      video('7441234567890123456', 'Cara membaca tanda SNI #edukasi', '2026-11-18T12:00:00Z', 32, [1804, 56, 91, 40211]),
      video('7440987654321098765', 'Kuis SNIzen minggu ini!', '2026-11-16T10:00:00Z', 21, [622, 140, 18, 15330]),
      video('7439876543210987654', 'Di balik layar uji helm', '2026-11-13T09:46:40Z', 45, [2981, 77, 203, 88120]),
    ],
  };
}

export class FakeTiktok extends FakePlatform {
  constructor() {
    super(errorBody);
  }

  readonly tokens = new FakeTokens();
  readonly user = seedUser();
  /** Scopes granted with the tokens; a test takes one away to see scope_not_authorized. */
  granted = new Set(['user.info.basic', 'user.info.profile', 'user.info.stats', 'video.list']);
  /** Calls left in the current minute per endpoint; 0 answers 429. */
  readonly remaining = new Map<string, number>();

  grant(ttlSeconds = 7200): { accessToken: string; refreshToken: string } {
    return { accessToken: this.tokens.issue('access', this.user.open_id, ttlSeconds, 'act.'), refreshToken: this.tokens.issue('refresh', this.user.open_id, 15_552_000, 'rft.') };
  }

  protected handle(r: FakeRequest): FakeResponse {
    if (r.path === '/v2/auth/authorize/') {
      const to = new URL(r.query.get('redirect_uri') ?? 'http://invalid/');
      to.searchParams.set('code', this.tokens.issue('code', this.user.open_id, 600));
      to.searchParams.set('state', r.query.get('state') ?? '');
      to.searchParams.set('scopes', r.query.get('scope') ?? '');
      return { redirect: to.toString() };
    }
    if (r.path === '/v2/oauth/token/' && r.method === 'POST') return this.token(r);
    const left = this.remaining.get(r.path) ?? 600;
    if (left <= 0) return { status: 429, body: errorBody(429) };
    this.remaining.set(r.path, left - 1);
    if (!this.tokens.check(r.token, 'access')) return { status: 401, body: errorBody(401) };
    if (r.path === '/v2/user/info/' && r.method === 'GET') return this.userInfo(r);
    if (r.path === '/v2/video/list/' && r.method === 'POST') return this.videoList(r);
    return { status: 404, body: envelope({}, 'invalid_params', `no route ${r.method} ${r.path}`) };
  }

  private token(r: FakeRequest): FakeResponse {
    const f = r.form();
    if (f.get('client_key') !== FAKE_TIKTOK_CLIENT.id || f.get('client_secret') !== FAKE_TIKTOK_CLIENT.secret) {
      return { status: 401, body: { error: 'invalid_client', error_description: 'Client key or secret is incorrect.', log_id: logId() } };
    }
    const grant = f.get('grant_type');
    const value = grant === 'authorization_code' ? f.get('code') : grant === 'refresh_token' ? f.get('refresh_token') : null;
    const t = value ? this.tokens.check(value, grant === 'authorization_code' ? 'code' : 'refresh') : undefined;
    if (!t || !value) return { status: 400, body: { error: 'invalid_grant', error_description: grant === 'refresh_token' ? 'Refresh token is invalid or expired.' : 'Authorization code is expired.', log_id: logId() } };
    this.tokens.spend(value);
    return {
      body: {
        access_token: this.tokens.issue('access', t.subject, 7200, 'act.'), expires_in: 7200, open_id: t.subject,
        refresh_expires_in: 15_552_000, refresh_token: this.tokens.issue('refresh', t.subject, 15_552_000, 'rft.'),
        scope: [...this.granted].join(','), token_type: 'Bearer',
      },
    };
  }

  private userInfo(r: FakeRequest): FakeResponse {
    const fields = (r.query.get('fields') ?? '').split(',').filter(Boolean);
    const need = (f: string) => (['follower_count', 'following_count', 'likes_count', 'video_count'].includes(f) ? 'user.info.stats' : ['username', 'bio_description', 'is_verified', 'profile_deep_link'].includes(f) ? 'user.info.profile' : 'user.info.basic');
    if (fields.some((f) => !this.granted.has(need(f)))) {
      return { status: 401, body: envelope({}, 'scope_not_authorized', 'The user did not authorize the scope required for completing this request.') };
    }
    const u = this.user;
    const all: Record<string, unknown> = {
      open_id: u.open_id, union_id: 'c9b1ExAmPlEuNiOnId00000000000000', avatar_url: 'https://p16-sign-va.tiktokcdn.com/avatar.jpeg', display_name: u.display_name,
      bio_description: 'Akun resmi.', profile_deep_link: 'https://vm.tiktok.com/ZMExAmPl3/', is_verified: false, username: u.username,
      follower_count: u.follower_count, following_count: u.following_count, likes_count: u.likes_count, video_count: u.videos.length,
    };
    return { body: envelope({ user: Object.fromEntries(fields.filter((f) => f in all).map((f) => [f, all[f]])) }) };
  }

  private videoList(r: FakeRequest): FakeResponse {
    if (!this.granted.has('video.list')) return { status: 401, body: envelope({}, 'scope_not_authorized', 'The user did not authorize the scope required for completing this request.') };
    const body = (r.json() ?? {}) as { max_count?: number; cursor?: number };
    const max = body.max_count ?? 10;
    if (!(max >= 1 && max <= 20)) return { status: 400, body: errorBody(400) };
    // The cursor is a millisecond instant: the next page holds the videos created before it.
    const before = body.cursor ?? Infinity;
    const older = this.user.videos.filter((v) => v.create_time * 1000 < before).sort((a, b) => b.create_time - a.create_time);
    const page = older.slice(0, max);
    const last = page[page.length - 1];
    return {
      body: envelope({
        videos: page.map((v) => ({
          id: v.id, title: v.title, video_description: v.title, create_time: v.create_time, duration: v.duration,
          cover_image_url: `https://p16-sign-va.tiktokcdn.com/obj/${v.id}.image`, share_url: `https://www.tiktok.com/@${this.user.username}/video/${v.id}`,
          like_count: v.like_count, comment_count: v.comment_count, share_count: v.share_count, view_count: v.view_count,
        })),
        cursor: last ? last.create_time * 1000 : (body.cursor ?? 0),
        has_more: older.length > max,
      }),
    };
  }
}
