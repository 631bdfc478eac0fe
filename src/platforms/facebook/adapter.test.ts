import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthExpired, OutcomeUnknown, RateLimited, Rejected, Temporary, type CallContext } from '../types.ts';
import { FacebookAdapter } from './adapter.ts';
import { FAKE_FB_APP, FakeFacebook } from './fake.ts';

let fake: FakeFacebook;
let fb: FacebookAdapter;
const page = { handle: 'examplestandards', externalId: '104512345678901' };
const owner = (): CallContext => ({ access: { kind: 'owner', accessToken: fake.pageToken() } });

beforeAll(async () => {
  fake = await new FakeFacebook().start();
  fb = new FacebookAdapter({ graphUrl: fake.url, dialogUrl: fake.url, version: 'v27.0', app: FAKE_FB_APP, timeoutMs: 400, pageSize: 2 });
});
afterAll(() => fake.close());

async function caught(p: Promise<unknown>): Promise<unknown> {
  return p.then(() => undefined, (e: unknown) => e);
}

describe('Facebook adapter against its fake', () => {
  it('connects: the dialog returns a code, which becomes the Page token (no expiry)', async () => {
    const url = new URL(fb.authorizeUrl({ state: 's1', redirectUri: 'http://localhost:3000/cb', codeChallenge: 'unused' }));
    expect(url.pathname).toBe('/v27.0/dialog/oauth');
    expect(url.searchParams.get('scope')).toContain('pages_read_engagement');
    const res = await fetch(url, { redirect: 'manual' });
    const back = new URL(res.headers.get('location') ?? '');
    expect(back.searchParams.get('state')).toBe('s1');
    const { tokens, externalId } = await fb.exchangeCode(back.searchParams.get('code') ?? '', 'http://localhost:3000/cb', '', { handle: 'ExampleStandards', externalId: null });
    expect(externalId).toBe('104512345678901');
    expect(tokens.expiresAt).toBeNull();
    expect(await fb.profile(page, { access: { kind: 'owner', accessToken: tokens.accessToken } })).toMatchObject({ followers: 8912 });
  });

  it('reads Page counts and every post across pages, with shares missing read as 0', async () => {
    expect(await fb.profile(page, owner())).toEqual({ externalId: '104512345678901', handle: 'examplestandards', displayName: 'Example Standards Agency', followers: 8912, following: null, postsTotal: null, viewsTotal: null });
    const ctx = owner();
    const all = [];
    let next: string | null = null;
    do {
      const p = await fb.posts(page, ctx, next);
      all.push(...p.items);
      next = p.next;
    } while (next);
    expect(all).toHaveLength(5);
    expect(all[0]).toMatchObject({ postId: '104512345678901_122187654321098765', publishedAt: '2026-11-26T02:30:11.000Z', type: 'image', counts: { likes: 214, comments: 18, shares: 37 } });
    expect(all[2]).toMatchObject({ type: 'text', counts: { shares: 0 } });
  });

  it('reads a peer Page with the app token', async () => {
    expect(await fb.profile({ handle: 'peerstandards', externalId: null }, { access: { kind: 'public' } })).toMatchObject({ externalId: '109876543210987', followers: 41250 });
  });

  it('publishes a feed post, and a duplicate is Rejected (506)', async () => {
    const ctx = owner();
    const done = await fb.publish(page, ctx, { text: 'Selamat pagi SNIzen!' });
    expect(done.postId).toMatch(/^104512345678901_/);
    const dup = await caught(fb.publish(page, ctx, { text: 'Selamat pagi SNIzen!' }));
    expect(dup).toBeInstanceOf(Rejected);
    expect(dup).toMatchObject({ info: { code: 506 } });
  });

  it('reads comments and replies to one', async () => {
    const ctx = owner();
    const c = await fb.comments(page, ctx, '104512345678901_122187600000011223', null);
    expect(c.items).toHaveLength(4);
    const first = c.items[0];
    const r = await fb.reply(page, ctx, first?.id ?? '', 'Terima kasih!');
    expect(r.postId).toContain(first?.id ?? 'x');
  });

  it('429 with Retry-After is RateLimited until then', async () => {
    fake.inject({ status: 429, retryAfter: 30 });
    const e = await caught(fb.profile(page, owner()));
    expect(e).toBeInstanceOf(RateLimited);
    const wait = Date.parse((e as RateLimited).retryAt) - Date.now();
    expect(wait).toBeGreaterThan(25_000);
    expect(wait).toBeLessThanOrEqual(30_000);
  });

  it('the Page limit (80001) waits for estimated_time_to_regain_access', async () => {
    const p = fake.pages[0];
    if (p) p.throttledFor = 17;
    const e = await caught(fb.profile(page, owner()));
    if (p) p.throttledFor = 0;
    expect(e).toBeInstanceOf(RateLimited);
    expect(Date.parse((e as RateLimited).retryAt) - Date.now()).toBeGreaterThan(16 * 60_000);
  });

  it('a 5xx is Temporary on a read but OutcomeUnknown on a publish', async () => {
    fake.inject({ status: 503, body: 'not json' });
    expect(await caught(fb.profile(page, owner()))).toBeInstanceOf(Temporary);
    fake.inject({ status: 502, body: {} });
    expect(await caught(fb.publish(page, owner(), { text: 'five hundred' }))).toBeInstanceOf(OutcomeUnknown);
  });

  it('a timeout is Temporary on a read and OutcomeUnknown on a publish', async () => {
    fake.inject({ delayMs: 900 });
    expect(await caught(fb.posts(page, owner(), null))).toBeInstanceOf(Temporary);
    fake.inject({ delayMs: 900, path: '/feed' });
    expect(await caught(fb.publish(page, owner(), { text: 'slow' }))).toBeInstanceOf(OutcomeUnknown);
  });

  it('a connection reset after the body was sent is OutcomeUnknown, and the post did get made', async () => {
    fake.inject({ reset: true, path: '/feed' });
    const before = fake.pages[0]?.posts.length ?? 0;
    const e = await caught(fb.publish(page, owner(), { text: 'lost answer' }));
    expect(e).toBeInstanceOf(OutcomeUnknown);
    expect(fake.pages[0]?.posts.length).toBe(before + 1);
    expect(fake.pages[0]?.posts[0]?.message).toBe('lost answer');
  });

  it('an expired token is AuthExpired, and a Page token cannot be refreshed', async () => {
    const token = fake.pageToken();
    fake.tokens.expire('access', token);
    const e = await caught(fb.profile(page, { access: { kind: 'owner', accessToken: token } }));
    expect(e).toBeInstanceOf(AuthExpired);
    expect(String(e)).not.toContain(token);
    expect(await caught(fb.refresh())).toBeInstanceOf(AuthExpired);
  });
});
