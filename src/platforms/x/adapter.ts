// X API v2: OAuth 2 with PKCE and rotating refresh tokens, public_metrics of users and posts, posting.
import type { OAuthClient } from '../../config.ts';
import type { PostType } from '../../core/platforms.ts';
import { byStatus, call, inSeconds, list, num, pick, retryAfter, str, type Answer, type CallOptions } from '../http.ts';
import { scanForPost } from '../lookup.ts';
import { basicAuth, tokenError, tokenSetFrom } from '../oauth.ts';
import {
  RateLimited, Rejected,
  type AuthorizeRequest, type CallContext, type InboxPage, type LookupResult, type PlatformAdapter, type PlatformError, type PlatformPost, type PostsPage, type ProfileCounts, type Published, type Target, type TokenSet, type Variant,
} from '../types.ts';

import { checkXMedia, DEFAULT_X_MEDIA, uploadXMedia, type XMediaOptions } from './publish.ts';

export interface XOptions {
  apiUrl: string;
  authorizeUrl: string;
  client: OAuthClient | undefined;
  bearerToken: string | undefined;
  timeoutMs: number;
  /** max_results of timeline pages, 5-100. */
  pageSize?: number;
  /** Media upload pacing (tests make it quick). */
  media?: XMediaOptions;
}

export const X_SCOPES = ['tweet.read', 'users.read', 'tweet.write', 'media.write', 'offline.access'];

/** Problem `type` URIs differ in host between docs and live answers: match the path suffix. */
function problem(a: Answer): string {
  return (str(pick(a.body, 'type')) ?? '').replace(/^https?:\/\/[^/]+/, '');
}

export function xError(a: Answer, write: boolean, now = Date.now()): PlatformError {
  const message = str(pick(a.body, 'detail')) ?? str(pick(a.body, 'errors', 0, 'message')) ?? str(pick(a.body, 'title')) ?? `HTTP ${a.status}`;
  const info = { status: a.status, code: problem(a) || undefined };
  if (a.status === 429) {
    if (problem(a) === '/2/problems/usage-capped') {
      // The monthly cap: nothing more until the next calendar month (UTC).
      const d = new Date(now);
      return new RateLimited('x', message, new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString(), info);
    }
    const reset = num(a.headers.get('x-rate-limit-reset'));
    const at = reset !== null ? new Date(reset * 1000).toISOString() : (retryAfter(a.headers, now) ?? inSeconds(now, 15 * 60));
    return new RateLimited('x', message, at, info);
  }
  // 402 CreditsDepleted, 403 duplicate / not permitted / client-forbidden, 400 invalid request: Rejected.
  return byStatus('x', a, message, write, now);
}

function postType(tweet: unknown, mediaTypes: Map<string, string>): PostType {
  const types = list(pick(tweet, 'attachments', 'media_keys')).map((k) => mediaTypes.get(String(k)));
  if (types.some((t) => t === 'video' || t === 'animated_gif')) return 'video';
  if (types.length > 1) return 'carousel';
  if (types.length === 1) return 'image';
  return /https?:\/\//.test(str(pick(tweet, 'text')) ?? '') ? 'link' : 'text';
}

export class XAdapter implements PlatformAdapter {
  readonly platform = 'x' as const;
  readonly pkce = true;

  constructor(private readonly o: XOptions) {}

  get publicReads(): boolean {
    return this.o.bearerToken !== undefined;
  }

  private client(): OAuthClient {
    if (!this.o.client) throw new Rejected('x', 'X_CLIENT_ID and X_CLIENT_SECRET are not configured');
    return this.o.client;
  }

  private bearer(ctx: CallContext): string {
    if (ctx.access.kind !== 'public') return ctx.access.accessToken;
    if (!this.o.bearerToken) throw new Rejected('x', 'X_BEARER_TOKEN is not configured');
    return this.o.bearerToken;
  }

