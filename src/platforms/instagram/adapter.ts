// Instagram professional accounts through Facebook Login: own counts and media, peers' public figures
// through Business Discovery (called with an owned account's token on the owned account's id), and the
// inbox: comments and replies under own media, media the account is tagged in, and answers to both.
import type { PostType } from '../../core/platforms.ts';
import { call, list, num, pick, str, type Answer, type CallOptions } from '../http.ts';
import { graphError, longLivedUserToken, loginDialogUrl, type GraphEndpoint } from '../meta.ts';
import { graphInstant } from '../facebook/adapter.ts';
import { scanForPost } from '../lookup.ts';
import {
  AuthExpired, Rejected,
  type AuthorizeRequest, type CallContext, type InboxPage, type LookupResult, type PlatformAdapter, type PlatformPost, type PostsPage, type ProfileCounts, type Published, type Target, type TokenSet, type Variant,
} from '../types.ts';
import { DEFAULT_POLL, publishInstagram, type Graph, type PollOptions } from './publish.ts';
import { commentsCall, MENTION_PREFIX, nextCommentsPage, readCommentsPage, tagEntry, TAG_FIELDS, toEntries } from './comments.ts';

export interface InstagramOptions extends GraphEndpoint {
  pageSize?: number;
  /** How a new container's status is polled (tests make it quick). */
  poll?: PollOptions;
}

export const INSTAGRAM_SCOPES = ['instagram_basic', 'instagram_manage_insights', 'instagram_content_publish', 'instagram_manage_comments', 'pages_show_list', 'pages_read_engagement', 'business_management'];
const PROFILE_FIELDS = 'username,name,followers_count,follows_count,media_count';
const MEDIA_FIELDS = 'id,caption,media_type,media_product_type,permalink,timestamp,like_count,comments_count';

function mediaType(m: unknown): PostType {
  const type = str(pick(m, 'media_type'));
  const product = str(pick(m, 'media_product_type'));
  if (product === 'REELS') return 'reel';
  if (product === 'STORY') return 'story';
  if (type === 'CAROUSEL_ALBUM') return 'carousel';
  if (type === 'VIDEO') return 'video';
  return 'image';
}

function toPost(m: unknown): PlatformPost | undefined {
  const id = str(pick(m, 'id'));
  const at = graphInstant(str(pick(m, 'timestamp')));
  if (!id || !at) return undefined;
  return {
    postId: id, publishedAt: at, type: mediaType(m), text: str(pick(m, 'caption')),
    mediaCount: null, permalink: str(pick(m, 'permalink')),
    // like_count is omitted when the owner hides likes: unknown, not 0.
    counts: { likes: num(pick(m, 'like_count')), comments: num(pick(m, 'comments_count')), shares: null, quotes: null, saves: null, views: num(pick(m, 'view_count')), impressions: null, reach: null },
  };
}

export class InstagramAdapter implements PlatformAdapter {
  readonly platform = 'instagram' as const;
  readonly pkce = false;
  /** Peers need an owned account's token (Business Discovery); there is no app-only public read. */
  readonly publicReads = false;

  constructor(private readonly o: InstagramOptions) {}

  private async graph(path: string, params: Record<string, string>, token: string, extra: Partial<CallOptions> = {}): Promise<Answer> {
    const q = new URLSearchParams(params).toString();
    const a = await call('instagram', `${this.o.graphUrl}/${this.o.version}/${path}${q ? `?${q}` : ''}`, { timeoutMs: this.o.timeoutMs, headers: { authorization: `Bearer ${token}` }, ...extra });
    if (a.status >= 400 || pick(a.body, 'error') !== undefined) throw graphError('instagram', a, extra.write ?? false);
    return a;
  }

  private token(ctx: CallContext): string {
    if (ctx.access.kind === 'public') throw new Rejected('instagram', 'Instagram needs a connected account: there is no public read');
    return ctx.access.accessToken;
  }

  authorizeUrl(req: AuthorizeRequest): string {
    return loginDialogUrl('instagram', this.o, req, INSTAGRAM_SCOPES);
  }

