import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthExpired, OutcomeUnknown, RateLimited, Rejected, type CallContext } from '../types.ts';
import { LinkedinAdapter } from './adapter.ts';
import { FAKE_LINKEDIN_CLIENT, FakeLinkedin } from './fake.ts';

let fake: FakeLinkedin;
let li: LinkedinAdapter;
const page = { handle: 'example-standards', externalId: '10987654' };
const owner = (): CallContext => ({ access: { kind: 'owner', accessToken: fake.grant().accessToken } });
const caught = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);
const adapter = (version = '202603') => new LinkedinAdapter({ apiUrl: fake.url, authUrl: fake.url, version, client: FAKE_LINKEDIN_CLIENT, timeoutMs: 400, pageSize: 2 });

beforeAll(async () => {
  fake = await new FakeLinkedin().start();
  li = adapter();
});
afterAll(() => fake.close());

describe('LinkedIn adapter against its fake', () => {
  it('connects a page the member administers, found by its vanity name', async () => {
    const url = new URL(li.authorizeUrl({ state: 'st', redirectUri: 'http://localhost:3000/cb', codeChallenge: 'unused' }));
    expect(url.pathname).toBe('/oauth/v2/authorization');
    expect(url.searchParams.get('scope')).toBe('rw_organization_admin r_organization_social w_organization_social');
    const code = async () => new URL((await fetch(url, { redirect: 'manual' })).headers.get('location') ?? '').searchParams.get('code') ?? '';
    const { tokens, externalId } = await li.exchangeCode(await code(), 'http://localhost:3000/cb', '', { handle: 'Example-Standards', externalId: null });
    expect(externalId).toBe('10987654');
    expect(tokens.refreshToken).toBeNull();
    expect(Date.parse(tokens.expiresAt ?? '') - Date.now()).toBeGreaterThan(59 * 86_400_000);
    fake.admin = false;
    const refused = await caught(li.exchangeCode(await code(), 'http://localhost:3000/cb', '', page));
    fake.admin = true;
    expect(refused).toBeInstanceOf(Rejected);
    // Without a partner refresh token the member signs in again.
    expect(await caught(li.refresh({ accessToken: 'x', refreshToken: null, expiresAt: null, scopes: [] }))).toBeInstanceOf(AuthExpired);
  });

  it('reads the follower total and the posts newest first with their share statistics', async () => {
    expect(await li.profile({ handle: 'example-standards', externalId: null }, owner())).toEqual({ externalId: '10987654', handle: 'example-standards', displayName: 'Example Standards Agency', followers: 3874, following: null, postsTotal: null, viewsTotal: null });
    const first = await li.posts(page, owner(), null);
    expect(first.items.map((p) => [p.postId, p.type])).toEqual([['urn:li:share:7399000000000000003', 'image'], ['urn:li:share:7398000000000000002', 'text']]);
    expect(first.items[0]).toMatchObject({
      publishedAt: '2026-11-25T03:00:00.000Z', text: 'Hari Standar Dunia 2026 #WorldStandardsDay', permalink: 'https://www.linkedin.com/feed/update/urn:li:share:7399000000000000003',
      counts: { likes: 212, comments: 9, shares: 14, impressions: 8120, reach: 3010, views: null },
    });
    expect(first.next).toBe('2');
    const second = await li.posts(page, owner(), first.next);
    expect(second.items.map((p) => p.type)).toEqual(['video']);
    expect(second.next).toBeNull();
  });

  it('reads the comments of a post and answers one as the organisation; posts', async () => {
    const post = 'urn:li:share:7399000000000000003';
    const c = await li.comments(page, owner(), post, null);
    expect(c.items).toHaveLength(2);
    expect(c.items[1]).toEqual({
      id: 'urn:li:comment:(urn:li:activity:7399000000000000003,7399100000000000002)', kind: 'comment', postId: post, parentId: null,
      author: null, authorName: null, authorId: 'urn:li:person:Qw9PlM', text: 'Apakah ada webinar tahun ini?', createdAt: '2026-11-25T06:30:00.000Z',
    });
    expect(c.next).toBeNull();
    const r = await li.reply(page, owner(), c.items[1]?.id ?? '', 'Ada, 10 Desember. Info menyusul!');
    expect(r.postId).toMatch(/^urn:li:comment:\(urn:li:activity:7399000000000000003,\d+\)$/);
    const answer = fake.org.posts[0]?.comments.at(-1);
    expect(answer).toMatchObject({ actor: 'urn:li:organization:10987654', parent: c.items[1]?.id, text: 'Ada, 10 Desember. Info menyusul!' });
    const p = await li.publish(page, owner(), { text: 'Selamat pagi!', link: 'https://example.org' });
    expect(p.postId).toMatch(/^urn:li:share:/);
    expect(fake.org.posts.at(-1)?.commentary).toBe('Selamat pagi! https://example.org');
  });

  it('maps LinkedIn errors: retired version, day throttle, dead token, missing role, lost write', async () => {
    const old = await caught(adapter('202401').profile(page, owner()));
    expect(old).toBeInstanceOf(Rejected);
    expect(String(old)).toContain('LINKEDIN_VERSION');
    fake.remaining = 0;
    const limited = await caught(li.profile(page, owner()));
    fake.remaining = 100_000;
    expect(limited).toBeInstanceOf(RateLimited);
    expect(new Date((limited as RateLimited).retryAt).toISOString()).toMatch(/T00:00:00\.000Z$/);
    expect(await caught(li.profile(page, { access: { kind: 'owner', accessToken: fake.grant(-1).accessToken } }))).toBeInstanceOf(AuthExpired);
    fake.admin = false;
    const denied = await caught(li.profile(page, owner()));
    fake.admin = true;
    expect(denied).toMatchObject({ kind: 'rejected', info: { status: 403, code: 'ACCESS_DENIED' } });
    fake.inject({ path: '/comments', method: 'POST', reset: true });
    expect(await caught(li.reply(page, owner(), 'urn:li:share:7398000000000000002', 'Terima kasih'))).toBeInstanceOf(OutcomeUnknown);
    expect(fake.org.posts[1]?.comments.at(-1)?.text).toBe('Terima kasih');
    expect(await caught(li.posts(page, { access: { kind: 'public' } }, null))).toBeInstanceOf(Rejected);
  });
});
