import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeChallenge, newCodeVerifier } from '../oauth.ts';
import { AuthExpired, OutcomeUnknown, RateLimited, Rejected, Temporary, type CallContext, type InboxEntry } from '../types.ts';
import { YoutubeAdapter } from './adapter.ts';
import { FAKE_GOOGLE_CLIENT, FAKE_YT_KEY, FakeYoutube } from './fake.ts';
import { nextQuotaReset, quotaDay } from './quota.ts';

let fake: FakeYoutube;
let yt: YoutubeAdapter;
const own = { handle: 'examplestandards', externalId: 'UCx1ExampleStdAgency000A' };
const caught = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

beforeAll(async () => {
  fake = await new FakeYoutube().start();
  yt = new YoutubeAdapter({ apiUrl: `${fake.url}/youtube/v3`, authUrl: `${fake.url}/o/oauth2/v2/auth`, tokenUrl: `${fake.url}/token`, client: FAKE_GOOGLE_CLIENT, apiKey: FAKE_YT_KEY, timeoutMs: 400, pageSize: 2 });
});
afterAll(() => fake.close());

describe('YouTube quota day', () => {
  it('ends at midnight in Los Angeles, in winter and in summer time', () => {
    expect(quotaDay(Date.parse('2026-11-27T07:59:00Z'))).toBe('2026-11-26');
    expect(nextQuotaReset(Date.parse('2026-11-27T07:59:00Z'))).toBe('2026-11-27T08:00:00.000Z');
    expect(nextQuotaReset(Date.parse('2026-07-01T12:00:00Z'))).toBe('2026-07-02T07:00:00.000Z');
  });
});

describe('YouTube adapter against its fake', () => {
  it('connects with PKCE and finds the channel through mine=true', async () => {
    const verifier = newCodeVerifier();
    const url = new URL(yt.authorizeUrl({ state: 's', redirectUri: 'http://localhost/cb', codeChallenge: codeChallenge(verifier) }));
    expect(url.searchParams.get('access_type')).toBe('offline');
    const code = new URL((await fetch(url, { redirect: 'manual' })).headers.get('location') ?? '').searchParams.get('code') ?? '';
    const r = await yt.exchangeCode(code, 'http://localhost/cb', verifier, { handle: 'ExampleStandards', externalId: null });
    expect(r.externalId).toBe('UCx1ExampleStdAgency000A');
    const refreshed = await yt.refresh(r.tokens);
    expect(refreshed.refreshToken).toBe(r.tokens.refreshToken); // Google keeps the refresh token
    expect(refreshed.accessToken).not.toBe(r.tokens.accessToken);
  });

  it('reads channel statistics and every upload with its statistics, counting one unit per call', async () => {
    const units: string[] = [];
    const ctx: CallContext = { access: { kind: 'public' }, onCost: (bucket, n) => units.push(`${bucket}:${n}`) };
    expect(await yt.profile({ handle: 'peerbody', externalId: null }, ctx)).toMatchObject({ externalId: 'UCy2ExamplePeerBody00000B', followers: 123000, postsTotal: 1044, viewsTotal: 5120333 });
    const used = fake.unitsUsed;
    const first = await yt.posts(own, ctx, null);
    const second = await yt.posts(own, ctx, first.next);
    expect([...first.items, ...second.items].map((v) => [v.postId, v.type])).toEqual([['dQ9x1ExAmPl', 'video'], ['kL3m5ExAmPl', 'short'], ['pQ7r2ExAmPl', 'video']]);
    expect(second.items[0]?.counts).toMatchObject({ views: 655, likes: null, comments: null });
    expect(second.next).toBeNull();
    expect(units).toEqual(Array(6).fill('default:1'));
    expect(fake.unitsUsed - used).toBe(5);
  });

  it('a hidden subscriber count is unknown, not 0', async () => {
    const c = fake.channels[1];
    if (c) c.hidden = true;
    expect((await yt.profile({ handle: 'peerbody', externalId: null }, { access: { kind: 'public' } })).followers).toBeNull();
    if (c) c.hidden = false;
  });

  it('quotaExceeded waits for midnight Pacific; an unknown channel is Rejected; 5xx is Temporary', async () => {
    fake.quotaLeft = 0;
    const e = await caught(yt.profile(own, { access: { kind: 'public' } }));
    fake.quotaLeft = 10_000;
    expect(e).toBeInstanceOf(RateLimited);
    expect((e as RateLimited).retryAt).toBe(nextQuotaReset(Date.now()));
    expect(await caught(yt.profile({ handle: 'nobody_here', externalId: null }, { access: { kind: 'public' } }))).toBeInstanceOf(Rejected);
    fake.inject({ status: 503 });
    expect(await caught(yt.profile(own, { access: { kind: 'public' } }))).toBeInstanceOf(Temporary);
    fake.inject({ status: 429, retryAfter: 30 });
    expect(await caught(yt.profile(own, { access: { kind: 'public' } }))).toBeInstanceOf(RateLimited);
  });

  it('an expired access token is AuthExpired; a revoked refresh token too', async () => {
    const g = fake.grant();
    fake.tokens.expire('access', g.accessToken);
    expect(await caught(yt.profile(own, { access: { kind: 'owner', accessToken: g.accessToken } }))).toBeInstanceOf(AuthExpired);
    fake.tokens.expire('refresh', g.refreshToken);
    expect(await caught(yt.refresh({ accessToken: g.accessToken, refreshToken: g.refreshToken, expiresAt: null, scopes: [] }))).toBeInstanceOf(AuthExpired);
  });
});

