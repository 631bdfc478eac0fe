import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeChallenge, newCodeVerifier } from '../oauth.ts';
import { AuthExpired, OutcomeUnknown, RateLimited, Rejected, Temporary, type CallContext } from '../types.ts';
import { XAdapter } from './adapter.ts';
import { FAKE_X_BEARER, FAKE_X_CLIENT, FakeX } from './fake.ts';

let fake: FakeX;
let x: XAdapter;
const me = { handle: 'example_std', externalId: '1234567890123456789' };
const owner = (): CallContext => ({ access: { kind: 'owner', accessToken: fake.grant().accessToken } });
const caught = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

beforeAll(async () => {
  fake = await new FakeX().start();
  x = new XAdapter({ apiUrl: fake.url, authorizeUrl: `${fake.url}/i/oauth2/authorize`, client: FAKE_X_CLIENT, bearerToken: FAKE_X_BEARER, timeoutMs: 400, pageSize: 5 });
});
afterAll(() => fake.close());

describe('X adapter against its fake', () => {
  it('connects with PKCE; a wrong verifier is refused', async () => {
    const verifier = newCodeVerifier();
    const url = new URL(x.authorizeUrl({ state: 'st', redirectUri: 'http://localhost:3000/cb', codeChallenge: codeChallenge(verifier) }));
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('scope')).toContain('offline.access');
    const code = async () => new URL((await fetch(url, { redirect: 'manual' })).headers.get('location') ?? '').searchParams.get('code') ?? '';
    expect(await caught(x.exchangeCode(await code(), 'http://localhost:3000/cb', newCodeVerifier(), me))).toBeInstanceOf(AuthExpired);
    const { tokens, externalId } = await x.exchangeCode(await code(), 'http://localhost:3000/cb', verifier, { handle: 'Example_Std', externalId: null });
    expect(externalId).toBe('1234567890123456789');
    expect(tokens.refreshToken).toBeTruthy();
    expect(Date.parse(tokens.expiresAt ?? '') - Date.now()).toBeGreaterThan(7000_000);
  });

  it('rotates refresh tokens: the old one is dead after use', async () => {
    const g = fake.grant();
    const first = { accessToken: g.accessToken, refreshToken: g.refreshToken, expiresAt: null, scopes: [] };
    const second = await x.refresh(first);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(await x.profile(me, { access: { kind: 'owner', accessToken: second.accessToken } })).toMatchObject({ followers: 13300 });
    const again = await caught(x.refresh(first));
    expect(again).toBeInstanceOf(AuthExpired);
    expect(String(again)).not.toContain(g.refreshToken);
  });

  it('reads public_metrics of the user and of every post, newest first, across pages', async () => {
    const u = fake.user('example_std');
    u?.tweets.push(
      { id: '1989000000000000001', text: 'older one', created_at: '2026-11-10T00:00:00.000Z', metrics: { retweet_count: 1, reply_count: 0, like_count: 2, quote_count: 0, bookmark_count: 0, impression_count: 50 } },
    );
    expect(await x.profile(me, owner())).toEqual({ externalId: '1234567890123456789', handle: 'example_std', displayName: 'Example Standards Agency', followers: 13300, following: 512, postsTotal: 20311, viewsTotal: null });
    const first = await x.posts(me, owner(), null);
    expect(first.items).toHaveLength(5);
    expect(first.items[0]).toMatchObject({ type: 'image', publishedAt: '2026-11-26T03:00:05.000Z', counts: { likes: 188, comments: 6, shares: 41, quotes: 3, saves: 12, impressions: 9321 } });
    expect(first.items[2]?.type).toBe('link');
    expect(first.items[3]?.type).toBe('video');
    const second = await x.posts(me, owner(), first.next);
    expect(second.items.map((p) => p.postId)).toEqual(['1989000000000000001']);
    expect(second.next).toBeNull();
    u?.tweets.pop();
  });

  it('reads a peer with the app bearer token; an unknown user (HTTP 200 + errors) is Rejected', async () => {
    expect(await x.profile({ handle: 'peer_std', externalId: null }, { access: { kind: 'public' } })).toMatchObject({ followers: 58210 });
    expect(await caught(x.profile({ handle: 'no_such_account_42', externalId: null }, { access: { kind: 'public' } }))).toBeInstanceOf(Rejected);
  });

  it('posts, replies, and refuses duplicates and over-long text', async () => {
    const ctx = owner();
    const p = await x.publish(me, ctx, { text: 'Selamat pagi SNIzen!' });
    expect(p.permalink).toBe(`https://x.com/example_std/status/${p.postId}`);
    expect(await caught(x.publish(me, ctx, { text: 'Selamat pagi SNIzen!' }))).toBeInstanceOf(Rejected);
    expect(await caught(x.publish(me, ctx, { text: 'x'.repeat(281) }))).toBeInstanceOf(Rejected);
    const r = await x.reply(me, ctx, p.postId, 'Terima kasih!');
    expect(fake.user('example_std')?.tweets[0]).toMatchObject({ id: r.postId, in_reply_to: p.postId });
  });

  it('429 waits until x-rate-limit-reset; the monthly cap until the next month', async () => {
    fake.remaining.set('/:id/users/:id', 0);
    const e = await caught(x.profile(me, owner()));
    fake.remaining.delete('/:id/users/:id');
    expect(e).toBeInstanceOf(RateLimited);
    expect(Date.parse((e as RateLimited).retryAt) - Date.now()).toBeGreaterThan(850_000);
    fake.inject({ status: 429, body: { title: 'UsageCapExceeded', detail: 'Usage cap exceeded: Monthly product cap', period: 'Monthly', scope: 'Product', status: 429, type: 'https://api.twitter.com/2/problems/usage-capped' } });
    const capped = await caught(x.profile(me, owner()));
    expect((capped as RateLimited).retryAt).toMatch(/-01T00:00:00.000Z$/);
    fake.inject({ status: 429, retryAfter: 30 });
    expect(await caught(x.profile(me, owner()))).toBeInstanceOf(RateLimited);
  });

  it('5xx and timeouts on reads are Temporary', async () => {
    fake.inject({ status: 503 });
    expect(await caught(x.posts(me, owner(), null))).toBeInstanceOf(Temporary);
    fake.inject({ delayMs: 900 });
    expect(await caught(x.profile(me, owner()))).toBeInstanceOf(Temporary);
  });

  it('a reset mid-publish is OutcomeUnknown (and the post exists): never retried blindly', async () => {
    fake.inject({ reset: true, path: '/2/tweets' });
    const before = fake.server.requests.filter((r) => r.path === '/2/tweets').length;
    expect(await caught(x.publish(me, owner(), { text: 'answer lost on the way back' }))).toBeInstanceOf(OutcomeUnknown);
    expect(fake.server.requests.filter((r) => r.path === '/2/tweets').length).toBe(before + 1);
    expect(fake.user('example_std')?.tweets[0]?.text).toBe('answer lost on the way back');
  });

  it('an expired access token is AuthExpired', async () => {
    const g = fake.grant('example_std');
    fake.tokens.expire('access', g.accessToken);
    expect(await caught(x.profile(me, { access: { kind: 'owner', accessToken: g.accessToken } }))).toBeInstanceOf(AuthExpired);
  });
});
