import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthExpired, RateLimited, Rejected, Temporary, type CallContext } from '../types.ts';
import { TiktokAdapter } from './adapter.ts';
import { FAKE_TIKTOK_CLIENT, FakeTiktok } from './fake.ts';

let fake: FakeTiktok;
let tt: TiktokAdapter;
const me = { handle: 'examplestandards', externalId: '-000ExAmPlEoPeNiD0123456789abcdef' };
const owner = (): CallContext => ({ access: { kind: 'owner', accessToken: fake.grant().accessToken } });
const caught = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

beforeAll(async () => {
  fake = await new FakeTiktok().start();
  tt = new TiktokAdapter({ apiUrl: fake.url, authorizeUrl: `${fake.url}/v2/auth/authorize/`, client: FAKE_TIKTOK_CLIENT, timeoutMs: 400, pageSize: 2 });
});
afterAll(() => fake.close());

describe('TikTok adapter against its fake', () => {
  it('connects through Login Kit and checks it is the right account', async () => {
    const url = new URL(tt.authorizeUrl({ state: 'st', redirectUri: 'http://localhost:3000/cb', codeChallenge: 'unused' }));
    expect(url.searchParams.get('client_key')).toBe(FAKE_TIKTOK_CLIENT.id);
    expect(url.searchParams.get('scope')).toBe('user.info.basic,user.info.profile,user.info.stats,video.list');
    const code = async () => new URL((await fetch(url, { redirect: 'manual' })).headers.get('location') ?? '').searchParams.get('code') ?? '';
    const { tokens, externalId } = await tt.exchangeCode(await code(), 'http://localhost:3000/cb', '', { handle: '@ExampleStandards', externalId: null });
    expect(externalId).toBe(me.externalId);
    expect(tokens.refreshToken).toMatch(/^rft\./);
    expect(tokens.scopes).toContain('video.list');
    expect(await caught(tt.exchangeCode(await code(), 'http://localhost:3000/cb', '', { handle: 'someone_else', externalId: null }))).toBeInstanceOf(Rejected);
    expect(await caught(tt.exchangeCode('used-or-forged', 'http://localhost:3000/cb', '', me))).toBeInstanceOf(AuthExpired);
  });

  it('refreshes with a rotating refresh token: the old one is dead after use', async () => {
    const g = fake.grant();
    const first = { accessToken: g.accessToken, refreshToken: g.refreshToken, expiresAt: null, scopes: [] };
    const second = await tt.refresh(first);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(Date.parse(second.expiresAt ?? '') - Date.now()).toBeGreaterThan(7000_000);
    expect(await caught(tt.refresh(first))).toBeInstanceOf(AuthExpired);
  });

  it('reads the counts of the account and its videos newest first, page by page', async () => {
    expect(await tt.profile(me, owner())).toEqual({ externalId: me.externalId, handle: 'examplestandards', displayName: 'Example Standards Agency', followers: 12840, following: 37, postsTotal: 3, viewsTotal: null });
    const first = await tt.posts(me, owner(), null);
    expect(first.items.map((p) => p.postId)).toEqual(['7441234567890123456', '7440987654321098765']);
    expect(first.items[0]).toEqual({
      postId: '7441234567890123456', publishedAt: '2026-11-18T12:00:00.000Z', type: 'video', text: 'Cara membaca tanda SNI #edukasi', mediaCount: 1,
      permalink: 'https://www.tiktok.com/@examplestandards/video/7441234567890123456',
      counts: { likes: 1804, comments: 56, shares: 91, quotes: null, saves: null, views: 40211, impressions: null, reach: null },
    });
    expect(first.next).toBe(String(Date.parse('2026-11-16T10:00:00Z')));
    const second = await tt.posts(me, owner(), first.next);
    expect(second.items.map((p) => p.postId)).toEqual(['7439876543210987654']);
    expect(second.next).toBeNull();
  });

  it('maps the envelope errors, also when they come with HTTP 200', async () => {
    const dead = fake.grant(-1);
    expect(await caught(tt.profile(me, { access: { kind: 'owner', accessToken: dead.accessToken } }))).toBeInstanceOf(AuthExpired);
    fake.granted.delete('user.info.stats');
    const scope = await caught(tt.profile(me, owner()));
    fake.granted.add('user.info.stats');
    expect(scope).toMatchObject({ kind: 'rejected', info: { status: 401, code: 'scope_not_authorized' } });
    fake.remaining.set('/v2/video/list/', 0);
    const limited = await caught(tt.posts(me, owner(), null));
    fake.remaining.delete('/v2/video/list/');
    expect(limited).toBeInstanceOf(RateLimited);
    expect(Date.parse((limited as RateLimited).retryAt) - Date.now()).toBeGreaterThan(50_000);
    fake.inject({ path: '/v2/user/info/', status: 500 });
    expect(await caught(tt.profile(me, owner()))).toBeInstanceOf(Temporary);
    fake.inject({ path: '/v2/user/info/', status: 200, body: { data: {}, error: { code: 'invalid_params', message: 'bad field', log_id: 'x' } } });
    expect(await caught(tt.profile(me, owner()))).toBeInstanceOf(Rejected);
    expect(await caught(tt.profile(me, { access: { kind: 'public' } }))).toBeInstanceOf(Rejected);
    expect(tt.publicReads).toBe(false);
  });
});