describe('YouTube inbox against its fake', () => {
  const Q = 'UgzA1bSnIQuestion01AaABAg';
  const T = 'UgzB2SniThanks0002AaABAg';
  const owner = (units: string[] = []): CallContext => ({ access: { kind: 'owner', accessToken: fake.grant().accessToken }, onCost: (b, n) => units.push(`${b}:${n}`) });

  async function all(videoId: string, ctx: CallContext): Promise<{ items: InboxEntry[]; calls: number }> {
    const items: InboxEntry[] = [];
    let next: string | null = null;
    let calls = 0;
    do {
      const p = await yt.comments(own, ctx, videoId, next);
      calls++;
      items.push(...p.items);
      next = p.next;
    } while (next);
    return { items, calls };
  }

  it('reads threads with their replies; a thread carrying only some replies is listed with comments.list; one unit per page', async () => {
    const units: string[] = [];
    const { items, calls } = await all('dQ9x1ExAmPl', owner(units));
    // Two threads on one page (maxResults 2); the thanks thread has 6 replies (5 carried): three pages of comments.list.
    expect(calls).toBe(4);
    expect(units).toEqual(Array(4).fill('default:1'));
    expect(items.map((e) => [e.kind, e.id, e.parentId])).toEqual([
      ['comment', T, null],
      ['comment', Q, null],
      ['reply', `${Q}.9RpOwn01`, Q],
      ...[0, 1, 2, 3, 4, 5].map((i) => ['reply', `${T}.9Rp${i}`, T]),
    ]);
    expect(items[1]).toMatchObject({ postId: 'dQ9x1ExAmPl', author: 'wargasni', authorName: '@wargasni', text: 'Apakah webinar ini ada rekamannya?', createdAt: '2026-11-26T05:00:00.000Z' });
    expect(items[2]).toMatchObject({ author: 'examplestandards', authorId: own.externalId });
    const listed = fake.server.requests.filter((r) => r.path.endsWith('/comments') && r.method === 'GET');
    expect(listed.map((r) => [r.query.get('parentId'), r.query.get('pageToken')])).toEqual([[T, null], [T, 'CR2'], [T, 'CR4']]);
    expect(fake.server.requests.find((r) => r.path.endsWith('/commentThreads'))?.query.get('textFormat')).toBe('plainText');
  });

  it('a video with comments turned off, or gone, reads as empty instead of failing', async () => {
    expect(await yt.comments(own, owner(), 'pQ7r2ExAmPl', null)).toEqual({ items: [], next: null });
    expect(await yt.comments(own, owner(), 'deletedVid01', null)).toEqual({ items: [], next: null });
  });

  it('answers under the top-level comment (an answer to a reply too), charging 50 units', async () => {
    const units: string[] = [];
    const a = await yt.reply(own, owner(units), 'UgzC3HelmQuestion03AaABAg', 'Di toko resmi, cek tanda SNI.');
    const b = await yt.reply(own, owner(units), `${T}.9Rp2`, 'Terima kasih!');
    expect(units).toEqual(['default:50', 'default:50']);
    expect(a.postId.startsWith('UgzC3HelmQuestion03AaABAg.')).toBe(true);
    expect(b.postId.startsWith(`${T}.`)).toBe(true);
    const shorts = fake.channels[0]?.videos[1]?.threads?.[0]?.replies ?? [];
    expect(shorts.map((x) => [x.author, x.authorChannelId, x.text])).toEqual([['@examplestandards', own.externalId, 'Di toko resmi, cek tanda SNI.']]);
    const posted = fake.server.requests.filter((r) => r.method === 'POST').at(-1);
    expect(JSON.parse(posted?.body ?? '{}')).toEqual({ snippet: { parentId: T, textOriginal: 'Terima kasih!' } });
  });

  it('a token without the force-ssl scope is Rejected on a reply; the API key cannot reply', async () => {
    const readOnly = fake.grant(own.externalId, 3599, 'https://www.googleapis.com/auth/youtube.readonly');
    const e = await caught(yt.reply(own, { access: { kind: 'owner', accessToken: readOnly.accessToken } }, Q, 'Halo'));
    expect(e).toBeInstanceOf(Rejected);
    expect(e).toMatchObject({ info: { code: 'insufficientPermissions' } });
    expect(await caught(yt.reply(own, { access: { kind: 'public' } }, Q, 'Halo'))).toBeInstanceOf(Rejected);
  });

  it('a lost answer or a 5xx on a reply is OutcomeUnknown (and the reply exists); quota used up is RateLimited', async () => {
    const replies = () => fake.channels[0]?.videos[1]?.threads?.[0]?.replies.length ?? 0;
    const before = replies();
    fake.inject({ reset: true, path: '/comments', method: 'POST' });
    expect(await caught(yt.reply(own, owner(), 'UgzC3HelmQuestion03AaABAg', 'hilang'))).toBeInstanceOf(OutcomeUnknown);
    expect(replies()).toBe(before + 1);
    fake.inject({ status: 503, path: '/comments', method: 'POST' });
    expect(await caught(yt.reply(own, owner(), 'UgzC3HelmQuestion03AaABAg', 'lima ratus'))).toBeInstanceOf(OutcomeUnknown);
    fake.inject({ status: 503, path: '/commentThreads' });
    expect(await caught(yt.comments(own, owner(), 'kL3m5ExAmPl', null))).toBeInstanceOf(Temporary);
    fake.quotaLeft = 49;
    const e = await caught(yt.reply(own, owner(), 'UgzC3HelmQuestion03AaABAg', 'tidak cukup'));
    fake.quotaLeft = 10_000;
    expect(e).toBeInstanceOf(RateLimited);
    expect(replies()).toBe(before + 1);
  });

  it('an expired token is AuthExpired on a read of comments', async () => {
    const g = fake.grant();
    fake.tokens.expire('access', g.accessToken);
    expect(await caught(yt.comments(own, { access: { kind: 'owner', accessToken: g.accessToken } }, 'kL3m5ExAmPl', null))).toBeInstanceOf(AuthExpired);
  });
});
