// A local fake of LinkedIn's Community Management API (versioned /rest): OAuth, the member's page roles,
// organisations, follower totals, posts with share statistics, comments, the version header, day limits.
import { FakePlatform, FakeTokens, type FakeRequest, type FakeResponse } from '../fake-server.ts';

export interface FakeLiComment {
  id: string;
  actor: string;
  text: string;
  time: number;
  parent?: string;
}

export interface FakeLiPost {
  urn: string;
  commentary: string;
  publishedAt: number;
  media?: 'image' | 'video';
  stats: { likeCount: number; commentCount: number; shareCount: number; impressionCount: number; uniqueImpressionsCount: number; clickCount: number };
  comments: FakeLiComment[];
}

export interface FakeLiOrg {
  id: string;
  vanityName: string;
  localizedName: string;
  followers: number;
  posts: FakeLiPost[];
}

export const FAKE_LINKEDIN_CLIENT = { id: '78fakelinkedinid', secret: 'fake-linkedin-client-secret-01' };
/** The oldest LinkedIn-Version the fake still serves (older ones answer 426). */
export const FAKE_LINKEDIN_OLDEST = '202511';

const ERRORS: Record<number, { serviceErrorCode?: number; code: string; message: string }> = {
  401: { serviceErrorCode: 65600, code: 'INVALID_ACCESS_TOKEN', message: 'Invalid access token' },
  403: { serviceErrorCode: 100, code: 'ACCESS_DENIED', message: 'Not enough permissions to access this resource' },
  429: { serviceErrorCode: 101, code: 'TOO_MANY_REQUESTS', message: 'Resource level throttle APPLICATION DAY limit for calls to this resource is reached.' },
  500: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal Server Error' },
};

function errorBody(status: number): unknown {
  return { status, ...(ERRORS[status] ?? (status >= 500 ? ERRORS[500] : { code: 'BAD_REQUEST', message: 'Bad request' })) };
}

const stats = (i: number, c: number, s: number, imp: number, u: number, cl: number) => ({ likeCount: i, commentCount: c, shareCount: s, impressionCount: imp, uniqueImpressionsCount: u, clickCount: cl });

function seedOrg(): FakeLiOrg {
  const post = (n: string, text: string, at: string, st: FakeLiPost['stats'], media?: 'image' | 'video', comments: FakeLiComment[] = []): FakeLiPost => ({
    urn: `urn:li:share:${n}`, commentary: text, publishedAt: Date.parse(at), stats: st, comments, ...(media ? { media } : {}),
  });
  return {
    id: '10987654', vanityName: 'example-standards', localizedName: 'Example Standards Agency', followers: 3874,
    posts: [
      post('7399000000000000003', 'Hari Standar Dunia 2026 #WorldStandardsDay', '2026-11-25T03:00:00Z', stats(212, 9, 14, 8120, 3010, 240), 'image', [
        { id: '7399100000000000001', actor: 'urn:li:person:aB3xYz', text: 'Selamat Hari Standar Dunia!', time: Date.parse('2026-11-25T04:10:00Z') },
        { id: '7399100000000000002', actor: 'urn:li:person:Qw9PlM', text: 'Apakah ada webinar tahun ini?', time: Date.parse('2026-11-25T06:30:00Z') },
      ]),
      post('7398000000000000002', 'Lowongan: analis standardisasi. Info di situs kami.', '2026-11-20T02:00:00Z', stats(88, 3, 21, 5010, 2200, 410)),
      post('7397000000000000001', 'Video: cara kerja laboratorium uji', '2026-11-14T07:30:00Z', stats(140, 6, 9, 6400, 2900, 150), 'video'),
    ],
  };
}

const restliItems = (v: string | null) => (v ? (/^List\((.*)\)$/.exec(v)?.[1] ?? '').split(',').filter(Boolean) : []);

export class FakeLinkedin extends FakePlatform {
  constructor() {
    super(errorBody);
  }

  readonly tokens = new FakeTokens();
  readonly org = seedOrg();
  /** Whether the signed-in member holds the ADMINISTRATOR role on the page. */
  admin = true;
  /** Calls left today (all resources together); 0 answers 429. */
  remaining = 100_000;
  private seq = 0;

  grant(ttlSeconds = 5_184_000): { accessToken: string } {
    return { accessToken: this.tokens.issue('access', 'member:1', ttlSeconds, 'AQV') };
  }

