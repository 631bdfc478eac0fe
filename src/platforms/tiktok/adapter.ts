// TikTok API v2 (Display API): Login Kit OAuth with rotating refresh tokens, the own account's counts,
// its videos with their counts. Every answer carries {data, error}; success is error.code "ok".
import type { OAuthClient } from '../../config.ts';
import { byStatus, call, inSeconds, list, num, pick, str, type Answer, type CallOptions } from '../http.ts';
import { tokenError, tokenSetFrom } from '../oauth.ts';
import {
  AuthExpired, RateLimited, Rejected,
  type AuthorizeRequest, type CallContext, type PlatformAdapter, type PlatformError, type PlatformPost, type PostsPage, type ProfileCounts, type Target, type TokenSet,
} from '../types.ts';

export interface TiktokOptions {
  apiUrl: string;
  authorizeUrl: string;
  client: OAuthClient | undefined;
  timeoutMs: number;
  /** max_count of video pages, 1-20. */
  pageSize?: number;
}

export const TIKTOK_SCOPES = ['user.info.basic', 'user.info.profile', 'user.info.stats', 'video.list'];
const USER_FIELDS = 'open_id,union_id,display_name,username,follower_count,following_count,likes_count,video_count';
const VIDEO_FIELDS = 'id,title,video_description,create_time,duration,share_url,like_count,comment_count,share_count,view_count';

/** The envelope's error.code decides (an error can come with HTTP 200); the status only fills gaps. */
export function tiktokError(a: Answer, write: boolean, now = Date.now()): PlatformError | undefined {
  const code = str(pick(a.body, 'error', 'code'));
  if (a.status < 400 && (code === 'ok' || code === null)) return undefined;
  const message = str(pick(a.body, 'error', 'message')) || `HTTP ${a.status}`;
  const info = { status: a.status, code: code ?? undefined };
  switch (code) {
    case 'access_token_invalid': return new AuthExpired('tiktok', message, info);
    // The user did not grant it, or the app is not approved for it: asking again as is will not help.
    case 'scope_not_authorized':
    case 'scope_permission_missed':
    case 'invalid_params': return new Rejected('tiktok', message, info);
    // A sliding one-minute window per endpoint.
    case 'rate_limit_exceeded': return new RateLimited('tiktok', message, inSeconds(now, 60), info);
    case 'internal_error': return byStatus('tiktok', { ...a, status: Math.max(a.status, 500) }, message, write, now);
  }
  return byStatus('tiktok', a.status >= 400 ? a : { ...a, status: 400 }, message, write, now);
}

function toVideo(v: unknown): PlatformPost | undefined {
  const id = str(pick(v, 'id'));
  const created = num(pick(v, 'create_time'));
  if (!id || created === null) return undefined;
  return {
    postId: id,
    publishedAt: new Date(created * 1000).toISOString(),
    type: 'video',
    text: str(pick(v, 'video_description')) ?? str(pick(v, 'title')),
    mediaCount: 1,
    permalink: str(pick(v, 'share_url')),
    counts: {
      likes: num(pick(v, 'like_count')), comments: num(pick(v, 'comment_count')), shares: num(pick(v, 'share_count')),
      quotes: null, saves: null, views: num(pick(v, 'view_count')), impressions: null, reach: null,
    },
  };
}

export class TiktokAdapter implements PlatformAdapter {
  readonly platform = 'tiktok' as const;
  // A web app's Login Kit flow takes no PKCE challenge.
  readonly pkce = false;
  /** Other accounts are reachable only through the Research API, which is not for products like this one. */
  readonly publicReads = false;

  constructor(private readonly o: TiktokOptions) {}

  private client(): OAuthClient {
    if (!this.o.client) throw new Rejected('tiktok', 'TIKTOK_CLIENT_KEY and TIKTOK_CLIENT_SECRET are not configured');
    return this.o.client;
  }

  private token(ctx: CallContext): string {
    if (ctx.access.kind !== 'owner') throw new Rejected('tiktok', 'TikTok accounts are read with their own connection only');
    return ctx.access.accessToken;
  }

