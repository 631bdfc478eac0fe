// A local fake of the Instagram Graph API (Facebook Login path): login, IG user fields, media, Business Discovery.
import { FakePlatform, FakeTokens, type FakeRequest, type FakeResponse } from '../fake-server.ts';
import { FAKE_FB_APP } from '../facebook/fake.ts';

export interface FakeIgMedia {
  id: string;
  caption?: string;
  media_type: 'IMAGE' | 'VIDEO' | 'CAROUSEL_ALBUM';
  media_product_type: 'FEED' | 'REELS';
  timestamp: string;
  like_count?: number;
  comments_count: number;
}

export interface FakeIgUser {
  id: string;
  username: string;
  name: string;
  followers_count: number;
  follows_count: number;
  media_count: number;
  /** The Facebook Page it is linked to (owned accounts only). */
  pageId?: string;
  media: FakeIgMedia[];
}

const err = (code: number, message: string, extra: Record<string, unknown> = {}) => ({ error: { message, type: 'OAuthException', code, ...extra, fbtrace_id: 'AFakeIgTrace00000000000' } });

function errorBody(status: number): unknown {
  if (status === 429 || status === 403) return err(4, '(#4) Application request limit reached', { is_transient: true });
  if (status >= 500) return err(-1, 'An unknown error occurred', { error_subcode: 2207001, is_transient: true });
  if (status === 401) return err(190, 'Invalid OAuth access token - Cannot parse access token');
  return err(100, 'Invalid parameter');
}

const m = (id: string, caption: string | undefined, type: FakeIgMedia['media_type'], product: FakeIgMedia['media_product_type'], at: string, likes: number | undefined, comments: number): FakeIgMedia => ({
  id, ...(caption === undefined ? {} : { caption }), media_type: type, media_product_type: product, timestamp: at, ...(likes === undefined ? {} : { like_count: likes }), comments_count: comments,
});

function seedUsers(): FakeIgUser[] {
  return [
    {
      id: '17841405822304914', username: 'example_standards', name: 'Example Standards Agency', followers_count: 76670, follows_count: 412, media_count: 1893, pageId: '104512345678901',
      media: [
        m('18034567890123456', 'Selamat Hari Standar Dunia! Geser untuk infografisnya 👉 #SNI #WorldStandardsDay', 'CAROUSEL_ALBUM', 'FEED', '2026-11-26T03:01:12+0000', 2140, 87),
        m('18123456789012345', 'Di balik layar uji mutu helm ber-SNI 🎬', 'VIDEO', 'REELS', '2026-11-24T10:45:00+0000', 5321, 142),
        m('17998765432109876', 'Kuis SNIzen minggu ini! Jawab di kolom komentar.', 'IMAGE', 'FEED', '2026-11-22T02:30:59+0000', 988, 311),
        m('17887766554433221', 'Infografis: cara membaca tanda SNI pada kemasan.', 'IMAGE', 'FEED', '2026-11-19T04:12:44+0000', 1204, 19),
        m('18011223344556677', undefined, 'IMAGE', 'FEED', '2026-11-17T01:00:00+0000', 450, 3),
      ],
    },
    {
      id: '17841401441775531', username: 'peer_standards_body', name: 'Peer Standards Body', followers_count: 267793, follows_count: 188, media_count: 1205,
      media: [
        m('18055544433322211', 'Meet our experts at the General Assembly.', 'IMAGE', 'FEED', '2026-11-25T14:00:03+0000', 3120, 45),
        m('18066655544433322', 'What is a standard? 60 seconds explainer.', 'VIDEO', 'REELS', '2026-11-23T09:30:00+0000', 8870, 201),
        m('17977766655544433', 'New guidance for sustainable cities.', 'CAROUSEL_ALBUM', 'FEED', '2026-11-20T12:15:27+0000', 1544, 12),
        m('17955544433322211', 'Annual report is out.', 'IMAGE', 'FEED', '2026-11-18T08:00:00+0000', undefined, 7),
      ],
    },
  ];
}

const cursor = (i: number) => Buffer.from(String(i)).toString('base64url');
const uncursor = (c: string | null | undefined) => (c ? Number(Buffer.from(c, 'base64url').toString()) || 0 : 0);

export class FakeInstagram extends FakePlatform {
  constructor() {
    super(errorBody);
  }

  readonly tokens = new FakeTokens();
  readonly users = seedUsers();

  /** The Page token of the Page an owned IG account is linked to. */
  pageToken(pageId = '104512345678901'): string {
    return this.tokens.issue('access', `page:${pageId}`, null, 'EAAP');
  }

