// YouTube Data API v3: Google OAuth with PKCE, channel statistics, uploads with video statistics, comments
// and replies for the inbox, quota units.
import type { OAuthClient } from '../../config.ts';
import { byStatus, call, inSeconds, list, num, pick, retryAfter, str, type Answer } from '../http.ts';
import { scanForPost } from '../lookup.ts';
import { tokenError, tokenSetFrom } from '../oauth.ts';
import {
  RateLimited, Rejected,
  type AuthorizeRequest, type CallContext, type InboxPage, type LookupResult, type PlatformAdapter, type PlatformError, type PlatformPost, type PostsPage, type ProfileCounts, type Published, type Target, type TokenSet, type Variant,
} from '../types.ts';
import { nextThreadsPage, readThreadsPage, threadsCall, toEntries } from './comments.ts';
import { uploadVideo, youtubeTitle, type Privacy } from './publish.ts';
import { COSTS, nextQuotaReset, type YoutubeCall } from './quota.ts';

export interface YoutubeOptions {
  apiUrl: string;
  authUrl: string;
  tokenUrl: string;
  client: OAuthClient | undefined;
  apiKey: string | undefined;
  timeoutMs: number;
  /** maxResults of playlist pages, at most 50. */
  pageSize?: number;
  /** Privacy of published videos (YOUTUBE_PRIVACY_STATUS); public by default. */
  privacyStatus?: Privacy | undefined;
  /** The upload host's base; derived from apiUrl when absent. */
  uploadUrl?: string;
}

/** force-ssl is the scope that lets us answer comments (comments.insert). */
export const YOUTUBE_SCOPES = ['https://www.googleapis.com/auth/youtube.readonly', 'https://www.googleapis.com/auth/youtube.upload', 'https://www.googleapis.com/auth/youtube.force-ssl'];
/** Nothing to read there: comments turned off, or the video or thread gone since the posts were read. */
const NOTHING_THERE = new Set(['commentsDisabled', 'videoNotFound', 'commentNotFound']);

export function youtubeError(a: Answer, write: boolean, now = Date.now()): PlatformError {
  const reason = str(pick(a.body, 'error', 'errors', 0, 'reason'));
  const message = str(pick(a.body, 'error', 'message')) ?? `HTTP ${a.status}`;
  const info = { status: a.status, code: reason ?? undefined };
  // The daily quota resets at midnight Pacific time; nothing helps before then.
  if (reason === 'quotaExceeded') return new RateLimited('youtube', 'the daily quota is used up', nextQuotaReset(now), info);
  if (reason === 'rateLimitExceeded' || reason === 'userRateLimitExceeded') return new RateLimited('youtube', message, retryAfter(a.headers, now) ?? inSeconds(now, 60), info);
  if (reason === 'insufficientPermissions' || reason === 'forbidden') return new Rejected('youtube', message, info);
  if (reason && (NOTHING_THERE.has(reason) || reason === 'parentCommentNotFound')) return new Rejected('youtube', message, info);
  return byStatus('youtube', a, message, write, now);
}

/** Shorts are not flagged by the API; up to 60 seconds, or tagged #shorts, counts as one (our rule). */
function isShort(duration: string | null, text: string): boolean {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(duration ?? '');
  const seconds = m ? Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0) : Infinity;
  return seconds <= 60 || /#shorts\b/i.test(text);
}

/** Our page token: [uploads playlist, YouTube page token]; anything unreadable starts from the top. */
function parsePage(page: string | null): [string, string] | undefined {
  if (!page) return undefined;
  try {
    const v: unknown = JSON.parse(page);
    if (Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'string') return [v[0], v[1]];
  } catch {
    // fall through
  }
  return undefined;
}

export class YoutubeAdapter implements PlatformAdapter {
  readonly platform = 'youtube' as const;
  readonly pkce = true;

  constructor(private readonly o: YoutubeOptions) {}

  get publicReads(): boolean {
    return this.o.apiKey !== undefined;
  }

  private client(): OAuthClient {
    if (!this.o.client) throw new Rejected('youtube', 'GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET are not configured');
    return this.o.client;
  }