  private async api(path: string, ctx: CallContext, extra: Partial<CallOptions> = {}): Promise<Answer> {
    const a = await call('x', `${this.o.apiUrl}${path}`, { timeoutMs: this.o.timeoutMs, headers: { authorization: `Bearer ${this.bearer(ctx)}` }, ...extra });
    if (a.status >= 400) throw xError(a, extra.write ?? false);
    return a;
  }

  authorizeUrl(req: AuthorizeRequest): string {
    const q = new URLSearchParams({
      response_type: 'code', client_id: this.client().id, redirect_uri: req.redirectUri, scope: X_SCOPES.join(' '),
      state: req.state, code_challenge: req.codeChallenge, code_challenge_method: 'S256',
    });
    return `${this.o.authorizeUrl}?${q.toString()}`;
  }

  private async token(form: Record<string, string>, previous?: TokenSet): Promise<TokenSet> {
    const c = this.client();
    const a = await call('x', `${this.o.apiUrl}/2/oauth2/token`, { timeoutMs: this.o.timeoutMs, form: { ...form, client_id: c.id }, headers: { authorization: basicAuth(c.id, c.secret) } });
    if (a.status >= 400) throw tokenError('x', a);
    const t = tokenSetFrom(a.body, Date.now(), previous);
    if (!t) throw new Rejected('x', 'the token endpoint answered without an access token');
    return t;
  }

