// LinkedIn organisation pages through the Community Management API (versioned /rest): OAuth, follower
// count, the page's posts with their share statistics, posting, and comments with replies to them.
import type { OAuthClient } from '../../config.ts';
import type { PostType } from '../../core/platforms.ts';
import { byStatus, call, list, num, pick, str, type Answer, type CallOptions } from '../http.ts';
import { tokenError, tokenSetFrom } from '../oauth.ts';
import {
  AuthExpired, RateLimited, Rejected,
  type AuthorizeRequest, type CallContext, type InboxPage, type PlatformAdapter, type PlatformError, type PlatformPost, type PostCounts, type PostsPage, type ProfileCounts, type Published, type Target, type TokenSet, type Variant,
} from '../types.ts';

export interface LinkedinOptions {
  apiUrl: string;
  authUrl: string;
  /** LinkedIn-Version, YYYYMM; each month's version lives about a year. */
  version: string;
  client: OAuthClient | undefined;
  timeoutMs: number;
  pageSize?: number;
}

export const LINKEDIN_SCOPES = ['rw_organization_admin', 'r_organization_social', 'w_organization_social'];
const ORG = 'urn:li:organization:';

/** Limits are per day and reset at midnight UTC. */
function nextUtcMidnight(now: number): string {
  const d = new Date(now);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1)).toISOString();
}

export function linkedinError(a: Answer, write: boolean, version: string, now = Date.now()): PlatformError {
  const code = str(pick(a.body, 'code'));
  const message = str(pick(a.body, 'message')) ?? `HTTP ${a.status}`;
  const info = { status: a.status, code: code ?? num(pick(a.body, 'serviceErrorCode')) ?? undefined };
  if (a.status === 429) return new RateLimited('linkedin', message, nextUtcMidnight(now), info);
  if (a.status === 401) return new AuthExpired('linkedin', message, info);
  if (a.status === 426) return new Rejected('linkedin', `LinkedIn-Version ${version} is no longer served; set LINKEDIN_VERSION to a recent month (${message})`, info);
  // 403 ACCESS_DENIED (permission or page role missing), 400, 404, 422: refused as asked.
  if (a.status >= 400 && a.status < 500 && a.status !== 408) return new Rejected('linkedin', message, info);
  return byStatus('linkedin', a, message, write, now);
}

const enc = encodeURIComponent;
/** Rest.li 2.0 list syntax: List(a,b) with each item encoded and the brackets and commas left as they are. */
const restliList = (items: string[]) => `List(${items.map(enc).join(',')})`;

function postType(p: unknown): PostType {
  const media = str(pick(p, 'content', 'media', 'id')) ?? '';
  if (media.startsWith('urn:li:video:')) return 'video';
  if (media) return 'image';
  if (pick(p, 'content', 'multiImage') !== undefined) return 'carousel';
  if (pick(p, 'content', 'article') !== undefined) return 'link';
  return 'text';
}

function counts(s: unknown): PostCounts {
  const n = (k: string) => num(pick(s, k));
  return { likes: n('likeCount'), comments: n('commentCount'), shares: n('shareCount'), quotes: null, saves: null, views: null, impressions: n('impressionCount'), reach: n('uniqueImpressionsCount') };
}

/** An organisation actor as its bare id (what accounts store), anyone else as the URN. */
const actorId = (urn: string | null) => (urn?.startsWith(ORG) ? urn.slice(ORG.length) : urn);

export class LinkedinAdapter implements PlatformAdapter {
  readonly platform = 'linkedin' as const;
  readonly pkce = false;
  /** Page statistics need an admin of the page: there is no public read. */
  readonly publicReads = false;

  constructor(private readonly o: LinkedinOptions) {}

  private client(): OAuthClient {
    if (!this.o.client) throw new Rejected('linkedin', 'LINKEDIN_CLIENT_ID and LINKEDIN_CLIENT_SECRET are not configured');
    return this.o.client;
  }

  private async api(path: string, ctx: CallContext, extra: Partial<CallOptions> = {}): Promise<Answer> {
    if (ctx.access.kind !== 'owner') throw new Rejected('linkedin', 'LinkedIn pages are read with an admin’s connection only');
    const headers = { authorization: `Bearer ${ctx.access.accessToken}`, 'linkedin-version': this.o.version, 'x-restli-protocol-version': '2.0.0', ...extra.headers };
    const a = await call('linkedin', `${this.o.apiUrl}/rest/${path}`, { timeoutMs: this.o.timeoutMs, ...extra, headers });
    if (a.status >= 400) throw linkedinError(a, extra.write ?? false, this.o.version);
    return a;
  }

