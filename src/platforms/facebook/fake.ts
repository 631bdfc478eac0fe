// A local fake of the Facebook Graph API (Pages): login dialog, tokens, Page fields, posts, feed, comments.
import { FakePlatform, FakeTokens, type FakeRequest, type FakeResponse } from '../fake-server.ts';
import { FakeFbMediaPosts } from './fake-media.ts';

export interface FakeFbPost {
  id: string;
  message?: string;
  created_time: string;
  status_type: string;
  full_picture?: string;
  shares?: number;
  reactions: number;
  /** from_id: the author's id (the Page's own id for its replies); parent: the comment answered. */
  comments: { id: string; from: string; from_id?: string; parent?: string; message: string; created_time: string }[];
}

export interface FakeFbPage {
  id: string;
  name: string;
  username?: string;
  fan_count: number;
  followers_count: number;
  posts: FakeFbPost[];
  /** Minutes until access returns once the Page's BUC limit is hit (0: not throttled). */
  throttledFor: number;
}

export const FAKE_FB_APP = { id: '138483919580948', secret: 'fake-facebook-app-secret-0001' };

const err = (code: number, message: string, extra: Record<string, unknown> = {}) => ({ error: { message, type: 'OAuthException', code, ...extra, fbtrace_id: 'AFakeTrace0000000000000' } });

function errorBody(status: number): unknown {
  if (status === 429 || status === 403) return err(4, '(#4) Application request limit reached', { is_transient: true });
  if (status >= 500) return err(2, 'An unexpected error has occurred. Please retry your request later.', { is_transient: true });
  if (status === 401) return err(190, 'Invalid OAuth access token - Cannot parse access token');
  return err(100, '(#100) Invalid parameter');
}

function seedPages(): FakeFbPage[] {
  const post = (id: string, message: string, at: string, type: string, reactions: number, comments: number, shares?: number): FakeFbPost => ({
    id: `104512345678901_${id}`, message, created_time: at, status_type: type, reactions,
    ...(shares === undefined ? {} : { shares }),
    ...(type === 'added_photos' ? { full_picture: `https://scontent.xx.fbcdn.net/v/${id}_n.jpg` } : {}),
    comments: Array.from({ length: comments }, (_, i) => ({ id: `${id}_c${i + 1}`, from: `Visitor ${i + 1}`, message: `Comment ${i + 1}`, created_time: at })),
  });
  return [
    {
      id: '104512345678901', name: 'Example Standards Agency', username: 'examplestandards', fan_count: 8470, followers_count: 8912, throttledFor: 0,
      posts: [
        post('122187654321098765', 'Hari Standar Dunia 2026: mari kenali standar di sekitar kita! #SNI #WorldStandardsDay', '2026-11-26T02:30:11+0000', 'added_photos', 214, 18, 37),
        post('122187600000011223', 'Infografis: 5 langkah sertifikasi produk ber-SNI.', '2026-11-24T04:05:00+0000', 'added_photos', 96, 4, 12),
        post('122187555500099887', 'Live streaming webinar mutu hari ini pukul 13.00 WIB.', '2026-11-22T05:59:47+0000', 'mobile_status_update', 31, 2),
        post('122187500000044556', 'Selamat datang SNIzen! Kuis mingguan dimulai Jumat ini.', '2026-11-19T09:12:30+0000', 'added_photos', 58, 27, 3),
        post('122187444400012345', 'Kunjungi stan kami di pameran mutu nasional.', '2026-11-17T01:00:02+0000', 'added_photos', 12, 0),
      ],
    },
    { id: '109876543210987', name: 'Peer Standards Body', username: 'peerstandards', fan_count: 40100, followers_count: 41250, throttledFor: 0, posts: [] },
  ];
}

export class FakeFacebook extends FakePlatform {
  constructor() {
    super(errorBody);
  }

  readonly tokens = new FakeTokens();
  readonly pages = seedPages();
  private postSeq = 0;
  /** Photos, videos and posts attaching photos (fake-media.ts). */
  readonly mediaPosts = new FakeFbMediaPosts((page) => `${page.id}_1221878000000${String(++this.postSeq).padStart(5, '0')}`);

  /** A Page token as the connect flow would have stored it. */
  pageToken(pageId = '104512345678901'): string {
    return this.tokens.issue('access', `page:${pageId}`, null, 'EAAP');
  }

  private page(node: string): FakeFbPage | undefined {
    return this.pages.find((p) => p.id === node || p.username?.toLowerCase() === node.toLowerCase());
  }