  async exchangeCode(code: string, redirectUri: string, codeVerifier: string, target: Target): Promise<{ tokens: TokenSet; externalId: string | null }> {
    const tokens = await this.token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: codeVerifier });
    const me = await this.api('/2/users/me', { access: { kind: 'owner', accessToken: tokens.accessToken } });
    const username = str(pick(me.body, 'data', 'username'));
    if (username?.toLowerCase() !== target.handle.toLowerCase()) throw new Rejected('x', `signed in as @${username ?? '?'}, not as @${target.handle}`);
    return { tokens, externalId: str(pick(me.body, 'data', 'id')) };
  }

  /** Each refresh returns a new refresh token and spends the old one: the caller must store it at once. */
  refresh(tokens: TokenSet): Promise<TokenSet> {
    if (!tokens.refreshToken) return Promise.reject(tokenError('x', { status: 400, headers: new Headers(), body: { error: 'invalid_request', error_description: 'no refresh token (offline.access not granted)' } }));
    return this.token({ grant_type: 'refresh_token', refresh_token: tokens.refreshToken }, tokens);
  }

  async profile(target: Target, ctx: CallContext): Promise<ProfileCounts> {
    const fields = 'user.fields=public_metrics,name,username';
    const path = target.externalId ? `/2/users/${encodeURIComponent(target.externalId)}?${fields}` : `/2/users/by/username/${encodeURIComponent(target.handle)}?${fields}`;
    const a = await this.api(path, ctx);
    const u = pick(a.body, 'data');
    const id = str(pick(u, 'id'));
    // An unknown user is HTTP 200 with only an errors array.
    if (!id) throw new Rejected('x', str(pick(a.body, 'errors', 0, 'detail')) ?? `no user @${target.handle}`, { status: 200, code: 'resource-not-found' });
    return {
      externalId: id,
      handle: str(pick(u, 'username')),
      displayName: str(pick(u, 'name')),
      followers: num(pick(u, 'public_metrics', 'followers_count')),
      following: num(pick(u, 'public_metrics', 'following_count')),
      postsTotal: num(pick(u, 'public_metrics', 'tweet_count')),
      viewsTotal: null,
    };
  }

  private async userId(target: Target, ctx: CallContext): Promise<string> {
    return target.externalId ?? (await this.profile(target, ctx)).externalId;
  }

  async posts(target: Target, ctx: CallContext, page: string | null): Promise<PostsPage> {
    const id = await this.userId(target, ctx);
    const q = new URLSearchParams({
      'tweet.fields': 'public_metrics,created_at,attachments', expansions: 'attachments.media_keys', 'media.fields': 'type',
      max_results: String(Math.min(100, Math.max(5, this.o.pageSize ?? 100))),
    });
    if (page) q.set('pagination_token', page);
    const a = await this.api(`/2/users/${encodeURIComponent(id)}/tweets?${q.toString()}`, ctx);
    const media = new Map(list(pick(a.body, 'includes', 'media')).map((m) => [str(pick(m, 'media_key')) ?? '', str(pick(m, 'type')) ?? '']));
    // An empty timeline has no `data` key at all.
    const items = list(pick(a.body, 'data')).flatMap((t): PlatformPost[] => {
      const postId = str(pick(t, 'id'));
      const at = str(pick(t, 'created_at'));
      if (!postId || !at) return [];
      const m = (k: string) => num(pick(t, 'public_metrics', k));
      return [{
        postId, publishedAt: new Date(at).toISOString(), type: postType(t, media), text: str(pick(t, 'text')),
        mediaCount: list(pick(t, 'attachments', 'media_keys')).length || null,
        permalink: `https://x.com/${target.handle}/status/${postId}`,
        counts: { likes: m('like_count'), comments: m('reply_count'), shares: m('retweet_count'), quotes: m('quote_count'), saves: m('bookmark_count'), views: null, impressions: m('impression_count'), reach: null },
      }];
    });
    return { items, next: str(pick(a.body, 'meta', 'next_token')) };
  }

  private async create(ctx: CallContext, body: Record<string, unknown>, handle: string): Promise<Published> {
    const a = await this.api('/2/tweets', ctx, { method: 'POST', json: body, write: true });
    const id = str(pick(a.body, 'data', 'id'));
    if (!id) throw new Rejected('x', 'the post was answered without an id');
    return { postId: id, permalink: `https://x.com/${handle}/status/${id}` };
  }

  private static text(variant: Variant): string {
    return variant.link ? `${variant.text} ${variant.link}` : variant.text;
  }

  /** Library media are uploaded first (publish.ts); the post then carries their ids. */
  async publish(target: Target, ctx: CallContext, variant: Variant): Promise<Published> {
    const media = variant.media ?? [];
    checkXMedia(media, (variant.mediaUrls?.length ?? 0) > 0);
    const ids = await uploadXMedia((path, extra = {}) => this.api(path, ctx, extra), media, this.o.media ?? DEFAULT_X_MEDIA);
    return this.create(ctx, { text: XAdapter.text(variant), ...(ids.length ? { media: { media_ids: ids } } : {}) }, target.handle);
  }

  /** The account's timeline, newest first (X returns posts within seconds of creation). */
  findPublished(target: Target, ctx: CallContext, variant: Variant, since: string): Promise<LookupResult> {
    return scanForPost((page) => this.posts(target, ctx, page), XAdapter.text(variant), since);
  }

  reply(target: Target, ctx: CallContext, inReplyTo: string, text: string): Promise<Published> {
    return this.create(ctx, { text, reply: { in_reply_to_tweet_id: inReplyTo } }, target.handle);
  }

  async mentions(target: Target, ctx: CallContext, page: string | null): Promise<InboxPage> {
    const id = await this.userId(target, ctx);
    const q = new URLSearchParams({ 'tweet.fields': 'created_at,author_id', expansions: 'author_id', 'user.fields': 'username,name' });
    if (page) q.set('pagination_token', page);
    const a = await this.api(`/2/users/${encodeURIComponent(id)}/mentions?${q.toString()}`, ctx);
    const users = new Map(list(pick(a.body, 'includes', 'users')).map((u) => [str(pick(u, 'id')) ?? '', u]));
    const items = list(pick(a.body, 'data')).map((t) => ({
      id: str(pick(t, 'id')) ?? '', kind: 'mention' as const, postId: null,
      author: str(pick(users.get(str(pick(t, 'author_id')) ?? ''), 'username')), authorName: str(pick(users.get(str(pick(t, 'author_id')) ?? ''), 'name')),
      authorId: str(pick(t, 'author_id')), text: str(pick(t, 'text')) ?? '',
      createdAt: new Date(str(pick(t, 'created_at')) ?? 0).toISOString(),
    }));
    return { items, next: str(pick(a.body, 'meta', 'next_token')) };
  }
}
