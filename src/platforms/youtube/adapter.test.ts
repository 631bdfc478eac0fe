import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeChallenge, newCodeVerifier } from '../oauth.ts';
import { AuthExpired, RateLimited, Rejected, Temporary, type CallContext } from '../types.ts';
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