  /** One Data API call (a POST when it has a JSON body): the key or token goes in a header, and the call's units go to the meter. */
  private async api(what: YoutubeCall, resource: string, params: Record<string, string>, ctx: CallContext, json?: unknown): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (ctx.access.kind === 'public') {
      if (!this.o.apiKey) throw new Rejected('youtube', 'YOUTUBE_API_KEY is not configured');
      headers['x-goog-api-key'] = this.o.apiKey;
    } else headers.authorization = `Bearer ${ctx.access.accessToken}`;
    // Every request costs its units, failed ones included.
    ctx.onCost?.(COSTS[what].bucket, COSTS[what].units);
    const write = json !== undefined;
    const a = await call('youtube', `${this.o.apiUrl}/${resource}?${new URLSearchParams(params).toString()}`, { timeoutMs: this.o.timeoutMs, headers, ...(write ? { method: 'POST', json, write } : {}) });
    if (a.status >= 400) throw youtubeError(a, write);
    return a;
  }

  authorizeUrl(req: AuthorizeRequest): string {
    const q = new URLSearchParams({
      client_id: this.client().id, redirect_uri: req.redirectUri, response_type: 'code', scope: YOUTUBE_SCOPES.join(' '),
      access_type: 'offline', prompt: 'consent', state: req.state, code_challenge: req.codeChallenge, code_challenge_method: 'S256',
    });
    return `${this.o.authUrl}?${q.toString()}`;
  }

  private async token(form: Record<string, string>, previous?: TokenSet): Promise<TokenSet> {
    const c = this.client();
    const a = await call('youtube', this.o.tokenUrl, { timeoutMs: this.o.timeoutMs, form: { ...form, client_id: c.id, client_secret: c.secret } });
    if (a.status >= 400) throw tokenError('youtube', a);
    const t = tokenSetFrom(a.body, Date.now(), previous);
    if (!t) throw new Rejected('youtube', 'the token endpoint answered without an access token');
    return t;
  }

  async exchangeCode(code: string, redirectUri: string, codeVerifier: string, target: Target): Promise<{ tokens: TokenSet; externalId: string | null }> {
    const tokens = await this.token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: codeVerifier });
    const a = await this.api('channels.list', 'channels', { part: 'snippet', mine: 'true' }, { access: { kind: 'owner', accessToken: tokens.accessToken } });
    const channel = list(pick(a.body, 'items')).find((c) => {
      const handle = (str(pick(c, 'snippet', 'customUrl')) ?? '').replace(/^@/, '').toLowerCase();
      return str(pick(c, 'id')) === target.externalId || handle === target.handle.replace(/^@/, '').toLowerCase();
    });
    if (!channel) throw new Rejected('youtube', `the signed-in Google account does not own the channel ${target.handle}`);
    return { tokens, externalId: str(pick(channel, 'id')) };
  }

  /** Google returns no new refresh token on refresh: the old one stays. */
  refresh(tokens: TokenSet): Promise<TokenSet> {
    if (!tokens.refreshToken) return Promise.reject(tokenError('youtube', { status: 400, headers: new Headers(), body: { error: 'invalid_grant', error_description: 'no refresh token' } }));
    return this.token({ grant_type: 'refresh_token', refresh_token: tokens.refreshToken }, tokens);
  }

  private async channel(target: Target, ctx: CallContext, part: string): Promise<unknown> {
    const filter: Record<string, string> = target.externalId ? { id: target.externalId }
      : ctx.access.kind === 'owner' ? { mine: 'true' } : { forHandle: `@${target.handle.replace(/^@/, '')}` };
    const a = await this.api('channels.list', 'channels', { part, ...filter }, ctx);
    // Unknown handle or id: HTTP 200 without an `items` key.
    const c = list(pick(a.body, 'items'))[0];
    if (!c) throw new Rejected('youtube', `no channel ${target.handle}`, { status: 200, code: 'channelNotFound' });
    return c;
  }

  async profile(target: Target, ctx: CallContext): Promise<ProfileCounts> {
    const c = await this.channel(target, ctx, 'snippet,statistics');
    const hidden = pick(c, 'statistics', 'hiddenSubscriberCount') === true;
    return {
      externalId: str(pick(c, 'id')) ?? '',
      handle: (str(pick(c, 'snippet', 'customUrl')) ?? '').replace(/^@/, '') || null,
      displayName: str(pick(c, 'snippet', 'title')),
      // Rounded to three significant figures by YouTube; unknown when hidden.
      followers: hidden ? null : num(pick(c, 'statistics', 'subscriberCount')),
      following: null,
      postsTotal: num(pick(c, 'statistics', 'videoCount')),
      viewsTotal: num(pick(c, 'statistics', 'viewCount')),
    };
  }

  /** Uploads playlist (1 unit) then videos.list for their statistics (1 unit per 50); the page token carries both. */
  async posts(target: Target, ctx: CallContext, page: string | null): Promise<PostsPage> {
    let playlist = '';
    let pageToken: string | null = null;
    const resumed = parsePage(page);
    if (resumed) [playlist, pageToken] = resumed;
    else {
      const c = await this.channel(target, ctx, 'contentDetails');
      playlist = str(pick(c, 'contentDetails', 'relatedPlaylists', 'uploads')) ?? '';
      if (!playlist) return { items: [], next: null };
    }
    const params: Record<string, string> = { part: 'contentDetails', playlistId: playlist, maxResults: String(Math.min(50, this.o.pageSize ?? 50)) };
    if (pageToken) params.pageToken = pageToken;
    const a = await this.api('playlistItems.list', 'playlistItems', params, ctx);
    const ids = list(pick(a.body, 'items')).flatMap((i) => str(pick(i, 'contentDetails', 'videoId')) ?? []);
    const next = str(pick(a.body, 'nextPageToken'));
    if (ids.length === 0) return { items: [], next: next ? JSON.stringify([playlist, next]) : null };
    const v = await this.api('videos.list', 'videos', { part: 'snippet,contentDetails,statistics', id: ids.join(',') }, ctx);
    const byId = new Map(list(pick(v.body, 'items')).map((x) => [str(pick(x, 'id')) ?? '', x]));
    // Private and deleted videos are missing from videos.list: they are skipped.
    const items = ids.flatMap((id): PlatformPost[] => {
      const x = byId.get(id);
      const at = str(pick(x, 'snippet', 'publishedAt'));
      if (!x || !at) return [];
      const title = str(pick(x, 'snippet', 'title')) ?? '';
      const s = (k: string) => num(pick(x, 'statistics', k));
      return [{
        postId: id, publishedAt: new Date(at).toISOString(),
        type: isShort(str(pick(x, 'contentDetails', 'duration')), `${title} ${str(pick(x, 'snippet', 'description')) ?? ''}`) ? 'short' : 'video',
        text: title, mediaCount: 1, permalink: `https://www.youtube.com/watch?v=${id}`,
        counts: { likes: s('likeCount'), comments: s('commentCount'), shares: null, quotes: null, saves: null, views: s('viewCount'), impressions: null, reach: null },
      }];
    });
    return { items, next: next ? JSON.stringify([playlist, next]) : null };
  }

  /** A resumable upload of the variant's one video (publish.ts). */
  publish(_target: Target, ctx: CallContext, variant: Variant): Promise<Published> {
    const uploadUrl = this.o.uploadUrl ?? this.o.apiUrl.replace(/\/youtube\/v3\/?$/, '/upload/youtube/v3');
    return uploadVideo({ uploadUrl, timeoutMs: this.o.timeoutMs, privacyStatus: this.o.privacyStatus ?? 'public', error: youtubeError }, ctx, variant);
  }

  /** The channel's recent uploads, newest first, matched on the title publish gave the video. */
  findPublished(target: Target, ctx: CallContext, variant: Variant, since: string): Promise<LookupResult> {
    return scanForPost((page) => this.posts(target, ctx, page), youtubeTitle(variant), since);
  }

  /**
   * One call (one unit) per page: a page of the video's threads with the replies they carry, or, for a
   * thread that carries only some, a page of its replies. The page token carries both. YouTube has no
   * mentions to read.
   */
  async comments(_target: Target, ctx: CallContext, postId: string, page: string | null): Promise<InboxPage> {
    const state = readThreadsPage(page);
    const c = threadsCall(state, postId, String(Math.min(100, this.o.pageSize ?? 100)));
    let body: unknown;
    try {
      body = (await this.api(c.what, c.resource, c.params, ctx)).body;
    } catch (err) {
      // A refusal here would stop the inbox at this video every run: read it as empty instead.
      if (!(err instanceof Rejected && NOTHING_THERE.has(String(err.info.code)))) throw err;
      body = {};
    }
    return { items: toEntries(body, postId, c.parent), next: nextThreadsPage(state, c, body) };
  }

  /** comments.insert (50 units). Only top-level comments take replies; a reply's id is "<top-level id>.<suffix>". */
  async reply(_target: Target, ctx: CallContext, inReplyTo: string, text: string): Promise<Published> {
    if (ctx.access.kind !== 'owner') throw new Rejected('youtube', 'a reply needs the channel’s own connection');
    const parentId = inReplyTo.split('.')[0] ?? inReplyTo;
    const a = await this.api('comments.insert', 'comments', { part: 'snippet' }, ctx, { snippet: { parentId, textOriginal: text } });
    const id = str(pick(a.body, 'id'));
    if (!id) throw new Rejected('youtube', 'the reply was answered without an id');
    return { postId: id, permalink: null };
  }
}