  /** Finds the IG professional account linked to one of the user's Pages; keeps that Page's token. */
  async exchangeCode(code: string, redirectUri: string, _verifier: string, target: Target): Promise<{ tokens: TokenSet; externalId: string | null }> {
    const userToken = await longLivedUserToken('instagram', this.o, code, redirectUri);
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const params: Record<string, string> = { fields: 'id,access_token,instagram_business_account{id,username}', limit: '100' };
      if (after) params.after = after;
      const a = await this.graph('me/accounts', params, userToken);
      for (const p of list(pick(a.body, 'data'))) {
        const igId = str(pick(p, 'instagram_business_account', 'id'));
        const username = str(pick(p, 'instagram_business_account', 'username'));
        const token = str(pick(p, 'access_token'));
        if (igId && token && (igId === target.externalId || username?.toLowerCase() === target.handle.toLowerCase())) {
          return { tokens: { accessToken: token, refreshToken: null, expiresAt: null, scopes: INSTAGRAM_SCOPES }, externalId: igId };
        }
      }
      after = pick(a.body, 'paging', 'next') ? str(pick(a.body, 'paging', 'cursors', 'after')) : null;
      if (!after) break;
    }
    throw new Rejected('instagram', `no Page of the signed-in user is linked to the Instagram account ${target.handle}`);
  }

  refresh(): Promise<TokenSet> {
    return Promise.reject(new AuthExpired('instagram', 'a Page token cannot be refreshed; connect the account again'));
  }

  private discovery(handle: string, inner: string): string {
    return `business_discovery.username(${handle}){${inner}}`;
  }

  async profile(target: Target, ctx: CallContext): Promise<ProfileCounts> {
    const token = this.token(ctx);
    let u: unknown;
    if (ctx.access.kind === 'peer') {
      const a = await this.graph(encodeURIComponent(ctx.access.viaExternalId), { fields: this.discovery(target.handle, `id,${PROFILE_FIELDS}`) }, token);
      u = pick(a.body, 'business_discovery');
    } else {
      if (!target.externalId) throw new Rejected('instagram', `the Instagram user id of ${target.handle} is unknown; connect the account`);
      u = (await this.graph(encodeURIComponent(target.externalId), { fields: `id,${PROFILE_FIELDS}` }, token)).body;
    }
    const id = str(pick(u, 'id'));
    if (!id) throw new Rejected('instagram', `no professional account ${target.handle}`);
    return {
      externalId: id, handle: str(pick(u, 'username')), displayName: str(pick(u, 'name')),
      followers: num(pick(u, 'followers_count')), following: num(pick(u, 'follows_count')), postsTotal: num(pick(u, 'media_count')), viewsTotal: null,
    };
  }

  async posts(target: Target, ctx: CallContext, page: string | null): Promise<PostsPage> {
    const token = this.token(ctx);
    const limit = String(this.o.pageSize ?? 25);
    let media: unknown;
    if (ctx.access.kind === 'peer') {
      // Nested paging: only cursors, no `next` URL; the next page is media.after(cursor) in the same expression.
      const edge = `media${page ? `.after(${page})` : ''}.limit(${limit}){${MEDIA_FIELDS},view_count}`;
      const a = await this.graph(encodeURIComponent(ctx.access.viaExternalId), { fields: this.discovery(target.handle, edge) }, token);
      media = pick(a.body, 'business_discovery', 'media');
    } else {
      if (!target.externalId) throw new Rejected('instagram', `the Instagram user id of ${target.handle} is unknown; connect the account`);
      const params: Record<string, string> = { fields: MEDIA_FIELDS, limit };
      if (page) params.after = page;
      media = (await this.graph(`${encodeURIComponent(target.externalId)}/media`, params, token)).body;
    }
    const data = list(pick(media, 'data'));
    const items = data.flatMap((m) => {
      const p = toPost(m);
      return p ? [p] : [];
    });
    const after = str(pick(media, 'paging', 'cursors', 'after'));
    const hasNext = ctx.access.kind === 'peer' ? after !== null && data.length > 0 : pick(media, 'paging', 'next') !== undefined;
    return { items, next: hasNext ? after : null };
  }

  /** Container, status polls, media_publish (publish.ts); the account's Page token is the access. */
  publish(target: Target, ctx: CallContext, variant: Variant): Promise<Published> {
    const token = this.token(ctx);
    if (!target.externalId) return Promise.reject(new Rejected('instagram', 'the account has no Instagram user id yet; connect it again'));
    const graph: Graph = (path, params, extra = {}) => this.graph(path, params, token, extra);
    return publishInstagram(graph, target.externalId, variant, this.o.poll ?? DEFAULT_POLL);
  }

  /** The account's own media, newest first, matched on the caption. */
  findPublished(target: Target, ctx: CallContext, variant: Variant, since: string): Promise<LookupResult> {
    return scanForPost((page) => this.posts(target, ctx, page), variant.text, since);
  }

  /**
   * One Graph call per page: a page of top-level comments with their first replies nested, or, when a
   * comment has more replies than fit, the next page of that comment's replies. The page token carries both.
   */
  async comments(target: Target, ctx: CallContext, postId: string, page: string | null): Promise<InboxPage> {
    const token = this.token(ctx);
    const state = readCommentsPage(page);
    const limit = String(this.o.pageSize ?? 25);
    const c = commentsCall(state, postId, limit);
    const a = await this.graph(c.path, c.params, token);
    return { items: toEntries(a.body, postId, target, c.parent), next: nextCommentsPage(state, c, a.body) };
  }

  /** Media others tagged the account in (newest first); @mentions inside comments only reach webhooks. */
  async mentions(target: Target, ctx: CallContext, page: string | null): Promise<InboxPage> {
    const token = this.token(ctx);
    if (!target.externalId) throw new Rejected('instagram', `the Instagram user id of ${target.handle} is unknown; connect the account`);
    const params: Record<string, string> = { fields: TAG_FIELDS, limit: String(this.o.pageSize ?? 25) };
    if (page) params.after = page;
    const a = await this.graph(`${encodeURIComponent(target.externalId)}/tags`, params, token);
    const items = list(pick(a.body, 'data')).flatMap((m) => tagEntry(m) ?? []);
    return { items, next: pick(a.body, 'paging', 'next') ? str(pick(a.body, 'paging', 'cursors', 'after')) : null };
  }

  /**
   * A comment or reply is answered under its top-level comment (Instagram files an answer to a reply
   * there itself); a mention is answered with a comment on that media through the mentions edge.
   */
  async reply(target: Target, ctx: CallContext, inReplyTo: string, text: string): Promise<Published> {
    const token = this.token(ctx);
    let a: Answer;
    if (inReplyTo.startsWith(MENTION_PREFIX)) {
      if (!target.externalId) throw new Rejected('instagram', `the Instagram user id of ${target.handle} is unknown; connect the account`);
      const form = { media_id: inReplyTo.slice(MENTION_PREFIX.length), message: text };
      a = await this.graph(`${encodeURIComponent(target.externalId)}/mentions`, {}, token, { method: 'POST', form, write: true });
    } else {
      a = await this.graph(`${encodeURIComponent(inReplyTo)}/replies`, {}, token, { method: 'POST', form: { message: text }, write: true });
    }
    const id = str(pick(a.body, 'id'));
    if (!id) throw new Rejected('instagram', 'the reply was answered without an id');
    return { postId: id, permalink: null };
  }
}