  private async api(path: string, ctx: CallContext, extra: Partial<CallOptions> = {}): Promise<Answer> {
    const a = await call('tiktok', `${this.o.apiUrl}${path}`, { timeoutMs: this.o.timeoutMs, headers: { authorization: `Bearer ${this.token(ctx)}` }, ...extra });
    const err = tiktokError(a, extra.write ?? false);
    if (err) throw err;
    return a;
  }

  authorizeUrl(req: AuthorizeRequest): string {
    const q = new URLSearchParams({ client_key: this.client().id, scope: TIKTOK_SCOPES.join(','), response_type: 'code', redirect_uri: req.redirectUri, state: req.state });
    return `${this.o.authorizeUrl}?${q.toString()}`;
  }

  /** The token endpoint answers without the envelope: a token object, or {error, error_description}. */
  private async tokens(form: Record<string, string>, previous?: TokenSet): Promise<{ tokens: TokenSet; openId: string | null }> {
    const c = this.client();
    const a = await call('tiktok', `${this.o.apiUrl}/v2/oauth/token/`, { timeoutMs: this.o.timeoutMs, form: { ...form, client_key: c.id, client_secret: c.secret } });
    if (a.status >= 400 || str(pick(a.body, 'error'))) throw tokenError('tiktok', a);
    const tokens = tokenSetFrom(a.body, Date.now(), previous);
    if (!tokens) throw new Rejected('tiktok', 'the token endpoint answered without an access token');
    return { tokens, openId: str(pick(a.body, 'open_id')) };
  }

  async exchangeCode(code: string, redirectUri: string, _verifier: string, target: Target): Promise<{ tokens: TokenSet; externalId: string | null }> {
    const { tokens, openId } = await this.tokens({ grant_type: 'authorization_code', code, redirect_uri: redirectUri });
    const me = await this.user({ access: { kind: 'owner', accessToken: tokens.accessToken } });
    const username = str(pick(me, 'username'));
    if (username !== null && username.toLowerCase() !== target.handle.replace(/^@/, '').toLowerCase()) throw new Rejected('tiktok', `signed in as @${username}, not as @${target.handle}`);
    return { tokens, externalId: str(pick(me, 'open_id')) ?? openId };
  }

  /** The refresh token may rotate: the caller stores whatever comes back. */
  refresh(tokens: TokenSet): Promise<TokenSet> {
    if (!tokens.refreshToken) return Promise.reject(new AuthExpired('tiktok', 'no refresh token; connect the account again'));
    return this.tokens({ grant_type: 'refresh_token', refresh_token: tokens.refreshToken }, tokens).then((r) => r.tokens);
  }

  private async user(ctx: CallContext): Promise<unknown> {
    const a = await this.api(`/v2/user/info/?fields=${USER_FIELDS}`, ctx);
    return pick(a.body, 'data', 'user');
  }

  async profile(_target: Target, ctx: CallContext): Promise<ProfileCounts> {
    const u = await this.user(ctx);
    const id = str(pick(u, 'open_id'));
    if (!id) throw new Rejected('tiktok', 'the user info answered without an open_id');
    return {
      externalId: id,
      handle: str(pick(u, 'username')),
      displayName: str(pick(u, 'display_name')),
      followers: num(pick(u, 'follower_count')),
      following: num(pick(u, 'following_count')),
      postsTotal: num(pick(u, 'video_count')),
      viewsTotal: null,
    };
  }

  /** Newest first; the page token is the answer's cursor (a millisecond instant) while has_more holds. */
  async posts(_target: Target, ctx: CallContext, page: string | null): Promise<PostsPage> {
    const body: Record<string, number> = { max_count: Math.min(20, Math.max(1, this.o.pageSize ?? 20)) };
    if (page && /^\d+$/.test(page)) body.cursor = Number(page);
    const a = await this.api(`/v2/video/list/?fields=${VIDEO_FIELDS}`, ctx, { method: 'POST', json: body });
    const items = list(pick(a.body, 'data', 'videos')).flatMap((v) => {
      const p = toVideo(v);
      return p ? [p] : [];
    });
    const cursor = num(pick(a.body, 'data', 'cursor'));
    return { items, next: pick(a.body, 'data', 'has_more') === true && cursor !== null ? String(cursor) : null };
  }
}