  authorizeUrl(req: AuthorizeRequest): string {
    const q = new URLSearchParams({ response_type: 'code', client_id: this.client().id, redirect_uri: req.redirectUri, state: req.state, scope: LINKEDIN_SCOPES.join(' ') });
    return `${this.o.authUrl}/oauth/v2/authorization?${q.toString()}`;
  }

  private async token(form: Record<string, string>, previous?: TokenSet): Promise<TokenSet> {
    const c = this.client();
    const a = await call('linkedin', `${this.o.authUrl}/oauth/v2/accessToken`, { timeoutMs: this.o.timeoutMs, form: { ...form, client_id: c.id, client_secret: c.secret } });
    if (a.status >= 400) throw tokenError('linkedin', a);
    const t = tokenSetFrom(a.body, Date.now(), previous);
    if (!t) throw new Rejected('linkedin', 'the token endpoint answered without an access token');
    return t;
  }

  /** The page the account names, among those the signed-in member administers (by id, else by vanity name). */
  async exchangeCode(code: string, redirectUri: string, _verifier: string, target: Target): Promise<{ tokens: TokenSet; externalId: string | null }> {
    const tokens = await this.token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri });
    const ctx: CallContext = { access: { kind: 'owner', accessToken: tokens.accessToken } };
    const acls = await this.api('organizationAcls?q=roleAssignee&role=ADMINISTRATOR&state=APPROVED', ctx);
    for (const e of list(pick(acls.body, 'elements'))) {
      const id = actorId(str(pick(e, 'organization')));
      if (!id) continue;
      const org = await this.api(`organizations/${enc(id)}`, ctx);
      const vanity = str(pick(org.body, 'vanityName'));
      if (id === target.externalId || vanity?.toLowerCase() === target.handle.toLowerCase()) return { tokens, externalId: id };
    }
    throw new Rejected('linkedin', `the signed-in member is not an administrator of the page ${target.handle}`);
  }

  /** Programmatic refresh tokens exist only for approved partners; without one the member signs in again. */
  refresh(tokens: TokenSet): Promise<TokenSet> {
    if (!tokens.refreshToken) return Promise.reject(new AuthExpired('linkedin', 'the token has expired and LinkedIn gave no refresh token; connect the page again'));
    return this.token({ grant_type: 'refresh_token', refresh_token: tokens.refreshToken }, tokens);
  }

  private async organization(target: Target, ctx: CallContext): Promise<{ id: string; vanity: string | null; name: string | null }> {
    if (target.externalId) {
      const a = await this.api(`organizations/${enc(target.externalId)}`, ctx);
      return { id: target.externalId, vanity: str(pick(a.body, 'vanityName')), name: str(pick(a.body, 'localizedName')) };
    }
    const a = await this.api(`organizations?q=vanityName&vanityName=${enc(target.handle)}`, ctx);
    const org = list(pick(a.body, 'elements'))[0];
    const id = str(pick(org, 'id'));
    if (!id) throw new Rejected('linkedin', `no page ${target.handle}`);
    return { id, vanity: str(pick(org, 'vanityName')), name: str(pick(org, 'localizedName')) };
  }

  async profile(target: Target, ctx: CallContext): Promise<ProfileCounts> {
    const org = await this.organization(target, ctx);
    // The follower total; the statistics' breakdowns are partial and must not be summed.
    const size = await this.api(`networkSizes/${enc(ORG + org.id)}?edgeType=COMPANY_FOLLOWED_BY_MEMBER`, ctx);
    return { externalId: org.id, handle: org.vanity, displayName: org.name, followers: num(pick(size.body, 'firstDegreeSize')), following: null, postsTotal: null, viewsTotal: null };
  }

  /** A page of the organisation's posts, newest first, with each post's share statistics. */
  async posts(target: Target, ctx: CallContext, page: string | null): Promise<PostsPage> {
    const id = target.externalId ?? (await this.organization(target, ctx)).id;
    const author = ORG + id;
    const count = Math.min(100, this.o.pageSize ?? 50);
    const start = page && /^\d+$/.test(page) ? Number(page) : 0;
    const a = await this.api(`posts?q=author&author=${enc(author)}&count=${count}&start=${start}`, ctx, { headers: { 'x-restli-method': 'FINDER' } });
    const found = list(pick(a.body, 'elements')).filter((p) => str(pick(p, 'id')) && num(pick(p, 'publishedAt') ?? pick(p, 'createdAt')) !== null);
    const ids = found.map((p) => str(pick(p, 'id')) ?? '');
    const stats = new Map<string, unknown>();
    const shares = ids.filter((x) => x.startsWith('urn:li:share:'));
    const ugc = ids.filter((x) => x.startsWith('urn:li:ugcPost:'));
    if (shares.length + ugc.length > 0) {
      const lists = [shares.length ? `shares=${restliList(shares)}` : '', ugc.length ? `ugcPosts=${restliList(ugc)}` : ''].filter(Boolean).join('&');
      const s = await this.api(`organizationalEntityShareStatistics?q=organizationalEntity&organizationalEntity=${enc(author)}&${lists}`, ctx);
      for (const e of list(pick(s.body, 'elements'))) stats.set(str(pick(e, 'share')) ?? str(pick(e, 'ugcPost')) ?? '', pick(e, 'totalShareStatistics'));
    }
    const items = found.map((p): PlatformPost => {
      const urn = str(pick(p, 'id')) ?? '';
      return {
        postId: urn,
        publishedAt: new Date(num(pick(p, 'publishedAt')) ?? num(pick(p, 'createdAt')) ?? 0).toISOString(),
        type: postType(p), text: str(pick(p, 'commentary')), mediaCount: postType(p) === 'text' || postType(p) === 'link' ? null : 1,
        permalink: `https://www.linkedin.com/feed/update/${urn}`, counts: counts(stats.get(urn)),
      };
    });
    const total = num(pick(a.body, 'paging', 'total'));
    const seen = start + list(pick(a.body, 'elements')).length;
    const more = total !== null ? seen < total : list(pick(a.body, 'elements')).length === count;
    return { items, next: more ? String(seen) : null };
  }

  async publish(target: Target, ctx: CallContext, variant: Variant): Promise<Published> {
    const id = target.externalId ?? (await this.organization(target, ctx)).id;
    const commentary = variant.link ? `${variant.text} ${variant.link}` : variant.text;
    const a = await this.api('posts', ctx, {
      method: 'POST', write: true,
      json: { author: ORG + id, commentary, visibility: 'PUBLIC', distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] }, lifecycleState: 'PUBLISHED', isReshareDisabledByAuthor: false },
    });
    // 201 with an empty body: the new post's URN is in a header.
    const urn = a.headers.get('x-restli-id') ?? a.headers.get('x-linkedin-id');
    if (!urn) throw new Rejected('linkedin', 'the post was answered without its id');
    return { postId: urn, permalink: `https://www.linkedin.com/feed/update/${urn}` };
  }

  async comments(_target: Target, ctx: CallContext, postId: string, page: string | null): Promise<InboxPage> {
    const count = Math.min(100, this.o.pageSize ?? 50);
    const start = page && /^\d+$/.test(page) ? Number(page) : 0;
    const a = await this.api(`socialActions/${enc(postId)}/comments?start=${start}&count=${count}`, ctx);
    const elements = list(pick(a.body, 'elements'));
    const items = elements.flatMap((c) => {
      const id = str(pick(c, 'commentUrn')) ?? (str(pick(c, 'id')) ? `urn:li:comment:(${str(pick(c, 'object')) ?? postId},${str(pick(c, 'id')) ?? ''})` : null);
      if (!id) return [];
      const parentId = str(pick(c, 'parentComment'));
      return [{
        id, kind: parentId ? ('reply' as const) : ('comment' as const), postId, parentId,
        author: null, authorName: null, authorId: actorId(str(pick(c, 'actor'))),
        text: str(pick(c, 'message', 'text')) ?? '', createdAt: new Date(num(pick(c, 'created', 'time')) ?? 0).toISOString(),
      }];
    });
    const total = num(pick(a.body, 'paging', 'total'));
    const seen = start + elements.length;
    return { items, next: (total !== null ? seen < total : elements.length === count) ? String(seen) : null };
  }

  /** Answers a comment (nested under it) or, given a post URN, comments on the post, as the organisation. */
  async reply(target: Target, ctx: CallContext, inReplyTo: string, text: string): Promise<Published> {
    const id = target.externalId ?? (await this.organization(target, ctx)).id;
    const m = /^urn:li:comment:\((.+),[^,()]+\)$/.exec(inReplyTo);
    const body = { actor: ORG + id, object: m?.[1] ?? inReplyTo, message: { text }, ...(m ? { parentComment: inReplyTo } : {}) };
    const a = await this.api(`socialActions/${enc(inReplyTo)}/comments`, ctx, { method: 'POST', json: body, write: true });
    const urn = str(pick(a.body, 'commentUrn')) ?? a.headers.get('x-restli-id');
    if (!urn) throw new Rejected('linkedin', 'the comment was answered without its id');
    return { postId: urn, permalink: null };
  }
}
