// Facebook Pages through the Graph API: Login and Page tokens, Page counts, posts, feed publishing, comments.
import type { OAuthClient } from '../../config.ts';
import type { PostType } from '../../core/platforms.ts';
import { call, list, num, pick, str, type Answer, type CallOptions } from '../http.ts';
import { scanForPost } from '../lookup.ts';
import { publishFacebook, type Graph as FbGraph } from './publish.ts';
import { graphError, longLivedUserToken, loginDialogUrl } from '../meta.ts';
import {
  AuthExpired, Rejected,
  type AuthorizeRequest, type CallContext, type InboxPage, type LookupResult, type PlatformAdapter, type PlatformPost, type PostsPage, type ProfileCounts, type Published, type Target, type TokenSet, type Variant,
} from '../types.ts';

export interface FacebookOptions {
  graphUrl: string;
  dialogUrl: string;
  version: string;
  app: OAuthClient | undefined;
  timeoutMs: number;
  pageSize?: number;
}

export const FACEBOOK_SCOPES = ['pages_show_list', 'pages_read_engagement', 'read_insights', 'pages_manage_posts', 'pages_manage_engagement', 'business_management'];
const POST_FIELDS = 'id,message,created_time,permalink_url,full_picture,status_type,shares,reactions.summary(total_count).limit(0),comments.summary(true).limit(0)';

const TYPES: Record<string, PostType> = { added_photos: 'image', added_video: 'video', shared_story: 'link', created_event: 'text', mobile_status_update: 'text' };

export class FacebookAdapter implements PlatformAdapter {
  readonly platform = 'facebook' as const;
  readonly pkce = false;

  constructor(private readonly o: FacebookOptions) {}

  get publicReads(): boolean {
    return this.o.app !== undefined;
  }

  private app(): OAuthClient {
    if (!this.o.app) throw new Rejected('facebook', 'FACEBOOK_APP_ID and FACEBOOK_APP_SECRET are not configured');
    return this.o.app;
  }

  private url(path: string, params: Record<string, string> = {}): string {
    const q = new URLSearchParams(params).toString();
    return `${this.o.graphUrl}/${this.o.version}/${path}${q ? `?${q}` : ''}`;
  }

  /** The token is sent in the Authorization header, so no URL we build or log ever holds it. */
  private tokenOf(ctx: CallContext): string {
    if (ctx.access.kind === 'public') {
      const app = this.app();
      return `${app.id}|${app.secret}`;
    }
    return ctx.access.accessToken;
  }

  private async graph(path: string, params: Record<string, string>, token: string, extra: Partial<CallOptions> = {}): Promise<Answer> {
    const write = extra.write ?? false;
    const a = await call('facebook', this.url(path, params), { timeoutMs: this.o.timeoutMs, headers: { authorization: `Bearer ${token}` }, ...extra });
    if (a.status >= 400 || pick(a.body, 'error') !== undefined) throw graphError('facebook', a, write);
    return a;
  }

  authorizeUrl(req: AuthorizeRequest): string {
    return loginDialogUrl('facebook', this.o, req, FACEBOOK_SCOPES);
  }

  /** code -> short-lived user token -> long-lived user token -> the Page's token (which does not expire). */
  async exchangeCode(code: string, redirectUri: string, _verifier: string, target: Target): Promise<{ tokens: TokenSet; externalId: string | null }> {
    const userToken = await longLivedUserToken('facebook', this.o, code, redirectUri);
    const page = await this.findPage(userToken, target);
    return { tokens: { accessToken: page.token, refreshToken: null, expiresAt: null, scopes: FACEBOOK_SCOPES }, externalId: page.id };
  }

