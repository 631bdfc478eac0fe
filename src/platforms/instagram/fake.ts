// A local fake of the Instagram Graph API (Facebook Login path): login, IG user fields, media, Business
// Discovery, and the inbox edges (comments, replies, tags, mentions).
import { FakePlatform, FakeTokens, type FakeRequest, type FakeResponse } from '../fake-server.ts';
import { FAKE_FB_APP } from '../facebook/fake.ts';
import { FakeIgPublishing } from './fake-publish.ts';

export interface FakeIgMedia {
  id: string;
  caption?: string;
  media_type: 'IMAGE' | 'VIDEO' | 'CAROUSEL_ALBUM';
  media_product_type: 'FEED' | 'REELS';
  timestamp: string;
  like_count?: number;
  comments_count: number;
  /** Comments and replies, oldest first (replies carry parent_id: always a top-level comment). */
  comments?: FakeIgComment[];
}

export interface FakeIgComment {
  id: string;
  text: string;
  timestamp: string;
  username: string;
  /** The author's id as `from.id` shows it. */
  from_id: string;
  parent_id?: string;
  hidden?: boolean;
}

/** A medium of someone else in which the account was tagged (its caption may @mention the account). */
export interface FakeIgTag {
  id: string;
  username: string;
  caption?: string;
  media_type: 'IMAGE' | 'VIDEO' | 'CAROUSEL_ALBUM';
  timestamp: string;
  comments: FakeIgComment[];
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
  tagged?: FakeIgTag[];
  /** Minutes until access returns once the account's BUC limit is hit (0: not throttled). */
  throttledFor?: number;
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

const c = (id: string, username: string, text: string, timestamp: string, parent?: string, fromId = `9${id.slice(-15)}`): FakeIgComment => ({
  id, text, timestamp, username, from_id: fromId, ...(parent ? { parent_id: parent } : {}),
});

/** Comments of the owned account's newest two media; the account answers one itself (from its own id). */
function seedComments(users: FakeIgUser[]): FakeIgUser[] {
  const [carousel, reel] = users[0]?.media ?? [];
  if (carousel) carousel.comments = [
    c('17900000000000001', 'warga_sni', 'Infografisnya bagus! Boleh dibagikan?', '2026-11-26T04:10:00+0000'),
    c('17900000000000002', 'example_standards', 'Silakan dibagikan, terima kasih!', '2026-11-26T05:00:00+0000', '17900000000000001', '17841405822304914'),
    c('17900000000000003', 'budi.lab', 'Kapan ada pelatihan SNI lagi?', '2026-11-26T06:30:00+0000'),
    c('17900000000000004', 'sari_qc', 'Saya juga ingin tahu', '2026-11-26T07:00:00+0000', '17900000000000003'),
  ];
  if (reel) reel.comments = [
    c('17900000000000005', 'helm_aman', 'Helm saya sudah ber-SNI 👍', '2026-11-24T11:00:00+0000'),
    c('17900000000000006', 'ojol_jkt', 'Di mana cek keaslian tanda SNI?', '2026-11-24T12:00:00+0000'),
    c('17900000000000007', 'rina.w', 'Ikut bertanya', '2026-11-24T12:05:00+0000', '17900000000000006'),
    c('17900000000000008', 'dimas_p', 'Penasaran juga', '2026-11-24T12:10:00+0000', '17900000000000006'),
    c('17900000000000009', 'agus.k', 'Mohon infonya min', '2026-11-24T12:15:00+0000', '17900000000000006'),
  ];
  return users;
}

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
      tagged: [
        { id: '17999100000000001', username: 'umkm_batik', caption: 'Produk kami resmi ber-SNI! Terima kasih @example_standards 🙏', media_type: 'IMAGE', timestamp: '2026-11-25T09:00:00+0000', comments: [] },
        { id: '17999100000000002', username: 'fotografer_id', caption: 'Pameran mutu nasional hari ini.', media_type: 'IMAGE', timestamp: '2026-11-18T03:20:00+0000', comments: [] },
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
  readonly users = seedComments(seedUsers());
  /** Containers, media_publish and the publishing cap (fake-publish.ts). */
  readonly publishing = new FakeIgPublishing(this.users);
  private seq = 0;

  /** The Page token of the Page an owned IG account is linked to. */
  pageToken(pageId = '104512345678901'): string {
    return this.tokens.issue('access', `page:${pageId}`, null, 'EAAP');
  }

  protected async handle(r: FakeRequest): Promise<FakeResponse> {
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
    const published = await this.publishing.handle(r, who.subject, node ?? '', edge);
    if (published) return published;
    const inbox = this.inbox(r, who.subject, node ?? '', edge);
    if (inbox) return inbox;
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
    return { data: slice.map(({ comments: _thread, ...x }) => ({ ...x, permalink: `https://www.instagram.com/p/${x.id.slice(-6)}/` })), paging };
  }

  /** The owned account a node belongs to: the account itself, one of its media or tags, or a comment there. */
  private locate(node: string): { user: FakeIgUser; media?: FakeIgMedia | FakeIgTag; comment?: FakeIgComment } | undefined {
    for (const user of this.users) {
      if (user.id === node) return { user };
      for (const media of [...user.media, ...(user.tagged ?? [])]) {
        if (media.id === node) return { user, media };
        const comment = media.comments?.find((x) => x.id === node);
        if (comment) return { user, media, comment };
      }
    }
    return undefined;
  }

  /** Comments, replies, tags and mentions: only the Page token of the account's own Page may use them. */
  private inbox(r: FakeRequest, subject: string, node: string, edge: string | undefined): FakeResponse | undefined {
    const at = this.locate(node);
    if (!at) return undefined;
    const { user, media, comment } = at;
    const ours = (media && !comment && edge === 'comments') || (comment && edge === 'replies') || (!media && (edge === 'tags' || edge === 'mentions'));
    if (!ours) return undefined;
    if (subject !== `page:${user.pageId ?? ''}`) return { status: 400, body: err(10, '(#10) Application does not have permission for this action') };
    if (user.throttledFor) {
      const usage = JSON.stringify({ [user.id]: [{ type: 'instagram', call_count: 100, total_cputime: 30, total_time: 41, estimated_time_to_regain_access: user.throttledFor }] });
      return { status: 400, headers: { 'x-business-use-case-usage': usage }, body: err(80002, '(#80002) There have been too many calls to this Instagram account. Wait a bit and try again.') };
    }
    const limit = Math.min(Number(r.query.get('limit') ?? 25), 100);
    const start = uncursor(r.query.get('after'));
    const thread = media?.comments ?? [];
    if (media && !comment && r.method === 'GET') {
      const nested = /replies(?:\.limit\((\d+)\))?\{/.exec(r.query.get('fields') ?? '');
      const top = thread.filter((x) => !x.parent_id && !x.hidden);
      return { body: this.page(top, start, limit, `${node}/comments`, (x) => {
        const replies = thread.filter((y) => y.parent_id === x.id && !y.hidden);
        return nested && replies.length > 0 ? { ...commentJson(x), replies: this.page(replies, 0, Number(nested[1] ?? 25), `${x.id}/replies`, commentJson) } : commentJson(x);
      }) };
    }
    if (comment && r.method === 'GET') return { body: this.page(thread.filter((y) => y.parent_id === node && !y.hidden), start, limit, `${node}/replies`, commentJson) };
    if (media && comment && r.method === 'POST') {
      if (comment.hidden) return { status: 400, body: err(100, '(#100) You cannot reply to a hidden comment') };
      // Only top-level comments take replies: an answer to a reply is filed under its top-level comment.
      return this.addComment(r, media, user, comment.parent_id ?? comment.id);
    }
    if (edge === 'tags' && r.method === 'GET') return { body: this.page(user.tagged ?? [], start, limit, `${node}/tags`, tagJson) };
    if (edge === 'mentions' && r.method === 'POST') {
      const mediaId = param(r, 'media_id') ?? '';
      const tag = user.tagged?.find((t) => t.id === mediaId);
      if (!tag) return { status: 400, body: err(100, `(#100) Object with ID '${mediaId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, { error_subcode: 33 }) };
      // Commenting on media the account was only tagged in (not @mentioned in the caption) is not supported.
      if (!(tag.caption ?? '').toLowerCase().includes(`@${user.username.toLowerCase()}`)) return { status: 400, body: err(100, '(#100) The account is not @mentioned in the caption of this media') };
      return this.addComment(r, tag, user, undefined);
    }
    return undefined;
  }

  private addComment(r: FakeRequest, media: FakeIgMedia | FakeIgTag, user: FakeIgUser, parent: string | undefined): FakeResponse {
    const text = param(r, 'message') ?? '';
    if (!text.trim()) return { status: 400, body: err(100, '(#100) The parameter message is required') };
    const id = `179010000000${String(++this.seq).padStart(5, '0')}`;
    const timestamp = new Date().toISOString().replace(/\.\d{3}Z$/, '+0000');
    media.comments = [...(media.comments ?? []), { id, text, timestamp, username: user.username, from_id: user.id, ...(parent ? { parent_id: parent } : {}) }];
    if ('comments_count' in media) media.comments_count += 1;
    return { body: { id } };
  }

  /** A Graph page: cursors always, `next` only when more follow. */
  private page<T>(items: T[], start: number, limit: number, path: string, json: (x: T) => Record<string, unknown>): Record<string, unknown> {
    const slice = items.slice(start, start + limit);
    const end = start + slice.length;
    const paging: Record<string, unknown> = { cursors: { before: cursor(start), after: cursor(end) } };
    if (end < items.length) paging.next = `${this.url}/v27.0/${path}?limit=${limit}&after=${cursor(end)}`;
    return { data: slice.map(json), paging };
  }
}

const param = (r: FakeRequest, name: string) => r.form().get(name) ?? r.query.get(name);

function commentJson(x: FakeIgComment): Record<string, unknown> {
  return { id: x.id, text: x.text, timestamp: x.timestamp, username: x.username, from: { id: x.from_id, username: x.username }, like_count: 0, hidden: false, ...(x.parent_id ? { parent_id: x.parent_id } : {}) };
}

function tagJson(t: FakeIgTag): Record<string, unknown> {
  return { id: t.id, username: t.username, ...(t.caption === undefined ? {} : { caption: t.caption }), media_type: t.media_type, timestamp: t.timestamp, permalink: `https://www.instagram.com/p/${t.id.slice(-6)}/` };
}

function profileJson(u: FakeIgUser): Record<string, unknown> {
  return { username: u.username, name: u.name, followers_count: u.followers_count, follows_count: u.follows_count, media_count: u.media_count };
}