  protected handle(r: FakeRequest): FakeResponse {
    if (r.path === '/oauth/v2/authorization') {
      const to = new URL(r.query.get('redirect_uri') ?? 'http://invalid/');
      to.searchParams.set('code', this.tokens.issue('code', 'member:1', 1800));
      to.searchParams.set('state', r.query.get('state') ?? '');
      return { redirect: to.toString() };
    }
    if (r.path === '/oauth/v2/accessToken' && r.method === 'POST') return this.token(r);
    if (!r.path.startsWith('/rest/')) return { status: 404, body: { status: 404, code: 'NOT_FOUND', message: `no route ${r.path}` } };
    const version = String(r.headers['linkedin-version'] ?? '');
    if (!/^\d{6}$/.test(version) || version < FAKE_LINKEDIN_OLDEST) return { status: 426, body: { status: 426, code: 'NONEXISTENT_VERSION', message: `Requested version ${version} is not active` } };
    if (this.remaining <= 0) return { status: 429, body: errorBody(429) };
    this.remaining -= 1;
    if (!this.tokens.check(r.token, 'access')) return { status: 401, body: errorBody(401) };
    const parts = r.path.split('/').filter(Boolean).map(decodeURIComponent).slice(1);
    const [resource, key, sub] = parts;
    const orgUrn = `urn:li:organization:${this.org.id}`;
    const denied = { status: 403, body: errorBody(403) };
    if (resource === 'organizationAcls') {
      return { body: { paging: { start: 0, count: 10, links: [] }, elements: this.admin ? [{ organization: orgUrn, role: 'ADMINISTRATOR', state: 'APPROVED', roleAssignee: 'urn:li:person:member1' }] : [] } };
    }
    const orgJson = { id: Number(this.org.id), vanityName: this.org.vanityName, localizedName: this.org.localizedName };
    if (resource === 'organizations' && key === this.org.id) return { body: orgJson };
    if (resource === 'organizations' && key === undefined && r.query.get('q') === 'vanityName') {
      return { body: { elements: r.query.get('vanityName')?.toLowerCase() === this.org.vanityName ? [orgJson] : [] } };
    }
    if (!this.admin) return denied;
    if (resource === 'networkSizes' && key === orgUrn) return { body: { firstDegreeSize: this.org.followers } };
    if (resource === 'posts' && r.method === 'GET' && r.query.get('author') === orgUrn) return { body: this.postsPage(r) };
    if (resource === 'posts' && r.method === 'POST') return this.publish(r);
    if (resource === 'organizationalEntityShareStatistics' && r.query.get('organizationalEntity') === orgUrn) return { body: this.shareStats(r, orgUrn) };
    if (resource === 'organizationalEntityFollowerStatistics') return { body: { paging: { start: 0, count: 10, links: [] }, elements: [{ followerCountsByAssociationType: [], followerCountsBySeniority: [], followerCountsByIndustry: [], followerCountsByFunction: [], followerCountsByStaffCountRange: [], followerCountsByGeoCountry: [], followerCountsByGeo: [], organizationalEntity: orgUrn }] } };
    if (resource === 'socialActions' && key && sub === 'comments') return r.method === 'POST' ? this.comment(key, r) : { body: this.commentsPage(key, r) };
    return { status: 404, body: { status: 404, code: 'NOT_FOUND', message: `no route ${r.method} ${r.path}` } };
  }

  private token(r: FakeRequest): FakeResponse {
    const f = r.form();
    if (f.get('client_id') !== FAKE_LINKEDIN_CLIENT.id || f.get('client_secret') !== FAKE_LINKEDIN_CLIENT.secret) return { status: 401, body: { error: 'invalid_client', error_description: 'Client authentication failed' } };
    const code = f.get('code') ?? undefined;
    const c = f.get('grant_type') === 'authorization_code' ? this.tokens.check(code, 'code') : undefined;
    if (!c || !code) return { status: 400, body: { error: 'invalid_grant', error_description: 'The authorization code is invalid or expired' } };
    this.tokens.spend(code);
    return { body: { access_token: this.tokens.issue('access', c.subject, 5_184_000, 'AQV'), expires_in: 5_184_000, scope: 'r_organization_social,rw_organization_admin,w_organization_social' } };
  }

  private postsPage(r: FakeRequest): unknown {
    const start = Number(r.query.get('start') ?? 0);
    const count = Number(r.query.get('count') ?? 10);
    const sorted = [...this.org.posts].sort((a, b) => b.publishedAt - a.publishedAt);
    return {
      paging: { start, count, links: [], total: sorted.length },
      elements: sorted.slice(start, start + count).map((p) => ({
        id: p.urn, author: `urn:li:organization:${this.org.id}`, commentary: p.commentary, visibility: 'PUBLIC', lifecycleState: 'PUBLISHED',
        publishedAt: p.publishedAt, createdAt: p.publishedAt - 60_000, lastModifiedAt: p.publishedAt, isReshareDisabledByAuthor: false,
        distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
        ...(p.media ? { content: { media: { id: `urn:li:${p.media}:D4E10AQ${p.urn.slice(-6)}`, title: '' } } } : {}),
      })),
    };
  }