  /** Finds the Page the account names among those the user manages (by id, else by username). */
  private async findPage(userToken: string, target: Target): Promise<{ id: string; token: string }> {
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const params: Record<string, string> = { fields: 'id,name,username,access_token,tasks', limit: '100' };
      if (after) params.after = after;
      const a = await this.graph('me/accounts', params, userToken);
      for (const p of list(pick(a.body, 'data'))) {
        const id = str(pick(p, 'id'));
        const token = str(pick(p, 'access_token'));
        const username = str(pick(p, 'username'));
        const matches = id === target.externalId || (username !== null && username.toLowerCase() === target.handle.toLowerCase());
        if (id && token && matches) return { id, token };
      }
      after = pick(a.body, 'paging', 'next') ? str(pick(a.body, 'paging', 'cursors', 'after')) : null;
      if (!after) break;
    }
    throw new Rejected('facebook', `the signed-in user does not manage the Page ${target.handle}`);
  }

  refresh(): Promise<TokenSet> {
    // Page tokens from a long-lived user token do not expire; once invalidated only a new login helps.
    return Promise.reject(new AuthExpired('facebook', 'a Page token cannot be refreshed; connect the Page again'));
  }

  private node(target: Target): string {
    return encodeURIComponent(target.externalId ?? target.handle);
  }

  async profile(target: Target, ctx: CallContext): Promise<ProfileCounts> {
    const a = await this.graph(this.node(target), { fields: 'id,name,username,fan_count,followers_count' }, this.tokenOf(ctx));
    const id = str(pick(a.body, 'id'));
    if (!id) throw new Rejected('facebook', `no Page ${target.handle}`);
    return {
      externalId: id,
      handle: str(pick(a.body, 'username')),
      displayName: str(pick(a.body, 'name')),
      followers: num(pick(a.body, 'followers_count')) ?? num(pick(a.body, 'fan_count')),
      following: null,
      postsTotal: null,
      viewsTotal: null,
    };
  }

  async posts(target: Target, ctx: CallContext, page: string | null): Promise<PostsPage> {
    // Own Pages: published_posts; other Pages (Page Public Content Access): posts.
    const edge = ctx.access.kind === 'owner' ? 'published_posts' : 'posts';
    const params: Record<string, string> = { fields: POST_FIELDS, limit: String(this.o.pageSize ?? 25) };
    if (page) params.after = page;
    const a = await this.graph(`${this.node(target)}/${edge}`, params, this.tokenOf(ctx));
    const items = list(pick(a.body, 'data')).flatMap((p) => {
      const post = toPost(p);
      return post ? [post] : [];
    });
    // Stop on a missing `next`, not on an empty page (Graph may filter a page down to nothing).
    const next = pick(a.body, 'paging', 'next') ? str(pick(a.body, 'paging', 'cursors', 'after')) : null;
    return { items, next };
  }

  /** Feed, photo(s) or video by their public URLs (publish.ts). */
  publish(target: Target, ctx: CallContext, variant: Variant): Promise<Published> {
    const token = this.tokenOf(ctx);
    const graph: FbGraph = (path, params, extra = {}) => this.graph(path, params, token, extra);
    return publishFacebook(graph, this.node(target), variant);
  }

  /** The Page's published_posts, newest first; the message is what publish sent as `message`. */
  findPublished(target: Target, ctx: CallContext, variant: Variant, since: string): Promise<LookupResult> {
    return scanForPost((page) => this.posts(target, ctx, page), variant.text, since);
  }

  async comments(_target: Target, ctx: CallContext, postId: string, page: string | null): Promise<InboxPage> {
    // filter=stream: replies come flat with their parent, so the Page's own answers are seen too.
    const params: Record<string, string> = { fields: 'id,from,message,created_time,parent{id}', filter: 'stream', limit: String(this.o.pageSize ?? 25) };
    if (page) params.after = page;
    const a = await this.graph(`${encodeURIComponent(postId)}/comments`, params, this.tokenOf(ctx));
    const items = list(pick(a.body, 'data')).map((c) => {
      const parentId = str(pick(c, 'parent', 'id'));
      return {
        id: str(pick(c, 'id')) ?? '',
        kind: parentId ? ('reply' as const) : ('comment' as const),
        postId,
        parentId,
        author: str(pick(c, 'from', 'name')),
        authorName: str(pick(c, 'from', 'name')),
        authorId: str(pick(c, 'from', 'id')),
        text: str(pick(c, 'message')) ?? '',
        createdAt: graphInstant(str(pick(c, 'created_time'))) ?? new Date(0).toISOString(),
      };
    });
    return { items, next: pick(a.body, 'paging', 'next') ? str(pick(a.body, 'paging', 'cursors', 'after')) : null };
  }

  async reply(_target: Target, ctx: CallContext, inReplyTo: string, text: string): Promise<Published> {
    const a = await this.graph(`${encodeURIComponent(inReplyTo)}/comments`, {}, this.tokenOf(ctx), { method: 'POST', form: { message: text }, write: true });
    const id = str(pick(a.body, 'id'));
    if (!id) throw new Rejected('facebook', 'the comment answered without an id');
    return { postId: id, permalink: null };
  }
}

/** Graph instants carry "+0000"; we store ISO-8601 UTC with milliseconds. */
export function graphInstant(value: string | null): string | null {
  if (!value) return null;
  const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function toPost(p: unknown): PlatformPost | undefined {
  const id = str(pick(p, 'id'));
  const at = graphInstant(str(pick(p, 'created_time')));
  if (!id || !at) return undefined;
  return {
    postId: id,
    publishedAt: at,
    type: TYPES[str(pick(p, 'status_type')) ?? ''] ?? (pick(p, 'full_picture') ? 'image' : 'text'),
    text: str(pick(p, 'message')),
    mediaCount: pick(p, 'full_picture') ? 1 : null,
    permalink: str(pick(p, 'permalink_url')),
    counts: {
      likes: num(pick(p, 'reactions', 'summary', 'total_count')),
      comments: num(pick(p, 'comments', 'summary', 'total_count')),
      // `shares` is absent when the post was never shared: that is 0, not unknown.
      shares: num(pick(p, 'shares', 'count')) ?? 0,
      quotes: null, saves: null, views: null, impressions: null, reach: null,
    },
  };
}