  /** Who calls: a user, a Page, or the app (app token "id|secret"); undefined answers error 190. */
  private caller(r: FakeRequest): { kind: 'user' | 'page' | 'app'; subject: string } | FakeResponse {
    if (r.token === `${FAKE_FB_APP.id}|${FAKE_FB_APP.secret}`) return { kind: 'app', subject: 'app' };
    const t = this.tokens.check(r.token, 'access');
    if (t) return { kind: t.subject.startsWith('page:') ? 'page' : 'user', subject: t.subject };
    if (this.tokens.known(r.token)) {
      return { status: 400, body: err(190, 'Error validating access token: Session has expired.', { error_subcode: 463 }) };
    }
    return { status: 400, body: err(190, 'Invalid OAuth access token - Cannot parse access token') };
  }

  protected async handle(r: FakeRequest): Promise<FakeResponse> {
    const path = r.path.replace(/^\/v\d+\.\d+/, '');
    if (path === '/dialog/oauth') {
      const code = this.tokens.issue('code', 'user:1', 600);
      const to = new URL(r.query.get('redirect_uri') ?? 'http://invalid/');
      to.searchParams.set('code', code);
      to.searchParams.set('state', r.query.get('state') ?? '');
      return { redirect: to.toString() };
    }
    if (path === '/oauth/access_token') return this.token(r);
    const who = this.caller(r);
    if (!('kind' in who)) return who;
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts[0] === 'me' && parts[1] === 'accounts') {
      if (who.kind !== 'user') return { status: 400, body: err(100, '(#100) me/accounts needs a user token') };
      return { body: { data: this.pages.map((p) => ({ id: p.id, name: p.name, ...(p.username ? { username: p.username } : {}), access_token: this.pageToken(p.id), category: 'Government organization', tasks: ['ANALYZE', 'CREATE_CONTENT', 'MODERATE'] })), paging: { cursors: { before: 'QVFIUmJ4', after: 'QVFIUnNB' } } } };
    }
    const [node, edge] = parts;
    const page = node ? this.page(node) : undefined;
    if (page && who.kind === 'page' && page.throttledFor > 0) {
      const usage = JSON.stringify({ [page.id]: [{ type: 'pages', call_count: 100, total_cputime: 41, total_time: 52, estimated_time_to_regain_access: page.throttledFor }] });
      return { status: 400, headers: { 'x-business-use-case-usage': usage }, body: err(80001, '(#80001) There have been too many calls to this Page account. Wait a bit and try again.') };
    }
    const headers: Record<string, string> = who.kind === 'page' && page
      ? { 'x-business-use-case-usage': JSON.stringify({ [page.id]: [{ type: 'pages', call_count: 3, total_cputime: 1, total_time: 1, estimated_time_to_regain_access: 0 }] }) }
      : { 'x-app-usage': JSON.stringify({ call_count: 2, total_time: 1, total_cputime: 1 }) };
    if (page && edge === undefined && r.method === 'GET') return { headers, body: pageFields(page, r.query.get('fields')) };
    if (page && (edge === 'published_posts' || edge === 'posts') && r.method === 'GET') return { headers, body: this.postsPage(page, r) };
    if (page && (edge === 'feed' || edge === 'photos' || edge === 'videos') && r.method === 'POST') {
      if (who.subject !== `page:${page.id}`) return this.publish(page, who.subject, r);
      const media = await this.mediaPosts.handle(page, edge, r);
      if (media) return media;
      if (edge === 'feed') return this.publish(page, who.subject, r);
    }
    const post = this.pages.flatMap((p) => p.posts).find((p) => p.id === node);
    if (post && edge === 'comments' && r.method === 'GET') {
      const stream = r.query.get('filter') === 'stream';
      const shown = stream ? post.comments : post.comments.filter((c) => !c.parent);
      return { headers, body: { data: shown.map((c) => ({ id: c.id, from: { name: c.from, id: c.from_id ?? '1' }, message: c.message, created_time: c.created_time, ...(c.parent && stream ? { parent: { id: c.parent } } : {}) })) } };
    }
    if (edge === 'comments' && r.method === 'POST') {
      const target = post ?? this.pages.flatMap((p) => p.posts).find((p) => p.comments.some((c) => c.id === node));
      if (!target) return { status: 400, body: err(100, 'Unsupported post request.', { error_subcode: 33 }) };
      const id = `${node}_r${++this.postSeq}`;
      const owner = this.pages.find((p) => p.posts.includes(target));
      const parent = target.id === node ? {} : { parent: node };
      target.comments.push({ id, from: owner?.name ?? 'Page', from_id: owner?.id ?? '1', ...parent, message: r.form().get('message') ?? '', created_time: new Date().toISOString().replace(/\.\d{3}Z$/, '+0000') });
      return { body: { id } };
    }
    return { status: 400, body: err(100, `Unsupported get request. Object with ID '${node ?? ''}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, { error_subcode: 33 }) };
  }

  private token(r: FakeRequest): FakeResponse {
    if (r.query.get('client_id') !== FAKE_FB_APP.id || r.query.get('client_secret') !== FAKE_FB_APP.secret) {
      return { status: 400, body: err(101, 'Error validating application. Invalid application ID.') };
    }
    if (r.query.get('grant_type') === 'fb_exchange_token') {
      const short = this.tokens.check(r.query.get('fb_exchange_token') ?? undefined, 'access');
      if (!short) return { status: 400, body: err(190, 'Error validating access token: Session has expired.', { error_subcode: 463 }) };
      return { body: { access_token: this.tokens.issue('access', short.subject, 5183944, 'EAAL'), token_type: 'bearer', expires_in: 5183944 } };
    }
    const code = r.query.get('code') ?? undefined;
    const c = this.tokens.check(code, 'code');
    if (!c || !code) return { status: 400, body: err(100, 'This authorization code has been used.', { error_subcode: 36009 }) };
    this.tokens.spend(code);
    return { body: { access_token: this.tokens.issue('access', c.subject, 5183, 'EAAS'), token_type: 'bearer', expires_in: 5183 } };
  }

  private postsPage(page: FakeFbPage, r: FakeRequest): unknown {
    const limit = Math.min(Number(r.query.get('limit') ?? 25), 100);
    const start = r.query.get('after') ? Number(Buffer.from(r.query.get('after') ?? '', 'base64url').toString()) : 0;
    const slice = page.posts.slice(start, start + limit);
    const cursor = (i: number) => Buffer.from(String(i)).toString('base64url');
    const paging: Record<string, unknown> = { cursors: { before: cursor(start), after: cursor(start + slice.length) } };
    if (start + limit < page.posts.length) {
      const next = new URL(`${this.url}/v27.0/${page.id}/published_posts`);
      next.searchParams.set('access_token', r.token ?? '');
      next.searchParams.set('limit', String(limit));
      next.searchParams.set('after', cursor(start + slice.length));
      paging.next = next.toString();
    }
    return {
      data: slice.map((p) => ({
        id: p.id, ...(p.message === undefined ? {} : { message: p.message }), created_time: p.created_time,
        permalink_url: `https://www.facebook.com/${page.id}/posts/${p.id.split('_')[1] ?? ''}`, status_type: p.status_type,
        ...(p.full_picture ? { full_picture: p.full_picture } : {}), ...(p.shares ? { shares: { count: p.shares } } : {}),
        reactions: { data: [], summary: { total_count: p.reactions, viewer_reaction: 'NONE' } },
        comments: { data: [], summary: { order: 'ranked', total_count: p.comments.length, can_comment: true } },
      })),
      paging,
    };
  }

  private publish(page: FakeFbPage, subject: string, r: FakeRequest): FakeResponse {
    if (subject !== `page:${page.id}`) return { status: 403, body: err(200, '(#200) If posting to a page, requires both pages_read_engagement and pages_manage_posts as an admin with sufficient administrative permission') };
    const message = r.form().get('message') ?? '';
    if (page.posts[0]?.message === message) {
      return { status: 400, body: err(506, 'Duplicate status message', { error_subcode: 1455006, is_transient: false, error_user_title: 'Duplicate Status Update' }) };
    }
    const id = `${page.id}_1221878000000${String(++this.postSeq).padStart(5, '0')}`;
    page.posts.unshift({ id, message, created_time: new Date().toISOString().replace(/\.\d{3}Z$/, '+0000'), status_type: 'mobile_status_update', reactions: 0, comments: [] });
    return { body: { id } };
  }
}

function pageFields(page: FakeFbPage, fields: string | null): Record<string, unknown> {
  const all: Record<string, unknown> = {
    id: page.id, name: page.name, ...(page.username ? { username: page.username } : {}), fan_count: page.fan_count, followers_count: page.followers_count,
    link: `https://www.facebook.com/${page.username ?? page.id}`, category: 'Government organization',
  };
  const wanted = new Set((fields ?? 'id,name').split(',').map((f) => f.trim()));
  return Object.fromEntries(Object.entries(all).filter(([k]) => k === 'id' || wanted.has(k)));
}