  private shareStats(r: FakeRequest, orgUrn: string): unknown {
    const wanted = [...restliItems(r.query.get('shares')), ...restliItems(r.query.get('ugcPosts'))];
    const paging = { start: 0, count: 10, links: [] };
    if (wanted.length === 0) {
      const t = this.org.posts.reduce((s, p) => ({ likeCount: s.likeCount + p.stats.likeCount, commentCount: s.commentCount + p.stats.commentCount, shareCount: s.shareCount + p.stats.shareCount, impressionCount: s.impressionCount + p.stats.impressionCount, uniqueImpressionsCount: s.uniqueImpressionsCount + p.stats.uniqueImpressionsCount, clickCount: s.clickCount + p.stats.clickCount }), stats(0, 0, 0, 0, 0, 0));
      return { paging, elements: [{ totalShareStatistics: { ...t, engagement: t.impressionCount ? (t.likeCount + t.commentCount + t.shareCount + t.clickCount) / t.impressionCount : 0 }, organizationalEntity: orgUrn }] };
    }
    const elements = this.org.posts.filter((p) => wanted.includes(p.urn)).map((p) => ({
      [p.urn.startsWith('urn:li:ugcPost:') ? 'ugcPost' : 'share']: p.urn,
      totalShareStatistics: { ...p.stats, engagement: (p.stats.likeCount + p.stats.commentCount + p.stats.shareCount + p.stats.clickCount) / p.stats.impressionCount },
      organizationalEntity: orgUrn,
    }));
    return { paging, elements };
  }

  private publish(r: FakeRequest): FakeResponse {
    const body = r.json() as { author?: string; commentary?: string } | undefined;
    if (body?.author !== `urn:li:organization:${this.org.id}`) return { status: 403, body: errorBody(403) };
    const urn = `urn:li:share:74000000000000${String(++this.seq).padStart(5, '0')}`;
    this.org.posts.push({ urn, commentary: body.commentary ?? '', publishedAt: Date.now(), stats: stats(0, 0, 0, 0, 0, 0), comments: [] });
    return { status: 201, headers: { 'x-restli-id': urn } };
  }

  private commentJson(object: string, c: FakeLiComment): unknown {
    const urn = `urn:li:comment:(${object.replace('urn:li:share:', 'urn:li:activity:')},${c.id})`;
    return {
      id: c.id, commentUrn: urn, $URN: urn, actor: c.actor, agent: c.actor, object, message: { text: c.text, attributes: [] },
      created: { actor: c.actor, time: c.time }, lastModified: { actor: c.actor, time: c.time }, ...(c.parent ? { parentComment: c.parent } : {}),
    };
  }

  /** Top-level comments of a post (answers are read under their comment, as on LinkedIn). */
  private commentsPage(object: string, r: FakeRequest): unknown {
    const post = this.org.posts.find((p) => p.urn === object);
    const start = Number(r.query.get('start') ?? 0);
    const count = Number(r.query.get('count') ?? 10);
    const top = (post?.comments ?? []).filter((c) => !c.parent);
    return { paging: { start, count, total: top.length, links: [] }, elements: top.slice(start, start + count).map((c) => this.commentJson(object, c)) };
  }

  private comment(target: string, r: FakeRequest): FakeResponse {
    const body = r.json() as { actor?: string; object?: string; message?: { text?: string }; parentComment?: string } | undefined;
    if (body?.actor !== `urn:li:organization:${this.org.id}`) return { status: 403, body: errorBody(403) };
    const object = (body.object ?? '').replace('urn:li:activity:', 'urn:li:share:');
    const post = this.org.posts.find((p) => p.urn === object || p.urn === target);
    if (!post) return { status: 404, body: { status: 404, code: 'NOT_FOUND', message: `no post ${target}` } };
    const c: FakeLiComment = { id: String(7399200000000000000n + BigInt(++this.seq)), actor: body.actor, text: body.message?.text ?? '', time: Date.now(), ...(body.parentComment ? { parent: body.parentComment } : {}) };
    post.comments.push(c);
    const json = this.commentJson(post.urn, c) as { commentUrn: string };
    return { status: 201, headers: { 'x-restli-id': json.commentUrn }, body: json };
  }
}