  protected handle(r: FakeRequest): FakeResponse {
    const path = r.path.replace(/^\/v\d+\.\d+/, '');
    if (path === '/dialog/oauth') {
      const to = new URL(r.query.get('redirect_uri') ?? 'http://invalid/');
      to.searchParams.set('code', this.tokens.issue('code', 'user:1', 600));
      to.searchParams.set('state', r.query.get('state') ?? '');
      return { redirect: to.toString() };
    }
    if (path === '/oauth/access_token') {
      if (r.query.get('client_secret') !== FAKE_FB_APP.secret) return { status: 400, body: err(101, 'Error validating application.') };
      const code = r.query.get('code');
      const given = code ?? r.query.get('fb_exchange_token') ?? undefined;
      const t = this.tokens.check(given, code ? 'code' : 'access');
      if (!t || !given) return { status: 400, body: err(190, 'Error validating access token: Session has expired.', { error_subcode: 463 }) };
      if (code) this.tokens.spend(code);
      return { body: { access_token: this.tokens.issue('access', t.subject, code ? 5183 : 5183944, 'EAAU'), token_type: 'bearer', expires_in: code ? 5183 : 5183944 } };
    }
    const who = this.tokens.check(r.token, 'access');
    if (!who) return { status: 400, body: this.tokens.known(r.token) ? err(190, 'Error validating access token: Session has expired.', { error_subcode: 463 }) : err(190, 'Invalid OAuth access token - Cannot parse access token') };
    const [node, edge] = path.split('/').filter(Boolean).map(decodeURIComponent);
    if (node === 'me' && edge === 'accounts') {
      const data = this.users.filter((u) => u.pageId).map((u) => ({ id: u.pageId, access_token: this.pageToken(u.pageId), instagram_business_account: { id: u.id, username: u.username } }));
      return { body: { data, paging: { cursors: { before: 'QVFI', after: 'QVFJ' } } } };
    }
    const user = this.users.find((u) => u.id === node);
    if (!user) return { status: 400, body: err(100, `Unsupported get request. Object with ID '${node ?? ''}' does not exist.`, { error_subcode: 33 }) };
    const fields = r.query.get('fields') ?? 'id';
    if (edge === 'media') {
      const limit = Number(r.query.get('limit') ?? 25);
      return { body: this.mediaPage(user, uncursor(r.query.get('after')), limit, true) };
    }
    const bd = /business_discovery\.username\(([^)]*)\)/.exec(fields);
    if (bd) {
      const peer = this.users.find((u) => u.username.toLowerCase() === (bd[1] ?? '').toLowerCase());
      if (!peer) return { status: 400, body: err(110, 'Invalid user id', { error_subcode: 2207013, error_user_title: 'Cannot find user', error_user_msg: 'The user with username: peer cannot be found.' }) };
      const mediaExpr = /media((?:\.(?:after|limit)\([^)]*\))*)\{/.exec(fields);
      const out: Record<string, unknown> = { ...profileJson(peer), id: peer.id };
      if (mediaExpr) {
        const after = /\.after\(([^)]*)\)/.exec(mediaExpr[1] ?? '')?.[1];
        const limit = Number(/\.limit\((\d+)\)/.exec(mediaExpr[1] ?? '')?.[1] ?? 25);
        out.media = this.mediaPage(peer, uncursor(after), limit, false);
      }
      return { body: { business_discovery: out, id: node } };
    }
    return { body: { id: user.id, ...profileJson(user) } };
  }

  /** Own media pages carry a `next` URL; Business Discovery's nested pages only cursors. */
  private mediaPage(user: FakeIgUser, start: number, limit: number, withNext: boolean): unknown {
    const slice = user.media.slice(start, start + limit);
    const more = start + limit < user.media.length;
    const paging: Record<string, unknown> = { cursors: { before: cursor(start), ...(more || withNext ? { after: cursor(start + slice.length) } : {}) } };
    if (withNext && more) paging.next = `${this.url}/v27.0/${user.id}/media?limit=${limit}&after=${cursor(start + slice.length)}`;
    return { data: slice.map((x) => ({ ...x, permalink: `https://www.instagram.com/p/${x.id.slice(-6)}/` })), paging };
  }
}

function profileJson(u: FakeIgUser): Record<string, unknown> {
  return { username: u.username, name: u.name, followers_count: u.followers_count, follows_count: u.follows_count, media_count: u.media_count };
}
